package org.peelharvest.job;

import java.util.List;

import org.peelharvest.model.Report;

/** One document's outcome: its reports (one, or three for the 2018/19 PDF of all three pillars), each valid. */
record ExtractedDocument(String url, List<Report> reports) {

    ExtractedDocument {
        reports = List.copyOf(reports);
    }
}

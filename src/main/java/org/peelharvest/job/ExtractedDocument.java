package org.peelharvest.job;

import java.util.List;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.publish.StagingArea;

/**
 * One document's outcome: its reports (one, or three for the 2018/19 PDF of all three pillars), each valid.
 *
 * @param document  the document they came from
 * @param sha256    SHA-256 of its bytes as read
 * @param reports   its reports with their JSON, serialised once for the staging area and the cache
 * @param fromCache whether they came from the {@link ExtractionCache} rather than from parsing it
 */
record ExtractedDocument(DocumentRef document, String sha256, List<StagingArea.ReportJson> reports, boolean fromCache) {

    ExtractedDocument {
        reports = List.copyOf(reports);
    }

    String url() {
        return document.url();
    }
}

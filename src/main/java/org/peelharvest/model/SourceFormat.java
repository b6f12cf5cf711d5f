package org.peelharvest.model;

import java.util.Locale;

/** The kind of document a report was read from. HTML is primary when both give a report. */
public enum SourceFormat {
    HTML, PDF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

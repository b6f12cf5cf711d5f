package org.peelharvest.model;

import java.util.Locale;

/** The kind of document a report was read from. */
public enum SourceFormat {
    HTML(1), PDF(2);

    private final int precedence;

    SourceFormat(int precedence) {
        this.precedence = precedence;
    }

    /** Lower comes first: when an HTML page and a PDF give the same report, the HTML is published. */
    public int precedence() {
        return precedence;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

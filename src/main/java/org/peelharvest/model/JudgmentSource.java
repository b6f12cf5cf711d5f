package org.peelharvest.model;

/** Where a published judgment was read from, so an analyst can weigh it. */
public enum JudgmentSource {
    /** The grade line (badge) that the page shows for the report or question. */
    BADGE("badge"),
    /** A sentence of the summary that states this year's grade for the headline question. */
    SUMMARY("summary");

    private final String label;

    JudgmentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

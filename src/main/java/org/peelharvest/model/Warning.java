package org.peelharvest.model;

/**
 * What a published report lacks, holds only in prose, or held that is no part of text: recorded
 * beside it rather than guessed, so an analyst knows which rows to weigh. A report has at most one warning of each code.
 *
 * @param reportId  the published report
 * @param sourceUrl the document it was published from
 * @param detail    a sentence for a person, naming what is missing
 */
public record Warning(String reportId, String sourceUrl, Code code, String detail) {

    /** The closed list of warning codes, written exactly as in {@code warnings.csv}. */
    public enum Code {
        /** No question was found: a page cut short, a summary-only page, a republished summary. */
        NO_QUESTIONS("no-questions"),
        /** Fewer questions than the whole published list of the report's cycle and pillar. */
        QUESTION_COUNT_DIFFERS("question-count-differs"),
        /** A pillar report of a cycle whose pillars were all graded states no grade. */
        NO_JUDGMENT("no-judgment"),
        /** The report's grade, or a question's, was read from a summary sentence, not a grade line. */
        GRADE_IN_PROSE_ONLY("grade-in-prose-only"),
        /** The document gives no "Last updated" date. */
        NO_LAST_UPDATED("no-last-updated"),
        /** The document's text held control characters (a terminal escape), removed from the published text. */
        CONTROL_CHARACTERS_REMOVED("control-characters-removed"),
        /** A pillar report whose page has its questions but not its headline question (a re-published copy). */
        NO_HEADLINE("no-headline");

        private final String label;

        Code(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Warning {
        if (reportId == null || reportId.isBlank() || sourceUrl == null || sourceUrl.isBlank() || code == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a warning names its report, its document, its code and what is missing");
        }
    }
}

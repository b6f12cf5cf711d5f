package org.peelharvest.extract;

/**
 * A piece of a document that says which report it is, apart from the report's own text: the
 * URL, the HTML {@code <title>}, {@code og:title}, breadcrumbs and {@code <h1>}s wherever they
 * sit, the PDF's document information and outline. Identity is decided from all of them.
 */
public record Evidence(Kind kind, String text) {

    /** Where a piece of evidence came from; {@link #strong()} kinds name the document itself. */
    public enum Kind {
        URL(true), HTML_TITLE(true), OG_TITLE(true), H1(true), PDF_TITLE(true), PDF_SUBJECT(true),
        /** A title line or heading in the document's text (a cover, a page title). */
        HEADING(true),
        /** A title-like paragraph or list item of the text: may be a link to another year's report. */
        TEXT(false),
        /** Breadcrumbs and bookmarks name the page's place, and can name a section or a parent instead. */
        BREADCRUMB(false), PDF_OUTLINE(false);

        private final boolean strong;

        Kind(boolean strong) {
            this.strong = strong;
        }

        public boolean strong() {
            return strong;
        }
    }

    public Evidence {
        text = Text.clean(text);
    }
}

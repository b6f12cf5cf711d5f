package org.peelharvest.extract.pdf;

/**
 * One line of text as laid out on a PDF page.
 *
 * @param x          where the text starts, from the left of the page, in points
 * @param endX       where the text ends
 * @param y          baseline position from the top of the page, in points
 * @param fontSize   the largest font size on the line, in points
 * @param pageHeight the height of the page, to tell headers and footers by position
 */
record PdfLine(String text, int page, float x, float endX, float y, float fontSize, boolean bold, float pageHeight) {

    boolean sameStyle(PdfLine other) {
        return Math.abs(fontSize - other.fontSize) < 0.6f && bold == other.bold;
    }

    /** In the top or bottom band of the page, where running headers, footers and page numbers sit. */
    boolean inMargin() {
        return y < pageHeight * 0.1f || y > pageHeight * 0.9f;
    }
}

package org.peelharvest.extract.pdf;

import java.util.List;

/**
 * One line of text as laid out on a PDF page.
 *
 * @param x          where the text starts, from the left of the page, in points
 * @param endX       where the text ends
 * @param y          baseline position from the top of the page, in points
 * @param fontSize   the largest font size on the line, in points
 * @param pageHeight the height of the page, to tell headers and footers by position
 * @param pageWidth  the width of the page, to find a gutter between columns
 * @param words      where each word of {@code text} starts and ends, to split a line at a gutter
 * @param column     0 on a page of one column, 1 or 2 for the left or right column of two
 */
record PdfLine(String text, int page, float x, float endX, float y, float fontSize, boolean bold, float pageHeight,
               float pageWidth, List<Word> words, int column) {

    /** A run of the line's text as PDFBox splits it (a word, or words drawn as one string): its offset in {@code text} and its horizontal extent. */
    record Word(int offset, float x, float endX, float y, float fontSize, boolean bold) {
    }

    PdfLine {
        words = List.copyOf(words);
    }

    boolean sameStyle(PdfLine other) {
        return Math.abs(fontSize - other.fontSize) < 0.6f && bold == other.bold;
    }

    /** In the top or bottom band of the page, where running headers, footers and page numbers sit. */
    boolean inMargin() {
        return y < pageHeight * 0.1f || y > pageHeight * 0.9f;
    }

    /** The words from {@code from} to {@code to} (exclusive) as a line of their own, in {@code column}. */
    PdfLine part(int from, int to, int column) {
        int start = words.get(from).offset();
        int end = to < words.size() ? words.get(to).offset() : text.length();
        List<Word> moved = words.subList(from, to).stream()
                .map(w -> new Word(w.offset() - start, w.x(), w.endX(), w.y(), w.fontSize(), w.bold())).toList();
        float size = (float) moved.stream().mapToDouble(Word::fontSize).max().orElse(fontSize);
        boolean anyBold = moved.stream().anyMatch(Word::bold);
        return new PdfLine(text.substring(start, end).strip(), page, moved.get(0).x(), moved.get(moved.size() - 1).endX(),
                moved.get(0).y(),
                size, anyBold, pageHeight, pageWidth, moved, column);
    }

    /** The same line with its text changed where its length is kept (a space made a tab). */
    PdfLine withText(String sameLength) {
        return new PdfLine(sameLength, page, x, endX, y, fontSize, bold, pageHeight, pageWidth, words, column);
    }

    PdfLine inColumn(int newColumn) {
        return new PdfLine(text, page, x, endX, y, fontSize, bold, pageHeight, pageWidth, words, newColumn);
    }
}

package org.peelharvest.extract;

/**
 * One unit of text in reading order, whatever the document format.
 *
 * @param level heading level (1 is the largest), list nesting depth for list items, 0 otherwise
 * @param page  the PDF page the text starts on, 0 for HTML
 * @param path  a short CSS path of the HTML element the text came from, null for PDF
 */
public record Block(Kind kind, int level, String text, int page, String path) {

    /** TABLE_ROW text is the row's cells separated by tabs, empty cells kept. */
    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW }

    public Block {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a block has text");
        }
    }

    public static Block heading(int level, String text) {
        return new Block(Kind.HEADING, level, text, 0, null);
    }

    public static Block paragraph(String text) {
        return new Block(Kind.PARAGRAPH, 0, text, 0, null);
    }

    public static Block listItem(String text) {
        return new Block(Kind.LIST_ITEM, 1, text, 0, null);
    }

    public boolean isHeading() {
        return kind == Kind.HEADING;
    }

    public boolean isListItem() {
        return kind == Kind.LIST_ITEM;
    }

    public boolean isTableRow() {
        return kind == Kind.TABLE_ROW;
    }

    /** The cells of a table row; a block of any other kind is one cell. */
    public java.util.List<String> cells() {
        return isTableRow() ? java.util.List.of(text.split("\t", -1)) : java.util.List.of(text);
    }
}

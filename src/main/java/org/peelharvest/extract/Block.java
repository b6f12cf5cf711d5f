package org.peelharvest.extract;

/**
 * One unit of text in reading order, whatever the document format.
 *
 * @param level heading level (1 is the largest), list nesting depth for list items, 0 otherwise
 * @param page  the PDF page the text starts on, 0 for HTML
 * @param path  a short CSS path of the HTML element the text came from, null for PDF
 * @param origin how the block was made, for {@code explain}: a PDF structure element's tag or the
 *               geometry rule that joined its lines; null where the path says it (HTML). Not part
 *               of what a block is: two blocks that differ only in it are equal.
 */
public record Block(Kind kind, int level, String text, int page, String path, String origin) {

    /** TABLE_ROW text is the row's cells separated by tabs, empty cells kept. */
    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW }

    public Block {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a block has text");
        }
    }

    public Block(Kind kind, int level, String text, int page, String path) {
        this(kind, level, text, page, path, null);
    }

    /** This block's text replaced, made the same way. */
    public Block withText(Kind kind, int level, String text) {
        return new Block(kind, level, text, page, path, origin);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Block block && kind == block.kind && level == block.level && page == block.page
                && text.equals(block.text) && java.util.Objects.equals(path, block.path);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, level, text, page, path);
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

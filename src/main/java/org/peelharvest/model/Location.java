package org.peelharvest.model;

/**
 * Where in its document a value was read, so that every published value can be traced back.
 *
 * @param page the PDF page (from 1), 0 for HTML
 * @param path a short CSS path of the HTML element, null for PDF
 */
public record Location(int page, String path) {

    public static final Location UNKNOWN = new Location(0, null);

    public Location {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more: " + page);
        }
    }
}

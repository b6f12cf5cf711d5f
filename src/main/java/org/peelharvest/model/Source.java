package org.peelharvest.model;

/**
 * Where a report came from: the URL (or {@code file:} URI) of the document, its format and the
 * SHA-256 of its bytes as read.
 *
 * @param controlCharacters how many control characters the document's text held, each removed
 *                          from the report's text ({@link ControlCharacters}); 0 for nearly all
 */
public record Source(String url, SourceFormat format, String sha256, int controlCharacters) {

    public Source(String url, SourceFormat format, String sha256) {
        this(url, format, sha256, 0);
    }

    public Source {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source url is required");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        if (controlCharacters < 0) {
            throw new IllegalArgumentException("a count of control characters is not negative: " + controlCharacters);
        }
    }
}

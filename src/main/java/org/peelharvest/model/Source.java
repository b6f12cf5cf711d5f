package org.peelharvest.model;

import java.util.regex.Pattern;

/**
 * Where a report came from: the URL (or {@code file:} URI) of the document, its format and the
 * SHA-256 of its bytes as read.
 *
 * @param controlCharacters how many control characters the document's text held, each removed
 *                          from the report's text ({@link ControlCharacters}); 0 for nearly all
 */
public record Source(String url, SourceFormat format, String sha256, int controlCharacters) {

    /** Compiled once: a report is made with its source, and String#matches compiles its pattern each time. */
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Source(String url, SourceFormat format, String sha256) {
        this(url, format, sha256, 0);
    }

    public Source {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source url is required");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        if (controlCharacters < 0) {
            throw new IllegalArgumentException("a count of control characters is not negative: " + controlCharacters);
        }
    }
}

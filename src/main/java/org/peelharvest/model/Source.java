package org.peelharvest.model;

/**
 * Where a report came from: the URL (or {@code file:} URI) of the document, its format and the
 * SHA-256 of its bytes as read.
 */
public record Source(String url, SourceFormat format, String sha256) {

    public Source {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source url is required");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
    }
}

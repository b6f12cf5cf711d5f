package org.peelharvest.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one document as read, with the URL (or {@code file:} URI) they came from.
 * The bytes are not copied: callers hand over an array they no longer change.
 */
public record SourceDocument(String url, byte[] content) {

    public SourceDocument {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("document url is required");
        }
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

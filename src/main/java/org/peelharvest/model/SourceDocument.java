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
        return sha256(content);
    }

    /** SHA-256 as 64 lowercase hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

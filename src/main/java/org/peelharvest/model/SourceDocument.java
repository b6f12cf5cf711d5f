package org.peelharvest.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one document as read, with the URL (or {@code file:} URI) they came from.
 * The bytes are not copied: callers hand over an array they no longer change. Their SHA-256 is
 * worked out once, when first asked for: the cache's key, the report's source and the staged
 * record each ask for it (three digests of every document were a tenth of the job's own work,
 * issue 18's profile).
 */
public final class SourceDocument {

    private final String url;
    private final byte[] content;
    private volatile String sha256;

    public SourceDocument(String url, byte[] content) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("document url is required");
        }
        this.url = url;
        this.content = content;
    }

    public String url() {
        return url;
    }

    public byte[] content() {
        return content;
    }

    public String sha256() {
        String digest = sha256;
        if (digest == null) {
            digest = sha256(content);
            sha256 = digest;
        }
        return digest;
    }

    @Override
    public String toString() {
        return "SourceDocument[url=" + url + ", " + content.length + " bytes]";
    }

    /** SHA-256 as 64 lowercase hex digits. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The SHA-256 of a file, read a block at a time: a release's table can be as large as the archive. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] block = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(block)) > 0; ) {
                digest.update(block, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A digest never used, copied for each use: looking SHA-256 up among the security providers costs more than a small page's digest. */
    private static final MessageDigest PROTOTYPE = lookUp();

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

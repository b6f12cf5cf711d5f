package org.peelharvest.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a document's format from its first bytes, whatever its file name says: the one sniffer of
 * the program (listing inputs, extracting, and a harvest deciding which answers to read for links).
 */
public final class Formats {

    /** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3). */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final int HTML_SNIFF_WINDOW = 4096;

    private Formats() {
    }

    public static Optional<SourceFormat> sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, HTML_SNIFF_WINDOW), StandardCharsets.ISO_8859_1);
        if (head.substring(0, Math.min(head.length(), PDF_HEADER_WINDOW)).contains("%PDF-")) {
            return Optional.of(SourceFormat.PDF);
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype html") || lower.contains("<html") || lower.contains("<body")
                || lower.contains("<head") || lower.contains("<h1") || lower.contains("<p>")) {
            return Optional.of(SourceFormat.HTML);
        }
        return Optional.empty();
    }
}

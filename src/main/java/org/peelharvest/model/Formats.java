package org.peelharvest.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** What the first bytes of a PDF hold (case as written). */
    private static final byte[] PDF_MARK = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** What the first bytes of an HTML page hold, one of them, in any case of ASCII letters. */
    private static final List<byte[]> HTML_MARKS = Stream.of("<!doctype html", "<html", "<body", "<head", "<h1", "<p>")
            .map(mark -> mark.getBytes(StandardCharsets.US_ASCII)).toList();

    /**
     * The format the first bytes tell: "%PDF-" within the first 1,024, or one of the HTML marks
     * within the first 4,096, its letters in either case. Looked for in the bytes themselves, not in
     * a string made of them, in one pass: extraction asks three times a document (a tenth of reading a
     * small page).
     */
    public static Optional<SourceFormat> sniff(byte[] content) {
        int pdfWindow = Math.min(content.length, PDF_HEADER_WINDOW);
        int htmlWindow = Math.min(content.length, HTML_SNIFF_WINDOW);
        boolean html = false;
        // One pass: the PDF mark wins wherever it stands in its window, so an HTML mark found
        // first ends the pass only once no PDF mark can follow.
        for (int at = 0; at < Math.max(pdfWindow, htmlWindow); at++) {
            byte b = content[at];
            if (b == '%' && at < pdfWindow && at(content, at, pdfWindow, PDF_MARK, false)) {
                return Optional.of(SourceFormat.PDF);
            }
            if (b == '<' && !html && at < htmlWindow) {
                for (byte[] mark : HTML_MARKS) {
                    if (at(content, at, htmlWindow, mark, true)) {
                        html = true;
                        break;
                    }
                }
            }
            if (html && at + PDF_MARK.length > pdfWindow) {
                break;
            }
        }
        return html ? Optional.of(SourceFormat.HTML) : Optional.empty();
    }

    /**
     * Whether {@code mark} (lower case) stands at {@code start}, ending within the first {@code
     * limit} bytes; with {@code anyCase}, an ASCII letter matches its capital too (as a byte read as
     * ISO-8859-1 and lower-cased does: no other byte lower-cases to an ASCII letter).
     */
    private static boolean at(byte[] content, int start, int limit, byte[] mark, boolean anyCase) {
        if (start + mark.length > limit) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if (!same(content[start + i], mark[i], anyCase)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(byte actual, byte wanted, boolean anyCase) {
        return actual == wanted || anyCase && wanted >= 'a' && wanted <= 'z' && actual == wanted - ('a' - 'A');
    }
}

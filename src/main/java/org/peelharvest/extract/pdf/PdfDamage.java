package org.peelharvest.extract.pdf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What PDFBox had to repair to open a PDF. Its parser is lenient: a file cut short, or one whose
 * cross-reference is not where {@code startxref} says, is rebuilt by scanning for objects, and
 * reads as a shorter document. A report read from such a file may lack the very grade it states,
 * so it is told apart from a whole one: by its end ({@code %%EOF} and a {@code startxref} that
 * points at a cross-reference table or stream) and by its page tree (as many pages as it counts).
 */
final class PdfDamage {

    /** Where a file's end is looked for: writers put a newline or a few bytes after {@code %%EOF}. */
    private static final int TAIL = 1024;
    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,12})\\s+%%EOF");
    private static final Pattern AT_XREF = Pattern.compile("^(?:xref|\\d{1,10}\\s+\\d{1,5}\\s+obj)");

    private PdfDamage() {
    }

    /** Why the PDF is damaged, in a user's words; empty when it is whole. */
    static Optional<String> of(byte[] content, PDDocument document) {
        String tail = latin1(content, Math.max(0, content.length - TAIL), content.length);
        int eof = tail.lastIndexOf("%%EOF");
        if (eof < 0) {
            return Optional.of("it does not end with %%EOF: the file was cut short");
        }
        Matcher startXref = START_XREF.matcher(tail);
        String last = null;
        while (startXref.find()) {
            last = startXref.group(1);
        }
        if (last == null) {
            return Optional.of("it has no startxref before its %%EOF, so PDFBox rebuilt its cross-reference");
        }
        long offset = Long.parseLong(last) + headerOffset(content);
        if (offset >= content.length || !AT_XREF.matcher(latin1(content, (int) offset,
                (int) Math.min(content.length, offset + 64))).find()) {
            return Optional.of("its cross-reference is not where startxref says (byte " + last
                    + "), so PDFBox rebuilt it");
        }
        return missingPages(document);
    }

    /** A page tree that counts more pages than it holds lost some. */
    private static Optional<String> missingPages(PDDocument document) {
        int counted = document.getNumberOfPages();
        int held = 0;
        for (PDPage ignored : document.getPages()) {
            held++;
        }
        return held < counted
                ? Optional.of("its page tree counts " + counted + " pages but holds " + held)
                : Optional.empty();
    }

    /** Offsets count from {@code %PDF-}; a file may have bytes before it. */
    private static int headerOffset(byte[] content) {
        int header = latin1(content, 0, Math.min(content.length, TAIL)).indexOf("%PDF-");
        return Math.max(0, header);
    }

    private static String latin1(byte[] content, int from, int to) {
        return new String(content, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }
}

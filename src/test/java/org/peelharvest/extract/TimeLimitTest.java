package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;

/**
 * A document past its time limit is rejected {@code timed-out}, and its parser stops working
 * then, rather than running on unseen in the background (issue 9): HTML and PDF alike.
 */
class TimeLimitTest {

    private static final DocumentExtractor.Limits LIMITS = new DocumentExtractor.Limits(50L * 1024 * 1024,
            Duration.ofMillis(200));

    @Test
    void aSlowPdfIsRejectedAndItsParserStops() throws IOException, InterruptedException {
        SourceDocument slow = new SourceDocument("slow.pdf", pdfOfOperators(3_000_000));

        assertTimedOutAndStopped(slow);
    }

    @Test
    void aSlowHtmlPageIsRejectedAndItsParserStops() throws InterruptedException {
        StringBuilder html = new StringBuilder("<html><head><title>Slow</title></head><body>");
        for (int i = 0; i < 600_000; i++) {
            html.append("<p>Line ").append(i).append(".</p>");
        }
        SourceDocument slow = new SourceDocument("slow.html", html.append("</body></html>").toString()
                .getBytes(StandardCharsets.UTF_8));

        assertTimedOutAndStopped(slow);
    }

    private static void assertTimedOutAndStopped(SourceDocument slow) throws InterruptedException {
        assertThatThrownBy(() -> new DocumentExtractor(LIMITS).extractAll(slow))
                .isInstanceOf(RejectedDocumentException.class)
                .extracting(e -> ((RejectedDocumentException) e).reject().reason().code()).isEqualTo("timed-out");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!busyParsers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(busyParsers()).as("parser threads still working after their document was rejected").isEmpty();
    }

    /** Parser threads that are running a document, not waiting for the next one. */
    private static List<String> busyParsers() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("peel-harvest-parser"))
                .filter(e -> e.getKey().getState() == Thread.State.RUNNABLE)
                .map(e -> e.getKey() + " at " + (e.getValue().length > 0 ? e.getValue()[0] : "?"))
                .toList();
    }

    /** A one-page PDF whose content stream is {@code count} save/restore operators and no text: slow, and never read. */
    private static byte[] pdfOfOperators(int count) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] pair = "q Q\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < count; i++) {
                    out.write(pair);
                }
            }
            page.setContents(contents);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}

package org.peelharvest.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.peelharvest.extract.html.HtmlBlockReader;
import org.peelharvest.extract.pdf.PdfBlockReader;
import org.peelharvest.model.Formats;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.SourceFormat;

/**
 * The one entry point of extraction: a document's bytes in, a {@link Report} out. The format is
 * told from the content; each format's block reader feeds the same {@link ReportReader}.
 * Plain Java, safe to share between threads: every call makes its own parser state.
 *
 * <p>Whatever a document is, it costs one reject, never the run (issue 9): its size is checked
 * before it is parsed, it is parsed within a time limit, and running out of memory on it rejects
 * it rather than ending the program.
 */
public final class DocumentExtractor {

    /**
     * How much one document may cost.
     *
     * @param maxBytes the largest document read, in bytes; the real reports are under 20 MB
     * @param timeout  the longest one document may take to extract; the real reports take seconds
     */
    public record Limits(long maxBytes, Duration timeout) {

        /** The setting of {@link #maxBytes}, and the one definition of its default below. */
        public static final String MAX_SIZE_SETTING = "peel.limits.max-document-size";
        /** The setting of {@link #timeout}, and the one definition of its default below. */
        public static final String TIMEOUT_SETTING = "peel.limits.document-timeout";
        /** The defaults of both settings, for {@code extract}, {@code run} and {@code explain} alike. */
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, Duration.ofSeconds(60));

        public Limits {
            if (maxBytes <= 0 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("document limits must be positive: " + maxBytes + " bytes, " + timeout);
            }
        }
    }

    /** Parsing threads are daemons: one stuck past its time must not keep the program alive. */
    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "peel-harvest-parser");
        thread.setDaemon(true);
        return thread;
    });

    private final HtmlBlockReader html = new HtmlBlockReader();
    private final PdfBlockReader pdf = new PdfBlockReader();
    private final ReportReader reader = new ReportReader();
    private final Limits limits;

    public DocumentExtractor() {
        this(Limits.DEFAULT);
    }

    public DocumentExtractor(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The one report of a document.
     *
     * @throws RejectedDocumentException naming the document and the reason it gives no report
     * @throws IllegalArgumentException  for a document that holds several reports (see {@link #extractAll})
     */
    public Report extract(SourceDocument document) {
        List<Report> reports = extractAll(document);
        if (reports.size() != 1) {
            throw new IllegalArgumentException(document.url() + " holds " + reports.size() + " reports");
        }
        return reports.get(0);
    }

    /**
     * Every report of a document: one, or three for the 2018/19 PDF of all three pillars.
     *
     * @throws RejectedDocumentException naming the document and the reason it gives no report
     */
    public List<Report> extractAll(SourceDocument document) {
        return withinLimits(document, () -> reportsOf(document));
    }

    /** Every report of a document, read in this thread with no limit: only ever called within them. */
    List<Report> reportsOf(SourceDocument document) {
        SourceFormat format = formatOf(document);
        DocumentBlocks blocks = blocks(document, format);
        return reader.read(blocks, new Source(document.url(), format, document.sha256(), blocks.controlCharacters()));
    }

    private void requireWithinSize(SourceDocument document) {
        if (document.content().length > limits.maxBytes()) {
            throw new RejectedDocumentException(new Reject(document.url(), "read", RejectReason.TOO_LARGE, RejectReason.tooLarge(
                    document.content().length, limits.maxBytes())));
        }
    }

    /**
     * An HTML page takes about this many times its size in heap as a jsoup tree (measured: a 45 MB
     * page of paragraphs ran a 256 MB heap out after 30 s); a page that cannot fit is refused at once.
     */
    private static final int HTML_HEAP_FACTOR = 8;

    private static void requireHeapFor(SourceDocument document, SourceFormat format) {
        long heap = Runtime.getRuntime().maxMemory();
        long needed = (long) document.content().length * HTML_HEAP_FACTOR;
        if (format == SourceFormat.HTML && needed > heap) {
            throw new RejectedDocumentException(new Reject(document.url(), "read", RejectReason.TOO_LARGE, document.content().length
                    + " bytes of HTML need about " + needed / (1024 * 1024) + " MB of heap to read, more than the "
                    + heap / (1024 * 1024) + " MB there is (-Xmx)"));
        }
    }

    /**
     * Runs one document's extraction in a parser thread, so that a document that takes too long
     * is rejected as {@code timed-out} (the thread is interrupted, and the HTML walk stops at
     * that) and one that needs more memory than the heap has is rejected as {@code too-large}:
     * the parser's memory is all garbage once its thread has thrown. The document's size, and an
     * HTML page's need of heap, are checked before it is parsed. {@code extract} and {@code explain}
     * both read a document only through this (issue 17).
     */
    <T> T withinLimits(SourceDocument document, Supplier<T> extraction) {
        requireWithinSize(document);
        requireHeapFor(document, formatOf(document));
        Future<T> result = PARSERS.submit(extraction::get);
        try {
            return result.get(limits.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new RejectedDocumentException(new Reject(document.url(), "extract", RejectReason.TIMED_OUT,
                    "extraction took more than " + seconds(limits.timeout()) + " (peel.limits.document-timeout)"), e);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + document.url(), e);
        } catch (ExecutionException e) {
            throw translated(document, e.getCause());
        }
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static RuntimeException translated(SourceDocument document, Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof OutOfMemoryError) {
            return new RejectedDocumentException(new Reject(document.url(), "extract", RejectReason.TOO_LARGE,
                    document.content().length + " bytes that need more memory to extract than the heap has (-Xmx)"), failure);
        }
        if (failure instanceof StackOverflowError) {
            return new RejectedDocumentException(new Reject(document.url(), "extract", RejectReason.EXTRACT_FAILED,
                    "the document nests too deep to read"), failure);
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    /** The document as blocks with its evidence, as the report reader sees it. */
    public DocumentBlocks read(SourceDocument document) {
        return blocks(document, formatOf(document));
    }

    /** The document's blocks, HTML or PDF, with no control character in their text. */
    private DocumentBlocks blocks(SourceDocument document, SourceFormat format) {
        DocumentBlocks blocks = switch (format) {
            case HTML -> html.read(htmlBytes(document.content()), document.url());
            case PDF -> pdf.read(document.content(), document.url());
        };
        return blocks.withoutControlCharacters();
    }

    private static SourceFormat formatOf(SourceDocument document) {
        if (document.content().length == 0) {
            throw new RejectedDocumentException(new Reject(document.url(), "read", RejectReason.EMPTY_FILE, "the file is empty"));
        }
        return Formats.sniff(document.content()).or(() -> utf16(document.content()).map(charset -> SourceFormat.HTML))
                .orElseThrow(() -> new RejectedDocumentException(new Reject(
                        document.url(), "read", RejectReason.UNSUPPORTED_FORMAT, "the content is neither HTML nor PDF")));
    }

    /**
     * The UTF-16 a page is saved in (Windows "Unicode"), told by HTML showing in its first bytes
     * read as UTF-16 little- or big-endian; such a page is HTML too (issue 9).
     */
    private static java.util.Optional<Charset> utf16(byte[] content) {
        if (Formats.sniff(content).isPresent()) {
            return java.util.Optional.empty();
        }
        int head = Math.min(content.length, 8192) & ~1;
        return java.util.stream.Stream.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)
                .filter(charset -> Formats.sniff(new String(content, 0, head, charset).getBytes(StandardCharsets.UTF_8))
                        .filter(SourceFormat.HTML::equals).isPresent())
                .findFirst();
    }

    /** The page's bytes for jsoup, which tells UTF-16 by its byte-order mark: one is put in front when missing. */
    private static byte[] htmlBytes(byte[] content) {
        return utf16(content).filter(charset -> !hasByteOrderMark(content)).map(charset -> {
            byte[] mark = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] marked = new byte[content.length + 2];
            System.arraycopy(mark, 0, marked, 0, 2);
            System.arraycopy(content, 0, marked, 2, content.length);
            return marked;
        }).orElse(content);
    }

    private static boolean hasByteOrderMark(byte[] content) {
        return content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE));
    }
}

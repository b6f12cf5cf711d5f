package org.peelharvest.extract;

import java.util.List;

import org.peelharvest.extract.html.HtmlBlockReader;
import org.peelharvest.extract.pdf.PdfBlockReader;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.SourceFormat;

/**
 * The one entry point of extraction: a document's bytes in, a {@link Report} out. The format is
 * told from the content; each format's block reader feeds the same {@link ReportReader}.
 * Plain Java, safe to share between threads: every call makes its own parser state.
 */
public final class DocumentExtractor {

    private final HtmlBlockReader html = new HtmlBlockReader();
    private final PdfBlockReader pdf = new PdfBlockReader();
    private final ReportReader reader = new ReportReader();

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
        SourceFormat format = formatOf(document);
        Source source = new Source(document.url(), format, document.sha256());
        return reader.read(blocks(document, format), source);
    }

    /** The document as blocks, for tools and tests that look at what the reader sees. */
    public List<Block> blocks(SourceDocument document) {
        return blocks(document, formatOf(document)).blocks();
    }

    /** The document as blocks with its evidence, as the report reader sees it. */
    public DocumentBlocks read(SourceDocument document) {
        return blocks(document, formatOf(document));
    }

    private DocumentBlocks blocks(SourceDocument document, SourceFormat format) {
        return switch (format) {
            case HTML -> html.read(document.content(), document.url());
            case PDF -> pdf.read(document.content(), document.url());
        };
    }

    private static SourceFormat formatOf(SourceDocument document) {
        if (document.content().length == 0) {
            throw new RejectedDocumentException(new Reject(document.url(), "read", "empty-file", "the file is empty"));
        }
        return Formats.sniff(document.content()).orElseThrow(() -> new RejectedDocumentException(new Reject(
                document.url(), "read", "unsupported-format", "the content is neither HTML nor PDF")));
    }
}

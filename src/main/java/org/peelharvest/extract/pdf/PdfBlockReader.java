package org.peelharvest.extract.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import org.peelharvest.extract.Block;
import org.peelharvest.extract.BlockNormalizer;
import org.peelharvest.extract.DocumentBlocks;
import org.peelharvest.extract.Evidence;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;

/** Reads a PDF report into text blocks in reading order. */
public final class PdfBlockReader {

    private static final Pattern BROWSER_PRODUCERS = Pattern.compile("skia|chrom|webkit|wkhtmltopdf|gecko|firefox");
    /** Word processors' PDF exports: LibreOffice and OpenOffice ("LibreOffice 7.4"), Microsoft Word ("Microsoft® Word for Microsoft 365"). */
    private static final Pattern WORD_PROCESSORS = Pattern.compile("libreoffice|openoffice|microsoft\\W*word");

    /**
     * @throws RejectedDocumentException naming the document when it is encrypted, not a PDF
     *                                   PDFBox can open, damaged (PDFBox had to repair it), or has
     *                                   no text layer
     */
    public DocumentBlocks read(byte[] content, String url) {
        // No scan of the machine's fonts: PDFBox is told the one font it needs (issue 18), on the
        // first PDF read (once), so a job of HTML pages never loads it.
        BundledFonts.install();
        try (PDDocument document = Loader.loadPDF(content)) {
            Optional<String> damage = PdfDamage.of(content, document);
            if (damage.isPresent()) {
                throw reject(url, RejectReason.DAMAGED_PDF, "the PDF is damaged: " + damage.get()
                        + "; what is missing may hold its grade, so it is not published", null);
            }
            MarkedText marked = StructureReader.isTagged(document) ? new MarkedText() : null;
            List<PdfLine> lines = new LineCollector(marked).collect(document);
            if (lines.isEmpty()) {
                throw reject(url, RejectReason.NO_TEXT, "the PDF has no text layer (scanned pages need OCR)", null);
            }
            Optional<StructureReader.Tagged> tagged = StructureReader.read(document, marked,
                    () -> lines.stream().mapToLong(l -> StructureReader.visibleChars(l.text())).sum());
            if (tagged.isPresent() && tagged.get().usable()) {
                return new DocumentBlocks(BlockNormalizer.normalize(tagged.get().blocks()), evidence(document),
                        String.format(Locale.ROOT, "the PDF's structure tree (its tags hold %.0f%% of the page text)",
                                100 * tagged.get().coverage()));
            }
            String why = tagged.map(t -> String.format(Locale.ROOT, "its tags hold only %.0f%% of the page text, under %.0f%%",
                    100 * t.coverage(), 100 * StructureReader.MIN_COVERAGE)).orElse("the PDF is not tagged");
            return new DocumentBlocks(BlockNormalizer.normalize(PdfLayout.blocks(lines, hyphenation(document))),
                    evidence(document), "the pages' geometry (" + why + "): lines joined by leading and indent, "
                    + "headings by size and weight, columns by the white space between them");
        } catch (InvalidPasswordException e) {
            throw reject(url, RejectReason.ENCRYPTED_PDF, "the PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw reject(url, RejectReason.CORRUPT_PDF, "PDFBox cannot read it: " + e.getMessage(), e);
        }
    }

    /** The PDF's own title and subject, and its top-level bookmarks. */
    private static List<Evidence> evidence(PDDocument document) {
        List<Evidence> evidence = new ArrayList<>();
        PDDocumentInformation info = document.getDocumentInformation();
        if (info.getTitle() != null) {
            evidence.add(new Evidence(Evidence.Kind.PDF_TITLE, info.getTitle()));
        }
        if (info.getSubject() != null) {
            evidence.add(new Evidence(Evidence.Kind.PDF_SUBJECT, info.getSubject()));
        }
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline != null) {
            for (PDOutlineItem item : outline.children()) {
                if (item.getTitle() != null) {
                    evidence.add(new Evidence(Evidence.Kind.PDF_OUTLINE, item.getTitle()));
                }
            }
        }
        return evidence;
    }

    /**
     * Browsers print pages without breaking words (CSS {@code hyphens: manual} is their default);
     * word processors break them only where a paragraph is set to (off by default). Their PDFs name
     * the engine or the program as producer. Any other producer may hyphenate.
     */
    private static PdfLayout.Hyphenation hyphenation(PDDocument document) {
        String producer = String.valueOf(document.getDocumentInformation().getProducer()).toLowerCase(Locale.ROOT);
        if (BROWSER_PRODUCERS.matcher(producer).find()) {
            return PdfLayout.Hyphenation.NEVER;
        }
        return WORD_PROCESSORS.matcher(producer).find() ? PdfLayout.Hyphenation.OFF_BY_DEFAULT : PdfLayout.Hyphenation.MAY;
    }

    private static RejectedDocumentException reject(String url, RejectReason reason, String detail, Exception cause) {
        return new RejectedDocumentException(new Reject(url, "extract", reason, detail), cause);
    }
}

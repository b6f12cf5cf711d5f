package org.peelharvest.extract.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the lines PDFBox finds, with the position, size and weight of their text.
 * A new collector is made for each document: PDFTextStripper keeps state between calls.
 */
final class LineCollector extends PDFTextStripper {

    private final List<PdfLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private float pageHeight;
    private float pageWidth;
    private final List<PdfLine.Word> words = new ArrayList<>();
    private float x = Float.NaN;
    private float y;
    private float endX;
    private float fontSize;
    private boolean bold;

    /** A tagged PDF's marked content, gathered in this same pass (null: not gathered). */
    private final MarkedText marked;

    LineCollector() {
        this(null);
    }

    /** @param marked where a tagged PDF's marked-content text is gathered as the pages are read, or null */
    LineCollector(MarkedText marked) {
        this.marked = marked;
        // Report PDFs are single-column; sorting by position puts text drawn out of order (running
        // headers written last, footnotes) back where a reader sees it.
        setSortByPosition(true);
        // Glyphs drawn over themselves (fake bold) are dropped by Overprints, PDFBox's rule kept
        // with a grid instead of its column walk (see Overprints).
        setSuppressDuplicateOverlappingText(false);
    }

    private final Overprints overprints = new Overprints();

    @Override
    protected void processTextPosition(TextPosition glyph) {
        if (!overprints.repeats(glyph)) {
            if (marked != null) {
                marked.glyph(glyph);
            }
            super.processTextPosition(glyph);
        }
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        super.beginMarkedContentSequence(tag, properties);
        if (marked != null) {
            marked.begin(tag, properties);
        }
    }

    @Override
    public void endMarkedContentSequence() {
        super.endMarkedContentSequence();
        if (marked != null) {
            marked.end();
        }
    }

    List<PdfLine> collect(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        return lines;
    }

    /**
     * How many content-stream operators pass between two looks at the thread's interrupt flag: a
     * few microseconds of work, so a document past its time stops at once (DocumentExtractor's limit).
     */
    private static final int INTERRUPT_CHECK = 4096;
    private long operators;

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (++operators % INTERRUPT_CHECK == 0) {
            stopIfInterrupted();
        }
        super.processOperator(operator, operands);
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("stopped: the document took longer than its time limit");
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        stopIfInterrupted();
        pageHeight = page.getMediaBox().getHeight();
        pageWidth = page.getMediaBox().getWidth();
        overprints.clear();
        if (marked != null) {
            marked.startPage();
        }
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        if (marked != null) {
            marked.endPage(getCurrentPageNo());
        }
        super.endPage(page);
    }

    /**
     * A gap between two words of one line wider than this many times the font size separates table
     * cells (or a label from its value), not words; it is kept as a tab. A word space is about a
     * quarter of the font size, a justified line's widest about one; the grades tables of the
     * fixtures (PdfRenderer, InspectoratePdf) leave three or more between a question and its grade.
     */
    private static final float CELL_GAP = 2.5f;

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        if (!positions.isEmpty() && !text.isEmpty() && text.charAt(text.length() - 1) == ' '
                && positions.get(0).getXDirAdj() - endX > CELL_GAP * Math.max(fontSize, 1f)) {
            text.setCharAt(text.length() - 1, '\t');
        }
        if (Float.isNaN(x) && !positions.isEmpty()) {
            TextPosition first = positions.get(0);
            x = first.getXDirAdj();
            y = first.getYDirAdj();
        }
        int offset = text.length();
        for (TextPosition position : positions) {
            endX = Math.max(endX, position.getXDirAdj() + position.getWidthDirAdj());
            fontSize = Math.max(fontSize, position.getFontSizeInPt());
            bold |= isBold(position);
        }
        text.append(string);
        runs(offset, string, positions);
    }

    /**
     * Records the runs of a string: where it starts and ends, its size and weight; a string drawn
     * with a wide gap inside it (two columns' lines written as one string of glyphs at one height)
     * is two runs, split at the gap, where its glyphs map one to one onto its characters; a gap as
     * wide as {@link #CELL_GAP} there is kept as a tab, as between strings.
     */
    private void runs(int offset, String string, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        boolean oneToOne = string.length() == positions.size();
        int start = 0;
        for (int i = 1; i <= positions.size(); i++) {
            boolean gap = i < positions.size() && oneToOne && positions.get(i).getXDirAdj()
                    - (positions.get(i - 1).getXDirAdj() + positions.get(i - 1).getWidthDirAdj())
                    > Columns.GUTTER_GAP * positions.get(i).getFontSizeInPt();
            if (i == positions.size() || gap) {
                words.add(word(offset + (oneToOne ? start : 0), positions.subList(start, i)));
                start = i;
            }
            if (gap && i >= 2 && text.charAt(offset + i - 1) == ' ' && positions.get(i).getXDirAdj()
                    - (positions.get(i - 2).getXDirAdj() + positions.get(i - 2).getWidthDirAdj())
                    > CELL_GAP * positions.get(i).getFontSizeInPt()) {
                // A table's cells drawn as one string (a word processor's row): the wide gap is a cell gap.
                text.setCharAt(offset + i - 1, '\t');
            }
        }
    }

    /** One run's word: where it starts and ends, its largest size, bold if any glyph is. */
    private PdfLine.Word word(int offset, List<TextPosition> run) {
        float runEnd = 0;
        float size = 0;
        boolean runBold = false;
        // Plain loops: this is called for every string of every page (issue 11's profile).
        for (TextPosition position : run) {
            runEnd = Math.max(runEnd, position.getXDirAdj() + position.getWidthDirAdj());
            size = Math.max(size, position.getFontSizeInPt());
            runBold |= isBold(position);
        }
        return new PdfLine.Word(offset, run.get(0).getXDirAdj(), runEnd, run.get(0).getYDirAdj(), size, runBold);
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    // PDFBox ends a line with a line separator, but the last line of a paragraph, article or page
    // with a paragraph or page end instead: each of them closes the line being collected.
    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphStart() {
        endLine();
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
    }

    @Override
    protected void writePageEnd() {
        endLine();
    }

    private void endLine() {
        String raw = text.toString();
        String line = raw.strip();
        if (!line.isEmpty() && !Float.isNaN(x)) {
            int lead = raw.indexOf(line);
            List<PdfLine.Word> kept = words.stream().filter(w -> w.offset() >= lead && w.offset() < lead + line.length())
                    .map(w -> new PdfLine.Word(w.offset() - lead, w.x(), w.endX(), w.y(), w.fontSize(), w.bold())).toList();
            lines.add(new PdfLine(line, getCurrentPageNo(), x, endX, y, fontSize, bold, pageHeight, pageWidth, kept, 0));
        }
        words.clear();
        text.setLength(0);
        x = Float.NaN;
        endX = 0;
        fontSize = 0;
        bold = false;
    }

    /** Whether each font of the document is bold, told once a font rather than once a glyph. */
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

    private boolean isBold(TextPosition position) {
        PDFont font = position.getFont();
        return font != null && boldFonts.computeIfAbsent(font, LineCollector::isBold);
    }

    private static boolean isBold(PDFont font) {
        var descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
            return true;
        }
        String name = font.getName();
        return name != null && name.toLowerCase(Locale.ROOT).contains("bold");
    }
}

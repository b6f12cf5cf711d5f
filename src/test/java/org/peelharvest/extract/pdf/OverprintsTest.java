package org.peelharvest.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.peelharvest.bench.SyntheticArchive;

/**
 * A glyph drawn over itself is read once, by PDFBox's rule: the grid of {@link Overprints}
 * gives the same text as PDFBox's own check on every PDF the tests have.
 */
class OverprintsTest {

    @Test
    void aGlyphRepeatsOneOfTheSameTextWithinAThirdOfItsWidthOnBothAxes() {
        Overprints page = new Overprints();
        assertThat(page.repeats("e", 100f, 700f, 2f)).isFalse();

        assertThat(page.repeats("e", 100.5f, 700.25f, 2f)).as("fake bold, half a point on").isTrue();
        // The range is the new glyph's: [x - t, x + t), so 100 is its low end seen from 102, its
        // high end seen from 98.
        assertThat(page.repeats("e", 102f, 700f, 2f)).as("the range's low end is in it").isTrue();
        assertThat(page.repeats("e", 98f, 700f, 2f)).as("its high end is not").isFalse();
        assertThat(page.repeats("e", 100f, 714f, 2f)).as("the line below").isFalse();
        assertThat(page.repeats("o", 100f, 700f, 2f)).as("another letter at the same place").isFalse();
        assertThat(page.repeats("e", 100f, 700f, 0f)).as("no width: an empty range").isFalse();
        assertThat(page.repeats("e", 100f, 700f, -2f)).as("a negative width: PDFBox's range would be reversed").isFalse();
        assertThat(page.repeats("e", 400f, 300f, Float.POSITIVE_INFINITY)).as("a range of the whole page").isTrue();

        page.clear();
        assertThat(page.repeats("e", 100f, 700f, 2f)).as("a new page").isFalse();
    }

    @Test
    void aGlyphRepeatsAcrossTheEdgesOfTheGrid() {
        // Squares are 8 points: these pairs straddle the lines x = 8, y = 16, x = 0 and y = -8.
        float[][] pairs = {{7.9f, 15.9f, 8.1f, 16.1f}, {-0.1f, -7.9f, 0.1f, -8.1f}, {-0f, 0f, 0f, -0f}};
        for (float[] pair : pairs) {
            Overprints page = new Overprints();
            assertThat(page.repeats("a", pair[0], pair[1], 1f)).isFalse();
            assertThat(page.repeats("a", pair[2], pair[3], 1f)).as("%s", java.util.Arrays.toString(pair)).isTrue();
        }
    }

    @Test
    void wordsDrawnTwiceOrThriceToLookBoldAreReadOnceAndDoubledLettersAreKept() throws IOException {
        byte[] pdf = fakeBold();

        List<String> lines;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            lines = new LineCollector().collect(document).stream().map(PdfLine::text).toList();
        }

        // Written by hand from what fakeBold() draws.
        assertThat(lines).containsExactly("Requires improvement", "Effectiveness",
                "Effectiveness", "Aggressive, committed, better", "Good");
    }

    @Test
    void theGridAgreesWithPdfBoxsOwnCheckOnEveryPdfOfTheTests() throws IOException {
        List<byte[]> pdfs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
                pdfs.add(Files.readAllBytes(file));
                names.add(file.getFileName().toString());
            }
        }
        assertThat(pdfs).hasSizeGreaterThan(40);
        Random random = new Random(SyntheticArchive.SEED);
        for (int copy = 0; copy < 3; copy++) {
            pdfs.add(SyntheticArchive.withAnnex(pdfs.get(copy * 7), copy, random));
            names.add("benchmark annex of " + names.get(copy * 7));
        }
        pdfs.add(fakeBold());
        names.add("fake bold");

        for (int i = 0; i < pdfs.size(); i++) {
            try (PDDocument document = Loader.loadPDF(pdfs.get(i))) {
                PDFTextStripper pdfbox = new PDFTextStripper();
                pdfbox.setSortByPosition(true);
                String expected = pdfbox.getText(document);
                String grid = new GridStripper().getText(document);
                assertThat(grid).as(names.get(i)).isEqualTo(expected);
            }
        }
    }

    /** PDFBox's text extraction with the grid's check in place of its own. */
    private static final class GridStripper extends PDFTextStripper {
        private final Overprints overprints = new Overprints();

        GridStripper() {
            setSortByPosition(true);
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            overprints.clear();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            if (!overprints.repeats(glyph)) {
                super.processTextPosition(glyph);
            }
        }
    }

    /**
     * A page as a word processor draws bold without a bold font: each word two or three times a
     * fraction of a point apart; a word with doubled letters; the same word on the next line
     * straight below (a column of glyphs at one x); a word drawn again a whole line lower.
     */
    private static byte[] fakeBold() throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (float offset : new float[] {0f, 0.3f, 0.6f}) {
                    PdfText.show(content, font, 14, 72 + offset, 760, "Requires improvement");
                }
                PdfText.show(content, font, 11, 72, 730, "Effectiveness");
                PdfText.show(content, font, 11, 72.25f, 730.2f, "Effectiveness");
                PdfText.show(content, font, 11, 72, 716, "Effectiveness");
                PdfText.show(content, font, 11, 72, 690, "Aggressive, committed, better");
                PdfText.show(content, font, 11, 72, 660, "Good");
                PdfText.show(content, font, 11, 72.4f, 660, "Good");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}

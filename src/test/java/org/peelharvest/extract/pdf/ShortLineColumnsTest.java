package org.peelharvest.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import org.peelharvest.extract.Block;

/**
 * Two narrow columns whose lines are mostly short (issue 16: the 2018 year index exported by an
 * office suite on A5 in two columns, its questions under two-line headings, was read as a table
 * of two cells a row, so that its opening sentence was cut into rows and the page not known).
 * A real PDF made here with PDFBox: an A5 page, 11-point Times, both columns on one baseline grid.
 */
class ShortLineColumnsTest {

    private static final PDType1Font TIMES = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDType1Font TIMES_BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);

    /** Each column's lines, top down; "# " marks a bold heading line. */
    private static final List<String> LEFT = List.of(
            "This is an overview of the",
            "grades forces in England and",
            "Wales received for PEEL",
            "2018/19.",
            "# Effectiveness -",
            "# Question 1",
            "How effective is the force at",
            "preventing crime?",
            "# Effectiveness -",
            "# Question 2");
    private static final List<String> RIGHT = List.of(
            "# Efficiency -",
            "# Question 1",
            "How well does the force use its",
            "resources to meet the demand it",
            "faces?",
            "# Key",
            "Outstanding",
            "Good",
            "Requires improvement",
            "Inadequate");

    @Test
    void twoColumnsOfShortLinesAreReadAsColumnsNotAsATablesRows() throws IOException {
        List<String> texts = new PdfBlockReader().read(a5TwoColumns(), "https://example.org/peel-2018.pdf")
                .blocks().stream().map(Block::text).toList();

        // Written from the page: each column's sentences whole, the left column before the right.
        assertThat(texts).containsSubsequence(
                "This is an overview of the grades forces in England and Wales received for PEEL 2018/19.",
                "How effective is the force at preventing crime?",
                "How well does the force use its resources to meet the demand it faces?");
        assertThat(texts).noneMatch(text -> text.contains("\t"));
    }

    private static byte[] a5TwoColumns() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (int i = 0; i < LEFT.size(); i++) {
                    float y = 540 - i * 14;
                    write(content, 57, y, LEFT.get(i));
                    write(content, 220, y, RIGHT.get(i));
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void write(PDPageContentStream content, float x, float y, String line) throws IOException {
        boolean heading = line.startsWith("# ");
        PdfText.show(content, heading ? TIMES_BOLD : TIMES, 11, x, y, heading ? line.substring(2) : line);
    }
}

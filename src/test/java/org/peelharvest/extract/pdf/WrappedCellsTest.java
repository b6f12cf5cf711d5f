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
 * A grades table in a narrow column, where both cells of a row wrap onto the same line (issue 16:
 * an office suite's A5 two-column export set "Responding to" / "the public" beside "Requires" /
 * "improvement", and the reader made "the public | improvement" a row of its own, so the page gave
 * one grade fewer than it says it grades). A real PDF made here with PDFBox: an A5 page, 11-point
 * Times, the table's second column 100 points right of its first.
 */
class WrappedCellsTest {

    private static final PDType1Font TIMES = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDType1Font TIMES_BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);

    @Test
    void cellsWrappedOntoOneLineStayInTheirRow() throws IOException {
        List<String> texts = new PdfBlockReader().read(narrowTable(), "https://example.org/gwent.pdf")
                .blocks().stream().map(Block::text).toList();

        // Written from the page: two rows, each cell's words whole.
        assertThat(texts).containsSubsequence(
                "Responding to the public\tRequires improvement",
                "Investigating crime\tAdequate");
        assertThat(texts).noneMatch(text -> text.startsWith("the public"));
    }

    private static byte[] narrowTable() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 540;
                for (String line : List.of("Our inspection assessed how good", "Gwent Police is in two areas of",
                        "policing, as follows:")) {
                    write(content, TIMES, 57, y, line);
                    y -= 13;
                }
                y -= 10;
                write(content, TIMES_BOLD, 60, y, "Area of");
                write(content, TIMES_BOLD, 160, y, "Grade");
                write(content, TIMES_BOLD, 60, y - 13, "policing");
                y -= 33;
                write(content, TIMES, 60, y, "Responding to");
                write(content, TIMES, 160, y, "Requires");
                write(content, TIMES, 60, y - 13, "the public");
                write(content, TIMES, 160, y - 13, "improvement");
                y -= 33;
                write(content, TIMES, 60, y, "Investigating");
                write(content, TIMES, 160, y, "Adequate");
                write(content, TIMES, 60, y - 13, "crime");
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float x, float y, String text) throws IOException {
        PdfText.show(content, font, 11, x, y, text);
    }
}

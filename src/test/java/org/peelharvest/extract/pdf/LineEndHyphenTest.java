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
 * A hyphen at a line end of an untagged PDF whose words say nothing about it (issue 16: a justified
 * two-column Writer export wrote "problem-" / "solving" in an area for improvement, and the reader
 * made it "problemsolving"). Real PDFs made here with PDFBox, in two columns of 11-point Times; the
 * producer named as the office suite names itself.
 */
class LineEndHyphenTest {

    private static final PDType1Font TIMES = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDType1Font TIMES_BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);

    /** The left column's text as the export set it: the compound's hyphen ends a bullet's first line. */
    private static final List<String> COMPOUND_AT_LINE_END = List.of(
            "The force has a clear plan for neighbourhood",
            "policing, and its officers know their communities.",
            "",
            "\u2022 The force should make sure that problem-",
            "   solving plans are reviewed and their results",
            "   shared.");

    @Test
    void aWordProcessorsLineEndHyphenThatTheWordsSayNothingAboutIsTheCompoundsOwn() throws IOException {
        byte[] pdf = twoColumns("LibreOffice 7.4", COMPOUND_AT_LINE_END);

        // The bullet is read as a list item; its glyph is no part of the text.
        assertThat(texts(pdf)).contains("The force should make sure that problem-solving plans are reviewed and their results shared.");
    }

    @Test
    void aWordProcessorWhoseWordsShowItBreaksWordsLosesTheBreaksHyphen() throws IOException {
        byte[] pdf = twoColumns("LibreOffice 7.4", List.of(
                "The force has organised its teams well and",
                "they know their communities.",
                "",
                "\u2022 Its response teams are very well organ-",
                "   ised and their results are shared."));

        assertThat(texts(pdf)).contains("Its response teams are very well organised and their results are shared.");
    }

    @Test
    void aTypesettersLineEndHyphenThatTheWordsSayNothingAboutStaysABreak() throws IOException {
        // A typesetter hyphenates unless told not to: without evidence a line-end hyphen breaks a word.
        byte[] pdf = twoColumns("Typesetter 1.0", COMPOUND_AT_LINE_END);

        assertThat(texts(pdf)).contains("The force should make sure that problemsolving plans are reviewed and their results shared.");
    }

    private static List<String> texts(byte[] pdf) {
        return new PdfBlockReader().read(pdf, "https://example.org/report.pdf").blocks().stream().map(Block::text).toList();
    }

    /**
     * An A4 page: a bold heading, then {@code left} in the left column (an empty string a paragraph
     * gap, leading spaces an indent under a bullet) and a paragraph in the right column.
     */
    private static byte[] twoColumns(String producer, List<String> left) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setProducer(producer);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                PdfText.show(content, TIMES_BOLD, 16, 57, 780, "Areas for improvement");
                float y = 750;
                for (String line : left) {
                    if (!line.isEmpty()) {
                        float indent = line.startsWith(" ") ? 14 : 0;
                        PdfText.show(content, TIMES, 11, 57 + indent, y, line.strip());
                    }
                    y -= line.isEmpty() ? 20 : 13;
                }
                float right = 750;
                for (String line : List.of("Lancashire Constabulary is good at treating the",
                        "public and its workforce legitimately. It seeks",
                        "feedback from the public and acts on it.")) {
                    PdfText.show(content, TIMES, 11, 310, right, line);
                    right -= 13;
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}

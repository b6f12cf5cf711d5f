package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;

/**
 * Damaged is not partial: a PDF that PDFBox opens only by repairing it is rejected {@code damaged-pdf}
 * with what was wrong, never published as a report that states no grade. Each damage is made here
 * from the sample's whole PDFs, which are read as before.
 */
class DamagedPdfTest {

    private static final Path SAMPLE = Path.of("input/sample");

    static Stream<String> samplePdfs() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePdfs")
    void aPdfCutShortIsRejectedAsDamagedWhereverItIsCut(String file) throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE.resolve(file));
        assertThat(new DocumentExtractor().extractAll(new SourceDocument("whole/" + file, whole))).isNotEmpty();

        for (double kept : new double[] {0.6, 0.9, 0.99}) {
            byte[] cut = Arrays.copyOf(whole, (int) (whole.length * kept));
            assertRejected("cut-" + kept + "/" + file, cut, "damaged-pdf", "corrupt-pdf");
        }
    }

    @Test
    void aPdfWithoutItsEndMarkerIsDamaged() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE.resolve("derbyshire-2016-effectiveness.pdf"));
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int eof = text.lastIndexOf("%%EOF");
        assertThat(eof).isPositive();
        byte[] noEnd = Arrays.copyOf(whole, eof);

        assertThat(assertRejected("no-eof.pdf", noEnd, "damaged-pdf")).contains("does not end with %%EOF");
    }

    @Test
    void aPdfWhoseStartxrefPointsElsewhereIsDamaged() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE.resolve("derbyshire-2016-effectiveness.pdf"));
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        String tail = text.substring(at);
        String offset = tail.replaceAll("(?s)startxref\\s+(\\d+).*", "$1");
        // The same number of digits, pointing into the middle of the file.
        String wrong = String.format("%0" + offset.length() + "d", Long.parseLong(offset) / 2);
        byte[] moved = (text.substring(0, at) + tail.replaceFirst(offset, wrong)).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(assertRejected("moved-xref.pdf", moved, "damaged-pdf")).contains("not where startxref says");
    }

    @Test
    void aPdfWhosePageTreeCountsPagesItDoesNotHoldIsDamaged() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE.resolve("derbyshire-2016-effectiveness.pdf"));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(whole)) {
            int pages = document.getNumberOfPages();
            document.getDocumentCatalog().getPages().getCOSObject().setInt(COSName.COUNT, pages + 3);
            document.save(saved);
        }

        assertThat(assertRejected("short-tree.pdf", saved.toByteArray(), "damaged-pdf")).contains("page tree counts");
    }

    /** Rejected with one of the reasons, its detail naming the document; returns the detail. */
    private static String assertRejected(String url, byte[] content, String... reasons) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> new DocumentExtractor().extractAll(new SourceDocument(url, content)));
        assertThat(thrown).as(url).isInstanceOf(RejectedDocumentException.class);
        RejectedDocumentException rejected = (RejectedDocumentException) thrown;
        assertThat(rejected.reject().reason().code()).as(url + ": " + rejected.getMessage()).isIn((Object[]) reasons);
        assertThat(rejected.getMessage()).startsWith(url + ": ");
        return rejected.reject().detail();
    }
}

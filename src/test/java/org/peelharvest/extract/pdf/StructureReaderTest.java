package org.peelharvest.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.peelharvest.extract.Block;

/**
 * Structure first: a tagged PDF (every Chromium print among the fixtures) is read from its structure
 * tree, an untagged one (every PDFBox-made fixture) from its geometry, a tree that covers too little
 * of the page text is not trusted, and a hostile tree (deep, looping) is read within bounds.
 */
class StructureReaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<Path> fixturePdfs() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturePdfs")
    void aBrowsersTaggedPrintIsReadFromItsStructureAndAnUntaggedPdfFromItsGeometry(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            Optional<StructureReader.Tagged> tagged = read(document);

            if (pdf.getFileName().toString().endsWith(".chromium.pdf")) {
                assertThat(tagged).isPresent();
                assertThat(tagged.get().coverage()).as("share of the page text the tags hold").isGreaterThanOrEqualTo(0.95);
                assertThat(tagged.get().usable()).isTrue();
                // The page's headings are the browser's h1 to h6, as tagged.
                assertThat(tagged.get().blocks()).filteredOn(Block::isHeading).isNotEmpty();
            } else {
                assertThat(tagged).as("PDFBox's own PDFs carry no structure").isEmpty();
            }
        }
    }

    @Test
    void aTreeThatHoldsTooLittleOfThePageTextIsNotTrusted() throws IOException {
        Path pdf = FIXTURES.resolve("trap-ungraded-question--derbyshire-2016-effectiveness.chromium.pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            // Keep the first of the tree's top-level elements only: most of the text is left untagged.
            PDStructureElement top = (PDStructureElement) document.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            List<Object> kids = top.getKids();
            COSArray kept = new COSArray();
            kept.add(((PDStructureElement) kids.get(0)).getCOSObject());
            top.getCOSObject().setItem(COSName.K, kept);

            StructureReader.Tagged tagged = read(document).orElseThrow();

            assertThat(tagged.coverage()).isLessThan(0.95);
            assertThat(tagged.usable()).isFalse();
        }
    }

    @Test
    void aDeepOrLoopingTreeIsReadWithinBounds() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDStructureTreeRoot root = new PDStructureTreeRoot();
            document.getDocumentCatalog().setStructureTreeRoot(root);
            PDStructureElement top = new PDStructureElement("Div", root);
            root.appendKid(top);
            PDStructureElement parent = top;
            for (int depth = 0; depth < 5_000; depth++) {
                PDStructureElement child = new PDStructureElement("Div", parent);
                child.setPage(page);
                parent.appendKid(child);
                parent = child;
            }
            // The deepest element lists the top one again: a loop.
            parent.getCOSObject().setItem(COSName.K, top.getCOSObject());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }

        try (PDDocument document = Loader.loadPDF(pdf)) {
            Optional<StructureReader.Tagged> tagged = read(document);

            assertThat(tagged).isPresent();
            assertThat(tagged.get().blocks()).isEmpty();
            assertThat(tagged.get().usable()).isFalse();
        }
    }

    /** The structure as PdfBlockReader reads it: the marked content gathered as the lines are read. */
    private static Optional<StructureReader.Tagged> read(PDDocument document) throws IOException {
        MarkedText marked = StructureReader.isTagged(document) ? new MarkedText() : null;
        long pageChars = new LineCollector(marked).collect(document).stream()
                .mapToLong(l -> StructureReader.visibleChars(l.text())).sum();
        return StructureReader.read(document, marked, () -> pageChars);
    }
}

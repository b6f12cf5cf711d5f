package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;

/** A document that gives no report is rejected with a reason that names it, never read wrong. */
class BadDocumentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "corrupt.pdf, corrupt-pdf",
            "empty.html, empty-file",
            "derbyshire-2017-overview-interim.html, force-overview",
            "about-this-site.html, not-a-report",
            "gotham-2016-effectiveness.html, unknown-force",
            "lancashire-2018-19-combined.html, combined-report"})
    void aBadDocumentIsRejectedWithItsReason(String file, String reason) throws IOException {
        Path path = Path.of("src/test/resources/bad").resolve(file);
        SourceDocument document = new SourceDocument("bad/" + file, Files.readAllBytes(path));

        assertThatThrownBy(() -> new DocumentExtractor().extract(document))
                .isInstanceOf(RejectedDocumentException.class)
                .hasMessageStartingWith("bad/" + file + ": " + reason)
                .extracting(e -> ((RejectedDocumentException) e).reject().reason().code()).isEqualTo(reason);
    }
}

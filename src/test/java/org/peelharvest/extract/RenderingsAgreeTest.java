package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.ReportJson;
import org.peelharvest.model.RejectedDocumentException;

/**
 * The same page content gives the same report whatever the markup or the PDF writer: every
 * rendering of a spec is extracted and compared with the semantic HTML's, all but the fields
 * that describe the document itself (URL, format, digest, where in it each value stood).
 */
class RenderingsAgreeTest {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("source", "source_page", "source_path", "areas_for_improvement_sources",
            "recommendation_sources");
    private static final List<String> RENDERINGS = List.of("divs.html", "accessible.html", "pdf", "chromium.pdf");
    private final DocumentExtractor extractor = new DocumentExtractor();

    static Stream<String> specs() throws IOException {
        try (Stream<Path> files = Files.list(FixtureExtractionTest.FIXTURES.resolve("specs"))) {
            // A spec rendered as a PDF only (the 2018/19 report of all three pillars) has nothing to agree with.
            return files.map(p -> p.getFileName().toString().replace(".txt", ""))
                    .filter(spec -> Files.exists(FixtureExtractionTest.FIXTURES.resolve(spec + ".semantic.html")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyRenderingOfASpecGivesTheSameReport(String spec) throws IOException {
        JsonNode semantic = content(spec + ".semantic.html");
        for (String rendering : RENDERINGS) {
            assertThat(content(spec + "." + rendering).toPrettyString()).as(spec + "." + rendering)
                    .isEqualTo(semantic.toPrettyString());
        }
    }

    private JsonNode content(String file) throws IOException {
        Path path = FixtureExtractionTest.FIXTURES.resolve(file);
        JsonMapper json = JsonMapper.builder().build();
        try {
            ObjectNode report = json.valueToTree(ReportJson.of(extractor.extract(
                    new SourceDocument(file, Files.readAllBytes(path)))));
            withoutDocumentFields(report);
            return report;
        } catch (RejectedDocumentException e) {
            return json.valueToTree(java.util.Map.of("rejected", e.reject().reason().code()));
        }
    }

    private static void withoutDocumentFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            DOCUMENT_FIELDS.forEach(object::remove);
        }
        node.values().forEach(RenderingsAgreeTest::withoutDocumentFields);
    }
}

package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.SourceDocument;

/** Every report the project publishes is valid against the schema it ships; a broken one is not. */
class ReportSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReportSchema schema = new ReportSchema();

    @TempDir
    Path temp;

    static Stream<Path> goldenReports() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
            return files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList().stream()
                    .filter(p -> !JSON.readTree(p.toFile()).has("rejected"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenReports")
    void everyFixtureReportIsValid(Path golden) {
        JsonNode outcome = JSON.readTree(golden.toFile());
        // A document of several reports (the 2018/19 PDF of all three pillars) lists them.
        for (JsonNode report : outcome.has("reports") ? outcome.get("reports") : List.of(outcome)) {
            assertThat(schema.problems(report)).as(golden.toString()).isEmpty();
        }
    }

    @Test
    void everyReportOfAPublishedReleaseIsValidAndTheReleaseShipsTheSchema() throws IOException {
        DocumentExtractor extractor = new DocumentExtractor();
        List<List<org.peelharvest.model.Report>> reports;
        try (Stream<Path> files = Files.list(Path.of("input/sample"))) {
            reports = files.filter(p -> p.toString().endsWith(".html")).sorted()
                    .map(p -> List.of(extractor.extract(read(p)))).toList();
        }
        Path out = temp.resolve("release");
        new DatasetPublisher().publish(out, reports, List.of(), new RunInfo("t", "t", 1, 1, null, null));

        JsonNode array = JSON.readTree(out.resolve("reports.json").toFile());
        assertThat(array.size()).isEqualTo(4);
        array.forEach(report -> assertThat(schema.problems(report)).isEmpty());
        for (String line : Files.readAllLines(out.resolve("reports.jsonl"))) {
            assertThat(schema.problems(JSON.readTree(line))).isEmpty();
        }
        assertThat(out.resolve(ReportSchema.RELEASE_PATH)).exists();
        assertThat(JSON.readTree(out.resolve(ReportSchema.RELEASE_PATH).toFile()).get("$schema").asString())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void aReportWithAGradeOffTheScaleOrAMissingFieldIsNamed() {
        ObjectNode report = (ObjectNode) JSON.readTree(
                Path.of("src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.semantic.html.expected.json")
                        .toFile());
        report.put("judgment", "Very good");
        report.remove("cycle");

        List<String> problems = schema.problems(report);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("judgment"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cycle"));
    }

    private static SourceDocument read(Path file) {
        try {
            return new SourceDocument(file.toUri().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

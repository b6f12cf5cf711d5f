package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.ReportJson;
import org.peelharvest.validate.ReportValidator;

/**
 * Every fixture document extracts to the JSON in its golden file ({@code x.html.expected.json}):
 * the published report, or the reject with its reason. On a mismatch the actual JSON is written
 * under {@code target/fixtures-actual/}. {@code -Dfixtures.update=true} rewrites the golden files;
 * do that only on purpose, and read the diff.
 */
class FixtureExtractionTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path ACTUAL = Path.of("target/fixtures-actual");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger FIELDS_EXPECTED = new AtomicInteger();
    private static final AtomicInteger FIELDS_RIGHT = new AtomicInteger();

    private final DocumentExtractor extractor = new DocumentExtractor();
    private final ReportValidator validator = new ReportValidator();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().matches(".*\\.(html|pdf)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureExtractsToItsGoldenFile(Path fixture) throws IOException {
        JsonNode actual = JSON.valueToTree(outcome(fixture));
        Path golden = fixture.resolveSibling(fixture.getFileName() + ".expected.json");
        if (Boolean.getBoolean("fixtures.update")) {
            Files.writeString(golden, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertThat(golden).as("golden file of %s; write it with -Dfixtures.update=true and review it", fixture).exists();
        JsonNode expected = JSON.readTree(Files.readString(golden));
        countFields(expected, actual);
        if (!expected.toPrettyString().equals(actual.toPrettyString())) {
            Files.createDirectories(ACTUAL);
            Files.writeString(ACTUAL.resolve(golden.getFileName()),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertThat(differences("", expected, actual)).as("fields of %s that differ from its golden file (actual written under %s)",
                fixture, ACTUAL).isEmpty();
        assertThat(actual.toPrettyString()).as("extraction of %s (actual written under %s)", fixture, ACTUAL)
                .isEqualTo(expected.toPrettyString());
    }

    /** The published JSON of the report, or the reject, of one fixture. */
    private Map<String, Object> outcome(Path fixture) throws IOException {
        String url = "fixtures/" + fixture.getFileName();
        SourceDocument document = new SourceDocument(url, Files.readAllBytes(fixture));
        try {
            List<Map<String, Object>> reports = extractor.extractAll(document).stream()
                    .map(report -> ReportJson.of(validator.requireValid(report))).toList();
            // A document of several reports (the 2018/19 PDF of all three pillars) lists them.
            return reports.size() == 1 ? reports.get(0) : Map.of("reports", reports);
        } catch (RejectedDocumentException e) {
            Map<String, Object> reject = new LinkedHashMap<>();
            reject.put("stage", e.reject().stage());
            reject.put("reason", e.reject().reason().code());
            reject.put("detail", e.reject().detail());
            return Map.of("rejected", reject);
        }
    }

    /** Each field whose value differs, as "path: expected … but was …", for a readable failure. */
    static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> differences = new java.util.ArrayList<>();
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            names.forEach(name -> differences.addAll(differences(path + "." + name, expected.get(name), actual.get(name))));
        } else if (expected != null && actual != null && expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                differences.addAll(differences(path + "[" + i + "]", expected.get(i), actual.get(i)));
            }
        } else if (expected == null || !expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " but was " + actual);
        }
        return differences;
    }

    /** Leaf values compared one by one, for the accuracy line of the test report. */
    private static void countFields(JsonNode expected, JsonNode actual) {
        if (expected.isContainer()) {
            if (expected.isObject()) {
                for (Map.Entry<String, JsonNode> field : expected.properties()) {
                    countFields(field.getValue(), actual == null ? null : actual.get(field.getKey()));
                }
            } else {
                Iterator<JsonNode> items = expected.values().iterator();
                for (int i = 0; items.hasNext(); i++) {
                    countFields(items.next(), actual == null ? null : actual.get(i));
                }
            }
            return;
        }
        FIELDS_EXPECTED.incrementAndGet();
        if (expected.equals(actual)) {
            FIELDS_RIGHT.incrementAndGet();
        }
    }

    @BeforeAll
    static void forgetEarlierMismatches() throws IOException {
        if (Files.isDirectory(ACTUAL)) {
            try (Stream<Path> files = Files.list(ACTUAL)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @AfterAll
    static void printAccuracy() {
        System.out.printf("fixture accuracy: %d/%d fields right (%.1f%%)%n", FIELDS_RIGHT.get(), FIELDS_EXPECTED.get(),
                100.0 * FIELDS_RIGHT.get() / Math.max(1, FIELDS_EXPECTED.get()));
    }
}

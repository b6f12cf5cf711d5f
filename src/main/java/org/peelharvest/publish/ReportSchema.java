package org.peelharvest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (2020-12) of a published report, shipped in every release as
 * {@code schema/report.schema.json}, and the check of a report against it.
 */
public final class ReportSchema {

    static final String RESOURCE = "report.schema.json";
    static final String RELEASE_PATH = "schema/report.schema.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Schema schema;

    public ReportSchema() {
        try (InputStream in = text()) {
            schema = parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the report schema is missing from the build", e);
        }
    }

    private ReportSchema(Schema schema) {
        this.schema = schema;
    }

    /** The schema a release ships, read from its file; {@code validate} checks a release against its own. */
    static ReportSchema read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ReportSchema(parse(in));
        }
    }

    private static Schema parse(InputStream in) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }

    /** Each way the report breaks the schema, as "location: message"; empty when it is valid. */
    public List<String> problems(JsonNode report) {
        return schema.validate(report).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /**
     * The schema as a release ships it: each property that is a column of {@code reports.csv} or
     * {@code questions.csv} described as the column is ({@link DataPackage}, the one description of each).
     */
    static String described() throws IOException {
        ObjectNode schema;
        try (InputStream in = text()) {
            schema = (ObjectNode) JSON.readTree(in);
        }
        describe(schema.path("properties"), DataPackage.REPORTS, Map.of());
        describe(schema.path("properties").path("source").path("properties"), DataPackage.REPORTS,
                Map.of("url", "source_url", "format", "source_format", "sha256", "source_sha256"));
        describe(schema.path("$defs").path("question").path("properties"), DataPackage.QUESTIONS,
                Map.of("number", "question_number"));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    }

    /** Gives each property the description of the column of its name ({@code columns} names those named otherwise). */
    private static void describe(JsonNode properties, DataPackage.Table table, Map<String, String> columns) {
        for (String property : properties.propertyNames()) {
            table.field(columns.getOrDefault(property, property)).ifPresent(field ->
                    ((ObjectNode) properties.path(property)).put("description", field.description()));
        }
    }

    static InputStream text() {
        InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("report.schema.json is not on the class path");
        }
        return in;
    }
}

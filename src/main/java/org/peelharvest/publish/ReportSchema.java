package org.peelharvest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema (2020-12) of a published report, shipped in every release as
 * {@code schema/report.schema.json}, and the check of a report against it.
 */
public final class ReportSchema {

    static final String RESOURCE = "report.schema.json";
    static final String RELEASE_PATH = "schema/report.schema.json";

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

    static InputStream text() {
        InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("report.schema.json is not on the class path");
        }
        return in;
    }
}

package org.peelharvest.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.SourceFormat;
import org.peelharvest.model.Warning;

/**
 * The tables of a release and {@code datapackage.json}, their Frictionless Data Package: each
 * file a resource with its size and SHA-256, each CSV with its Table Schema (field types, the
 * closed lists of judgments, pillars, cycles and warning codes, primary keys, foreign keys from
 * questions, conflicts and warnings to reports, from findings and recommendations to their question,
 * from reports to forces, and the empty string as the missing value); the other files are plain
 * data resources. The CSV headers are read
 * from here, so the files and their description cannot drift apart.
 */
public final class DataPackage {

    public static final String FILE = "datapackage.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One column: its Table Schema type, and the values it may take when it is a closed list. */
    public record Field(String name, String type, List<String> values, boolean required) {
    }

    /** A reference from some columns of one table to the key of another. */
    public record ForeignKey(List<String> fields, String resource, List<String> reference) {
    }

    /** One CSV file of a release. */
    public record Table(String name, List<Field> fields, List<String> primaryKey, List<ForeignKey> foreignKeys) {

        public String file() {
            return name + ".csv";
        }

        public List<String> header() {
            return fields.stream().map(Field::name).toList();
        }
    }

    private static final List<String> JUDGMENTS = java.util.Arrays.stream(Judgment.values()).map(Judgment::label).toList();
    private static final List<String> SOURCES = java.util.Arrays.stream(JudgmentSource.values()).map(JudgmentSource::label).toList();
    private static final List<String> PILLARS = java.util.Arrays.stream(Pillar.values()).map(Pillar::label).toList();
    private static final List<String> CYCLES = Cycle.ALL.stream().map(Cycle::label).toList();
    private static final List<String> FORMATS = java.util.Arrays.stream(SourceFormat.values()).map(SourceFormat::label).toList();
    private static final List<String> SCALES = List.of("four-point", "five-point");
    private static final List<String> WARNING_CODES = java.util.Arrays.stream(Warning.Code.values()).map(Warning.Code::label).toList();
    private static final List<String> QUESTION_KEY = List.of("report_id", "question_number");
    private static final ForeignKey TO_REPORTS = new ForeignKey(List.of("report_id"), "reports", List.of("report_id"));
    /**
     * A row of a question's findings or recommendations points at its question alone: that key
     * holds the report too, since every question points at its report. A second key over the same
     * {@code report_id} would say nothing more, and the official JavaScript reader (tableschema
     * 1.12) fails on one: it replaces a field by the row it references before checking the next key
     * (the same fault was mended in the Python library, tableschema-py pull request 251).
     */
    private static final ForeignKey TO_QUESTIONS = new ForeignKey(QUESTION_KEY, "questions", QUESTION_KEY);

    public static final Table REPORTS = new Table("reports", List.of(
            key("report_id"), text("force"), text("force_slug"), closed("cycle", CYCLES), integer("year"),
            closed("pillar", PILLARS), optional("headline_question"), optionalClosed("judgment", JUDGMENTS),
            closed("judgment_scale", SCALES), optionalInteger("judgment_rank"), optionalClosed("judgment_source", SOURCES),
            new Field("last_updated", "date", List.of(), false), integer("question_count"),
            integer("area_for_improvement_count"), text("source_url"), closed("source_format", FORMATS),
            text("source_sha256")),
            List.of("report_id"),
            List.of(new ForeignKey(List.of("force_slug"), "forces", List.of("force_slug"))));
    public static final Table QUESTIONS = new Table("questions", List.of(
            key("report_id"), integer("question_number"), text("question"), optionalClosed("judgment", JUDGMENTS),
            closed("judgment_scale", SCALES), optionalInteger("judgment_rank"),
            new Field("carried_over", "boolean", List.of(), true), integer("area_for_improvement_count")),
            QUESTION_KEY, List.of(TO_REPORTS));
    public static final Table AREAS_FOR_IMPROVEMENT = findings("areas_for_improvement");
    public static final Table CAUSES_OF_CONCERN = findings("causes_of_concern");
    public static final Table RECOMMENDATIONS = new Table("recommendations", List.of(
            key("report_id"), integer("question_number"), optionalInteger("cause_position"), integer("position"),
            text("text")),
            List.of(), List.of(TO_QUESTIONS));
    public static final Table CONFLICTS = new Table("conflicts", List.of(
            key("report_id"), text("field"), optional("value"), text("source_url"), optional("other_value"),
            text("other_source_url")),
            List.of(), List.of(TO_REPORTS));
    /** A report has at most one warning of each code. */
    public static final Table WARNINGS = new Table("warnings", List.of(
            key("report_id"), text("source_url"), closed("code", WARNING_CODES), text("detail")),
            List.of("report_id", "code"), List.of(TO_REPORTS));
    public static final Table REJECTS = new Table("rejects", List.of(
            key("source_url"), closed("stage", List.of("read", "extract", "validate", "write")),
            closed("reason", java.util.Arrays.stream(org.peelharvest.model.RejectReason.values())
                    .map(org.peelharvest.model.RejectReason::code).toList()),
            optional("detail")),
            List.of("source_url"), List.of());
    public static final Table FORCES = new Table("forces", List.of(
            key("force_slug"), text("force"), text("ons_code"), text("region"), closed("country", List.of("England", "Wales"))),
            List.of("force_slug"), List.of());
    public static final List<Table> TABLES = List.of(REPORTS, QUESTIONS, AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN,
            RECOMMENDATIONS, CONFLICTS, WARNINGS, REJECTS, FORCES);
    /**
     * The release's other files, described by size and digest: plain data resources (the profile
     * {@code data-resource}), never tabular ones. Not {@code index.html} nor {@code run.json}: they
     * name the run (its release and date), so listing them would make this descriptor differ between
     * two runs of the same input (issue 10); the release manifest covers them. The two report files name the JSON Schema each
     * report in them meets ({@value #JSON_SCHEMA}, a property of this project's own: a Data
     * Resource's {@code schema} is a Table Schema, which the report schema is not).
     */
    static final List<OtherFile> OTHER_FILES = List.of(
            new OtherFile("reports-json", "reports.json", "json", "application/json", ReportSchema.RELEASE_PATH),
            new OtherFile("reports-jsonl", "reports.jsonl", "jsonl", "application/jsonl", ReportSchema.RELEASE_PATH),
            new OtherFile("report-schema", ReportSchema.RELEASE_PATH, "json", "application/schema+json", null));
    /** The property of a JSON resource that names the JSON Schema of each report in it. */
    public static final String JSON_SCHEMA = "jsonSchema";

    /** A file of the release that is not a table; {@code jsonSchema} is null where none applies. */
    record OtherFile(String name, String path, String format, String mediatype, String jsonSchema) {
    }

    private DataPackage() {
    }

    private static Table findings(String name) {
        return new Table(name, List.of(key("report_id"), integer("question_number"), integer("position"), text("text")),
                List.of("report_id", "question_number", "position"), List.of(TO_QUESTIONS));
    }

    private static Field key(String name) {
        return new Field(name, "string", List.of(), true);
    }

    private static Field text(String name) {
        return new Field(name, "string", List.of(), true);
    }

    private static Field optional(String name) {
        return new Field(name, "string", List.of(), false);
    }

    private static Field integer(String name) {
        return new Field(name, "integer", List.of(), true);
    }

    private static Field optionalInteger(String name) {
        return new Field(name, "integer", List.of(), false);
    }

    private static Field closed(String name, List<String> values) {
        return new Field(name, "string", values, true);
    }

    private static Field optionalClosed(String name, List<String> values) {
        return new Field(name, "string", values, false);
    }

    /** Writes {@code datapackage.json} for the files already in {@code folder}. */
    static void write(Path folder) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        // Not "tabular-data-package": that profile requires every resource to be tabular, and the
        // JSON files, the report schema and the summary page are not.
        json.put("profile", "data-package");
        json.put("name", "peel-harvest-release");
        json.put("title", "PEEL police inspection reports: judgments, questions and findings");
        json.put("licenses", List.of(ordered("name", "OGL-UK-3.0", "title", "Open Government Licence v3.0",
                "path", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")));
        List<Object> resources = new ArrayList<>();
        for (Table table : TABLES) {
            resources.add(tableResource(folder, table));
        }
        for (OtherFile file : OTHER_FILES) {
            resources.add(otherResource(folder, file));
        }
        json.put("resources", resources);
        WriteFailure.writeString(folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /** A map in the order its keys are given: {@code Map.of} iterates differently from run to run, and the bytes must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> tableResource(Path folder, Table table) throws IOException {
        Map<String, Object> resource = fileResource(folder, table.file());
        resource.put("name", table.name());
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("dialect", ordered("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"",
                "doubleQuote", true, "header", true));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", table.fields().stream().map(DataPackage::field).toList());
        schema.put("missingValues", List.of(""));
        if (!table.primaryKey().isEmpty()) {
            schema.put("primaryKey", table.primaryKey());
        }
        if (!table.foreignKeys().isEmpty()) {
            schema.put("foreignKeys", table.foreignKeys().stream().map(fk -> ordered("fields", fk.fields(),
                    "reference", ordered("resource", fk.resource(), "fields", fk.reference()))).toList());
        }
        resource.put("schema", schema);
        return resource;
    }

    private static Map<String, Object> otherResource(Path folder, OtherFile file) throws IOException {
        Map<String, Object> resource = fileResource(folder, file.path());
        resource.put("name", file.name());
        resource.put("profile", "data-resource");
        resource.put("format", file.format());
        resource.put("mediatype", file.mediatype());
        resource.put("encoding", "utf-8");
        if (file.jsonSchema() != null) {
            resource.put(JSON_SCHEMA, file.jsonSchema());
        }
        return resource;
    }

    private static Map<String, Object> field(Field field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("type", field.type());
        Map<String, Object> constraints = new LinkedHashMap<>();
        if (field.required()) {
            constraints.put("required", true);
        }
        if (!field.values().isEmpty()) {
            constraints.put("enum", field.values());
        }
        if (!constraints.isEmpty()) {
            json.put("constraints", constraints);
        }
        return json;
    }

    private static Map<String, Object> fileResource(Path folder, String file) throws IOException {
        Path path = folder.resolve(file);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("path", file);
        resource.put("bytes", Files.size(path));
        resource.put("hash", "sha256:" + SourceDocument.sha256(path));
        return resource;
    }
}

package org.peelharvest.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /**
     * One column: its Table Schema type, what it means (the one description of it, rendered into
     * the descriptor, the report JSON Schema, the workbook's About sheet and docs/datasets.md), and
     * the constraints that say what its values are: a closed list, a pattern (matched whole), a
     * least and a greatest value, uniqueness. Null where a constraint does not apply.
     */
    public record Field(String name, String type, List<String> values, boolean required, String description,
                        String pattern, Integer minimum, Integer maximum, boolean unique) {

        public Field {
            values = List.copyOf(values);
            description = description == null ? "" : description;
        }

        /** A column as a descriptor that states no more than its type, list and whether it is required gives it. */
        public Field(String name, String type, List<String> values, boolean required) {
            this(name, type, values, required, "", null, null, null, false);
        }

        Field described(String text) {
            return new Field(name, type, values, required, text, pattern, minimum, maximum, unique);
        }

        Field matching(String regex) {
            return new Field(name, type, values, required, description, regex, minimum, maximum, unique);
        }

        Field between(Integer least, Integer greatest) {
            return new Field(name, type, values, required, description, pattern, least, greatest, unique);
        }

        Field asUnique() {
            return new Field(name, type, values, required, description, pattern, minimum, maximum, true);
        }
    }

    /** A reference from some columns of one table to the key of another. */
    public record ForeignKey(List<String> fields, String resource, List<String> reference) {
    }

    /** One CSV file of a release, with its title and what a row of it is. */
    public record Table(String name, String title, String description, List<Field> fields, List<String> primaryKey,
                        List<ForeignKey> foreignKeys) {

        public Table(String name, List<Field> fields, List<String> primaryKey, List<ForeignKey> foreignKeys) {
            this(name, "", "", fields, primaryKey, foreignKeys);
        }

        public String file() {
            return name + ".csv";
        }

        public List<String> header() {
            return fields.stream().map(Field::name).toList();
        }

        /** The column of this name, if the table has one. */
        public java.util.Optional<Field> field(String wanted) {
            return fields.stream().filter(f -> f.name().equals(wanted)).findFirst();
        }
    }

    static final List<String> JUDGMENTS = java.util.Arrays.stream(Judgment.values()).map(Judgment::label).toList();
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
    /**
     * A recommendation made under a cause of concern points at it by the cause's own identifier, a
     * column of its own: a key over {@code report_id} and {@code question_number} as well would be
     * read wrongly by tableschema 1.12 (above), and it checks a key with any value missing unless
     * every value is, so a recommendation of no cause is left unchecked only when the key is one column.
     */
    private static final ForeignKey TO_CAUSES = new ForeignKey(List.of("cause_of_concern_id"), "causes_of_concern",
            List.of("cause_of_concern_id"));

    /** {@code <year>-<force_slug>-<pillar>}, as {@link org.peelharvest.model.Report#reportId()} makes it. */
    static final String REPORT_ID_PATTERN = "20[0-9]{2}-[a-z]+(-[a-z]+)*-(" + String.join("|", PILLARS) + ")";
    private static final String SLUG_PATTERN = "[a-z]+(-[a-z]+)*";

    // The columns that several tables share, each described once.
    private static final Field REPORT_ID = key("report_id").matching(REPORT_ID_PATTERN)
            .described("The report's identifier, <year>-<force_slug>-<pillar> (e.g. 2016-derbyshire-effectiveness).");
    private static final Field FORCE_SLUG = key("force_slug").matching(SLUG_PATTERN)
            .described("The force's short name as the inspectorate's web addresses write it (e.g. avon-and-somerset).");
    private static final Field FORCE = text("force").described("The force's official name.");
    private static final Field CYCLE = closed("cycle", CYCLES)
            .described("The PEEL inspection cycle as the inspectorate labels it; grades of different cycles are not comparable.");
    private static final Field YEAR = integer("year").between(2014, null).described("The first year of the cycle.");
    private static final Field QUESTION_NUMBER = integer("question_number").between(1, null)
            .described("The question's number within its report, from 1, in the report's order.");
    private static final Field JUDGMENT_SCALE = closed("judgment_scale", SCALES)
            .described("The cycle's grade scale: four-point (2014 to 2018/19) or five-point, with Adequate (2021/22 on).");
    private static final Field POSITION = integer("position").between(1, null)
            .described("The row's place in its list, from 1, in the order the report gives them.");
    private static final Field SOURCE_URL = text("source_url")
            .described("Where the document was read: its web address, or for a local file its path relative to the input.");
    private static final Field DETAIL = optional("detail").described("What was found, in words.");

    private static Field judgment(String of) {
        return optionalClosed("judgment", JUDGMENTS).described("The grade of the " + of + " as the document states it; "
                + "Ungraded and Not graded are the inspectorate's own non-grades; empty where none is stated (never guessed).");
    }

    private static Field judgmentRank(String of) {
        return optionalInteger("judgment_rank").between(0, 4).described("The " + of + "'s grade as a number on its "
                + "cycle's scale: 0 Inadequate up to 3 (four-point) or 4 (five-point) Outstanding; empty for no grade, "
                + "Ungraded and Not graded.");
    }

    public static final Table REPORTS = new Table("reports", "Reports",
            "One row per published report: a force's report of one cycle and pillar (or the integrated report, 2021/22 on), "
                    + "its overall grade and the document it was read from.",
            List.of(REPORT_ID, FORCE, FORCE_SLUG, CYCLE, YEAR,
                    closed("pillar", PILLARS).described("The part of PEEL the report covers; integrated is the one report "
                            + "a force from 2021/22 on."),
                    optional("headline_question").described("The report's headline question; empty for integrated reports, which have none."),
                    judgment("report"), JUDGMENT_SCALE, judgmentRank("report"),
                    optionalClosed("judgment_source", SOURCES).described("Where the grade was read: badge (the grade "
                            + "graphic or its label) or summary (the summary's words); empty when there is no grade."),
                    new Field("last_updated", "date", List.of(), false)
                            .described("The date the document says it was last updated; empty when it gives none."),
                    integer("question_count").between(0, null).described("The report's questions (rows of questions.csv)."),
                    integer("area_for_improvement_count").between(0, null)
                            .described("The report's areas for improvement (rows of areas_for_improvement.csv)."),
                    SOURCE_URL,
                    closed("source_format", FORMATS).described("The document's format: html or pdf."),
                    text("source_sha256").matching("[0-9a-f]{64}")
                            .described("The SHA-256 of the document's bytes, in lower-case hex: the very document read.")),
            List.of("report_id"),
            List.of(new ForeignKey(List.of("force_slug"), "forces", List.of("force_slug"))));
    public static final Table QUESTIONS = new Table("questions", "Questions",
            "One row per question of a report (per area of policing from 2021/22), with its grade.",
            List.of(REPORT_ID, QUESTION_NUMBER, text("question").described("The question, or the area of policing, as the report words it."),
                    judgment("question"), JUDGMENT_SCALE, judgmentRank("question"),
                    new Field("carried_over", "boolean", List.of(), true).described("true when the report carries the "
                            + "question's grade over from an earlier inspection rather than grading it again."),
                    integer("area_for_improvement_count").between(0, null)
                            .described("The question's areas for improvement (rows of areas_for_improvement.csv).")),
            QUESTION_KEY, List.of(TO_REPORTS));
    public static final Table AREAS_FOR_IMPROVEMENT = new Table("areas_for_improvement", "Areas for improvement",
            "One row per area for improvement the report names under a question.",
            List.of(REPORT_ID, QUESTION_NUMBER, POSITION, text("text").described("The area for improvement, as the report words it.")),
            List.of("report_id", "question_number", "position"), List.of(TO_QUESTIONS));
    public static final Table CAUSES_OF_CONCERN = new Table("causes_of_concern", "Causes of concern",
            "One row per cause of concern the report names under a question.",
            List.of(REPORT_ID, QUESTION_NUMBER, POSITION, text("text").described("The cause of concern, as the report words it."),
                    causeOfConcernId(true)),
            List.of("report_id", "question_number", "position"), List.of(TO_QUESTIONS));
    public static final Table RECOMMENDATIONS = new Table("recommendations", "Recommendations",
            "One row per recommendation: those made under a cause of concern, then those of the question itself.",
            List.of(REPORT_ID, QUESTION_NUMBER,
                    optionalInteger("cause_position").between(1, null).described("The position of the cause of concern "
                            + "the recommendation is made under; empty for a recommendation of the question itself."),
                    POSITION, text("text").described("The recommendation, as the report words it."), causeOfConcernId(false)),
            List.of("report_id", "question_number", "cause_position", "position"), List.of(TO_QUESTIONS, TO_CAUSES));
    public static final Table CONFLICTS = new Table("conflicts", "Conflicts",
            "One row per value on which another document of a report (a PDF beside its web page, another copy) "
                    + "disagrees with the document published.",
            List.of(REPORT_ID,
                    text("field").described("The report's field that differs, as a path into its JSON (e.g. questions[2].judgment)."),
                    optional("value").described("The value published, from the document of source_url."),
                    SOURCE_URL,
                    optional("other_value").described("The value the other document gives."),
                    text("other_source_url").described("Where the other document was read.")),
            List.of("report_id", "field", "other_source_url"), List.of(TO_REPORTS));
    /** A report has at most one warning of each code. */
    public static final Table WARNINGS = new Table("warnings", "Warnings",
            "One row per thing a published report lacks (no questions, no grade…): published, but to be read with care.",
            List.of(REPORT_ID, SOURCE_URL, closed("code", WARNING_CODES).described("What the report lacks, as a code."),
                    text("detail").described("What was found, in words.")),
            List.of("report_id", "code"), List.of(TO_REPORTS));
    public static final Table REJECTS = new Table("rejects", "Rejected documents",
            "One row per document read but not published, with the stage that refused it and why.",
            List.of(key("source_url").described(SOURCE_URL.description()),
                    closed("stage", List.of("read", "extract", "validate", "write"))
                            .described("The stage that refused the document: read, extract, validate or write."),
                    closed("reason", java.util.Arrays.stream(org.peelharvest.model.RejectReason.values())
                            .map(org.peelharvest.model.RejectReason::code).toList()).described("Why, as a code."),
                    DETAIL),
            List.of("source_url"), List.of());
    public static final Table FORCES = new Table("forces", "Forces",
            "The 43 territorial police forces of England and Wales, whether or not a report of theirs is in the release.",
            List.of(FORCE_SLUG, FORCE.asUnique(),
                    text("ons_code").matching("[EW][0-9]{8}").asUnique()
                            .described("The Office for National Statistics code of the force's police force area."),
                    text("region").described("The ONS region of England the force is in, or Wales."),
                    closed("country", List.of("England", "Wales")).described("England or Wales.")),
            List.of("force_slug"), List.of());
    public static final Table GRADES_WIDE = GradesWide.table(FORCE_SLUG, FORCE, CYCLE, YEAR);
    public static final List<Table> TABLES = List.of(REPORTS, QUESTIONS, AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN,
            RECOMMENDATIONS, CONFLICTS, WARNINGS, REJECTS, FORCES, GRADES_WIDE);
    /**
     * The release's other files, described by size and digest: plain data resources (the profile
     * {@code data-resource}), never tabular ones. Not {@code index.html} nor {@code run.json}: they
     * name the run (its release and date), so listing them would make this descriptor differ between
     * two runs of the same input (issue 10); the release manifest covers them. The two report files name the JSON Schema each
     * report in them meets ({@value #JSON_SCHEMA}, a property of this project's own: a Data
     * Resource's {@code schema} is a Table Schema, which the report schema is not).
     */
    static final List<OtherFile> OTHER_FILES = List.of(
            new OtherFile("reports-json", "reports.json", "json", "application/json", ReportSchema.RELEASE_PATH,
                    "Reports as JSON", "Every report with its questions and findings, one JSON array."),
            new OtherFile("reports-jsonl", "reports.jsonl", "jsonl", "application/jsonl", ReportSchema.RELEASE_PATH,
                    "Reports as JSON Lines", "Every report with its questions and findings, one JSON object a line."),
            new OtherFile("report-schema", ReportSchema.RELEASE_PATH, "json", "application/schema+json", null,
                    "Report JSON Schema", "The JSON Schema (2020-12) every report of reports.json and reports.jsonl meets."),
            new OtherFile("workbook", Workbook.FILE, "xlsx", Workbook.MEDIA_TYPE, null, "Workbook",
                    "Every table as a sheet of one Excel workbook (typed cells, grades coloured), with the Grades sheet "
                            + "and an About sheet describing every column: what a spreadsheet user opens."));
    /** The property of a JSON resource that names the JSON Schema of each report in it. */
    public static final String JSON_SCHEMA = "jsonSchema";

    /** A file of the release that is not a table; {@code jsonSchema} is null where none applies. */
    record OtherFile(String name, String path, String format, String mediatype, String jsonSchema, String title,
                     String description) {
    }

    private DataPackage() {
    }

    /** {@code <report_id>/<question_number>/<position>} of a cause of concern; {@code causes_of_concern} holds each once. */
    static String causeOfConcernId(String reportId, int questionNumber, int position) {
        return reportId + "/" + questionNumber + "/" + position;
    }

    private static Field causeOfConcernId(boolean ofTheCause) {
        Field field = ofTheCause ? key("cause_of_concern_id").asUnique() : optional("cause_of_concern_id");
        return field.matching(REPORT_ID_PATTERN + "/[0-9]+/[0-9]+").described(ofTheCause
                ? "The cause of concern's identifier, <report_id>/<question_number>/<position>, which its recommendations name."
                : "The identifier of the cause of concern the recommendation is made under (a row of causes_of_concern.csv); "
                        + "empty for a recommendation of the question itself.");
    }

    static Field key(String name) {
        return new Field(name, "string", List.of(), true);
    }

    static Field text(String name) {
        return new Field(name, "string", List.of(), true);
    }

    static Field optional(String name) {
        return new Field(name, "string", List.of(), false);
    }

    static Field integer(String name) {
        return new Field(name, "integer", List.of(), true);
    }

    static Field optionalInteger(String name) {
        return new Field(name, "integer", List.of(), false);
    }

    static Field closed(String name, List<String> values) {
        return new Field(name, "string", values, true);
    }

    static Field optionalClosed(String name, List<String> values) {
        return new Field(name, "string", values, false);
    }

    /** What a release says of itself beyond its files. */
    static final String NAME = "peel-harvest-release";
    static final String TITLE = "PEEL police inspection reports: judgments, questions and findings";
    static final String DESCRIPTION = "The PEEL (police effectiveness, efficiency and legitimacy) inspection reports "
            + "of the 43 territorial police forces of England and Wales, as His Majesty's Inspectorate of Constabulary "
            + "and Fire & Rescue Services publishes them: each report's grades, questions, areas for improvement, causes "
            + "of concern and recommendations, read from its web page or PDF by peel-harvest. Grades of different "
            + "cycles are not comparable. Each value can be traced to the document it was read from (source_url, "
            + "source_sha256); where two documents of a report disagree, conflicts.csv says so.";
    static final String HOMEPAGE = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/";
    static final List<String> KEYWORDS = List.of("police", "PEEL", "HMICFRS", "inspection", "England", "Wales",
            "police effectiveness", "police efficiency", "police legitimacy");
    static final String LICENCE = "Open Government Licence v3.0";
    static final String LICENCE_PATH = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    /**
     * The release's version and date, the same for every run of the same input (issue 10): the
     * version of peel-harvest that wrote it, and the day of the newest report (null when no report gives one).
     */
    record Provenance(String version, LocalDate newestReport) {
    }

    /** Writes {@code datapackage.json} for the files already in {@code folder}. */
    static void write(Path folder, Provenance provenance) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        // Not "tabular-data-package": that profile requires every resource to be tabular, and the
        // JSON files, the report schema and the summary page are not.
        json.put("profile", "data-package");
        json.put("name", NAME);
        json.put("title", TITLE);
        json.put("description", DESCRIPTION);
        json.put("version", provenance.version());
        if (provenance.newestReport() != null) {
            json.put("created", provenance.newestReport() + "T00:00:00Z");
        }
        json.put("homepage", HOMEPAGE);
        json.put("keywords", KEYWORDS);
        json.put("sources", List.of(ordered("title", "HMICFRS, PEEL assessments", "path", HOMEPAGE)));
        json.put("contributors", List.of(
                ordered("title", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "role", "author",
                        "path", "https://hmicfrs.justiceinspectorates.gov.uk/"),
                ordered("title", "peel-harvest " + provenance.version(), "role", "wrangler")));
        json.put("licenses", List.of(ordered("name", "OGL-UK-3.0", "title", LICENCE, "path", LICENCE_PATH)));
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
        resource.put("title", table.title());
        resource.put("description", table.description());
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
        resource.put("title", file.title());
        resource.put("description", file.description());
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
        json.put("description", field.description());
        Map<String, Object> constraints = new LinkedHashMap<>();
        if (field.required()) {
            constraints.put("required", true);
        }
        if (field.unique()) {
            constraints.put("unique", true);
        }
        if (!field.values().isEmpty()) {
            constraints.put("enum", field.values());
        }
        if (field.pattern() != null) {
            constraints.put("pattern", field.pattern());
        }
        if (field.minimum() != null) {
            constraints.put("minimum", field.minimum());
        }
        if (field.maximum() != null) {
            constraints.put("maximum", field.maximum());
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

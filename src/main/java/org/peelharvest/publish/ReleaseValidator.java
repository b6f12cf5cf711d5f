package org.peelharvest.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.ControlCharacters;
import org.peelharvest.model.SourceDocument;

/**
 * Checks a published release as a data team would before loading it, against what the release
 * itself says it is: every file against {@code manifest-sha256.txt}, and then, from the release's
 * own {@code datapackage.json}, every file's size and SHA-256, every CSV's header and every cell
 * against its Table Schema (types, closed lists, required values, missing values), primary keys
 * unique, every foreign key pointing at a row that exists, and every report in the JSON files
 * against the JSON Schema the descriptor names. An edited descriptor no longer matches the
 * manifest; and were the manifest edited too, the data no longer matches the descriptor.
 * Each problem is one line naming the file, row and column.
 */
public final class ReleaseValidator {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROBLEMS_PER_FILE = 20;
    /** A control character in a release's text (issue 17); %s names it, U+001B. */
    private static final String CONTROL_CHARACTER = "holds the control character %s, which is no part of text "
            + "(a terminal escape or the like)";
    /** The files of a release that are not resources of its data package. */
    private static final Set<String> NOT_RESOURCES = Set.of(DataPackage.FILE, RunJson.FILE, ReleaseManifest.FILE,
            SummaryPage.FILE, OutputMarker.FILE);

    /**
     * One table of the release, its rows read one at a time whenever they are checked (a table
     * can be as large as the archive: conflicts.csv holds every differing value of every copy).
     */
    private record Rows(Path release, ReleaseDescriptor.Resource resource) {

        /**
         * Each row to {@code check}, after the header; nothing when the file is missing or its header
         * is not the table's. A field or row past its limit ends the file's reading, told once (with
         * {@code tell}, the first reading's).
         */
        void forEach(List<String> problems, boolean tell, Consumer<CSVRecord> check) throws IOException {
            Path file = inside(release, resource.path());
            if (file == null || !Files.isRegularFile(file)) {
                return;
            }
            try (Reader reader = new ReadLimits.CsvReader(ReadLimits.textReader(file), resource.path());
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(reader)) {
                List<String> header = parser.getHeaderNames();
                List<String> expected = resource.table().header();
                if (!header.equals(expected)) {
                    if (tell) {
                        problems.add(resource.path() + ": columns " + header + " are not the expected " + expected);
                    }
                    return;
                }
                parser.forEach(check);
            } catch (ReadLimits.TooLong e) {
                tellTooLong(e, problems, tell);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof ReadLimits.TooLong tooLong)) {
                    throw e;
                }
                tellTooLong(tooLong, problems, tell);
            }
        }

        private static void tellTooLong(ReadLimits.TooLong tooLong, List<String> problems, boolean tell) {
            if (tell) {
                problems.add(tooLong.getMessage());
            }
        }
    }

    public List<String> problems(Path release) throws IOException {
        List<String> problems = new ArrayList<>(ReleaseManifest.problems(release));
        problems.addAll(runJsonProblems(release));
        JsonNode dataPackage = readDataPackage(release, problems);
        if (dataPackage == null) {
            return problems;
        }
        List<ReleaseDescriptor.Resource> resources = ReleaseDescriptor.resources(dataPackage, problems);
        checkDigests(release, resources, problems);
        checkEveryFileIsDescribed(release, resources, problems);
        Map<String, Rows> tables = new LinkedHashMap<>();
        for (ReleaseDescriptor.Resource resource : resources.stream().filter(ReleaseDescriptor.Resource::tabular).toList()) {
            Rows rows = new Rows(release, resource);
            tables.put(resource.name(), rows);
            checkRows(rows, problems);
        }
        for (Rows rows : tables.values()) {
            checkForeignKeys(rows, tables, problems);
        }
        for (ReleaseDescriptor.Resource resource : resources) {
            if (resource.jsonSchema() != null) {
                checkJson(release, resource, problems);
            }
        }
        return problems;
    }

    /** run.json's problems, a control character in it among them, unless it is too big to read whole. */
    private static List<String> runJsonProblems(Path release) throws IOException {
        Path file = release.resolve(RunJson.FILE);
        if (!Files.isRegularFile(file)) {
            return RunJson.problems(release);
        }
        String tooBig = ReadLimits.tooBigToReadWhole(file, RunJson.FILE);
        if (tooBig != null) {
            return List.of(tooBig);
        }
        List<String> problems = new ArrayList<>(RunJson.problems(release));
        try {
            String control = controlIn(JSON.readTree(file.toFile()));
            if (control != null) {
                problems.add(RunJson.FILE + ": " + CONTROL_CHARACTER.formatted(control));
            }
        } catch (JacksonException e) {
            // RunJson.problems names JSON that cannot be read.
        }
        return problems;
    }

    /** The first control character of a JSON value's text, its names and strings at any depth, or null. */
    private static String controlIn(JsonNode node) {
        if (node.isString()) {
            return ControlCharacters.first(node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String control = ControlCharacters.first(property.getKey());
                if (control != null) {
                    return control;
                }
            }
        }
        for (JsonNode child : node) {
            String control = controlIn(child);
            if (control != null) {
                return control;
            }
        }
        return null;
    }

    private static JsonNode readDataPackage(Path release, List<String> problems) throws IOException {
        Path file = release.resolve(DataPackage.FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(DataPackage.FILE + ": missing, so the release cannot be checked");
            return null;
        }
        String tooBig = ReadLimits.tooBigToReadWhole(file, DataPackage.FILE);
        if (tooBig != null) {
            problems.add(tooBig + ", so the release cannot be checked");
            return null;
        }
        try {
            JsonNode dataPackage = JSON.readTree(file.toFile());
            String control = controlIn(dataPackage);
            if (control != null) {
                problems.add(DataPackage.FILE + ": " + CONTROL_CHARACTER.formatted(control));
            }
            return dataPackage;
        } catch (JacksonException e) {
            problems.add(DataPackage.FILE + ": not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static void checkDigests(Path release, List<ReleaseDescriptor.Resource> resources, List<String> problems)
            throws IOException {
        for (ReleaseDescriptor.Resource resource : resources) {
            Path file = inside(release, resource.path());
            if (file == null || !Files.isRegularFile(file)) {
                problems.add(resource.path() + ": listed in " + DataPackage.FILE + " but missing");
                continue;
            }
            long bytes = Files.size(file);
            if (bytes != resource.bytes()) {
                problems.add(resource.path() + ": " + bytes + " bytes, " + DataPackage.FILE + " says "
                        + resource.bytes() + " (the file was changed after publishing)");
            }
            if (!("sha256:" + SourceDocument.sha256(file)).equals(resource.hash())) {
                problems.add(resource.path() + ": SHA-256 differs from " + DataPackage.FILE
                        + " (the file was changed after publishing)");
            }
        }
    }

    /** A file the descriptor does not describe would never be checked: it is a problem in itself. */
    private static void checkEveryFileIsDescribed(Path release, List<ReleaseDescriptor.Resource> resources,
                                                  List<String> problems) throws IOException {
        Set<String> described = new HashSet<>();
        resources.forEach(resource -> described.add(resource.path()));
        for (String path : ReleaseManifest.filesOf(release)) {
            if (!described.contains(path) && !NOT_RESOURCES.contains(path)) {
                problems.add(path + ": not a resource of " + DataPackage.FILE);
            }
        }
    }

    /** The file a descriptor's path names, or null when the path leads outside the release. */
    private static Path inside(Path release, String path) {
        Path file = release.resolve(path).normalize();
        return file.startsWith(release.normalize()) ? file : null;
    }

    /** Types, closed lists and required values of every cell, and the primary key's uniqueness. */
    private static void checkRows(Rows rows, List<String> problems) throws IOException {
        DataPackage.Table table = rows.resource().table();
        String file = rows.resource().path();
        Set<List<String>> keys = new HashSet<>();
        Map<String, Set<String>> uniques = new HashMap<>();
        int[] found = {0};
        rows.forEach(problems, true, row -> {
            if (!row.isConsistent()) {
                problems.add(file + ": row " + (row.getRecordNumber() + 1) + " has " + row.size()
                        + " cells, not " + table.fields().size());
                return;
            }
            for (DataPackage.Field field : table.fields()) {
                String problem = cellProblem(field, rows.resource().missingValues(), row.get(field.name()));
                if (problem != null && found[0]++ < MAX_PROBLEMS_PER_FILE) {
                    problems.add(file + ": row " + (row.getRecordNumber() + 1) + ", column " + field.name()
                            + ": " + problem);
                }
            }
            for (DataPackage.Field field : table.fields()) {
                String cell = row.get(field.name());
                if (field.unique() && !rows.resource().missingValues().contains(cell)
                        && !uniques.computeIfAbsent(field.name(), f -> new HashSet<>()).add(cell)) {
                    problems.add(file + ": row " + (row.getRecordNumber() + 1) + ", column " + field.name()
                            + ": '" + cell + "' appears twice, but the column's values are unique");
                }
            }
            List<String> key = table.primaryKey().stream().map(row::get).toList();
            if (!table.primaryKey().isEmpty() && !keys.add(key)) {
                problems.add(file + ": row " + (row.getRecordNumber() + 1) + ": key " + key + " appears twice");
            }
        });
    }

    private static String cellProblem(DataPackage.Field field, List<String> missingValues, String value) {
        String control = ControlCharacters.first(value);
        if (control != null) {
            return CONTROL_CHARACTER.formatted(control);
        }
        String cell = CsvTable.unguarded(value);
        if (missingValues.contains(cell)) {
            return field.required() ? "empty, but required" : null;
        }
        String typeProblem = switch (field.type()) {
            case "integer" -> cell.matches("[-+]?\\d+") ? null : "is not an integer";
            case "number" -> cell.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN|INF|-INF")
                    ? null : "is not a number";
            // Table Schema's default true and false values.
            case "boolean" -> List.of("true", "True", "TRUE", "1", "false", "False", "FALSE", "0").contains(cell)
                    ? null : "is not true or false";
            case "date" -> isDate(cell) ? null : "is not a date (yyyy-mm-dd)";
            case "year" -> cell.matches("-?\\d{4}") ? null : "is not a year";
            default -> null;
        };
        if (typeProblem != null) {
            return "'" + value + "' " + typeProblem;
        }
        if (!field.values().isEmpty() && !field.values().contains(cell)) {
            return "'" + value + "' is not one of " + field.values();
        }
        return constraintProblem(field, cell, value);
    }

    /** The pattern (matched whole, as Table Schema says), least and greatest value of a cell of the right type. */
    private static String constraintProblem(DataPackage.Field field, String cell, String value) {
        if (field.pattern() != null && !cell.matches(field.pattern())) {
            return "'" + value + "' does not match the pattern " + field.pattern();
        }
        boolean integer = "integer".equals(field.type());
        if (integer && field.minimum() != null && new java.math.BigInteger(cell).compareTo(java.math.BigInteger.valueOf(field.minimum())) < 0) {
            return "'" + value + "' is less than " + field.minimum();
        }
        if (integer && field.maximum() != null && new java.math.BigInteger(cell).compareTo(java.math.BigInteger.valueOf(field.maximum())) > 0) {
            return "'" + value + "' is greater than " + field.maximum();
        }
        return null;
    }

    private static boolean isDate(String cell) {
        try {
            LocalDate.parse(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkForeignKeys(Rows rows, Map<String, Rows> tables, List<String> problems) throws IOException {
        for (DataPackage.ForeignKey foreignKey : rows.resource().table().foreignKeys()) {
            Rows target = tables.get(foreignKey.resource());
            if (target == null) {
                problems.add(rows.resource().path() + ": a foreign key points at the resource " + foreignKey.resource()
                        + ", which " + DataPackage.FILE + " does not describe as a table");
                continue;
            }
            Set<List<String>> targets = valuesOf(target, foreignKey.reference(), problems);
            rows.forEach(problems, false, row -> {
                if (!row.isConsistent()) {
                    return;
                }
                List<String> value = foreignKey.fields().stream().map(row::get).toList();
                // A reference with every value missing points at nothing, as Table Schema's readers take it.
                boolean none = value.stream().allMatch(rows.resource().missingValues()::contains);
                if (!none && !targets.contains(value)) {
                    problems.add(rows.resource().path() + ": row " + (row.getRecordNumber() + 1) + ": "
                            + foreignKey.fields() + " " + value + " points at no row of " + target.resource().path());
                }
            });
        }
    }

    private static Set<List<String>> valuesOf(Rows rows, List<String> fields, List<String> problems) throws IOException {
        Set<List<String>> values = new HashSet<>();
        rows.forEach(problems, false, row -> {
            if (row.isConsistent() && fields.stream().allMatch(row::isMapped)) {
                values.add(fields.stream().map(row::get).toList());
            }
        });
        return values;
    }

    /** Every report of a JSON resource (an array) or a JSON Lines one (a report a line) against the schema it names. */
    private static void checkJson(Path release, ReleaseDescriptor.Resource resource, List<String> problems)
            throws IOException {
        Path schemaFile = inside(release, resource.jsonSchema());
        Path file = inside(release, resource.path());
        if (schemaFile == null || !Files.isRegularFile(schemaFile)) {
            problems.add(resource.path() + ": its JSON Schema " + resource.jsonSchema() + " is missing");
            return;
        }
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        String tooBig = ReadLimits.tooBigToReadWhole(schemaFile, resource.jsonSchema());
        if (tooBig != null) {
            problems.add(tooBig);
            return;
        }
        ReportSchema schema;
        try {
            schema = ReportSchema.read(schemaFile);
        } catch (RuntimeException e) {
            problems.add(resource.jsonSchema() + ": not a JSON Schema: " + e.getMessage());
            return;
        }
        JsonProblems found = new JsonProblems(resource.path(), schema, problems);
        try {
            if ("jsonl".equals(resource.format())) {
                checkJsonLines(file, found);
            } else {
                checkJsonArray(file, found);
            }
        } catch (JacksonException e) {
            problems.add(resource.path() + ": not valid JSON: " + e.getOriginalMessage());
        }
        found.tellHidden();
    }

    /** The problems of one JSON resource's reports, the first {@link #MAX_PROBLEMS_PER_FILE} told and the rest counted. */
    private static final class JsonProblems {

        private final String file;
        private final ReportSchema schema;
        private final List<String> problems;
        private long found;

        JsonProblems(String file, ReportSchema schema, List<String> problems) {
            this.file = file;
            this.schema = schema;
            this.problems = problems;
        }

        void check(String where, JsonNode report) {
            schema.problems(report).forEach(problem -> add(file + ": " + where + ": " + problem));
            String control = controlIn(report);
            if (control != null) {
                add(file + ": " + where + ": " + CONTROL_CHARACTER.formatted(control));
            }
        }

        void add(String problem) {
            if (found++ < MAX_PROBLEMS_PER_FILE) {
                problems.add(problem);
            }
        }

        void tellHidden() {
            if (found > MAX_PROBLEMS_PER_FILE) {
                problems.add(file + ": " + (found - MAX_PROBLEMS_PER_FILE) + " more problem(s) not listed");
            }
        }
    }

    /** A report a line, each line read up to its limit: a longer one is a problem, and the next is read. */
    private static void checkJsonLines(Path file, JsonProblems found) throws IOException {
        try (ReadLimits.Lines lines = new ReadLimits.Lines(ReadLimits.textReader(file), ReadLimits.MAX_LINE_CHARS)) {
            for (ReadLimits.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.tooLong()) {
                    found.add(ReadLimits.tooLong(found.file, line.number(), "the line is", ReadLimits.MAX_LINE_CHARS)
                            + "; not read");
                } else {
                    try {
                        found.check("line " + line.number(), JSON.readTree(line.text()));
                    } catch (JacksonException e) {
                        found.add(found.file + ": line " + line.number() + ": not valid JSON: " + e.getOriginalMessage());
                    }
                }
            }
        }
    }

    /**
     * An array of reports, streamed: each report's extent is found by skipping it (a skipped string
     * is not kept), and only one within {@link ReadLimits#MAX_LINE_CHARS} bytes is read as a tree.
     */
    private static void checkJsonArray(Path file, JsonProblems found) throws IOException {
        try (JsonParser parser = JSON.createParser(file);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                found.add(found.file + ": not a JSON array of reports");
                return;
            }
            int number = 0;
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                 token = parser.nextToken()) {
                number++;
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                if (end - start > ReadLimits.MAX_LINE_CHARS) {
                    found.add(String.format(Locale.ROOT, "%s: report %d: %,d bytes, longer than the limit of %,d; not read",
                            found.file, number, end - start, ReadLimits.MAX_LINE_CHARS));
                } else {
                    found.check("report " + number, JSON.readTree(slice(channel, start, end)));
                }
            }
        }
    }

    private static byte[] slice(FileChannel channel, long start, long end) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
        while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) >= 0) {
            // read until the slice is whole
        }
        return bytes.array();
    }
}

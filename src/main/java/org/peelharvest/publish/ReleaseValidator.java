package org.peelharvest.publish;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;

/**
 * Checks a published release as a data team would before loading it: every file's size and
 * SHA-256 against {@code datapackage.json}, every CSV's header and every cell against its Table
 * Schema (types, closed lists, required values), primary keys unique, every question and finding
 * pointing at a report or question that exists, and every report against the JSON Schema.
 * Each problem is one line naming the file, row and column.
 */
public final class ReleaseValidator {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROBLEMS_PER_FILE = 20;

    private final ReportSchema schema = new ReportSchema();

    public List<String> problems(Path release) throws IOException {
        List<String> problems = new ArrayList<>(RunJson.problems(release));
        JsonNode dataPackage = readDataPackage(release, problems);
        if (dataPackage == null) {
            return problems;
        }
        checkDigests(release, dataPackage, problems);
        Map<String, Set<List<String>>> keys = new HashMap<>();
        Map<String, List<CSVRecord>> rows = new HashMap<>();
        for (DataPackage.Table table : DataPackage.TABLES) {
            List<CSVRecord> records = readTable(release, table, problems);
            rows.put(table.name(), records);
            keys.put(table.name(), checkRows(table, records, problems));
        }
        for (DataPackage.Table table : DataPackage.TABLES) {
            checkForeignKeys(table, rows.get(table.name()), keys, problems);
        }
        try {
            checkReports(release, problems);
        } catch (JacksonException e) {
            problems.add("reports.json or reports.jsonl: not valid JSON: " + e.getOriginalMessage());
        }
        return problems;
    }

    private static JsonNode readDataPackage(Path release, List<String> problems) {
        Path file = release.resolve(DataPackage.FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(DataPackage.FILE + ": missing, so the release cannot be checked");
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            problems.add(DataPackage.FILE + ": not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static void checkDigests(Path release, JsonNode dataPackage, List<String> problems) throws IOException {
        for (JsonNode resource : dataPackage.path("resources")) {
            String path = resource.path("path").asString("");
            Path file = release.resolve(path);
            if (!Files.isRegularFile(file)) {
                problems.add(path + ": listed in " + DataPackage.FILE + " but missing");
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != resource.path("bytes").asLong(-1)) {
                problems.add(path + ": " + bytes.length + " bytes, " + DataPackage.FILE + " says "
                        + resource.path("bytes").asLong(-1) + " (the file was changed after publishing)");
            }
            String hash = "sha256:" + SourceDocument.sha256(bytes);
            if (!hash.equals(resource.path("hash").asString(""))) {
                problems.add(path + ": SHA-256 differs from " + DataPackage.FILE + " (the file was changed after publishing)");
            }
        }
    }

    private static List<CSVRecord> readTable(Path release, DataPackage.Table table, List<String> problems)
            throws IOException {
        Path file = release.resolve(table.file());
        if (!Files.isRegularFile(file)) {
            problems.add(table.file() + ": missing");
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(table.header())) {
                problems.add(table.file() + ": columns " + header + " are not the expected " + table.header());
                return List.of();
            }
            return parser.getRecords();
        }
    }

    /** Types and closed lists of every cell, and the primary key's uniqueness; returns the keys. */
    private static Set<List<String>> checkRows(DataPackage.Table table, List<CSVRecord> records, List<String> problems) {
        Set<List<String>> keys = new HashSet<>();
        int found = 0;
        for (CSVRecord row : records) {
            if (!row.isConsistent()) {
                problems.add(table.file() + ": row " + (row.getRecordNumber() + 1) + " has " + row.size()
                        + " cells, not " + table.fields().size());
                continue;
            }
            for (DataPackage.Field field : table.fields()) {
                String problem = cellProblem(field, row.get(field.name()));
                if (problem != null && found++ < MAX_PROBLEMS_PER_FILE) {
                    problems.add(table.file() + ": row " + (row.getRecordNumber() + 1) + ", column " + field.name()
                            + ": " + problem);
                }
            }
            List<String> key = table.primaryKey().stream().map(row::get).toList();
            if (!table.primaryKey().isEmpty() && !keys.add(key)) {
                problems.add(table.file() + ": row " + (row.getRecordNumber() + 1) + ": key " + key + " appears twice");
            }
        }
        return keys;
    }

    private static String cellProblem(DataPackage.Field field, String value) {
        String cell = value.startsWith("'") ? value.substring(1) : value;
        if (cell.isEmpty()) {
            return field.required() ? "empty, but required" : null;
        }
        switch (field.type()) {
            case "integer" -> {
                if (!cell.matches("-?\\d+")) {
                    return "'" + value + "' is not an integer";
                }
            }
            case "boolean" -> {
                if (!cell.equals("true") && !cell.equals("false")) {
                    return "'" + value + "' is not true or false";
                }
            }
            case "date" -> {
                try {
                    LocalDate.parse(cell);
                } catch (DateTimeParseException e) {
                    return "'" + value + "' is not a date (yyyy-mm-dd)";
                }
            }
            default -> {
            }
        }
        if (!field.values().isEmpty() && !field.values().contains(cell)) {
            return "'" + value + "' is not one of " + field.values();
        }
        return null;
    }

    private static void checkForeignKeys(DataPackage.Table table, List<CSVRecord> records,
                                         Map<String, Set<List<String>>> keys, List<String> problems) {
        for (DataPackage.ForeignKey foreignKey : table.foreignKeys()) {
            Set<List<String>> targets = keys.getOrDefault(foreignKey.resource(), Set.of());
            for (CSVRecord row : records.stream().filter(CSVRecord::isConsistent).toList()) {
                List<String> value = foreignKey.fields().stream().map(row::get).toList();
                if (!targets.contains(value)) {
                    problems.add(table.file() + ": row " + (row.getRecordNumber() + 1) + ": " + foreignKey.fields()
                            + " " + value + " points at no row of " + foreignKey.resource() + ".csv");
                }
            }
        }
    }

    private void checkReports(Path release, List<String> problems) throws IOException {
        Path array = release.resolve("reports.json");
        if (Files.isRegularFile(array)) {
            JsonNode reports = JSON.readTree(array.toFile());
            for (int i = 0; i < reports.size(); i++) {
                for (String problem : schema.problems(reports.get(i))) {
                    problems.add("reports.json: report " + (i + 1) + ": " + problem);
                }
            }
        }
        Path lines = release.resolve("reports.jsonl");
        if (Files.isRegularFile(lines)) {
            List<String> all = Files.readAllLines(lines, StandardCharsets.UTF_8);
            for (int i = 0; i < all.size(); i++) {
                for (String problem : schema.problems(JSON.readTree(all.get(i)))) {
                    problems.add("reports.jsonl: line " + (i + 1) + ": " + problem);
                }
            }
        }
    }
}

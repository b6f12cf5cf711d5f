package org.peelharvest.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed between two releases: reports added and removed, judgments and their ranks changed
 * (of a report or of a question, with both values), questions added and removed, findings (areas
 * for improvement, causes of concern, recommendations) added and removed, and conflicts between
 * the documents of a report added and removed. Findings are compared by their text within their
 * question, so a finding reworded is one removed and one added; conflicts by their report, field
 * and the two values (not the documents' URLs, which name where the input was read).
 */
public final class ReleaseDiff {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    public static final List<String> HEADER = List.of("report_id", "question_number", "change", "field", "old", "new");

    /** One change; {@code questionNumber} is null for a change to the report itself. */
    public record Change(String reportId, Integer questionNumber, String change, String field, String old,
                         String now) {
    }

    private final List<String> problems = new ArrayList<>();

    /**
     * What could not be read of the releases compared (a line or field past its limit), one line
     * each naming the file, the line and the limit; what was read was compared.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<Change> between(Path oldRelease, Path newRelease) throws IOException {
        Map<String, JsonNode> before = reports(oldRelease);
        Map<String, JsonNode> after = reports(newRelease);
        List<Change> changes = new ArrayList<>();
        Set<String> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            JsonNode old = before.get(id);
            JsonNode now = after.get(id);
            if (old == null) {
                changes.add(new Change(id, null, "report-added", "", "", text(now.get("judgment"))));
            } else if (now == null) {
                changes.add(new Change(id, null, "report-removed", "", text(old.get("judgment")), ""));
            } else {
                compareReport(id, old, now, changes);
            }
        }
        conflicts(oldRelease, newRelease, changes);
        return changes;
    }

    /** Whether {@code folder} holds a release (its reports.jsonl): a diff of anything else is bad usage. */
    public static boolean isRelease(Path folder) {
        return Files.isRegularFile(folder.resolve("reports.jsonl"));
    }

    /** Writes the changes as {@code diff.csv} (RFC 4180, UTF-8, in the given style). */
    public static void write(Path file, List<Change> changes, CsvStyle style) throws IOException {
        try (CsvTable table = CsvTable.create(file, HEADER, style)) {
            for (Change c : changes) {
                table.row(c.reportId(), c.questionNumber(), c.change(), c.field(), c.old(), c.now());
            }
        }
    }

    private static void compareReport(String id, JsonNode old, JsonNode now, List<Change> changes) {
        changed(id, null, "judgment", old, now, changes);
        changed(id, null, "judgment_rank", old, now, changes);
        Map<Integer, JsonNode> oldQuestions = questions(old);
        Map<Integer, JsonNode> newQuestions = questions(now);
        Set<Integer> numbers = new java.util.TreeSet<>(oldQuestions.keySet());
        numbers.addAll(newQuestions.keySet());
        for (Integer number : numbers) {
            JsonNode before = oldQuestions.get(number);
            JsonNode after = newQuestions.get(number);
            if (before == null) {
                changes.add(new Change(id, number, "question-added", "question", "", text(after.get("question"))));
            } else if (after == null) {
                changes.add(new Change(id, number, "question-removed", "question", text(before.get("question")), ""));
            } else {
                changed(id, number, "judgment", before, after, changes);
                changed(id, number, "judgment_rank", before, after, changes);
                findings(id, number, "areas_for_improvement", texts(before.get("areas_for_improvement")),
                        texts(after.get("areas_for_improvement")), changes);
                findings(id, number, "causes_of_concern", causes(before), causes(after), changes);
                findings(id, number, "recommendations", recommendations(before), recommendations(after), changes);
            }
        }
    }

    private static void changed(String id, Integer number, String field, JsonNode old, JsonNode now,
                                List<Change> changes) {
        String before = text(old.get(field));
        String after = text(now.get(field));
        if (!Objects.equals(before, after)) {
            String kind = field.equals("judgment_rank") ? "rank-changed" : "judgment-changed";
            changes.add(new Change(id, number, kind, field, before, after));
        }
    }

    private static void findings(String id, Integer number, String field, Set<String> before, Set<String> after,
                                 List<Change> changes) {
        before.stream().filter(t -> !after.contains(t))
                .forEach(t -> changes.add(new Change(id, number, "finding-removed", field, t, "")));
        after.stream().filter(t -> !before.contains(t))
                .forEach(t -> changes.add(new Change(id, number, "finding-added", field, "", t)));
    }

    /** One conflict as compared: the report, the field, the published value and the other document's. */
    private record Conflict(String reportId, String field, String value, String otherValue) {
    }

    private void conflicts(Path oldRelease, Path newRelease, List<Change> changes) throws IOException {
        Set<Conflict> before = conflicts(oldRelease);
        Set<Conflict> after = conflicts(newRelease);
        after.stream().filter(c -> !before.contains(c)).forEach(c -> changes.add(
                new Change(c.reportId(), null, "conflict-added", c.field(), c.value(), c.otherValue())));
        before.stream().filter(c -> !after.contains(c)).forEach(c -> changes.add(
                new Change(c.reportId(), null, "conflict-removed", c.field(), c.value(), c.otherValue())));
    }

    /** The conflicts of a release in their file's order (by report); none when it has no conflicts.csv. */
    private Set<Conflict> conflicts(Path release) throws IOException {
        Path file = release.resolve("conflicts.csv");
        Set<Conflict> conflicts = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return conflicts;
        }
        try (Reader reader = new ReadLimits.CsvReader(ReadLimits.textReader(file), file.toString());
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                conflicts.add(new Conflict(row.get("report_id"), row.get("field"), row.get("value"),
                        row.get("other_value")));
            }
        } catch (ReadLimits.TooLong e) {
            problems.add(e.getMessage());
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof ReadLimits.TooLong tooLong)) {
                throw e;
            }
            problems.add(tooLong.getMessage());
        }
        return conflicts;
    }

    private static Set<String> causes(JsonNode question) {
        Set<String> texts = new LinkedHashSet<>();
        question.path("causes_of_concern").forEach(c -> texts.add(text(c.get("text"))));
        return texts;
    }

    private static Set<String> recommendations(JsonNode question) {
        Set<String> texts = new LinkedHashSet<>(texts(question.get("recommendations")));
        question.path("causes_of_concern").forEach(c -> texts.addAll(texts(c.get("recommendations"))));
        return texts;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(t -> texts.add(text(t)));
        }
        return texts;
    }

    private static Map<Integer, JsonNode> questions(JsonNode report) {
        Map<Integer, JsonNode> questions = new TreeMap<>();
        report.path("questions").forEach(q -> questions.put(q.get("number").asInt(), q));
        return questions;
    }

    /** The reports of a release, by id, read one line at a time from reports.jsonl; a line past its limit is a problem. */
    private Map<String, JsonNode> reports(Path release) throws IOException {
        Path file = release.resolve("reports.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IOException(release + " is not a release: it has no reports.jsonl");
        }
        Map<String, JsonNode> reports = new TreeMap<>();
        try (ReadLimits.Lines lines = new ReadLimits.Lines(ReadLimits.textReader(file), ReadLimits.MAX_LINE_CHARS)) {
            for (ReadLimits.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.tooLong()) {
                    problems.add(ReadLimits.tooLong(file.toString(), line.number(), "the line is",
                            ReadLimits.MAX_LINE_CHARS) + "; its report is not compared");
                    continue;
                }
                JsonNode report = JSON.readTree(line.text());
                reports.put(report.get("report_id").asString(), report);
            }
        }
        return reports;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }
}

package org.peelharvest.publish;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/**
 * The files of a release that a report streams into, one report at a time: the seven CSV tables
 * that hold reports, their parts, conflicts and warnings, and {@code reports.json} and
 * {@code reports.jsonl}. Counts the rows as they are written; nothing is held but the counts.
 */
final class ReportTables implements Closeable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final CsvTable reports;
    private final CsvTable questions;
    private final CsvTable areas;
    private final CsvTable causes;
    private final CsvTable recommendations;
    private final CsvTable conflicts;
    private final CsvTable warnings;
    private final JsonGenerator array;
    private final Writer lines;
    private final Counts counts = new Counts();

    /** Each row of a table is written to its sheet of {@code workbook} as well. */
    ReportTables(Path folder, CsvStyle style, Workbook workbook) throws IOException {
        reports = table(folder, DataPackage.REPORTS, style, workbook);
        questions = table(folder, DataPackage.QUESTIONS, style, workbook);
        areas = table(folder, DataPackage.AREAS_FOR_IMPROVEMENT, style, workbook);
        causes = table(folder, DataPackage.CAUSES_OF_CONCERN, style, workbook);
        recommendations = table(folder, DataPackage.RECOMMENDATIONS, style, workbook);
        conflicts = table(folder, DataPackage.CONFLICTS, style, workbook);
        warnings = table(folder, DataPackage.WARNINGS, style, workbook);
        array = JSON.writer().with(PRETTY).createGenerator(WriteFailure.create(folder.resolve("reports.json")));
        array.writeStartArray();
        lines = new BufferedWriter(new OutputStreamWriter(WriteFailure.create(folder.resolve("reports.jsonl")),
                StandardCharsets.UTF_8));
    }

    /** The CSV file of {@code table} in {@code folder}, each row copied to its sheet of {@code workbook}. */
    static CsvTable table(Path folder, DataPackage.Table table, CsvStyle style, Workbook workbook) throws IOException {
        return CsvTable.create(folder.resolve(table.file()), table.header(), style).copiedTo(workbook.sheet(table));
    }

    /** The grades of every force and cycle, one row each, gathered as the reports stream through. */
    GradesWide grades() {
        return counts.grades;
    }

    /** The day the newest report was last updated, null when none gives one. */
    LocalDate newestReport() {
        return counts.newest;
    }

    /**
     * One report, from the first document of its group; each other document's disagreements with
     * it are rows of {@code conflicts.csv}. Every document of the group is handed to {@code
     * eachDocument} as it is gone through: a group is read from the staging area one report at a
     * time, so it is gone through once.
     */
    void add(List<Report> group, List<Warning> found, SummaryPage page, Consumer<Report> eachDocument)
            throws IOException {
        Report report = group.get(0);
        eachDocument.accept(report);
        for (Report other : group.subList(1, group.size())) {
            eachDocument.accept(other);
            List<Conflicts.Conflict> between = Conflicts.between(report, other);
            CsvTables.printConflicts(conflicts, between);
            counts.conflicts += between.size();
            page.add(between);
        }
        CsvTables.printReport(reports, report);
        CsvTables.printQuestions(questions, report);
        CsvTables.printAreasForImprovement(areas, report);
        CsvTables.printCausesOfConcern(causes, report);
        CsvTables.printRecommendations(recommendations, report);
        CsvTables.printWarnings(warnings, found);
        counts.add(found);
        page.addWarnings(found);
        Object json = ReportJson.of(report);
        array.writePOJO(json);
        lines.write(JSON.writeValueAsString(json));
        lines.write('\n');
        counts.add(report);
        page.add(report);
    }

    /** The release these tables make, with the counts of the documents and rejects published beside them. */
    Release release(Path folder, int documents, int rejects, int sitePages) {
        return new Release(folder, documents, counts.reports, counts.questions, counts.areas, counts.causes,
                counts.recommendations, counts.conflicts, rejects, sitePages, counts.warnings, null);
    }

    /** Closes every file, {@code reports.json} ended by a newline. */
    @Override
    public void close() throws IOException {
        try (reports; questions; areas; causes; recommendations; conflicts; warnings; lines) {
            array.writeEndArray();
            array.writeRaw('\n');
            array.close();
        }
    }

    /** Row counts of the tables, gathered as the reports stream through. */
    private static final class Counts {
        private int reports;
        private int questions;
        private int areas;
        private int causes;
        private int recommendations;
        private int conflicts;
        private final Map<Warning.Code, Integer> warnings = new EnumMap<>(Warning.Code.class);
        private final GradesWide grades = new GradesWide();
        private LocalDate newest;

        void add(List<Warning> found) {
            found.forEach(w -> warnings.merge(w.code(), 1, Integer::sum));
        }

        void add(Report report) {
            reports++;
            questions += report.questions().size();
            areas += report.areaForImprovementCount();
            causes += report.causeOfConcernCount();
            recommendations += report.recommendationCount();
            grades.add(report);
            if (report.lastUpdated() != null && (newest == null || report.lastUpdated().isAfter(newest))) {
                newest = report.lastUpdated();
            }
        }
    }
}

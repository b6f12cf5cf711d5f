package org.peelharvest.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Report;

/**
 * {@code grades_wide.csv} and the workbook's Grades sheet: one row per force and cycle, a column
 * per pillar (the overall grade of its report, 2014 to 2018/19) and per area of policing (the grade
 * of the integrated report's area, 2021/22 on), the grades at a glance. Rows are held until the
 * release is written, at most one per force and cycle, both closed lists (43 × 7).
 */
final class GradesWide {

    /** The pillars graded in a report of their own. */
    private static final List<Pillar> PILLARS = Arrays.stream(Pillar.values()).filter(p -> p != Pillar.INTEGRATED).toList();
    /** Every area of policing of the integrated reports, each once, in the order the inspectorate lists them. */
    private static final List<String> AREAS = QuestionSets.ALL.stream().filter(set -> set.pillar() == Pillar.INTEGRATED)
            .flatMap(set -> set.questions().stream()).distinct().toList();

    /** One force and cycle: its grades by column name. */
    private record Row(Report first, Map<String, String> grades) {
    }

    private final Map<String, Row> rows = new TreeMap<>();

    static DataPackage.Table table(DataPackage.Field forceSlug, DataPackage.Field force, DataPackage.Field cycle,
                                   DataPackage.Field year) {
        List<DataPackage.Field> fields = new ArrayList<>(List.of(forceSlug, force, cycle, year));
        for (Pillar pillar : PILLARS) {
            fields.add(DataPackage.optionalClosed(pillar.label(), DataPackage.JUDGMENTS).described("The overall grade of "
                    + "the force's " + pillar.label() + " report of the cycle (2014 to 2018/19); empty where there is none "
                    + "or it states none."));
        }
        for (String area : AREAS) {
            fields.add(DataPackage.optionalClosed(column(area), DataPackage.JUDGMENTS).described("The grade of the area "
                    + "of policing '" + area + "' in the force's integrated report of the cycle (2021/22 on); empty where "
                    + "the cycle has no such area or the report states no grade."));
        }
        return new DataPackage.Table("grades_wide", "Grades",
                "One row per force and cycle with a report: a column per pillar (its report's overall grade) and per "
                        + "area of policing (its grade in the integrated report), the grades of reports.csv and "
                        + "questions.csv side by side.",
                fields, List.of("force_slug", "cycle"),
                List.of(new DataPackage.ForeignKey(List.of("force_slug"), "forces", List.of("force_slug"))));
    }

    /** An area's column: its words in lower case, joined by underscores ("Investigating crime" is investigating_crime). */
    static String column(String area) {
        return area.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    void add(Report report) {
        Row row = rows.computeIfAbsent(report.cycle().year() + " " + report.force().slug(),
                key -> new Row(report, new LinkedHashMap<>()));
        if (report.pillar() != Pillar.INTEGRATED) {
            row.grades().put(report.pillar().label(), label(report.judgment()));
            return;
        }
        Optional<QuestionSets.QuestionSet> set = QuestionSets.of(report.cycle(), Pillar.INTEGRATED);
        for (Question question : report.questions()) {
            set.flatMap(s -> QuestionSets.questionNumber(s, question.question()).map(n -> s.questions().get(n - 1)))
                    .ifPresent(area -> row.grades().put(column(area), label(question.judgment())));
        }
    }

    /** Every row, by cycle then force, each cell as {@link CsvTables} writes one. */
    void print(TableRows out) throws IOException {
        List<String> header = DataPackage.GRADES_WIDE.header();
        for (Row row : rows.values()) {
            Object[] cells = new Object[header.size()];
            Report first = row.first();
            Cycle cycle = first.cycle();
            cells[0] = first.force().slug();
            cells[1] = first.force().name();
            cells[2] = cycle.label();
            cells[3] = cycle.year();
            for (int i = 4; i < cells.length; i++) {
                cells[i] = row.grades().getOrDefault(header.get(i), "");
            }
            out.row(cells);
        }
    }

    private static String label(Judgment judgment) {
        return judgment == null ? "" : judgment.label();
    }
}

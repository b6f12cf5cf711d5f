package org.peelharvest.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.nodes.Entities;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/**
 * {@code index.html} of a release: the counts, the rejects, warnings and conflicts, and two charts
 * drawn as inline SVG and HTML (no script, no network resource): the grade distribution of each cycle by
 * pillar, and a force × pillar grid of grades for each cycle. Every grade has its colour and its
 * name, so nothing depends on telling colours apart. Only aggregates are held, never the reports.
 */
final class SummaryPage {

    static final String FILE = "index.html";
    private static final int ROWS_SHOWN = 200;
    private static final String NONE = "No grade stated";
    private static final Map<String, String[]> COLOURS = colours();

    /** cycle → pillar → grade → reports. */
    private final Map<String, Map<String, Map<String, Integer>>> distribution = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → force → pillar → grade. */
    private final Map<String, Map<String, Map<String, String>>> grids = new TreeMap<>(SummaryPage::byCycle);
    private final List<Conflicts.Conflict> conflicts = new ArrayList<>();
    private int conflictCount;
    private final List<Warning> warnings = new ArrayList<>();

    void add(Report report) {
        String cycle = report.cycle().label();
        String grade = report.judgment() == null ? NONE : report.judgment().label();
        distribution.computeIfAbsent(cycle, c -> new TreeMap<>(SummaryPage::byPillar))
                .computeIfAbsent(report.pillar().label(), p -> new LinkedHashMap<>()).merge(grade, 1, Integer::sum);
        grids.computeIfAbsent(cycle, c -> new TreeMap<>())
                .computeIfAbsent(report.force().name(), f -> new TreeMap<>(SummaryPage::byPillar))
                .put(report.pillar().label(), grade);
        if (report.pillar() == Pillar.INTEGRATED) {
            report.questions().forEach(q -> grids.get(cycle).get(report.force().name())
                    .put(q.question(), q.judgment() == null ? NONE : q.judgment().label()));
        }
    }

    void add(List<Conflicts.Conflict> found) {
        conflictCount += found.size();
        found.stream().limit(Math.max(0, ROWS_SHOWN - conflicts.size())).forEach(conflicts::add);
    }

    /** Only the first rows are kept; the counts come from the release. */
    void addWarnings(List<Warning> found) {
        found.stream().limit(Math.max(0, ROWS_SHOWN - warnings.size())).forEach(warnings::add);
    }

    void write(Path file, Release release, List<Reject> rejects) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>PEEL reports: release summary</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:70rem}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}td.n{text-align:right}.grade{font-size:.85rem}")
                .append(".legend span{display:inline-block;margin:0 .75rem .25rem 0;padding:.1rem .4rem}\n")
                .append("</style>\n</head>\n<body>\n<h1>PEEL reports: release summary</h1>\n");
        counts(html, release);
        legend(html);
        html.append("<h2>Grades by cycle and pillar</h2>\n");
        distribution.forEach((cycle, pillars) -> distributionChart(html, cycle, pillars));
        html.append("<h2>Grades by force</h2>\n");
        grids.forEach((cycle, forces) -> grid(html, cycle, forces));
        rejects(html, rejects);
        warnings(html, release);
        conflicts(html);
        html.append("</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static void counts(StringBuilder html, Release release) {
        html.append("<h2>Counts</h2>\n<table>\n");
        row(html, "Documents read", release.documents());
        row(html, "Reports", release.reports());
        row(html, "Questions and areas of policing", release.questions());
        row(html, "Areas for improvement", release.areasForImprovement());
        row(html, "Causes of concern", release.causesOfConcern());
        row(html, "Recommendations", release.recommendations());
        row(html, "Conflicts between documents", release.conflicts());
        row(html, "Rejected documents", release.rejects());
        row(html, "Warnings (what a published report lacks)", release.warnings());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, int value) {
        html.append("<tr><th scope=\"row\">").append(label).append("</th><td class=\"n\">").append(value).append("</td></tr>\n");
    }

    private static void legend(StringBuilder html) {
        html.append("<p class=\"legend\">");
        COLOURS.forEach((grade, colour) -> html.append("<span style=\"background:").append(colour[0]).append(";color:")
                .append(colour[1]).append("\">").append(grade).append("</span>"));
        html.append("</p>\n<p>Grades from different cycles are not comparable: 2014 to 2018/19 use a four-point scale, "
                + "2021/22 on a five-point scale with Adequate.</p>\n");
    }

    /** One horizontal stacked bar per pillar, each segment a grade with its count in words and colour. */
    private static void distributionChart(StringBuilder html, String cycle, Map<String, Map<String, Integer>> pillars) {
        int barWidth = 600;
        int rowHeight = 28;
        int labelWidth = 110;
        int height = pillars.size() * rowHeight + 10;
        int max = pillars.values().stream().mapToInt(g -> g.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1);
        html.append("<h3>").append(escape(cycle)).append("</h3>\n<svg role=\"img\" width=\"").append(labelWidth + barWidth + 10)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(labelWidth + barWidth + 10).append(' ')
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>Grades of cycle ").append(escape(cycle))
                .append(" by pillar</title>\n");
        int y = 5;
        for (Map.Entry<String, Map<String, Integer>> pillar : pillars.entrySet()) {
            html.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"13\">").append(escape(pillar.getKey()))
                    .append("</text>\n");
            double x = labelWidth;
            for (String grade : COLOURS.keySet()) {
                int count = pillar.getValue().getOrDefault(grade, 0);
                if (count == 0) {
                    continue;
                }
                double width = (double) barWidth * count / max;
                String[] colour = COLOURS.get(grade);
                html.append(String.format(Locale.ROOT, "<g><title>%s: %s, %d report(s)</title>"
                                + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\" stroke=\"#666\" stroke-width=\"0.5\"/>",
                        escape(pillar.getKey()), escape(grade), count, x, y, width, colour[0]));
                html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text></g>\n",
                        x + 3, y + 15, colour[1], escape(abbreviation(grade) + " " + count)));
                x += width;
            }
            y += rowHeight;
        }
        html.append("</svg>\n");
    }

    /** A table of forces by pillar (or by area of policing) with each cell's grade named and coloured. */
    private static void grid(StringBuilder html, String cycle, Map<String, Map<String, String>> forces) {
        List<String> columns = new ArrayList<>();
        forces.values().forEach(pillars -> pillars.keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
        columns.sort(SummaryPage::byPillar);
        html.append("<h3>").append(escape(cycle)).append("</h3>\n<table class=\"grade\">\n<tr><th>Force</th>");
        columns.forEach(c -> html.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
        html.append("</tr>\n");
        forces.forEach((force, grades) -> {
            html.append("<tr><th scope=\"row\">").append(escape(force)).append("</th>");
            for (String column : columns) {
                String grade = grades.get(column);
                if (grade == null) {
                    html.append("<td></td>");
                } else {
                    String[] colour = COLOURS.getOrDefault(grade, COLOURS.get(NONE));
                    html.append("<td style=\"background:").append(colour[0]).append(";color:").append(colour[1]).append("\">")
                            .append(escape(grade)).append("</td>");
                }
            }
            html.append("</tr>\n");
        });
        html.append("</table>\n");
    }

    private static void rejects(StringBuilder html, List<Reject> rejects) {
        html.append("<h2>Rejected documents</h2>\n");
        if (rejects.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Document</th><th>Stage</th><th>Reason</th><th>Detail</th></tr>\n");
        rejects.stream().limit(ROWS_SHOWN).forEach(r -> html.append("<tr><td>").append(escape(r.sourceUrl()))
                .append("</td><td>").append(escape(r.stage())).append("</td><td>").append(escape(r.reason()))
                .append("</td><td>").append(escape(r.detail())).append("</td></tr>\n"));
        html.append("</table>\n").append(more(rejects.size()));
    }

    private void warnings(StringBuilder html, Release release) {
        html.append("<h2>Warnings</h2>\n");
        if (warnings.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        List<String> byCode = new ArrayList<>();
        release.warningsByCode().forEach((code, count) -> {
            if (count > 0) {
                byCode.add(escape(code.label()) + " " + count);
            }
        });
        html.append("<p>").append(String.join(", ", byCode)).append("</p>\n")
                .append("<table>\n<tr><th>Report</th><th>Code</th><th>Detail</th></tr>\n");
        warnings.forEach(w -> html.append("<tr><td>").append(escape(w.reportId())).append("</td><td>")
                .append(escape(w.code().label())).append("</td><td>").append(escape(w.detail())).append("</td></tr>\n"));
        html.append("</table>\n").append(more(release.warnings()));
    }

    private void conflicts(StringBuilder html) {
        html.append("<h2>Conflicts between documents</h2>\n");
        if (conflicts.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Report</th><th>Field</th><th>Published</th><th>Other document</th></tr>\n");
        conflicts.forEach(c -> html.append("<tr><td>").append(escape(c.reportId())).append("</td><td>")
                .append(escape(c.field())).append("</td><td>").append(escape(c.value())).append("</td><td>")
                .append(escape(c.otherValue())).append("<br><small>").append(escape(c.otherSourceUrl()))
                .append("</small></td></tr>\n"));
        html.append("</table>\n").append(more(conflictCount));
    }

    private static String more(int total) {
        return total > ROWS_SHOWN ? "<p>… and " + (total - ROWS_SHOWN) + " more: see the CSV file.</p>\n" : "";
    }

    private static String abbreviation(String grade) {
        return switch (grade) {
            case "Requires improvement" -> "RI";
            case NONE -> "none";
            default -> grade;
        };
    }

    /** Background and text colour of each grade, best to worst, then the non-grades. */
    private static Map<String, String[]> colours() {
        Map<String, String[]> colours = new LinkedHashMap<>();
        colours.put(Judgment.OUTSTANDING.label(), new String[] {"#1b7837", "#ffffff"});
        colours.put(Judgment.GOOD.label(), new String[] {"#5aae61", "#000000"});
        colours.put(Judgment.ADEQUATE.label(), new String[] {"#d9f0d3", "#000000"});
        colours.put(Judgment.REQUIRES_IMPROVEMENT.label(), new String[] {"#f4a582", "#000000"});
        colours.put(Judgment.INADEQUATE.label(), new String[] {"#b2182b", "#ffffff"});
        colours.put(Judgment.UNGRADED.label(), new String[] {"#bababa", "#000000"});
        colours.put(Judgment.NOT_GRADED.label(), new String[] {"#e0e0e0", "#000000"});
        colours.put(NONE, new String[] {"#ffffff", "#000000"});
        return colours;
    }

    private static int byCycle(String a, String b) {
        return Integer.compare(indexOf(a), indexOf(b));
    }

    private static int indexOf(String cycle) {
        for (int i = 0; i < Cycle.ALL.size(); i++) {
            if (Cycle.ALL.get(i).label().equals(cycle)) {
                return i;
            }
        }
        return Cycle.ALL.size();
    }

    private static int byPillar(String a, String b) {
        return Integer.compare(pillarIndex(a), pillarIndex(b)) != 0 ? Integer.compare(pillarIndex(a), pillarIndex(b))
                : a.compareTo(b);
    }

    private static int pillarIndex(String name) {
        return Pillar.fromName(name).map(Enum::ordinal).orElse(Pillar.values().length);
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}

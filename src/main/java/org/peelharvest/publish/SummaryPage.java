package org.peelharvest.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
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
 * {@code index.html} of a release, for sharing: which job, release and date it is, a link to every
 * file of the release, the counts, the rejects, warnings and conflicts, and charts drawn as inline
 * SVG and HTML (no script, no network resource): the grade distribution of each cycle by pillar,
 * a force × pillar grid of grades for each cycle with the question grades of each pillar (2014 to
 * 2018/19) or the area grades (2021/22 on, whose integrated reports have no overall grade), and
 * each report with its source, named as the release names it (relative to the input for a local
 * file). Every grade has its colour and its name, so nothing depends on telling colours apart; a
 * cell with no report says so, apart from a report that states no grade. It fits a 1280 px page.
 * Only counts and one line per report are held, never the reports.
 */
final class SummaryPage {

    static final String FILE = "index.html";
    private static final int ROWS_SHOWN = 200;
    static final int CHARACTERS_SHOWN = 300;
    private static final String NONE = "No grade stated";
    private static final String NO_REPORT = "no report";
    /** Each grade's background and text colour, as #rrggbb: the page's, and the workbook's grade cells. */
    static final Map<String, String[]> COLOURS = colours();
    /** The first cycle graded by area of policing, in integrated reports. */
    private static final int FIRST_AREA_YEAR = 2021;

    /**
     * Every file of a release but this page, with what it holds, in the order a reader needs them:
     * the workbook, each table and JSON file as {@link DataPackage} describes it, then the files
     * that describe the release.
     */
    private static final List<String[]> FILES = files();

    private static List<String[]> files() {
        List<String[]> files = new ArrayList<>();
        DataPackage.OTHER_FILES.stream().filter(f -> f.path().equals(Workbook.FILE))
                .forEach(f -> files.add(new String[] {f.path(), f.description()}));
        DataPackage.TABLES.forEach(t -> files.add(new String[] {t.file(), t.description()}));
        DataPackage.OTHER_FILES.stream().filter(f -> !f.path().equals(Workbook.FILE))
                .forEach(f -> files.add(new String[] {f.path(), f.description()}));
        files.add(new String[] {DataPackage.FILE, "the Data Package descriptor: every table's schema, size and SHA-256"});
        files.add(new String[] {RunJson.FILE, "where the release comes from: the run, its settings, its quality gate, every input"});
        files.add(new String[] {ReleaseManifest.FILE, "the SHA-256 of every file of the release, as sha256sum -c reads it"});
        files.add(new String[] {OutputMarker.FILE, "the files peel-harvest wrote here: publishing again replaces or deletes no other"});
        return List.copyOf(files);
    }

    /** One line of a report, for the list of reports and their sources. */
    private record Line(String reportId, String grade, String sourceUrl, String format) {
    }

    /** cycle → pillar → grade → reports. */
    private final Map<String, Map<String, Map<String, Integer>>> distribution = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → force → pillar → grade (the overall grades, 2014 to 2018/19). */
    private final Map<String, Map<String, Map<String, String>>> grids = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → pillar → force → question number → grade (2014 to 2018/19). */
    private final Map<String, Map<String, Map<String, Map<Integer, String>>>> questionGrids = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → pillar → question number → the question, as the first report that has it words it. */
    private final Map<String, Map<String, Map<Integer, String>>> questionWordings = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → force → area of policing → grade (2021/22 on). */
    private final Map<String, Map<String, Map<String, String>>> areaGrids = new TreeMap<>(SummaryPage::byCycle);
    /** cycle → the areas of policing, in the page order of the first report that names each. */
    private final Map<String, List<String>> areaOrder = new TreeMap<>(SummaryPage::byCycle);
    private final List<Line> lines = new ArrayList<>();
    private final List<Conflicts.Conflict> conflicts = new ArrayList<>();
    private int conflictCount;
    private final List<Warning> warnings = new ArrayList<>();

    void add(Report report) {
        String cycle = report.cycle().label();
        String grade = gradeOf(report.judgment());
        lines.add(new Line(report.reportId(), report.pillar() == Pillar.INTEGRATED ? "" : grade, report.source().url(),
                report.source().format().label()));
        if (report.cycle().year() >= FIRST_AREA_YEAR || report.pillar() == Pillar.INTEGRATED) {
            addAreas(cycle, report);
            return;
        }
        distribution.computeIfAbsent(cycle, c -> new TreeMap<>(SummaryPage::byPillar))
                .computeIfAbsent(report.pillar().label(), p -> new LinkedHashMap<>()).merge(grade, 1, Integer::sum);
        grids.computeIfAbsent(cycle, c -> new TreeMap<>())
                .computeIfAbsent(report.force().name(), f -> new TreeMap<>(SummaryPage::byPillar))
                .put(report.pillar().label(), grade);
        Map<Integer, String> grades = questionGrids.computeIfAbsent(cycle, c -> new TreeMap<>(SummaryPage::byPillar))
                .computeIfAbsent(report.pillar().label(), p -> new TreeMap<>())
                .computeIfAbsent(report.force().name(), f -> new TreeMap<>());
        Map<Integer, String> wordings = questionWordings.computeIfAbsent(cycle, c -> new TreeMap<>(SummaryPage::byPillar))
                .computeIfAbsent(report.pillar().label(), p -> new TreeMap<>());
        report.questions().forEach(q -> {
            grades.put(q.number(), gradeOf(q.judgment()));
            wordings.putIfAbsent(q.number(), q.question());
        });
    }

    /** Integrated reports (2021/22 on) have no overall grade: their areas of policing are what is graded. */
    private void addAreas(String cycle, Report report) {
        List<String> order = areaOrder.computeIfAbsent(cycle, c -> new ArrayList<>());
        Map<String, Integer> counts = distribution.computeIfAbsent(cycle, c -> new TreeMap<>(SummaryPage::byPillar))
                .computeIfAbsent("areas of policing", p -> new LinkedHashMap<>());
        Map<String, String> grades = areaGrids.computeIfAbsent(cycle, c -> new TreeMap<>())
                .computeIfAbsent(report.force().name(), f -> new LinkedHashMap<>());
        report.questions().forEach(q -> {
            if (!order.contains(q.question())) {
                order.add(q.question());
            }
            grades.put(q.question(), gradeOf(q.judgment()));
            counts.merge(gradeOf(q.judgment()), 1, Integer::sum);
        });
    }

    private static String gradeOf(Judgment judgment) {
        return judgment == null ? NONE : judgment.label();
    }

    void add(List<Conflicts.Conflict> found) {
        conflictCount += found.size();
        found.stream().limit(Math.max(0, ROWS_SHOWN - conflicts.size()))
                .map(c -> new Conflicts.Conflict(c.reportId(), c.field(), shortened(c.value()), c.sourceUrl(),
                        shortened(c.otherValue()), c.otherSourceUrl()))
                .forEach(conflicts::add);
    }

    /**
     * A value as a row of the page shows it: at most {@link #CHARACTERS_SHOWN} characters, the rest
     * in {@code conflicts.csv}. A narrative can run to a whole report (hundreds of KB), and 200 rows
     * of two such values made a 20 MB page that did not fit a 256 MB heap (issue 11's benchmark).
     */
    static String shortened(String value) {
        if (value == null || value.length() <= CHARACTERS_SHOWN) {
            return value;
        }
        int end = Character.isLowSurrogate(value.charAt(CHARACTERS_SHOWN)) ? CHARACTERS_SHOWN - 1 : CHARACTERS_SHOWN;
        return value.substring(0, end) + "… (" + value.length() + " characters: see conflicts.csv)";
    }

    /** Only the first rows are kept; the counts come from the release. */
    void addWarnings(List<Warning> found) {
        found.stream().limit(Math.max(0, ROWS_SHOWN - warnings.size())).forEach(warnings::add);
    }

    void write(Path file, Release release, List<Reject> rejects, RunInfo run) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>PEEL reports: ").append(escape(run.job())).append(run.release() == null ? ""
                        : " " + escape(run.release())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;max-width:76rem}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.2rem .4rem;")
                .append("text-align:left;vertical-align:top;overflow-wrap:break-word;word-break:normal;hyphens:none}td.n{text-align:right}")
                // A word is never split in a cell (issue 19: "St ag e"); only a URL or path, one long word, may break;
                // an identifier or code (class k) is kept on one line, its hyphens no place to break.
                .append("td.k{white-space:nowrap}td.u{overflow-wrap:anywhere;min-width:12rem}details{margin:.5rem 0 1rem}summary{cursor:pointer;font-weight:bold}")
                .append("table.grade{font-size:.8rem}table.grade th[scope=col]{max-width:9rem}td.absent{color:#767676;")
                .append("background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f2f2f2 4px,#f2f2f2 8px)}")
                .append("caption{text-align:left;font-weight:bold}.failed{border:2px solid #b2182b;padding:.5rem}svg{max-width:100%;height:auto}")
                .append(".legend span{display:inline-block;margin:0 .75rem .25rem 0;padding:.1rem .4rem;border:1px solid #ccc}\n")
                .append("</style>\n</head>\n<body>\n<h1>PEEL reports: ").append(escape(run.job())).append("</h1>\n");
        identity(html, release, run);
        List<Reject> notReports = rejects.stream().filter(SummaryPage::isNotAReport).toList();
        counts(html, release, notReports.size());
        legend(html);
        html.append("<h2>Grades by force</h2>\n");
        for (String cycle : cycles()) {
            html.append("<h3>").append(escape(cycle)).append("</h3>\n");
            if (grids.containsKey(cycle)) {
                grid(html, "Overall grade of each pillar", grids.get(cycle), pillarColumns(grids.get(cycle)));
                questionGrids.get(cycle).forEach((pillar, forces) -> questionGrid(html, cycle, pillar, forces));
            }
            if (areaGrids.containsKey(cycle)) {
                grid(html, "Grade of each area of policing (integrated reports have no overall grade)",
                        areaGrids.get(cycle), areaOrder.get(cycle));
            }
        }
        html.append("<h2>Grades by cycle and pillar</h2>\n");
        distribution.forEach((cycle, pillars) -> distributionChart(html, cycle, pillars));
        files(html);
        html.append("<h2>Details</h2>\n<p>Each list is folded under its count: select it to open it.</p>\n");
        sources(html);
        rejects(html, rejects.stream().filter(r -> !isNotAReport(r)).toList(), "Rejected documents",
                "Documents that were read but not published, with the reason.");
        rejects(html, notReports, "Pages met that are not reports",
                "Pages a harvest met on its way to the reports (force overviews, year indexes, about-us, careers…): "
                        + "no report was expected from them.");
        warnings(html, release);
        conflicts(html);
        html.append("</body>\n</html>\n");
        WriteFailure.writeString(file, html);
    }

    /**
     * Whether a reject is a page that is no report (issue 19: a harvest of 29 reports showed 76
     * "rejects"): the site's own pages (force overviews, year indexes), and a harvested page with no
     * report title (about-us, careers). A local file with no report title stays a rejected
     * document: it was given as an input.
     */
    static boolean isNotAReport(Reject reject) {
        String url = reject.sourceUrl().toLowerCase(Locale.ROOT);
        boolean harvested = url.startsWith("https://") || url.startsWith("http://");
        return reject.reason().sitePage() || harvested && reject.reason() == org.peelharvest.model.RejectReason.NOT_A_REPORT;
    }

    /** Which job, release and date this is, and whether the release failed its quality gate. */
    private static void identity(StringBuilder html, Release release, RunInfo run) {
        html.append("<p class=\"run\">Job <b>").append(escape(run.job())).append("</b>");
        if (run.release() != null) {
            html.append(", release <b>").append(escape(run.release())).append("</b>");
        }
        if (run.started() != null) {
            html.append(", run started ").append(run.started().truncatedTo(ChronoUnit.SECONDS)).append(" (UTC)");
        }
        html.append(".</p>\n");
        if (release.verdict() != null && !release.verdict().passed()) {
            html.append("<p class=\"failed\"><b>This release failed its quality gate</b>: ")
                    .append(escape(release.verdict().problem())).append(". It is published for inspection only")
                    .append(run.release() == null ? "" : "; <code>latest</code> still names the previous good release")
                    .append(".</p>\n");
        }
    }

    private static void files(StringBuilder html) {
        html.append("<h2>Files of this release</h2>\n<ul>\n");
        for (String[] file : FILES) {
            html.append("<li><a href=\"").append(escape(file[0])).append("\">").append(escape(file[0])).append("</a>: ")
                    .append(escape(file[1])).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private List<String> cycles() {
        java.util.Set<String> cycles = new java.util.TreeSet<>(SummaryPage::byCycle);
        cycles.addAll(grids.keySet());
        cycles.addAll(areaGrids.keySet());
        return List.copyOf(cycles);
    }

    private static List<String> pillarColumns(Map<String, Map<String, String>> forces) {
        List<String> columns = new ArrayList<>();
        forces.values().forEach(pillars -> pillars.keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
        columns.sort(SummaryPage::byPillar);
        return columns;
    }

    private static void counts(StringBuilder html, Release release, int pagesNotReports) {
        html.append("<h2>Counts</h2>\n<table>\n");
        row(html, "Documents read", release.documents());
        row(html, "Reports", release.reports());
        row(html, "Questions and areas of policing", release.questions());
        row(html, "Areas for improvement", release.areasForImprovement());
        row(html, "Causes of concern", release.causesOfConcern());
        row(html, "Recommendations", release.recommendations());
        row(html, "Conflicts between documents", release.conflicts());
        row(html, "Rejected documents", release.rejects() - pagesNotReports);
        row(html, "Pages met that are not reports", pagesNotReports);
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
        html.append("</p>\n<p>In the grids, <q>").append(NONE).append("</q> is a report that states no grade, and an ")
                .append("empty, hatched cell marked <q>").append(NO_REPORT).append("</q> is a force with no report in ")
                .append("this release. Grades from different cycles are not comparable: 2014 to 2018/19 use a four-point ")
                .append("scale, 2021/22 on a five-point scale with Adequate.</p>\n");
    }

    /**
     * One horizontal stacked bar per pillar, each segment a grade named with the legend's word and
     * its count (on the segment where it fits, and in the line under the bar always).
     */
    private static void distributionChart(StringBuilder html, String cycle, Map<String, Map<String, Integer>> pillars) {
        int barWidth = 900;
        int labelWidth = 130;
        int rowHeight = 46;
        int height = pillars.size() * rowHeight + 6;
        int width = labelWidth + barWidth + 10;
        int max = pillars.values().stream().mapToInt(g -> g.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1);
        html.append("<h3>").append(escape(cycle)).append("</h3>\n<svg role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>Grades of cycle ").append(escape(cycle))
                .append(" by pillar</title>\n");
        int y = 3;
        for (Map.Entry<String, Map<String, Integer>> pillar : pillars.entrySet()) {
            html.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(escape(pillar.getKey()))
                    .append("</text>\n");
            double x = labelWidth;
            List<String> words = new ArrayList<>();
            for (String grade : COLOURS.keySet()) {
                int count = pillar.getValue().getOrDefault(grade, 0);
                if (count == 0) {
                    continue;
                }
                double segment = (double) barWidth * count / max;
                String[] colour = COLOURS.get(grade);
                String label = grade + " " + count;
                words.add(label);
                html.append(String.format(Locale.ROOT, "<g><title>%s: %s, %d</title>"
                                + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\" stroke=\"#666\" stroke-width=\"0.5\"/>",
                        escape(pillar.getKey()), escape(grade), count, x, y, segment, colour[0]));
                if (fits(label, segment)) {
                    html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
                            x + 3, y + 15, colour[1], escape(label)));
                }
                html.append("</g>\n");
                x += segment;
            }
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#222\">%s</text>\n",
                    labelWidth, y + 36, escape(String.join(" · ", words))));
            y += rowHeight;
        }
        html.append("</svg>\n");
    }

    /** Whether a label set in 11 px type fits a segment this wide (an average glyph is about 6.2 px). */
    private static boolean fits(String label, double width) {
        return label.length() * 6.2 + 6 <= width;
    }

    /** A table of forces by {@code columns}, each cell's grade named and coloured, or marked as no report. */
    private static void grid(StringBuilder html, String caption, Map<String, Map<String, String>> forces,
                             List<String> columns) {
        html.append("<table class=\"grade\">\n<caption>").append(escape(caption)).append("</caption>\n<tr><th>Force</th>");
        columns.forEach(c -> html.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
        html.append("</tr>\n");
        forces.forEach((force, grades) -> {
            html.append("<tr><th scope=\"row\">").append(escape(force)).append("</th>");
            columns.forEach(column -> cell(html, grades.get(column)));
            html.append("</tr>\n");
        });
        html.append("</table>\n");
    }

    /** The question grades of one cycle and pillar: forces by question number, the questions listed under it. */
    private void questionGrid(StringBuilder html, String cycle, String pillar, Map<String, Map<Integer, String>> forces) {
        Map<Integer, String> wordings = questionWordings.get(cycle).get(pillar);
        if (wordings.isEmpty()) {
            return;
        }
        html.append("<table class=\"grade\">\n<caption>").append(escape(pillar)).append(": the grade of each question</caption>\n")
                .append("<tr><th>Force</th>");
        wordings.forEach((number, question) -> html.append("<th scope=\"col\" title=\"").append(escape(question))
                .append("\">Q").append(number).append("</th>"));
        html.append("</tr>\n");
        forces.forEach((force, grades) -> {
            html.append("<tr><th scope=\"row\">").append(escape(force)).append("</th>");
            wordings.keySet().forEach(number -> cell(html, grades.get(number)));
            html.append("</tr>\n");
        });
        html.append("</table>\n<ol class=\"questions\">");
        wordings.forEach((number, question) -> html.append("<li value=\"").append(number).append("\">")
                .append(escape(question)).append("</li>"));
        html.append("</ol>\n");
    }

    private static void cell(StringBuilder html, String grade) {
        if (grade == null) {
            html.append("<td class=\"absent\">").append(NO_REPORT).append("</td>");
            return;
        }
        String[] colour = COLOURS.getOrDefault(grade, COLOURS.get(NONE));
        html.append("<td style=\"background:").append(colour[0]).append(";color:").append(colour[1]).append("\">")
                .append(escape(grade)).append("</td>");
    }

    /** Every report with the document it was published from: a link to a harvested page, a path relative to the input for a local file. */
    private void sources(StringBuilder html) {
        if (folded(html, "Reports and their sources", lines.size())) {
            return;
        }
        html.append("<p>A local file is named by its path relative to the input folder it was read from.</p>\n")
                .append("<table>\n<tr><th>Report</th><th>Grade</th><th>Source</th><th>Format</th></tr>\n");
        for (Line line : lines) {
            html.append("<tr><td class=\"k\">").append(escape(line.reportId())).append("</td><td>").append(escape(line.grade()))
                    .append("</td><td class=\"u\">").append(source(line.sourceUrl())).append("</td><td class=\"k\">")
                    .append(escape(line.format())).append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n");
    }

    /** A harvested page's URL as a link; a local file's relative path as text, since it is not beside the release. */
    private static String source(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
        }
        return "<code>" + escape(url) + "</code>";
    }

    private static void rejects(StringBuilder html, List<Reject> rejects, String title, String what) {
        if (folded(html, title, rejects.size())) {
            return;
        }
        html.append("<p>").append(escape(what)).append("</p>\n")
                .append("<table>\n<tr><th>Document</th><th>Stage</th><th>Reason</th><th>Detail</th></tr>\n");
        rejects.stream().limit(ROWS_SHOWN).forEach(r -> html.append("<tr><td class=\"u\">").append(escape(r.sourceUrl()))
                .append("</td><td class=\"k\">").append(escape(r.stage())).append("</td><td class=\"k\">")
                .append(escape(r.reason().code())).append("</td><td>").append(escape(r.detail())).append("</td></tr>\n"));
        html.append("</table>\n").append(more(rejects.size())).append("</details>\n");
    }

    /**
     * Opens a folded list, its title and count as the line that unfolds it ({@code <details>}, no
     * script); a list of nothing says so and is not folded. True when there is nothing to list.
     */
    private static boolean folded(StringBuilder html, String title, int count) {
        html.append("<h3>").append(escape(title)).append(": ").append(count).append("</h3>\n");
        if (count == 0) {
            html.append("<p>None.</p>\n");
            return true;
        }
        html.append("<details>\n<summary>Show the ").append(count == 1 ? "one" : "list of " + count).append("</summary>\n");
        return false;
    }

    private void warnings(StringBuilder html, Release release) {
        if (folded(html, "Warnings", release.warnings())) {
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
        warnings.forEach(w -> html.append("<tr><td class=\"k\">").append(escape(w.reportId())).append("</td><td class=\"k\">")
                .append(escape(w.code().label())).append("</td><td>").append(escape(w.detail())).append("</td></tr>\n"));
        html.append("</table>\n").append(more(release.warnings())).append("</details>\n");
    }

    private void conflicts(StringBuilder html) {
        if (folded(html, "Conflicts between documents", conflictCount)) {
            return;
        }
        html.append("<table>\n<tr><th>Report</th><th>Field</th><th>Published</th><th>Other document</th></tr>\n");
        conflicts.forEach(c -> html.append("<tr><td class=\"k\">").append(escape(c.reportId())).append("</td><td class=\"k\">")
                .append(escape(c.field())).append("</td><td>").append(escape(c.value())).append("</td><td>")
                .append(escape(c.otherValue())).append("<br><small>").append(escape(c.otherSourceUrl()))
                .append("</small></td></tr>\n"));
        html.append("</table>\n").append(more(conflictCount)).append("</details>\n");
    }

    private static String more(int total) {
        return total > ROWS_SHOWN ? "<p>… and " + (total - ROWS_SHOWN) + " more: see the CSV file.</p>\n" : "";
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

package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.testing.Programs;

/**
 * A release's index.html opened in headless Chromium: it renders its counts, charts and grids
 * without a console error or a request for anything outside the file, fits a 1280 px window, and
 * says what issue 10 asks of a page for sharing (job, release, date, a link to every file, question
 * and area grades, "no report" apart from "no grade stated", the legend's words on the bars). The
 * expected grades are those of the fixtures' hand-written facts files. A screenshot is written to
 * target/summary-page.png for a person to look at.
 */
class SummaryPageBrowserTest {

    /** Where the inspectorate published the Cleveland 2023–25 report (its facts file): this one is named as harvested. */
    private static final String CLEVELAND_URL = "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cleveland-2023-25/";
    private static final Instant STARTED = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path temp;

    @Test
    void theSummaryPageRendersInABrowserWithoutErrors() throws Exception {
        Path chromium = Programs.require("chromium", "chromium-browser", "google-chrome");
        Path release = publishFixtures();
        Path page = release.resolve(SummaryPage.FILE);
        Path screenshot = Path.of("target/summary-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        Programs.Result shot = Programs.run(chromium(chromium, "--screenshot=" + screenshot, "--window-size=1280,2400",
                "--enable-logging=stderr", "--v=0", page.toUri().toString()), temp, 120);
        Programs.Result dom = Programs.run(chromium(chromium, "--dump-dom", page.toUri().toString()), temp, 120);

        assertThat(shot.exitCode()).as(shot.err()).isZero();
        assertThat(screenshot).exists().isNotEmptyFile();
        assertThat(shot.err()).doesNotContain(":CONSOLE(").doesNotContain("Failed to load resource");
        assertThat(dom.out()).contains("<svg", "Grades by force", "Cleveland Police", "Requires improvement",
                "Rejected documents");
        // Links to a report's source are followed only when clicked; nothing is loaded from elsewhere.
        assertThat(Files.readString(page)).doesNotContainPattern("src=\"(https?:)?//")
                .doesNotContain("<script", "<link", "@import", "url(");
    }

    @Test
    void thePageFitsA1280PixelWindow() throws Exception {
        Path chromium = Programs.require("chromium", "chromium-browser", "google-chrome");
        Path release = publishFixtures();
        // A copy that writes its own laid-out width into the DOM, for --dump-dom to show.
        Path measured = release.resolve("measured.html");
        Files.writeString(measured, Files.readString(release.resolve(SummaryPage.FILE)).replace("</body>",
                "<script>document.body.setAttribute('data-width', document.documentElement.scrollWidth)</script></body>"));

        Programs.Result dom = Programs.run(chromium(chromium, "--window-size=1280,1000", "--dump-dom",
                measured.toUri().toString()), temp, 120);

        String width = Jsoup.parse(dom.out()).body().attr("data-width");
        assertThat(width).as(dom.err()).isNotEmpty();
        assertThat(Integer.parseInt(width)).as("the page's width in a 1280 px window").isLessThanOrEqualTo(1280);
    }

    @Test
    void theCountsAndGradeGridsComeFirstAndEveryLongListIsFoldedUnderItsCount() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        List<Element> all = page.getAllElements();
        int counts = all.indexOf(page.select("h2").stream().filter(h -> h.text().equals("Counts")).findFirst().orElseThrow());
        int firstGrid = all.indexOf(page.selectFirst("table.grade"));
        int firstFolded = all.indexOf(page.selectFirst("details"));
        assertThat(counts).isLessThan(firstGrid);
        assertThat(firstGrid).isLessThan(firstFolded);
        assertThat(page.select("h2").eachText()).startsWith("Counts", "Grades by force");
        // Every table that is neither the counts nor a grid is folded, with no script to unfold it.
        for (Element table : page.select("table:not(.grade)")) {
            if (!table.select("th").eachText().contains("Reports")) {
                assertThat(table.parents().is("details")).as(table.selectFirst("tr").text()).isTrue();
            }
        }
        assertThat(page.select("h3").eachText()).contains("Conflicts between documents: 0");
        assertThat(page.select("details > summary").eachText()).isNotEmpty().allMatch(t -> t.startsWith("Show the "));
    }

    @Test
    void pagesThatAreNoReportsAreCountedApartFromRejectedDocuments() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        // The semantic HTML fixtures: three force overviews (trap-force-overview--cleveland-2018, --derbyshire-2014,
        // trap-interim-overview--derbyshire-2017) and a year index (trap-year-index-page--peel-2018) are the
        // site's own pages; trap-to-be-graded and one report whose grades are incomplete are rejected documents.
        assertThat(countOf(page, "Pages met that are not reports")).isEqualTo(4);
        assertThat(countOf(page, "Rejected documents")).isEqualTo(2);
        assertThat(page.select("h3").eachText()).contains("Pages met that are not reports: 4", "Rejected documents: 2");
    }

    @Test
    void noWordIsSplitInsideATableCellWhenEveryListIsOpen() throws Exception {
        Path chromium = Programs.require("chromium", "chromium-browser", "google-chrome");
        Path release = publishFixtures();
        // A copy that opens every folded list and counts the words of a cell laid out on more than one
        // line (a word split "St ag e" has a box on each line), but in a URL or path cell (class u).
        Path measured = release.resolve("measured.html");
        Files.writeString(measured, Files.readString(release.resolve(SummaryPage.FILE)).replace("</body>", """
                <script>
                document.querySelectorAll('details').forEach(d => d.open = true);
                let split = [], words = 0;
                document.querySelectorAll('td:not(.u), th').forEach(cell => {
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const re = /\\S+/g;
                    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
                      const range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
                      words++;
                      if (tops.size > 1) split.push(m[0]);
                    }
                  }
                });
                document.body.setAttribute('data-words', words);
                document.body.setAttribute('data-split', split.join(' '));
                document.body.setAttribute('data-height', document.documentElement.scrollHeight);
                </script></body>"""));

        Programs.Result dom = Programs.run(chromium(chromium, "--window-size=1280,1000", "--dump-dom",
                measured.toUri().toString()), temp, 120);

        Element body = Jsoup.parse(dom.out()).body();
        assertThat(body.attr("data-words")).as(dom.err()).isNotEmpty();
        assertThat(Integer.parseInt(body.attr("data-words"))).isGreaterThan(500);
        assertThat(body.attr("data-split")).as("words split inside a cell").isEmpty();
    }

    private static int countOf(Document page, String label) {
        Element row = page.select("tr").stream().filter(tr -> tr.selectFirst("th") != null
                && tr.selectFirst("th").text().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no count " + label));
        return Integer.parseInt(row.selectFirst("td").text());
    }

    @Test
    void thePageNamesItsJobReleaseAndDateAndLinksToEveryFileOfTheRelease() throws Exception {
        Path release = publishFixtures();
        Document page = Jsoup.parse(release.resolve(SummaryPage.FILE).toFile());

        assertThat(page.selectFirst("h1").text()).contains("fixtures");
        assertThat(page.selectFirst("p.run").text()).contains("Job fixtures", "release 20261125T090000Z",
                "2026-11-25T09:00:00Z");
        List<String> links = page.select("a[href]").eachAttr("href");
        try (Stream<Path> files = Files.walk(release)) {
            List<String> published = files.filter(Files::isRegularFile).map(f -> release.relativize(f).toString())
                    .filter(name -> !name.equals(SummaryPage.FILE)).toList();
            assertThat(published).hasSizeGreaterThan(10);
            assertThat(links).containsAll(published);
        }
    }

    @Test
    void questionGradesAreShownUpTo2018AndAreaGradesFrom2021WithoutAnEmptyIntegratedColumn() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        // trap-ungraded-question--derbyshire-2016-effectiveness: Q4 Outstanding, Q5 Ungraded (its facts file).
        Element effectiveness2016 = table(page, "2016", "effectiveness: the grade of each question");
        assertThat(cell(effectiveness2016, "Derbyshire Constabulary", "Q4")).isEqualTo("Outstanding");
        assertThat(cell(effectiveness2016, "Derbyshire Constabulary", "Q5")).isEqualTo("Ungraded");
        // trap-graded-areas-table--cleveland-2023-25-integrated: this area is Good (its facts file).
        Element areas = table(page, "2023-25", "Grade of each area of policing");
        assertThat(cell(areas, "Cleveland Police", "Police powers and treating the public fairly and respectfully"))
                .isEqualTo("Good");
        assertThat(page.select("th[scope=col]").eachText()).doesNotContain("integrated");
    }

    @Test
    void aForceWithoutAReportIsToldApartFromAReportThatStatesNoGrade() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        // trap-no-grade-stated--synthetic: Suffolk's 2016 legitimacy report states no grade; the fixtures hold no
        // other Suffolk report of 2016.
        Element pillars2016 = table(page, "2016", "Overall grade of each pillar");
        assertThat(cell(pillars2016, "Suffolk Constabulary", "legitimacy")).isEqualTo("No grade stated");
        assertThat(cell(pillars2016, "Suffolk Constabulary", "effectiveness")).isEqualTo("no report");
    }

    @Test
    void theBarsUseTheLegendsWords() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        List<String> legend = page.select("p.legend span").eachText();
        List<String> barWords = page.select("svg text").eachText();
        assertThat(legend).contains("Requires improvement", "No grade stated");
        assertThat(String.join("\n", barWords)).contains("Requires improvement 2", "No grade stated 1", "Adequate 2")
                .doesNotContainPattern("\\bRI\\b").doesNotContainPattern("\\bnone\\b");
    }

    @Test
    void eachReportIsListedWithItsSourceAsTheReleaseNamesIt() throws Exception {
        Document page = Jsoup.parse(publishFixtures().resolve(SummaryPage.FILE).toFile());

        Element row = page.select("tr").stream().filter(tr -> tr.text().startsWith("2016-derbyshire-effectiveness "))
                .findFirst().orElseThrow();
        assertThat(row.text()).contains("trap-ungraded-question--derbyshire-2016-effectiveness.semantic.html");
        assertThat(row.select("a")).as("a local file is not beside the release: named, not linked").isEmpty();
        Element harvested = page.select("tr").stream().filter(tr -> tr.text().startsWith("2023-cleveland-integrated "))
                .findFirst().orElseThrow();
        assertThat(harvested.select("a").attr("href")).isEqualTo(CLEVELAND_URL);
        assertThat(page.html()).doesNotContain(Path.of("").toAbsolutePath().toString());
    }

    /** The grade table whose caption starts with {@code caption}, under the heading of {@code cycle}. */
    private static Element table(Document page, String cycle, String caption) {
        Element heading = page.select("h3").stream().filter(h -> h.text().equals(cycle))
                .filter(h -> h.nextElementSibling() != null && h.nextElementSibling().tagName().equals("table"))
                .findFirst().orElseThrow(() -> new AssertionError("no grids for " + cycle));
        for (Element next = heading.nextElementSibling(); next != null && !next.tagName().equals("h3");
             next = next.nextElementSibling()) {
            if (next.tagName().equals("table") && next.selectFirst("caption").text().startsWith(caption)) {
                return next;
            }
        }
        throw new AssertionError("no table '" + caption + "' under " + cycle);
    }

    private static String cell(Element table, String force, String column) {
        List<String> columns = table.select("tr").first().select("th").eachText();
        Element row = table.select("tr").stream().filter(tr -> tr.selectFirst("th").text().equals(force)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + force));
        int index = columns.indexOf(column);
        assertThat(index).as("column " + column + " of " + columns).isPositive();
        return row.child(index).text();
    }

    private static List<String> chromium(Path chromium, String... args) {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Path.of("target/chromium-profile").toAbsolutePath()));
        command.addAll(List.of(args));
        return command;
    }

    /** A release of every report the fixtures give, with their rejects, as the job would publish it. */
    private Path publishFixtures() throws IOException {
        DocumentExtractor extractor = new DocumentExtractor();
        List<List<Report>> reports = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".semantic.html")).sorted().toList()) {
                try {
                    // Named as a job reading the fixtures folder names them: by the path relative to that folder.
                    String url = file.getFileName().toString().startsWith("trap-graded-areas-table--cleveland-2023-25")
                            ? CLEVELAND_URL : file.getFileName().toString();
                    reports.add(List.of(extractor.extract(new SourceDocument(url, Files.readAllBytes(file)))));
                } catch (org.peelharvest.model.RejectedDocumentException e) {
                    rejects.add(e.reject());
                }
            }
        }
        reports.sort(java.util.Comparator.comparing(group -> group.get(0).reportId()));
        java.util.Map<String, List<Report>> unique = new java.util.LinkedHashMap<>();
        reports.forEach(group -> unique.putIfAbsent(group.get(0).reportId(), group));
        Path out = temp.resolve("release");
        new DatasetPublisher().publish(out, unique.values(), rejects,
                new RunInfo("0.1.0", "fixtures", 1, 1, STARTED, "20261125T090000Z"));
        out = out.resolve("20261125T090000Z");
        return out;
    }
}

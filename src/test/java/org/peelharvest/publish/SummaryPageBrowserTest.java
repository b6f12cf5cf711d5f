package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.testing.Programs;

/**
 * A release's index.html opened in headless Chromium: it renders its counts, charts and grid
 * without a console error or a request for anything outside the file, and a screenshot is
 * written to target/summary-page.png for a person to look at.
 */
class SummaryPageBrowserTest {

    @TempDir
    Path temp;

    @Test
    void theSummaryPageRendersInABrowserWithoutErrors() throws Exception {
        Path chromium = Programs.require("chromium", "chromium-browser", "google-chrome");
        Path release = publishFixtures();
        Path page = release.resolve(SummaryPage.FILE);
        Path screenshot = Path.of("target/summary-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        Programs.Result shot = Programs.run(chromium(chromium, "--screenshot=" + screenshot, "--window-size=1200,2400",
                "--enable-logging=stderr", "--v=0", page.toUri().toString()), temp, 120);
        Programs.Result dom = Programs.run(chromium(chromium, "--dump-dom", page.toUri().toString()), temp, 120);

        assertThat(shot.exitCode()).as(shot.err()).isZero();
        assertThat(screenshot).exists().isNotEmptyFile();
        assertThat(shot.err()).doesNotContain(":CONSOLE(").doesNotContain("Failed to load resource");
        assertThat(dom.out()).contains("<svg", "Grades by force", "Cleveland Police", "Requires improvement",
                "Rejected documents");
        assertThat(Files.readString(page)).doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("<script", "<link", "@import", "url(");
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
                    reports.add(List.of(extractor.extract(new SourceDocument(file.toUri().toString(), Files.readAllBytes(file)))));
                } catch (org.peelharvest.model.RejectedDocumentException e) {
                    rejects.add(e.reject());
                }
            }
        }
        reports.sort(java.util.Comparator.comparing(group -> group.get(0).reportId()));
        java.util.Map<String, List<Report>> unique = new java.util.LinkedHashMap<>();
        reports.forEach(group -> unique.putIfAbsent(group.get(0).reportId(), group));
        Path out = temp.resolve("release");
        new DatasetPublisher().publish(out, unique.values(), rejects, new RunInfo("t", "t", 1, 1, null, null));
        return out;
    }
}

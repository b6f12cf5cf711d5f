package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peelharvest.model.Cycle;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceFormat;

import tools.jackson.databind.json.JsonMapper;

/** Two copies of one document (the same bytes under two names) stage one report: the copy whose URL sorts last. */
class StagingAreaTest {

    @TempDir
    Path temp;

    private static final String SHA = "b".repeat(64);

    @Test
    void ofTwoCopiesOfOneDocumentTheCopyWhoseUrlSortsLastIsStagedWhicheverCameFirst() {
        for (List<String> order : List.of(List.of("file:///a/page.html", "file:///c/page.html", "file:///b/page.html"),
                List.of("file:///c/page.html", "file:///a/page.html", "file:///b/page.html"))) {
            StagingArea staging = new StagingArea(temp.resolve(String.join("", order).replaceAll("\\W", "")));
            staging.create();
            order.forEach(url -> staging.put(report(url)));

            assertThat(urlsStaged(staging)).as("put in the order %s", order).containsExactly("file:///c/page.html");
        }
    }

    @Test
    void aReportStagedWithItsSourceLastByAnEarlierBuildIsStillComparedByItsUrl() throws Exception {
        StagingArea staging = new StagingArea(temp.resolve("work"));
        staging.create();
        staging.put(report("file:///z/page.html"));
        Path staged;
        try (var files = Files.walk(staging.root().resolve("reports"))) {
            staged = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        // As a build before sources came first wrote it: the record's fields in their declared order.
        Files.write(staged, JsonMapper.builder().build().writeValueAsBytes(report("file:///m/page.html")));
        assertThat(Files.readString(staged)).startsWith("{\"force\"");

        staging.put(report("file:///a/page.html"));
        staging.put(report("file:///n/page.html"));

        assertThat(urlsStaged(staging)).containsExactly("file:///n/page.html");
    }

    private static List<String> urlsStaged(StagingArea staging) {
        List<String> urls = new ArrayList<>();
        for (List<Report> group : staging.staged().reports()) {
            group.forEach(r -> urls.add(r.source().url()));
        }
        return urls;
    }

    private static Report report(String url) {
        return new Report(Forces.bySlug("derbyshire").orElseThrow(), Cycle.startingIn(2016).orElseThrow(),
                Pillar.EFFECTIVENESS, "How effective is the force at keeping people safe?", Judgment.GOOD,
                JudgmentSource.BADGE, LocalDate.of(2017, 3, 2), "Summary.", List.of(),
                new Source(url, SourceFormat.HTML, SHA));
    }
}

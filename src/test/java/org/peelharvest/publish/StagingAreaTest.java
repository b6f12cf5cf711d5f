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

/**
 * Two copies of one document (the same bytes under two names) stage one report: the copy whose URL
 * sorts last. The partitions' logs: a later writer's record wins, a line cut short ends its log, an
 * outcome written twice is one.
 */
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
        // As a build before the logs and before sources came first wrote it: a file a report, its
        // fields in their declared order.
        Path staged = Files.createDirectories(staging.root().resolve("reports").resolve(report("file:///m/page.html").reportId()))
                .resolve(SourceFormat.HTML.precedence() + "-" + SourceFormat.HTML.label() + "-" + SHA + ".json");
        Files.write(staged, JsonMapper.builder().build().writeValueAsBytes(report("file:///m/page.html")));
        assertThat(Files.readString(staged)).startsWith("{\"force\"");

        staging.put(report("file:///a/page.html"));
        assertThat(urlsStaged(staging)).containsExactly("file:///m/page.html");
        staging.put(report("file:///n/page.html"));
        assertThat(urlsStaged(staging)).containsExactly("file:///n/page.html");
    }

    @Test
    void aLineCutShortByAKillEndsItsLogThereSoItsDocumentIsDoneAgain() throws Exception {
        StagingArea work = listingAAndB();
        StagingArea partition = work.writingAs(7);
        stage(partition, "a", "1");
        stage(partition, "b", "2");
        partition.close();
        Path log = onlyLog(work);
        byte[] whole = Files.readAllBytes(log);
        // Killed as it wrote the last line: the record that b is done, cut short.
        Files.write(log, java.util.Arrays.copyOf(whole, whole.length - 10));

        StagingArea.Staged staged = work.staged();

        assertThat(doneKeys(work)).containsExactly("a");
        assertThat(staged.documentsRead().orElseThrow()).extracting(StagingArea.Done::key).containsExactly("a");
        assertThat(staged.notDone()).as("b, which publishing refuses to leave out").isEqualTo(1);
        assertThat(urlsStaged(work)).containsExactly("file:///a/page.html");
    }

    @Test
    void aWriterGivenTheNameOfALogCutShortWritesANewLogNotAfterItsCutLine() throws Exception {
        StagingArea work = listingAAndB();
        StagingArea killed = work.writingAs(7);
        stage(killed, "a", "1");
        killed.put(report("file:///b/page.html", "2"));
        killed.close();
        Path log = onlyLog(work);
        byte[] whole = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(whole, whole.length - 10));

        // A resume whose step execution has the same id (a job repository that lost its last commits).
        StagingArea resumed = work.writingAs(7);
        stage(resumed, "b", "2");
        resumed.close();

        assertThat(logs(work)).hasSize(2);
        assertThat(doneKeys(work)).containsExactlyInAnyOrder("a", "b");
        assertThat(work.staged().notDone()).isZero();
        assertThat(urlsStaged(work)).containsExactly("file:///a/page.html", "file:///b/page.html");
    }

    @Test
    void aLineThatDoesNotReadEndsItsLogAndWhatCameAfterItIsNotTrusted() throws Exception {
        StagingArea work = listingAAndB();
        StagingArea first = work.writingAs(7);
        stage(first, "a", "1");
        first.close();
        StagingArea second = work.writingAs(8);
        stage(second, "b", "2");
        second.close();
        Path log = logs(work).get(0);
        List<String> lines = Files.readAllLines(log);
        // The report's line damaged (a disk's fault), its document's record after it whole.
        Files.write(log, List.of(lines.get(0).replace("\"report\":{", "\"report\":["), lines.get(1)));

        assertThat(doneKeys(work)).as("the other partition's log is read still").containsExactly("b");
        assertThat(urlsStaged(work)).containsExactly("file:///b/page.html");
    }

    @Test
    void ofTwoRecordsOfOneDocumentTheLaterWritersWinsWhicheverWasWrittenFirst() {
        StagingArea work = new StagingArea(temp.resolve("work"));
        work.create();
        work.putListed(java.util.Map.of("a", "fa2"));
        StagingArea resumed = work.writingAs(12);
        resumed.put(report("file:///a/page.html", "2"));
        resumed.putDone(done("a", "file:///a/page.html", "fa2", "2"));
        resumed.close();
        // Written after the resume's records, but by a writer of an earlier step execution.
        StagingArea earlier = work.writingAs(5);
        earlier.put("a", new org.peelharvest.model.Reject("file:///a/page.html", "extract",
                org.peelharvest.model.RejectReason.NOT_A_REPORT, "the page as it was"));
        earlier.putDone(StagingArea.Done.rejected("a", "file:///a/page.html", "fa2", "1"));
        earlier.close();

        StagingArea.Staged staged = work.staged();

        assertThat(staged.documentsRead().orElseThrow()).extracting(StagingArea.Done::rejected).containsExactly(false);
        assertThat(staged.rejects()).isEmpty();
        assertThat(urlsStaged(work)).containsExactly("file:///a/page.html");
    }

    @Test
    void anOutcomeWrittenTwiceIsStagedOnce() {
        StagingArea work = listingAAndB();
        StagingArea partition = work.writingAs(3);
        for (int time = 0; time < 2; time++) {
            // A chunk written again after its transaction failed.
            stage(partition, "a", "1");
            partition.put("b", new org.peelharvest.model.Reject("file:///b/page.html", "extract",
                    org.peelharvest.model.RejectReason.NOT_A_REPORT, "an index page"));
            partition.putDone(StagingArea.Done.rejected("b", "file:///b/page.html", "fb", "3"));
        }
        partition.close();

        StagingArea.Staged staged = work.staged();

        assertThat(urlsStaged(work)).containsExactly("file:///a/page.html");
        assertThat(staged.rejects()).extracting(org.peelharvest.model.Reject::sourceUrl).containsExactly("file:///b/page.html");
        assertThat(staged.extractedCount()).isEqualTo(1);
        assertThat(staged.documentsRead().orElseThrow()).hasSize(2);
    }

    /** Stages document {@code key} ({@code file:///<key>/page.html}, fingerprint {@code f<key>}) as a partition does: its report, then its record. */
    private static void stage(StagingArea partition, String key, String content) {
        String url = "file:///" + key + "/page.html";
        partition.put(report(url, content));
        partition.putDone(done(key, url, "f" + key, content));
    }

    /** The keys of the documents listed now and done as they are now. */
    private static List<String> doneKeys(StagingArea work) {
        return work.staged().documentsRead().orElseThrow().stream().map(StagingArea.Done::key).toList();
    }

    private static StagingArea.Done done(String key, String url, String fingerprint, String content) {
        return new StagingArea.Done(key, url, fingerprint, sha(content), false, List.of(report(url, content).reportId()));
    }

    private static List<Path> logs(StagingArea work) throws java.io.IOException {
        try (var files = Files.list(work.root().resolve("logs"))) {
            return files.sorted().toList();
        }
    }

    private static Path onlyLog(StagingArea work) throws java.io.IOException {
        List<Path> logs = logs(work);
        assertThat(logs).hasSize(1);
        return logs.get(0);
    }

    private static String sha(String content) {
        return content.repeat(64).substring(0, 64);
    }

    private static List<String> urlsStaged(StagingArea staging) {
        List<String> urls = new ArrayList<>();
        for (List<Report> group : staging.staged().reports()) {
            group.forEach(r -> urls.add(r.source().url()));
        }
        return urls;
    }

    private static Report report(String url) {
        return report(url, "b");
    }

    /** The report of a page whose content is named by {@code content} (its SHA-256, that repeated). */
    private static Report report(String url, String content) {
        return new Report(Forces.bySlug("derbyshire").orElseThrow(), Cycle.startingIn(2016).orElseThrow(),
                Pillar.EFFECTIVENESS, "How effective is the force at keeping people safe?", Judgment.GOOD,
                JudgmentSource.BADGE, LocalDate.of(2017, 3, 2), "Summary.", List.of(),
                new Source(url, SourceFormat.HTML, sha(content)));
    }

    /** A work area whose run listed two documents, a and b. */
    private StagingArea listingAAndB() {
        StagingArea work = new StagingArea(temp.resolve("work"));
        work.create();
        work.putListed(java.util.Map.of("a", "fa", "b", "fb"));
        return work;
    }
}

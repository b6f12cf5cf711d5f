package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A harvest of the loopback mirror, checked against the mirror's own request log. */
class HarvesterTest {

    @TempDir
    Path temp;

    private SiteMirror mirror;
    private HarvestSettings settings;
    /** The pacer's clock: its waits are recorded and skipped, not slept. */
    private final PacerClock clock = PacerClock.virtual();

    @BeforeEach
    void startTheMirror() throws IOException {
        mirror = new SiteMirror();
        settings = mirror.settings(20, Duration.ofMillis(800), 3, Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopTheMirror() {
        mirror.close();
    }

    @Test
    void aHarvestFetchesEveryReportPoliteyAndKeepsItAsAWarcSnapshot() throws Exception {
        Harvester.Result result = harvest(SnapshotIndex.none());

        assertThat(result.reports()).isEqualTo(2);
        assertThat(mirror.log().get(0).path()).isEqualTo("/robots.txt");
        assertThat(mirror.count("/hmicfrs/private/staff/")).as("disallowed by robots.txt").isZero();
        assertThat(mirror.count(SiteMirror.FORCE + "?view=table")).as("a query-only variant of a page seen").isZero();
        assertThat(mirror.count(SiteMirror.PILLAR)).isEqualTo(1);
        assertThat(mirror.count(SiteMirror.PDF)).isEqualTo(1);
        assertThat(mirror.count(SiteMirror.FORCE)).as("reached directly and by redirect, fetched once").isEqualTo(1);
        assertThat(mirror.count("/hmicfrs/missing/")).as("a 404 is not retried").isEqualTo(1);
        assertThat(mirror.count("/hmicfrs/flaky/")).as("500, then 200").isEqualTo(2);
        assertThat(mirror.count("/hmicfrs/busy/")).as("429, then 200").isEqualTo(2);
        assertThat(mirror.count("/hmicfrs/slow/")).as("retries are bounded").isEqualTo(3);
        assertThat(mirror.log()).allSatisfy(r -> assertThat(r.headers().get("User-agent")).containsExactly(
                "peel-harvest-test/1 (test@example.org)"));
        assertRateRespected();
        assertRetryAfterHonoured();

        Path snapshot = result.snapshot();
        assertThat(snapshot.getParent()).isEqualTo(temp.resolve("snapshots"));
        JsonNode log = JsonMapper.builder().build().readTree(snapshot.resolve(Snapshot.LOG).toFile());
        assertThat(log.get("failed").toString()).contains("/hmicfrs/missing/", "HTTP 404", "/hmicfrs/slow/",
                "/hmicfrs/huge/", "byte limit");
        assertThat(log.get("refused_by_robots").toString()).contains("/hmicfrs/private/staff/");
        assertThat(log.get("skipped").toString()).contains("http://example.org/elsewhere/", "outside the allowed prefixes");
        assertThat(log.get("skipped")).allSatisfy(entry -> assertThat(entry.propertyNames())
                .as("the same field order in every run").containsExactly("url", "reason"));
        assertThat(Files.readString(snapshot.resolve(Snapshot.MANIFEST))).contains(".warc.gz", Snapshot.INDEX, Snapshot.LOG);
        List<DocumentRef> documents = WarcDocuments.entries(WarcDocuments.filesIn(snapshot).get(0));
        assertThat(documents).extracting(DocumentRef::url).contains(mirror.base() + SiteMirror.PILLAR,
                mirror.base() + SiteMirror.PDF);
        assertThat(WarcDocuments.payload(documents.get(0).file(), documents.stream()
                .filter(d -> d.url().endsWith(".pdf")).findFirst().orElseThrow().offset()))
                .isEqualTo(Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.pdf")));
    }

    @Test
    void aSecondHarvestAsksConditionallyAndDownloadsNoReportAgain() throws Exception {
        harvest(SnapshotIndex.none());
        int before = mirror.log().size();

        Thread.sleep(1100);
        Harvester.Result second = harvest(Snapshot.previousIndex(temp.resolve("snapshots")));

        List<SiteMirror.Request> again = mirror.log().subList(before, mirror.log().size());
        assertThat(again).filteredOn(r -> r.path().equals(SiteMirror.PILLAR) || r.path().equals(SiteMirror.PDF))
                .hasSize(2).allSatisfy(r -> {
                    assertThat(r.headers()).containsKey("If-none-match");
                    assertThat(r.status()).isEqualTo(304);
                });
        assertThat(second.notModified()).isGreaterThanOrEqualTo(2);
        assertThat(second.reports()).isEqualTo(2);
    }

    @Test
    void everyWarcRecordReadsBackAndEveryPayloadMatchesItsDigest() throws Exception {
        Path snapshot = harvest(SnapshotIndex.none()).snapshot();

        int responses = 0;
        for (Path warc : WarcDocuments.filesIn(snapshot)) {
            try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(warc)) {
                for (org.netpreserve.jwarc.WarcRecord record : reader) {
                    if (record instanceof org.netpreserve.jwarc.WarcResponse response) {
                        byte[] payload = response.http().body().stream().readAllBytes();
                        String expected = response.payloadDigest().orElseThrow().base32();
                        String actual = new org.netpreserve.jwarc.WarcDigest("sha1",
                                java.security.MessageDigest.getInstance("SHA-1").digest(payload)).base32();
                        assertThat(actual).as(response.target()).isEqualTo(expected);
                        responses++;
                    }
                }
            }
        }
        assertThat(responses).isEqualTo(JsonMapper.builder().build().readTree(snapshot.resolve(Snapshot.LOG).toFile())
                .get("fetched").size());
        for (String line : Files.readAllLines(snapshot.resolve(Snapshot.MANIFEST))) {
            String[] parts = line.split("  ", 2);
            assertThat(org.peelharvest.model.SourceDocument.sha256(Files.readAllBytes(snapshot.resolve(parts[1]))))
                    .as(parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void anInterruptedHarvestIsResumedInTheSameSnapshotWithoutFetchingWhatItHolds() throws Exception {
        HarvestSettings fewPages = new HarvestSettings(settings.allow(), 20, settings.userAgent(), settings.connectTimeout(),
                settings.requestTimeout(), settings.maxBytes(), settings.maxAttempts(), settings.firstBackoff(),
                settings.maxBackoff(), 2);
        Path first;
        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "peel-2016", Instant.now(), settings.userAgent())) {
            first = new Harvester(fewPages, new PoliteFetcher(fewPages))
                    .harvest(List.of(mirror.base() + SiteMirror.INDEX), snapshot, SnapshotIndex.none()).snapshot();
        }
        Files.delete(first.resolve(Snapshot.MANIFEST)); // what a kill leaves: a snapshot never finished
        int before = mirror.log().size();

        Harvester.Result resumed;
        try (Snapshot snapshot = Snapshot.startOrResume(temp.resolve("snapshots"), "peel-2016", Instant.now(),
                settings.userAgent())) {
            assertThat(snapshot.resumed()).isTrue();
            resumed = new Harvester(settings, new PoliteFetcher(settings))
                    .harvest(List.of(mirror.base() + SiteMirror.INDEX), snapshot, SnapshotIndex.none());
        }

        assertThat(resumed.snapshot()).isEqualTo(first);
        List<SiteMirror.Request> after = mirror.log().subList(before, mirror.log().size());
        assertThat(after).extracting(SiteMirror.Request::path).doesNotContain(SiteMirror.INDEX, SiteMirror.FORCE);
        assertThat(after).extracting(SiteMirror.Request::path).contains(SiteMirror.PILLAR, SiteMirror.PDF);
        assertThat(WarcDocuments.filesIn(first)).hasSize(2);
        assertThat(first.resolve(Snapshot.MANIFEST)).exists();
        assertThat(resumed.reports()).isEqualTo(2);
    }

    private Harvester.Result harvest(SnapshotIndex previous) throws Exception {
        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "peel-2016", Instant.now(), settings.userAgent())) {
            return new Harvester(settings, new PoliteFetcher(settings, clock)).harvest(
                    List.of(mirror.base() + SiteMirror.INDEX), snapshot, previous);
        }
    }

    /**
     * At 20 requests a second, the pacer let each request to the host (robots.txt, pages, retries)
     * go one whole interval of 50 ms after the one before, on its own clock. Gaps measured at the
     * server were not what the pacer kept: on a loaded machine a request can reach the server late,
     * and 4 runs of 8 saw gaps of 40 to 45 ms (issue 17).
     */
    private void assertRateRespected() {
        long interval = Duration.ofMillis(50).toNanos();
        int requests = mirror.log().size();
        assertThat(clock.waits()).as("a wait before every request but the first").hasSize(requests - 1)
                .allSatisfy(wait -> assertThat(wait).isBetween(interval - Duration.ofNanos(1000).toNanos(), interval));
    }

    private void assertRetryAfterHonoured() {
        List<SiteMirror.Request> busy = mirror.log().stream().filter(r -> r.path().equals("/hmicfrs/busy/")).toList();
        assertThat(busy.get(1).nanos() - busy.get(0).nanos()).isGreaterThanOrEqualTo(Duration.ofMillis(950).toNanos());
    }
}

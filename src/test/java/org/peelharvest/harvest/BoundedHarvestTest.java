package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harvest of answers that ran it out of memory stays bounded, and its log says what each bound
 * left out (issue 17): endless trailers, huge chunk extensions, 1-byte chunks, pages of endless
 * new links, a Crawl-delay of 250 s, a maximum duration.
 */
class BoundedHarvestTest {

    @TempDir
    Path temp;

    private HostileAnswers site;

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void anAnswerWhoseFramingNeverEndsIsThatUrlsFailureNamedPlainlyAndNotRetried() throws Exception {
        site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.TRAILER, HostileAnswers.EXTENSIONS,
                HostileAnswers.ONE_BYTE_CHUNKS);

        JsonNode log = log(harvest(settings(HarvestLimits.DEFAULTS), new ArrayList<>()));

        for (String target : List.of(HostileAnswers.TRAILER, HostileAnswers.EXTENSIONS, HostileAnswers.ONE_BYTE_CHUNKS)) {
            assertThat(entry(log.get("failed"), target).get("reason").asString()).as(target)
                    .isEqualTo("the server's answer has header fields, chunk lines and trailer fields longer than "
                            + WireInput.MAX_FRAMING_BYTES + " bytes in all");
            assertThat(site.asked(target)).as("asked once: the same answer would come again").isEqualTo(1);
        }
        assertThat(entry(log.get("fetched"), HostileAnswers.SEED)).isNotNull();
    }

    @Test
    void aRobotsTxtWhoseTrailerNeverEndsMeansNothingIsFetchedAndTheLogSaysWhy() throws Exception {
        site = new HostileAnswers(HostileAnswers.Robots.ENDLESS_TRAILER);

        JsonNode log = log(harvest(settings(HarvestLimits.DEFAULTS), new ArrayList<>()));

        assertThat(site.asked("/robots.txt")).as("retried as an unreachable robots.txt is").isEqualTo(2);
        assertThat(site.asked(HostileAnswers.SEED)).isZero();
        assertThat(entry(log.get("refused_by_robots"), HostileAnswers.SEED).get("reason").asString())
                .isEqualTo("robots.txt of " + site.base() + " could not be read in 2 attempts (the server's answer has "
                        + "header fields, chunk lines and trailer fields longer than 1048576 bytes in all), so nothing is "
                        + "fetched from that host (RFC 9309, 2.3.1.4)");
    }

    @Test
    void pagesOfEndlessNewLinksKeepTheUrlsKnownAndTheLinksReadWithinTheirLimitsAndCountTheRest() throws Exception {
        site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.LINKS);

        Harvester.Result result = harvest(settings(new HarvestLimits(1000, 300, Duration.ofMinutes(5))), new ArrayList<>());

        JsonNode skipped = log(result).get("skipped");
        String seedLinks = site.base() + HostileAnswers.LINKS;
        assertThat(entry(skipped, seedLinks).get("reason").asString())
                .isEqualTo((HostileAnswers.LINKS_PER_PAGE - 300) + " links of this page not followed: more than the 300 a page "
                        + "(max-links-per-page)");
        // 1 seed + 1 page of links + 300 from it + 300 from the next + 300 from the next: 902; then 98 of the next 300.
        assertThat(skipped.toString()).contains("202 new links of this page not followed: the harvest knows 1000 URLs, its max-urls");
        assertThat(result.fetched()).as("the page limit of the test's settings").isEqualTo(30);
        long waitingLeft = java.util.stream.StreamSupport.stream(skipped.spliterator(), false)
                .filter(e -> e.get("reason").asString().startsWith("beyond the limit of 30 pages")).count();
        assertThat(waitingLeft).as("known, not fetched: all that is known but the 30 fetched").isEqualTo(1000 - 30);
    }

    @Test
    void pastItsMaximumDurationAHarvestStopsAndLogsWhatWaitedAsSkipped() throws Exception {
        site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.LINKS);

        Harvester.Result result = harvest(settings(new HarvestLimits(1000, 300, Duration.ofSeconds(1)), 1000),
                new ArrayList<>());

        assertThat(result.fetched()).as("stopped before the page limit").isLessThan(1000);
        assertThat(log(result).get("skipped").toString()).contains("not fetched: the harvest reached its max-duration of 1s");
        assertThat(result.snapshot().resolve(Snapshot.MANIFEST)).exists();
    }

    @Test
    void aCrawlDelayOf250SecondsIsObeyedAsOneMinuteAndWarnedOfAtTheStart() throws Exception {
        site = new HostileAnswers(HostileAnswers.Robots.CRAWL_DELAY_250, "a/", "b/");
        List<String> warnings = new ArrayList<>();
        PacerClock clock = PacerClock.virtual();

        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "hostile", Instant.now(), "peel-harvest-test/1")) {
            HarvestSettings settings = settings(HarvestLimits.DEFAULTS);
            new Harvester(settings, new PoliteFetcher(settings, clock)).harvest(List.of(site.base() + HostileAnswers.SEED),
                    snapshot, SnapshotIndex.none(), progress(warnings));
        }

        assertThat(warnings).containsExactly("robots.txt of " + site.base() + " asks for a Crawl-delay of 250 s "
                + "(obeyed as 60 s, the longest a harvest waits)");
        assertThat(clock.waits()).as("the waits before the seed's two links").hasSizeGreaterThanOrEqualTo(2)
                .last().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(60).toNanos() - 1000,
                        Duration.ofSeconds(60).toNanos()));
    }

    private Harvester.Result harvest(HarvestSettings settings, List<String> warnings) throws Exception {
        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "hostile", Instant.now(), settings.userAgent())) {
            return new Harvester(settings, new PoliteFetcher(settings)).harvest(List.of(site.base() + HostileAnswers.SEED),
                    snapshot, SnapshotIndex.none(), progress(warnings));
        }
    }

    private static Harvester.Progress progress(List<String> warnings) {
        return new Harvester.Progress() {
            @Override
            public void after(int pages, int waiting, int reports) {
            }

            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        };
    }

    private HarvestSettings settings(HarvestLimits limits) {
        return settings(limits, 30);
    }

    private HarvestSettings settings(HarvestLimits limits, int maxPages) {
        return new HarvestSettings(List.of(site.base() + "/site/"), 100, "peel-harvest-test/1 (test@example.org)",
                Duration.ofSeconds(2), Duration.ofSeconds(20), 50L * 1024 * 1024, 2, Duration.ofMillis(20),
                Duration.ofMillis(100), maxPages, limits);
    }

    private static JsonNode log(Harvester.Result result) throws Exception {
        return JsonMapper.builder().build().readTree(result.snapshot().resolve(Snapshot.LOG).toFile());
    }

    private JsonNode entry(JsonNode entries, String target) {
        String url = target.startsWith("http") ? target : site.base() + target;
        for (JsonNode e : entries) {
            if (e.get("url").asString().equals(url)) {
                return e;
            }
        }
        throw new AssertionError(url + " not in " + entries);
    }
}

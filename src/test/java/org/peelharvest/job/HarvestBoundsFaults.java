package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.peelharvest.harvest.HostileAnswers;
import org.peelharvest.harvest.Snapshot;
import org.peelharvest.testing.Csv;

/**
 * Points 2, 3, 9 and 10 of {@link HostileUseTest} (issue 17): servers whose answers never end and
 * pages of endless new links, each harvested by the real command line in a child JVM under a
 * 128 MB heap; settings that cannot work; a harvest past its maximum duration; a Crawl-delay of
 * 250 s. (Point 10, a test that failed under load, is held by the harvest tests checking the
 * pacer's own clock: {@code HostPacerTest}, {@code HarvesterTest}, {@code PoliteFetcherTest}.)
 */
final class HarvestBoundsFaults {

    private static final Path SAMPLE_REPORT = Path.of("input/sample/derbyshire-2016-effectiveness.html");
    private static final String HEAP = "128m";

    private HarvestBoundsFaults() {
    }

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                new FaultTable.Fault("robots.txt whose chunked trailer never ends, a job with local inputs (-Xmx128m)",
                        HarvestBoundsFaults::endlessRobotsTrailer),
                new FaultTable.Fault("pages with endless trailers, 60 KB chunk extensions, 1-byte chunks (-Xmx128m)",
                        HarvestBoundsFaults::endlessFraming),
                new FaultTable.Fault("pages of 50,000 new links, each another such page (-Xmx128m)",
                        HarvestBoundsFaults::endlessLinks),
                usage("harvest --timeout 3000000", "timeout must be at most 3600 seconds, not 3000000", "--timeout", "3000000"),
                usage("harvest --rate 1000", "rate must be at most 100 requests a second, not 1000", "--rate", "1000"),
                usage("harvest --max-urls 0", "max-urls must be between 1 and 1000000, not 0", "--max-urls", "0"),
                usage("harvest --max-urls 5000000", "max-urls must be between 1 and 1000000, not 5000000", "--max-urls", "5000000"),
                usage("harvest --max-links-per-page 1000000", "max-links-per-page must be between 1 and 100000, not 1000000",
                        "--max-links-per-page", "1000000"),
                usage("harvest --max-duration 49h", "max-duration must be between 1s and 48h, not 49h", "--max-duration", "49h"),
                usage("harvest --max-duration forever", "max-duration must be a whole number of hours, minutes or seconds",
                        "--max-duration", "forever"),
                new FaultTable.Fault("job file with 'output:' twice", HarvestBoundsFaults::duplicateKey),
                new FaultTable.Fault("job file with 'max-duration: 100h' (run)", HarvestBoundsFaults::jobFileTooLong),
                runSetting("peel.threads", "100000", "peel.threads must be between 0 (one a core) and 256, not 100000"),
                runSetting("peel.limits.document-timeout", "1000h",
                        "peel.limits.document-timeout must be between 100ms and 1h, not 1000h"),
                new FaultTable.Fault("a harvest past its --max-duration", HarvestBoundsFaults::maxDuration),
                new FaultTable.Fault("robots.txt with Crawl-delay: 250", HarvestBoundsFaults::crawlDelay));
    }

    /** Point 2: before, OutOfMemoryError in WireInput.line from the robots.txt fetch alone; the job's inputs never published. */
    private static String endlessRobotsTrailer(Path dir) throws Exception {
        try (HostileAnswers site = new HostileAnswers(HostileAnswers.Robots.ENDLESS_TRAILER)) {
            Files.createDirectories(dir.resolve("in"));
            Files.copy(SAMPLE_REPORT, dir.resolve("in").resolve(SAMPLE_REPORT.getFileName()));
            Path job = Files.writeString(dir.resolve("job.yaml"), "name: hostile\ninput: in\noutput: out\nseed: "
                    + site.base() + HostileAnswers.SEED + "\nsnapshot: snapshots\nrate: 100\n");

            CliProcess.Result run = CliProcess.start(dir, HEAP, Map.of(), "run", job.toString()).await();

            assertThat(run.err()).doesNotContain("OutOfMemoryError");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
            assertThat(run.err()).contains("no report was found from [" + site.base() + HostileAnswers.SEED + "]");
            assertThat(Csv.read(dir.resolve("out/latest/reports.csv"))).extracting(r -> r.get("report_id"))
                    .as("the job's own input, published").containsExactly("2016-derbyshire-effectiveness");
            String log = Files.readString(snapshot(dir.resolve("snapshots")).resolve(Snapshot.LOG));
            assertThat(log).contains("robots.txt of " + site.base() + " could not be read in 4 attempts (the server's answer "
                    + "has header fields, chunk lines and trailer fields longer than 1048576 bytes in all)");
            return "held: no OutOfMemoryError under -Xmx128m; robots.txt logged as unreadable (its framing past 1 MiB), "
                    + "nothing fetched from the host; the job's own input published; exit 3 naming the empty harvest";
        }
    }

    /** Point 2: each hostile page is that URL's failure, logged plainly; the harvest goes on. */
    private static String endlessFraming(Path dir) throws Exception {
        try (HostileAnswers site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.TRAILER,
                HostileAnswers.EXTENSIONS, HostileAnswers.ONE_BYTE_CHUNKS)) {
            CliProcess.Result harvest = CliProcess.start(dir, HEAP, Map.of(), "harvest", "--seed",
                    site.base() + HostileAnswers.SEED, "--snapshot", dir.resolve("snapshots").toString(), "--rate", "100").await();

            assertThat(harvest.err()).doesNotContain("OutOfMemoryError");
            assertThat(harvest.exitCode()).as(harvest.out() + harvest.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
            assertThat(harvest.out()).contains("fetched 1, not modified 0, skipped 0, refused by robots.txt 0, blocked 0, failed 3");
            String log = Files.readString(snapshot(dir.resolve("snapshots")).resolve(Snapshot.LOG));
            for (String target : List.of(HostileAnswers.TRAILER, HostileAnswers.EXTENSIONS, HostileAnswers.ONE_BYTE_CHUNKS)) {
                assertThat(site.asked(target)).as(target + " asked once").isEqualTo(1);
                assertThat(log).contains(site.base() + target);
            }
            assertThat(log).contains("\"reason\" : \"the server's answer has header fields, chunk lines and trailer fields "
                    + "longer than 1048576 bytes in all\"");
            return "held: no OutOfMemoryError under -Xmx128m; each of the 3 pages failed once, logged as 'the server's answer "
                    + "has header fields, chunk lines and trailer fields longer than 1048576 bytes in all'; snapshot sealed";
        }
    }

    /** Point 3: before, out of memory after about 49 requests (2,349,954 waiting). */
    private static String endlessLinks(Path dir) throws Exception {
        try (HostileAnswers site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.LINKS)) {
            CliProcess.Result harvest = CliProcess.start(dir, HEAP, Map.of(), "harvest", "--seed",
                    site.base() + HostileAnswers.SEED, "--snapshot", dir.resolve("snapshots").toString(), "--rate", "100",
                    "--max-duration", "40s").await();

            assertThat(harvest.err()).doesNotContain("OutOfMemoryError");
            assertThat(harvest.exitCode()).as(harvest.out() + harvest.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
            Path snapshot = snapshot(dir.resolve("snapshots"));
            assertThat(snapshot.resolve(Snapshot.MANIFEST)).exists();
            String log = Files.readString(snapshot.resolve(Snapshot.LOG));
            assertThat(log).contains("45000 links of this page not followed: more than the 5000 a page (max-links-per-page)",
                    "new links of this page not followed: the harvest knows 100000 URLs, its max-urls",
                    "not fetched: the harvest reached its max-duration of 40s");
            String counts = harvest.out().lines().filter(l -> l.startsWith("fetched ")).findFirst().orElseThrow();
            return "held: no OutOfMemoryError under -Xmx128m; 5000 links read a page, 100000 URLs known, the rest counted "
                    + "in log.json; stopped at --max-duration 40s (" + counts.substring(0, counts.indexOf(';')) + ")";
        }
    }

    /** Point 9: a value past its upper bound is bad usage, on one line, before anything is fetched or written. */
    private static FaultTable.Fault usage(String name, String message, String... option) {
        return new FaultTable.Fault(name, dir -> {
            List<String> args = new java.util.ArrayList<>(List.of("harvest", "--seed", "http://127.0.0.1:9/site/",
                    "--snapshot", dir.resolve("snapshots").toString()));
            args.addAll(List.of(option));
            return usageError(dir, message, args.toArray(String[]::new));
        });
    }

    /** Point 9: a run's Spring setting past its bound is bad usage before the output is locked or anything read. */
    private static FaultTable.Fault runSetting(String name, String value, String message) {
        return new FaultTable.Fault("run with -D" + name + "=" + value, dir -> {
            Files.createDirectories(dir.resolve("in"));
            Files.copy(SAMPLE_REPORT, dir.resolve("in").resolve(SAMPLE_REPORT.getFileName()));
            CliProcess.Result run = CliProcess.start(dir, Map.of(name, value), "extract", "--input",
                    dir.resolve("in").toString(), "--output", dir.resolve("out").toString()).await();

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Outcome.USAGE);
            assertThat(run.err().lines()).containsExactly("peel-harvest: " + message);
            assertThat(dir.resolve("out")).as("nothing published").doesNotExist();
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no lock, work area or job repository")
                        .noneMatch(n -> n.startsWith(".out"));
            }
            return "held: exit 2, \"" + run.err().strip() + "\", before the output was locked";
        });
    }

    private static String duplicateKey(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Path job = Files.writeString(dir.resolve("job.yaml"), "name: twice\ninput: in\noutput: out\noutput: elsewhere\n");
        return usageError(dir, "the key 'output' is given twice; give it once", "run", job.toString());
    }

    private static String jobFileTooLong(Path dir) throws Exception {
        Path job = Files.writeString(dir.resolve("job.yaml"), "name: long\noutput: out\nseed: http://127.0.0.1:9/site/\n"
                + "max-duration: 100h\n");
        return usageError(dir, "max-duration must be between 1s and 48h, not 100h", "run", job.toString());
    }

    /** Point 9: past its maximum duration a harvest stops between requests, seals its snapshot, logs the rest as skipped. */
    private static String maxDuration(Path dir) throws Exception {
        try (HostileAnswers site = new HostileAnswers(HostileAnswers.Robots.NONE, HostileAnswers.LINKS)) {
            long start = System.nanoTime();
            CliRunner.Result harvest = new CliRunner(dir).run("harvest", "--seed", site.base() + HostileAnswers.SEED,
                    "--snapshot", dir.resolve("snapshots").toString(), "--rate", "20", "--max-duration", "3s",
                    "--max-links-per-page", "100");
            long seconds = (System.nanoTime() - start) / 1_000_000_000;

            assertThat(harvest.exitCode()).as(harvest.out() + harvest.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
            Path snapshot = snapshot(dir.resolve("snapshots"));
            assertThat(snapshot.resolve(Snapshot.MANIFEST)).as("sealed").exists();
            assertThat(Files.readString(snapshot.resolve(Snapshot.LOG)))
                    .contains("not fetched: the harvest reached its max-duration of 3s");
            assertThat(seconds).as("a generous margin over 3 s").isLessThan(60);
            return "held: stopped after " + seconds + " s, snapshot sealed, what waited logged as skipped "
                    + "('the harvest reached its max-duration of 3s')";
        }
    }

    /** Point 9: before, Crawl-delay: 250 was obeyed with no bound (20,000 pages in 58 days) and nothing said so. */
    private static String crawlDelay(Path dir) throws Exception {
        try (HostileAnswers site = new HostileAnswers(HostileAnswers.Robots.CRAWL_DELAY_250)) {
            CliRunner.Result harvest = new CliRunner(dir).run("harvest", "--seed", site.base() + HostileAnswers.SEED,
                    "--snapshot", dir.resolve("snapshots").toString());

            String warning = "peel-harvest: robots.txt of " + site.base() + " asks for a Crawl-delay of 250 s (obeyed as 60 s, "
                    + "the longest a harvest waits): 20000 pages would take about 333 h, more than the max-duration of 6h; "
                    + "the harvest stops then and keeps what it has";
            assertThat(harvest.err().lines().filter(l -> l.contains("Crawl-delay"))).containsExactly(warning);
            return "held: one line at the start: '" + warning.substring("peel-harvest: ".length()) + "'";
        }
    }

    private static String usageError(Path dir, String message, String... args) throws IOException {
        CliRunner.Result result = new CliRunner(dir).run(args);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.USAGE);
        assertThat(result.err().lines()).hasSize(1).allMatch(line -> line.contains(message));
        assertThat(dir.resolve("snapshots")).as("nothing harvested").doesNotExist();
        assertThat(dir.resolve("out")).as("nothing published").doesNotExist();
        return "held: exit 2, \"" + result.err().strip() + "\"";
    }

    /** The one snapshot folder a harvest made under {@code root}. */
    private static Path snapshot(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}

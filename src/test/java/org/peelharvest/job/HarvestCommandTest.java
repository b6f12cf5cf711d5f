package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.peelharvest.harvest.HostileSite;
import org.peelharvest.harvest.MirrorForJobTests;

/**
 * The harvest acceptance on the command line: harvest the loopback mirror, then extract from the
 * snapshot alone and get the same report as extracting the mirror's files directly.
 */
class HarvestCommandTest {

    @TempDir
    Path temp;

    private MirrorForJobTests mirror;

    @BeforeEach
    void start() throws IOException {
        mirror = new MirrorForJobTests();
    }

    @AfterEach
    void stop() {
        mirror.close();
    }

    @Test
    void harvestThenExtractFromTheSnapshotAloneGivesTheReportsOfTheMirrorsFiles() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path snapshots = temp.resolve("snapshots");

        CliRunner.Result harvest = cli.run("harvest", "--seed", mirror.base() + "/hmicfrs/peel-assessments/peel-2016/",
                "--allow", mirror.base() + "/hmicfrs/", "--snapshot", snapshots.toString(), "--rate", "20", "--timeout", "1");

        assertThat(harvest.exitCode()).as(harvest.out() + harvest.err()).isZero();
        assertThat(harvest.out()).contains("report pages and PDFs: 2");
        mirror.close();
        // The snapshot also holds the index and force pages, which are not reports: rejected, so the gate is opened.
        CliRunner.Result fromSnapshot = cli.run("extract", "--input", snapshots.toString(), "--output",
                temp.resolve("from-snapshot").toString(), "--max-reject-rate", "1");
        CliRunner.Result fromFiles = cli.run("extract", "--input", "input/sample/derbyshire-2016-effectiveness.html",
                "--input", "input/sample/derbyshire-2016-effectiveness.pdf", "--output", temp.resolve("from-files").toString());

        assertThat(fromSnapshot.exitCode()).as(fromSnapshot.out() + fromSnapshot.err()).isZero();
        assertThat(withoutSourceUrls(temp.resolve("from-snapshot/reports.json")))
                .isEqualTo(withoutSourceUrls(temp.resolve("from-files/reports.json")));
        assertThat(Files.readString(temp.resolve("from-snapshot/reports.csv")))
                .contains(mirror.base() + "/hmicfrs/peel-assessments/peel-2016/derbyshire/effectiveness/");
    }

    @Test
    void aSnapshotHarvestedThreeTimesCountsTheSameDocumentsInItsProgressAsInItsSummary() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path snapshots = temp.resolve("snapshots");
        for (int harvest = 0; harvest < 3; harvest++) {
            // The second and third find the pages unchanged: revisits of the first snapshot's records.
            cli.run("harvest", "--seed", mirror.base() + "/hmicfrs/peel-assessments/peel-2016/", "--allow",
                    mirror.base() + "/hmicfrs/", "--snapshot", snapshots.toString(), "--rate", "20", "--timeout", "1");
        }

        CliRunner.Result extract = cli.run("extract", "--input", snapshots.toString(), "--output",
                temp.resolve("out").toString(), "--max-reject-rate", "1");

        java.util.regex.Matcher read = java.util.regex.Pattern.compile("documents read: (\\d+)").matcher(extract.out());
        java.util.regex.Matcher rejected = java.util.regex.Pattern.compile("rejected: (\\d+)").matcher(extract.out());
        assertThat(read.find() && rejected.find()).as(extract.out()).isTrue();
        String lastProgress = extract.err().lines().filter(l -> l.startsWith("documents ")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastProgress).as("the progress line's last count").matches("documents " + read.group(1) + "/"
                + read.group(1) + " \\(.*\\), rejects " + rejected.group(1));
    }

    @Test
    void aHarvestThatFindsNoReportFailsLoudly() {
        CliRunner.Result result = new CliRunner(temp).run("harvest", "--seed", mirror.base() + "/hmicfrs/nothing-here/",
                "--allow", mirror.base() + "/hmicfrs/", "--snapshot", temp.resolve("snapshots").toString(), "--rate", "20");

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.err()).contains("no report was found", "the site may have changed");
    }

    @Test
    void aSiteThatCannotBeReachedIsSaidSoNotCalledChanged() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String seed = "http://127.0.0.1:" + closed + "/peel-assessments/peel-2016/";

        CliRunner.Result result = new CliRunner(temp).run("harvest", "--seed", seed, "--snapshot",
                temp.resolve("snapshots").toString(), "--rate", "20", "--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        List<String> lines = result.err().lines().filter(l -> l.startsWith("peel-harvest:")).toList();
        assertThat(lines).as(result.err()).singleElement().asString()
                .startsWith("peel-harvest: no report was found from [" + seed + "]: nothing could be fetched (")
                .contains("); check the network and the seed, then run again")
                .doesNotContain("the site may have changed");
    }

    @Test
    void aGzipEncodedReportIsHarvestedAsReceivedAndExtractedDecoded() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path snapshots = temp.resolve("snapshots");
        try (HostileSite site = new HostileSite()) {
            CliRunner.Result harvest = cli.run("harvest", "--seed", site.base() + HostileSite.GZIP_REPORT,
                    "--snapshot", snapshots.toString(), "--rate", "20", "--timeout", "2");
            assertThat(harvest.exitCode()).as(harvest.out() + harvest.err()).isZero();
        }

        CliRunner.Result extract = cli.run("extract", "--input", snapshots.toString(), "--output",
                temp.resolve("out").toString());

        assertThat(extract.exitCode()).as(extract.out() + extract.err()).isZero();
        assertThat(Files.readString(temp.resolve("out/reports.csv"))).contains("2016-derbyshire-effectiveness");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # option                     | what the one line names
            --rate 0                     | rate must be a number of requests a second above 0, not 0
            --rate -1                    | rate must be a number of requests a second above 0, not -1
            --rate NaN                   | rate must be a number of requests a second above 0, not NaN
            --timeout 0                  | timeout must be above 0 seconds, not 0
            --timeout -3                 | timeout must be above 0 seconds, not -3
            --seed not-a-url             | seed 'not-a-url' is not an http or https URL
            --seed ftp://example.org/    | seed 'ftp://example.org/' is not an http or https URL
            --seed http://example.org:99999/ | seed 'http://example.org:99999/' is not an http or https URL
            --allow nope                 | allow 'nope' is not an http or https URL prefix
            """)
    void aHarvestOptionThatCannotBeUsedIsBadUsageNamedOnOneLine(String option, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("harvest", "--seed", mirror.base() + "/hmicfrs/",
                "--snapshot", temp.resolve("snapshots").toString()));
        args.addAll(List.of(option.split(" ")));

        CliRunner.Result result = new CliRunner(temp).run(args.toArray(String[]::new));

        assertBadUsage(result, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # job file line              | what the one line names
            rate: -1                     | rate must be a number of requests a second above 0, not -1
            rate: 0                      | rate must be a number of requests a second above 0, not 0
            allow: [nope]                | allow 'nope' is not an http or https URL prefix
            seed: [ftp://example.org/]   | seed 'ftp://example.org/' is not an http or https URL
            """)
    void aHarvestValueInAJobFileThatCannotBeUsedIsBadUsageNamedOnOneLine(String line, String message) throws IOException {
        String seed = line.startsWith("seed:") ? line : "seed: [" + mirror.base() + "/hmicfrs/]";
        Path job = Files.writeString(temp.resolve("bad.yaml"), String.join("\n", "name: bad", seed,
                line.startsWith("seed:") ? "" : line, "snapshot: snapshots", "output: out", ""));

        CliRunner.Result result = new CliRunner(temp).run("harvest", job.toString());

        assertBadUsage(result, message);
    }

    private void assertBadUsage(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest: " + message + System.lineSeparator());
        assertThat(result.out()).isEmpty();
        assertThat(temp.resolve("snapshots")).as("nothing was written").doesNotExist();
        assertThat(mirror.requestCount()).as("nothing was fetched").isZero();
    }

    @Test
    void aJobFileWithSeedsHarvestsThenPublishesARelease() throws IOException {
        Path job = mirrorJob();

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(temp.resolve("snapshots/mirror-2016")).isDirectory();
        assertThat(Files.readString(temp.resolve("out/mirror-2016/latest/reports.csv")))
                .contains("2016-derbyshire-effectiveness", mirror.base() + "/hmicfrs/peel-assessments/peel-2016/derbyshire/effectiveness/");
    }

    @Test
    void aRestartedJobDoesNotHarvestAgainAndExtractsTheSnapshotItHarvested() throws IOException {
        Path job = mirrorJob();
        // A folder where the new 'latest' link is made before it replaces the old: publishing fails after
        // harvesting and extracting.
        Path notes = Files.writeString(Files.createDirectories(temp.resolve("out/mirror-2016/.latest.new")).resolve("notes.txt"),
                "not a link");
        CliRunner cli = new CliRunner(temp);

        CliRunner.Result failed = cli.run("run", job.toString());
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(Outcome.JOB_FAILED);
        int requests = mirror.requestCount();
        Files.delete(notes);
        Files.delete(notes.getParent());

        CliRunner.Result resumed = cli.run("run", job.toString());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming run 1 of mirror-2016");
        assertThat(mirror.requestCount()).as("no request to the site on the restart").isEqualTo(requests);
        assertThat(Files.readString(temp.resolve("out/mirror-2016/latest/reports.csv")))
                .contains("2016-derbyshire-effectiveness");
    }

    @Test
    void aJobWhoseHarvestFindsNoReportEndsWithTheQualityGate() throws IOException {
        Path job = Files.writeString(temp.resolve("nothing.yaml"), String.join("\n",
                "name: nothing",
                "seed: [" + mirror.base() + "/hmicfrs/nothing-here/]",
                "allow: [" + mirror.base() + "/hmicfrs/]",
                "snapshot: snapshots/nothing",
                "rate: 20",
                "output: out/nothing", ""));

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("quality gate failed: no report was found", "the site may have changed");
        assertThat(temp.resolve("out/nothing/latest")).doesNotExist();
    }

    @Test
    void aJobWhoseHarvestFailsFailsAndPublishesNothing() throws IOException {
        Files.writeString(temp.resolve("snapshots"), "a file where the snapshot folders should go");
        Path earlier = Files.createDirectories(temp.resolve("out/broken/20200101T000000Z"));
        // An earlier release: its files and the manifest that lists them.
        Path reports = Files.writeString(earlier.resolve("reports.csv"), "report_id\n");
        Files.writeString(earlier.resolve("manifest-sha256.txt"),
                org.peelharvest.model.SourceDocument.sha256(reports) + "  reports.csv\n");
        Files.createSymbolicLink(temp.resolve("out/broken/latest"), earlier.getFileName());
        Path job = Files.writeString(temp.resolve("broken.yaml"), String.join("\n",
                "name: broken",
                "seed: [" + mirror.base() + "/hmicfrs/peel-assessments/peel-2016/]",
                "snapshot: snapshots/broken",
                "rate: 20",
                "output: out/broken", ""));

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.JOB_FAILED);
        assertThat(result.out()).contains("job FAILED");
        assertThat(Files.readSymbolicLink(temp.resolve("out/broken/latest"))).isEqualTo(earlier.getFileName());
        try (var released = Files.list(temp.resolve("out/broken"))) {
            assertThat(released.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder("20200101T000000Z", "latest", "runs");
        }
    }

    @Test
    void aSecondRunOfAnUnchangedSitePublishesTheSameReportsFromRevisits() throws IOException {
        Path job = mirrorJob();
        CliRunner cli = new CliRunner(temp);
        assertThat(cli.run("run", job.toString()).exitCode()).isZero();
        String first = Files.readString(temp.resolve("out/mirror-2016/latest/reports.csv"));

        CliRunner.Result second = cli.run("run", job.toString());

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(Files.readString(temp.resolve("out/mirror-2016/latest/reports.csv"))).isEqualTo(first);
    }

    @Test
    void everyRealCycleHasAJobFileThatLoads() {
        for (String name : List.of("peel-2014", "peel-2015", "peel-2016", "peel-2017", "peel-2018",
                "peel-reports-2021-22", "peel-reports-2023-25")) {
            Path file = Path.of("jobs", name + ".yaml");
            JobDefinition spec = JobFile.load(file, JobDefinition.Overrides.NONE);
            assertThat(spec.name()).isEqualTo(name);
            assertThat(JobFile.harvest(file, HarvestDefinition.Overrides.NONE)).hasValueSatisfying(plan -> {
                assertThat(plan.seeds()).allSatisfy(seed -> assertThat(seed).startsWith("https://hmicfrs.justiceinspectorates.gov.uk/"));
                assertThat(plan.allow()).isNotEmpty();
            });
        }
        assertThat(JobFile.harvest(Path.of("jobs/peel-reports-2023-25.yaml"), HarvestDefinition.Overrides.NONE)
                .orElseThrow().seeds()).hasSize(43);
    }

    /** A job file that harvests the mirror and publishes releases of it. */
    private Path mirrorJob() throws IOException {
        return Files.writeString(temp.resolve("mirror.yaml"), String.join("\n",
                "name: mirror-2016",
                "seed: [" + mirror.base() + "/hmicfrs/peel-assessments/peel-2016/]",
                "allow: [" + mirror.base() + "/hmicfrs/]",
                "snapshot: snapshots/mirror-2016",
                "rate: 20",
                "output: out/mirror-2016",
                // The snapshot also holds the mirror's index, force and test pages, which are not reports.
                "max-reject-rate: 0.8", ""));
    }

    private static JsonNode withoutSourceUrls(Path reportsJson) {
        JsonNode reports = JsonMapper.builder().build().readTree(reportsJson.toFile());
        reports.forEach(r -> ((ObjectNode) r.get("source")).remove("url"));
        return reports;
    }
}

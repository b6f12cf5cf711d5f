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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
    void aHarvestThatFindsNoReportFailsLoudly() {
        CliRunner.Result result = new CliRunner(temp).run("harvest", "--seed", mirror.base() + "/hmicfrs/nothing-here/",
                "--allow", mirror.base() + "/hmicfrs/", "--snapshot", temp.resolve("snapshots").toString(), "--rate", "20");

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.err()).contains("no report was found", "the site may have changed");
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
        // A folder where the 'latest' link should go: publishing fails after harvesting and extracting.
        Path notes = Files.writeString(Files.createDirectories(temp.resolve("out/mirror-2016/latest")).resolve("notes.txt"),
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
                "rate: 20",
                "output: out/nothing", ""));

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("quality gate failed: no report was found", "the site may have changed");
        assertThat(temp.resolve("out/nothing/latest")).doesNotExist();
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
            RunSpec spec = JobFile.load(file, null, null, null);
            assertThat(spec.name()).isEqualTo(name);
            assertThat(JobFile.harvestPlan(file)).hasValueSatisfying(plan -> {
                assertThat(plan.seeds()).allSatisfy(seed -> assertThat(seed).startsWith("https://hmicfrs.justiceinspectorates.gov.uk/"));
                assertThat(plan.allow()).isNotEmpty();
            });
        }
        assertThat(JobFile.harvestPlan(Path.of("jobs/peel-reports-2023-25.yaml")).orElseThrow().seeds()).hasSize(43);
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

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.publish.ReleaseValidator;

/**
 * Runs at once on one machine, each a process of its own as a crontab starts them, with the
 * default job repository (issue 9, item 9: a second run exited 1 with "Database may be already in use").
 */
class ConcurrentRunsTest {

    private static final int CYCLES = 7;
    private static final Path SAMPLE = Path.of("input/sample/derbyshire-2016-effectiveness.html");

    @TempDir
    Path home;

    @Test
    void sevenJobsOfDifferentOutputsStartedAtTheSameMomentAllPublish() throws Exception {
        List<CliProcess> runs = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            runs.add(CliProcess.start(home, Map.of(), "run", jobFile("cycle-" + cycle).toString()));
        }

        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            CliProcess.Result result = runs.get(cycle - 1).await();
            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
            Path output = home.resolve("output/cycle-" + cycle);
            assertThat(new ReleaseValidator().problems(output.resolve("latest"))).isEmpty();
            assertThat(output.resolveSibling(".cycle-" + cycle + ".peel-harvest/job-repository/peel-harvest.mv.db"))
                    .as("each output keeps its own job repository").isRegularFile();
        }
    }

    @Test
    void aSecondRunOfTheSameOutputIsRefusedBeforeItStartsNamingTheFirstRunsProcess() throws Exception {
        Path job = jobFile("sample");
        CliProcess first = CliProcess.start(home, Map.of(), "run", job.toString());
        awaitLockHeldBy(first, home.resolve("output/.sample.peel-harvest/lock"));

        CliProcess.Result second = CliProcess.start(home, Map.of(), "run", job.toString()).await();
        CliProcess.Result firstResult = first.await();

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(Outcome.JOB_FAILED);
        assertThat(second.err().lines()).singleElement().asString()
                .startsWith("peel-harvest: job sample not started: another run is writing " + home.resolve("output/sample"))
                .contains("process " + first.pid() + " on ");
        assertThat(second.out().lines()).as("nothing but the job's announcement").hasSize(1);
        assertThat(firstResult.exitCode()).as(firstResult.out() + firstResult.err()).isEqualTo(Outcome.OK);
        try (var releases = Files.list(home.resolve("output/sample"))) {
            assertThat(releases.filter(p -> !p.endsWith("latest") && !p.endsWith("runs") && !p.endsWith(".peel-harvest"))).as("one release, the first run's")
                    .hasSize(1);
        }
        try (var records = Files.list(home.resolve("output/sample/runs"))) {
            assertThat(records).as("a record of each run, the refused one's too").hasSize(2);
        }
    }

    /** A job of one sample report: what is tested here is the job repository, not the extraction. */
    private Path jobFile(String name) throws IOException {
        Path file = home.resolve("jobs/" + name + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name: " + name + "\ninput:\n  - " + SAMPLE.toAbsolutePath()
                + "\noutput: ../output/" + name + "\n");
        return file;
    }

    private static void awaitLockHeldBy(CliProcess run, Path lock) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!(Files.exists(lock) && Files.readString(lock).contains("process " + run.pid() + " "))) {
            assertThat(run.isAlive()).as("the first run is still running").isTrue();
            assertThat(System.nanoTime()).as("the first run takes its lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

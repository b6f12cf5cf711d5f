package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} lists a job's runs as the real job repository (an H2 file) recorded them, newest first. */
class StatusCommandTest {

    @TempDir
    Path temp;

    @Test
    void listsEachRunWithItsStatusCountsExitCodeAndRelease() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), in.resolve("report.html"));
        Path job = Files.writeString(temp.resolve("job.yaml"), "name: watched\ninput: [in]\noutput: out/watched\n");
        assertThat(cli.run("run", job.toString()).exitCode()).isZero();
        // The second run reads a page that is no report too: one reject of two documents fails a gate of 0.
        Files.writeString(in.resolve("notes.html"), "<html><body><p>Meeting notes</p></body></html>");
        CliRunner.Result gated = cli.run("run", job.toString(), "--max-reject-rate", "0");
        assertThat(gated.exitCode()).as(gated.out() + gated.err()).isEqualTo(3);

        CliRunner.Result result = cli.run("status", job.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String[]> lines = result.out().lines().map(l -> l.split("\t", -1)).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).containsExactly("job", "run", "start", "end", "status", "documents", "reports",
                "rejects", "exit_code", "release");
        assertThat(lines.get(1)).as("the newest run first")
                .startsWith("watched", "2").contains("COMPLETED").endsWith("2", "1", "1", "3", lines.get(1)[9]);
        assertThat(lines.get(2)).startsWith("watched", "1").contains("COMPLETED").endsWith("1", "1", "0", "0",
                lines.get(2)[9]);
        assertThat(lines.get(2)[2]).as("start").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(lines.get(2)[3].compareTo(lines.get(2)[2])).as("end not before start").isGreaterThanOrEqualTo(0);
        assertThat(Path.of(lines.get(2)[9]).getParent()).isEqualTo(temp.resolve("out/watched"));
        assertThat(Path.of(lines.get(2)[9]).resolve("reports.csv")).exists();
    }

    @Test
    void aResumedRunShowsEachAttemptUnderANumberOfItsOwn() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path out = temp.resolve("out");
        Path blocker = PublishBlocker.block(out);
        assertThat(cli.run("extract", "--input", "input/sample", "--output", out.toString()).exitCode()).isEqualTo(1);
        Files.delete(blocker);
        CliRunner.Result resumed = cli.run("extract", "--input", "input/sample", "--output", out.toString());
        assertThat(resumed.out()).as(resumed.err()).contains("resuming run 1 of extract");

        CliRunner.Result result = cli.run("status", "--output", out.toString());

        List<String[]> rows = result.out().lines().skip(1).map(l -> l.split("\t", -1)).toList();
        assertThat(rows).extracting(row -> row[1] + " " + row[4]).containsExactly("1.2 COMPLETED", "1 FAILED");
    }

    @Test
    void aRunWhoseProcessWasKilledIsShownStoppedNotRunning() throws Exception {
        // Eighty documents (the sample ten times over), one a chunk: the run is still extracting when it is killed.
        for (int copy = 0; copy < 10; copy++) {
            Path in = Files.createDirectories(temp.resolve("in/copy-" + copy));
            try (java.util.stream.Stream<Path> files = Files.list(Path.of("input/sample"))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                    Files.copy(file, in.resolve(file.getFileName()));
                }
            }
        }
        Path job = Files.writeString(temp.resolve("job.yaml"), "name: killed\ninput: [in]\noutput: out/killed\n");
        CliProcess run = CliProcess.start(temp, java.util.Map.of("peel.chunk-size", "1"), "run", job.toString());
        StagedLogs.awaitReport(run, temp.resolve("out/.killed.peel-harvest/work"));
        assertThat(run.isAlive()).as("still extracting when it is killed").isTrue();
        awaitWrittenAfter(run, temp.resolve("out/.killed.peel-harvest/job-repository/peel-harvest.mv.db"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        run.kill();

        CliProcess.Result status = CliProcess.start(temp, java.util.Map.of(), "status", job.toString()).await();

        assertThat(status.exitCode()).as(status.err()).isZero();
        List<String[]> rows = status.out().lines().skip(1).map(l -> l.split("\t", -1)).toList();
        assertThat(rows).extracting(row -> row[1] + " " + row[4] + " exit '" + row[8] + "'")
                .containsExactly("1 STOPPED exit ''");
    }

    /**
     * H2 writes what was committed to its file in the background, up to a second later: a run
     * killed before that is not in the file at all (the suite once killed one so soon on a loaded
     * machine). The run was recorded before any report was staged, so a write of the file after
     * that holds it.
     */
    private static void awaitWrittenAfter(CliProcess run, Path database, java.nio.file.attribute.FileTime after)
            throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.isRegularFile(database) || Files.getLastModifiedTime(database).compareTo(after) <= 0) {
            assertThat(run.isAlive()).as("the run is still running").isTrue();
            assertThat(System.nanoTime()).as("the job repository is written").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(run.isAlive()).as("still extracting when it is killed").isTrue();
    }

    @Test
    void anOutputNoRunHasWrittenHasNoRuns() throws IOException {
        CliRunner.Result result = new CliRunner(temp).run(java.util.Map.of(), "status", "--output",
                temp.resolve("never").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(org.peelharvest.cli.StatusCommand.HEADER + "\n");
        assertThat(temp.resolve(".never.peel-harvest")).doesNotExist();
    }

    @Test
    void aLimitBeyondWhatAListingShowsIsBadUsage() {
        CliRunner.Result result = new CliRunner(temp).run("status", "--output", temp.resolve("out").toString(),
                "--limit", "10001");

        assertThat(result.exitCode()).isEqualTo(Outcome.USAGE);
        assertThat(result.err().strip()).isEqualTo("peel-harvest status: --limit must be between 1 and 10000, not 10001; see 'peel-harvest status --help'");
    }
}

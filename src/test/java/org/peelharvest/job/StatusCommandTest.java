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

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every usage error of every command exits 2 with one line naming it, options are offered only
 * where they act, {@code run --help} names every job-file key, one value is a list of one, and a
 * bad value is blamed on where it came from (issue 10, point 5).
 */
class CliHygieneTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} --no-such-option: 2")
    @ValueSource(strings = {"run", "extract --input in --output out", "harvest", "validate out", "diff a b",
            "explain x.html", "status"})
    void anUnknownOptionOfEveryCommandIsBadUsage(String commandLine) {
        String[] words = (commandLine + " --no-such-option").split(" ");
        CliRunner.Result result = new CliRunner(temp).run(words);

        assertThat(result.exitCode()).isEqualTo(2);
        String command = "peel-harvest " + words[0];
        assertThat(result.err()).as("one line: the problem and where help is, no usage")
                .isEqualTo(command + ": unknown option '--no-such-option'; see '" + command + " --help'\n");
    }

    @Test
    void validatingAFolderThatIsNotThereIsBadUsage() {
        CliRunner.Result result = new CliRunner(temp).run("validate", temp.resolve("missing").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest validate: " + temp.resolve("missing")
                + ": no such folder; see 'peel-harvest validate --help'\n");
    }

    @Test
    void diffingAFolderThatIsNotThereIsBadUsageWithoutAStackTrace() throws IOException {
        Files.createDirectories(temp.resolve("empty"));

        CliRunner.Result missing = new CliRunner(temp).run("diff", temp.resolve("missing").toString(),
                temp.resolve("empty").toString(), "--output", temp.resolve("diff.csv").toString());
        CliRunner.Result notARelease = new CliRunner(temp).run("diff", temp.resolve("empty").toString(),
                temp.resolve("empty").toString(), "--output", temp.resolve("diff.csv").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("peel-harvest diff: OLD_DIR " + temp.resolve("missing")
                + ": no such folder; see 'peel-harvest diff --help'\n");
        assertThat(notARelease.exitCode()).isEqualTo(2);
        assertThat(notARelease.err()).isEqualTo("peel-harvest diff: OLD_DIR " + temp.resolve("empty")
                + ": not a release (it has no reports.jsonl); see 'peel-harvest diff --help'\n");
        assertThat(temp.resolve("diff.csv")).doesNotExist();
    }

    @Test
    void diffOffersOnlyTheOptionsThatActThere() {
        CliRunner.Result result = new CliRunner(temp).run("diff", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--output", "--csv", "--exit-code")
                .doesNotContain("--max-reject-rate", "--max-warning-rate", "--quiet", "--log-format");
    }

    /** The keys of a job file, as "Job files" in docs/commands.md lists them. */
    private static final String[] JOB_FILE_KEYS = {"name", "input", "output", "max-reject-rate", "max-warning-rate", "csv",
            "seed", "allow", "snapshot", "rate", "user-agent", "max-urls", "max-links-per-page", "max-duration"};

    @Test
    void anUnknownJobFileKeyIsNamedWithEveryKnownOne() throws java.io.IOException {
        Path job = java.nio.file.Files.writeString(temp.resolve("typo.yaml"), "name: x\ninput: [in]\noutptu: out\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown key 'outptu' (known keys: " + String.join(", ", JOB_FILE_KEYS) + ")");
    }

    @Test
    void runHelpNamesEveryJobFileKey() {
        CliRunner.Result result = new CliRunner(temp).run("run", "--help");

        for (String key : JOB_FILE_KEYS) {
            assertThat(result.out()).as(key).containsPattern("(?m)^  " + key + " +\\S");
        }
    }

    @Test
    void oneInputWrittenAsAStringIsAListOfOne() throws IOException {
        Files.createDirectories(temp.resolve("in"));
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), temp.resolve("in/report.html"));
        Path job = Files.writeString(temp.resolve("job.yaml"), "name: single\ninput: in\noutput: out/single\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("job single: 1 input(s)", "reports extracted: 1 (published 1");
    }

    @Test
    void aBadRateOnTheCommandLineIsBlamedOnTheOptionNotTheJobFile() throws IOException {
        Files.createDirectories(temp.resolve("in"));
        Path job = Files.writeString(temp.resolve("job.yaml"), "name: x\ninput: [in]\noutput: out\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString(), "--max-reject-rate", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest: --max-reject-rate must be between 0 and 1, not 2.0\n");
    }
}

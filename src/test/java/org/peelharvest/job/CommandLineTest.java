package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage and job-file errors exit 2 with a message that names the problem; no job is run. */
class CommandLineTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"run", "extract"})
    void everyCommandHasHelp(String command) {
        CliRunner.Result result = new CliRunner(temp).run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: peel-harvest " + command);
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        CliRunner.Result result = new CliRunner(temp).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "extract", "Exit codes:", "3   the job completed but its quality gate failed");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", "x", "--output", "y", "--outptu", "z");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest extract: unknown options '--outptu', 'z' (did you mean --output?); "
                + "see 'peel-harvest extract --help'\n");
    }

    @Test
    void anUnknownKeyInAJobFileIsNamedWithItsOwnLine() throws IOException {
        Path job = jobFile("name: x\ninput: [in]\noutptu: out\n");
        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());
        Path early = jobFile("name: x\noutptu: out\ninput:\n  - in\n");
        CliRunner.Result second = new CliRunner(temp).run("run", early.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(job + " line 3: unknown key 'outptu'");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains(early + " line 2: unknown key 'outptu'");
    }

    @Test
    void missingKeysAndInputPathsOfAJobFileAreNamed() throws IOException {
        Path job = jobFile("input: [in, nowhere]\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'name' is required", "'output' is required",
                "input path does not exist: " + temp.resolve("nowhere"));
    }

    @Test
    void aValueOfTheWrongShapeIsNamedByFileLineAndKey() throws IOException {
        Path job = jobFile("name: x\noutput: out\ninput:\n  folder: in\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest: " + job + " line 4: 'input' must be a list of paths (files or folders)\n");
    }

    @Test
    void brokenYamlAndABadNameAreSaidWithoutJava() throws IOException {
        Path broken = jobFile("name: x\ninput: [in\noutput: out\n");
        CliRunner.Result unreadable = new CliRunner(temp).run("run", broken.toString());
        Path named = jobFile("name: two words\ninput: [in]\noutput: out\n");
        CliRunner.Result badName = new CliRunner(temp).run("run", named.toString());

        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).startsWith("peel-harvest: " + broken + " line ").contains("see jobs/sample.yaml")
                .doesNotContain("java.", "Exception", "token").hasLineCount(1);
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).isEqualTo("peel-harvest: " + named + " line 1: 'name' must be letters, digits, '.', '_' "
                + "or '-' (starting with a letter or digit), not 'two words'\n");
    }

    @Test
    void aMissingInputOfExtractIsNamed() {
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", temp.resolve("absent").toString(),
                "--output", temp.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("input path does not exist: " + temp.resolve("absent"));
    }

    @Test
    void aJobFileRunsWithPathsRelativeToItsOwnFolder() throws IOException {
        Path job = jobFile("name: relative\ninput:\n  - in\noutput: out/relative\n");
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), temp.resolve("in/report.html"));

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(ExtractJobTest.csv(temp.resolve("out/relative/latest/reports.csv")))
                .extracting(r -> r.get("report_id")).containsExactly("2016-derbyshire-effectiveness");
    }

    @Test
    void aCsvStyleOtherThanSpreadsheetOrPlainIsNamed() throws IOException {
        Path job = jobFile("name: x\ninput: [in]\noutput: out\ncsv: excel\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'csv' is 'spreadsheet' or 'plain', not 'excel'");
        assertThat(new CliRunner(temp).run("extract", "--input", "in", "--output", "out", "--csv", "excel").err())
                .contains("'excel' is not a CSV style: spreadsheet or plain");
    }

    @Test
    void spreadsheetCsvIsChosenOnTheCommandLineAndPlainCsvIsTheDefault() throws IOException {
        Path job = jobFile("name: styles\ninput: [in]\noutput: out/default\n");
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), temp.resolve("in/report.html"));

        assertThat(new CliRunner(temp).run("run", job.toString()).exitCode()).isZero();
        assertThat(new CliRunner(temp).run("extract", "--input", temp.resolve("in").toString(),
                "--output", temp.resolve("out/spreadsheet").toString(), "--csv", "spreadsheet").exitCode()).isZero();

        assertThat(Files.readString(temp.resolve("out/default/latest/reports.csv"))).startsWith("report_id,");
        assertThat(Files.readString(temp.resolve("out/spreadsheet/reports.csv"))).startsWith("\uFEFFreport_id,");
    }

    @ParameterizedTest(name = "--max-warning-rate {0}")
    @ValueSource(strings = {"1.5", "-0.1", "NaN"})
    void aWarningRateThatIsNoShareIsBadUsage(String rate) {
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", temp.toString(),
                "--output", temp.resolve("out").toString(), "--max-warning-rate", rate);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("max-warning-rate must be between 0 and 1, not " + rate);
    }

    @Test
    void aWarningRateThatIsNoNumberIsBadUsage() {
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", temp.toString(),
                "--output", temp.resolve("out").toString(), "--max-warning-rate", "lots");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("peel-harvest extract: invalid value for option '--max-warning-rate': 'lots' is "
                + "not a number; see 'peel-harvest extract --help'\n");
    }

    @ParameterizedTest(name = "{0}: 2")
    @ValueSource(strings = {"max-warning-rate", "max-reject-rate"})
    void aRateOutOfRangeInAJobFileIsNamed(String key) throws IOException {
        Path job = jobFile("name: x\ninput: [in]\noutput: out\n" + key + ": 2\n");

        CliRunner.Result result = new CliRunner(temp).run("run", job.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(job.toString(), key + " must be between 0 and 1, not 2.0");
    }

    @Test
    void aRejectRateOfNaNIsBadUsageToo() {
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", temp.toString(),
                "--output", temp.resolve("out").toString(), "--max-reject-rate", "NaN");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("max-reject-rate must be between 0 and 1, not NaN");
    }

    private Path jobFile(String yaml) throws IOException {
        Files.createDirectories(temp.resolve("in"));
        return Files.writeString(temp.resolve("job.yaml"), yaml);
    }
}

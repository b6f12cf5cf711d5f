package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} passes every release the job publishes and names each way a release was spoilt. */
class ValidateCommandTest {

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path release;

    @BeforeEach
    void publishTheSampleAsARelease() throws IOException {
        cli = new CliRunner(temp);
        Path job = Files.writeString(temp.resolve("job.yaml"), "name: sample\ninput: [" + Path.of("input/sample").toAbsolutePath()
                + "]\noutput: out/sample\n");
        assertThat(cli.run("run", job.toString()).exitCode()).isZero();
        release = temp.resolve("out/sample/latest");
    }

    @Test
    void aPublishedReleaseIsValid() {
        CliRunner.Result result = cli.run("validate", temp.resolve("out/sample").toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("valid: ");
    }

    @Test
    void aTamperedFileIsNamed() throws IOException {
        Files.writeString(release.resolve("rejects.csv"), "x\r\n", java.nio.file.StandardOpenOption.APPEND);

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: rejects.csv: SHA-256 differs from datapackage.json");
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        replace("questions.csv", ",area_for_improvement_count\r\n", "\r\n");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: questions.csv: columns [report_id, question_number, question, "
                + "judgment, judgment_scale, judgment_rank, carried_over] are not the expected");
    }

    @Test
    void aJudgmentOffTheListIsNamed() throws IOException {
        replace("reports.csv", ",Good,four-point,", ",Very good,four-point,");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("column judgment: 'Very good' is not one of [Outstanding, Good, Adequate");
    }

    @Test
    void aDanglingKeyIsNamed() throws IOException {
        Files.writeString(release.resolve("areas_for_improvement.csv"),
                "2099-derbyshire-effectiveness,1,1,An area of a report that does not exist.\r\n",
                java.nio.file.StandardOpenOption.APPEND);

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("[report_id, question_number] [2099-derbyshire-effectiveness, 1] "
                + "points at no row of questions.csv");
    }

    @Test
    void aWarningCodeOffTheListIsNamed() throws IOException {
        replace("warnings.csv", ",question-count-differs,found 1 of the 3", ",questions-missing,found 1 of the 3");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: warnings.csv: SHA-256 differs from datapackage.json",
                "problem: warnings.csv: row 6, column code: 'questions-missing' is not one of [no-questions, "
                        + "question-count-differs, no-judgment, grade-in-prose-only, no-last-updated]");
    }

    @Test
    void aWarningOfAReportThatWasNotPublishedIsNamed() throws IOException {
        replace("warnings.csv", "2018-avon-and-somerset-legitimacy,", "2018-avon-and-somerset-efficiency,");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: warnings.csv: row 6: [report_id] [2018-avon-and-somerset-efficiency] "
                + "points at no row of reports.csv");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = release.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }
}

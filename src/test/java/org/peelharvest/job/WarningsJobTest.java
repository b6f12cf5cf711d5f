package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page that states its grade and summary but not its questions is published with a warning, and
 * the quality gate notices when most published reports lack their questions (a site redesign that
 * hides every question list). The summary-only pages are sample pages with their "Questions for …"
 * section cut out, made here.
 */
class WarningsJobTest {

    private static final Path SAMPLE = Path.of("input/sample");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path temp;

    private Path inbox;
    private Path output;
    private CliRunner cli;

    @BeforeEach
    void emptyInbox() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        output = temp.resolve("out/release");
        cli = new CliRunner(temp);
    }

    @Test
    void aSummaryOnlyPageIsPublishedWithANoQuestionsWarningAndItsReleaseIsValid() throws IOException {
        summaryOnly("derbyshire-2016-effectiveness.html");
        copy(SAMPLE, "avon-and-somerset-2018-legitimacy.html", "lancashire-2017-effectiveness.html",
                "derbyshire-2015-leadership.html");
        copy(FIXTURES, "trap-carried-over-without-grade--lancashire-2018-efficiency.semantic.html");

        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as("1 of 5 reports without questions is not more than 20%: " + result.out())
                .isEqualTo(Outcome.OK);
        assertThat(ExtractJobTest.csv(output.resolve("reports.csv")))
                .filteredOn(r -> r.get("report_id").equals("2016-derbyshire-effectiveness")).singleElement()
                .satisfies(r -> assertThat(r.get("judgment") + " " + r.get("question_count")).isEqualTo("Good 0"));
        List<CSVRecord> warnings = ExtractJobTest.csv(output.resolve("warnings.csv"));
        assertThat(warnings).filteredOn(w -> w.get("code").equals("no-questions"))
                .extracting(w -> w.get("report_id") + " " + fileName(w.get("source_url")))
                .containsExactly("2016-derbyshire-effectiveness derbyshire-2016-effectiveness.html");
        assertThat(result.out()).containsPattern("warnings: \\d+ \\(no-questions 1, ");
        CliRunner.Result validate = cli.run("validate", output.toString());
        assertThat(validate.exitCode()).as(validate.out()).isEqualTo(Outcome.OK);
    }

    @Test
    void aRunWhereMostReportsLackTheirQuestionsFailsTheGateByDefault() throws IOException {
        mostlySummaryOnly();

        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("quality gate failed: 2 of 3 published reports (67%) have no questions, "
                + "more than the 20% allowed (--max-warning-rate 0.2)");
        assertThat(ExtractJobTest.csv(output.resolve("reports.csv"))).as("published all the same").hasSize(3);
    }

    @Test
    void theSameRunPassesWhenEveryReportMayLackItsQuestions() throws IOException {
        mostlySummaryOnly();

        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(),
                "--max-warning-rate", "1");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(result.out()).contains("no-questions 2").doesNotContain("quality gate failed");
    }

    @Test
    void aJobFileSetsTheWarningRateAndTheCommandLineOverridesIt() throws IOException {
        mostlySummaryOnly();
        CliRunner.Result fromFile = cli.run("run", jobFile("from-file", "max-warning-rate: 0.8").toString());
        CliRunner.Result overridden = cli.run("run", jobFile("overridden", "max-warning-rate: 0.8").toString(),
                "--max-warning-rate", "0.5");

        assertThat(fromFile.exitCode()).as(fromFile.out() + fromFile.err()).isEqualTo(Outcome.OK);
        assertThat(overridden.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(overridden.out()).contains("(67%) have no questions, more than the 50% allowed (--max-warning-rate 0.5)");
    }

    @Test
    void aResumedRunDerivesTheSameWarningsFromWhatItStaged() throws Exception {
        mostlySummaryOnly();
        Path fresh = temp.resolve("out/fresh");
        cli.run("extract", "--input", inbox.toString(), "--output", fresh.toString(), "--max-warning-rate", "1");
        Path foreign = PublishBlocker.block(output);
        CliRunner.Result failed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(),
                "--max-warning-rate", "1");
        assertThat(failed.exitCode()).isEqualTo(Outcome.JOB_FAILED);
        Files.delete(foreign);

        CliRunner.Result resumed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(),
                "--max-warning-rate", "1");

        assertThat(resumed.out()).contains("resuming run 1 of extract", "no-questions 2");
        assertThat(Files.readAllBytes(output.resolve("warnings.csv"))).isEqualTo(Files.readAllBytes(fresh.resolve("warnings.csv")));
    }

    /** A job file over the inbox, publishing releases under out/NAME. */
    private Path jobFile(String name, String line) throws IOException {
        return Files.writeString(temp.resolve(name + ".yaml"),
                "name: " + name + "\ninput: [inbox]\noutput: out/" + name + "\n" + line + "\n");
    }

    /** Two summary-only pages and one whole report: two thirds of the published reports have no questions. */
    private void mostlySummaryOnly() throws IOException {
        summaryOnly("derbyshire-2016-effectiveness.html");
        summaryOnly("avon-and-somerset-2018-legitimacy.html");
        copy(SAMPLE, "lancashire-2017-effectiveness.html");
    }

    /** A sample page with its "Questions for …" section removed, as a summary-only page shows it. */
    private void summaryOnly(String page) throws IOException {
        String html = Files.readString(SAMPLE.resolve(page));
        String cut = html.replaceFirst("(?s)<section>\\s*<h2>Questions for .*?</article>", "</article>");
        assertThat(cut).as(page + " without its questions").doesNotContain("Questions for").contains("<h1>", "</article>");
        Files.writeString(inbox.resolve(page), cut);
    }

    private void copy(Path folder, String... files) throws IOException {
        for (String file : files) {
            Files.copy(folder.resolve(file), inbox.resolve(file));
        }
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.testing.Csv;

/**
 * {@code diff} between releases of two snapshots of the same pages, the second with one grade
 * changed and one area for improvement gone, reports exactly those two changes.
 */
class DiffCommandTest {

    private static final Path PAGE = Path.of("src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.semantic.html");
    private static final String DROPPED = "The force should ensure that it is fully compliant with the Code of Practice for Victims of Crime.";

    @TempDir
    Path temp;

    @Test
    void oneGradeAndOneFindingChangedAreExactlyTheChangesReported() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path before = snapshot("before", Files.readString(PAGE, StandardCharsets.UTF_8));
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int q4 = page.indexOf("How effective is the force at tackling serious and organised crime?");
        String changed = page.substring(0, q4) + page.substring(q4).replaceFirst("<strong>Outstanding</strong>",
                "<strong>Good</strong>");
        changed = changed.replace("  <li>" + DROPPED + "</li>\n", "");
        Path after = snapshot("after", changed);
        assertThat(cli.run("extract", "--input", before.toString(), "--output", temp.resolve("r1").toString()).exitCode()).isZero();
        assertThat(cli.run("extract", "--input", after.toString(), "--output", temp.resolve("r2").toString()).exitCode()).isZero();

        CliRunner.Result result = cli.run("diff", temp.resolve("r1").toString(), temp.resolve("r2").toString(),
                "--output", temp.resolve("diff.csv").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("3 change(s): 1 finding-removed, 1 judgment-changed, 1 rank-changed\n", "2016-derbyshire-effectiveness Q4 judgment-changed judgment: "
                + "'Outstanding' -> 'Good'", "2016-derbyshire-effectiveness Q4 rank-changed judgment_rank: '3' -> '2'");
        assertThat(Csv.read(temp.resolve("diff.csv")))
                .extracting(r -> String.join("|", r.get("report_id"), r.get("question_number"), r.get("change"),
                        r.get("field"), r.get("old"), r.get("new")))
                .containsExactly(
                        "2016-derbyshire-effectiveness|2|finding-removed|areas_for_improvement|" + DROPPED + "|",
                        "2016-derbyshire-effectiveness|4|judgment-changed|judgment|Outstanding|Good",
                        // The four-point scale of 2014 to 2018/19: Outstanding 3, Good 2 (README, judgment_rank).
                        "2016-derbyshire-effectiveness|4|rank-changed|judgment_rank|3|2");
    }

    @Test
    void withExitCodeADiffWithChangesExitsOneAndOneWithoutExitsZero() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path snapshot = snapshot("same", Files.readString(PAGE, StandardCharsets.UTF_8));
        Path other = snapshot("other", Files.readString(PAGE, StandardCharsets.UTF_8)
                .replace("  <li>" + DROPPED + "</li>\n", ""));
        cli.run("extract", "--input", snapshot.toString(), "--output", temp.resolve("r1").toString());
        cli.run("extract", "--input", other.toString(), "--output", temp.resolve("r2").toString());

        assertThat(cli.run("diff", "--exit-code", temp.resolve("r1").toString(), temp.resolve("r1").toString(),
                "--output", temp.resolve("same.csv").toString()).exitCode()).isZero();
        assertThat(cli.run("diff", "--exit-code", temp.resolve("r1").toString(), temp.resolve("r2").toString(),
                "--output", temp.resolve("changed.csv").toString()).exitCode()).isEqualTo(1);
        assertThat(cli.run("diff", temp.resolve("r1").toString(), temp.resolve("r2").toString(),
                "--output", temp.resolve("changed.csv").toString()).exitCode()).as("without --exit-code").isZero();
    }

    @Test
    void aNewConflictBetweenTwoDocumentsOfAReportIsAChange() throws IOException {
        CliRunner cli = new CliRunner(temp);
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Path alone = snapshot("alone", page);
        Path twice = snapshot("twice", page);
        // The same page at a second address, its fourth question graded Good instead of Outstanding.
        int q4 = page.indexOf("How effective is the force at tackling serious and organised crime?");
        Files.writeString(twice.resolve("zz-second-copy.html"), page.substring(0, q4)
                + page.substring(q4).replaceFirst("<strong>Outstanding</strong>", "<strong>Good</strong>"));
        cli.run("extract", "--input", alone.toString(), "--output", temp.resolve("r1").toString());
        cli.run("extract", "--input", twice.toString(), "--output", temp.resolve("r2").toString());

        CliRunner.Result result = cli.run("diff", temp.resolve("r1").toString(), temp.resolve("r2").toString(),
                "--output", temp.resolve("diff.csv").toString(), "--csv", "plain");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        // Which of the two pages is published is not this test's concern: the conflict is between their grades.
        assertThat(Csv.read(temp.resolve("diff.csv")).stream().filter(r -> r.get("change").startsWith("conflict-")))
                .extracting(r -> String.join("|", r.get("report_id"), r.get("change"), r.get("field"),
                        new java.util.TreeSet<>(java.util.List.of(r.get("old"), r.get("new"))).toString()))
                .containsExactly("2016-derbyshire-effectiveness|conflict-added|questions[4].judgment|[Good, Outstanding]");
    }

    @Test
    void theSameReleaseTwiceHasNoChanges() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path snapshot = snapshot("same", Files.readString(PAGE, StandardCharsets.UTF_8));
        cli.run("extract", "--input", snapshot.toString(), "--output", temp.resolve("r1").toString());

        CliRunner.Result result = cli.run("diff", temp.resolve("r1").toString(), temp.resolve("r1").toString(),
                "--output", temp.resolve("diff.csv").toString());

        assertThat(result.out()).contains("no changes");
        assertThat(Csv.read(temp.resolve("diff.csv"))).isEmpty();
    }

    @Test
    void withoutOutputTheChangesArePrintedAndNoFileIsWritten() throws IOException {
        CliRunner cli = new CliRunner(temp);
        Path before = snapshot("before", Files.readString(PAGE, StandardCharsets.UTF_8));
        Path after = snapshot("after", Files.readString(PAGE, StandardCharsets.UTF_8).replace("  <li>" + DROPPED + "</li>\n", ""));
        cli.run("extract", "--input", before.toString(), "--output", temp.resolve("r1").toString());
        cli.run("extract", "--input", after.toString(), "--output", temp.resolve("r2").toString());

        CliRunner.Result result = cli.run("diff", temp.resolve("r1").toString(), temp.resolve("r2").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("1 change(s): 1 finding-removed\n"
                + "  2016-derbyshire-effectiveness Q2 finding-removed areas_for_improvement: '" + DROPPED + "' -> ''\n");
        assertThat(Path.of("diff.csv")).as("nothing in the working folder").doesNotExist();
    }

    private Path snapshot(String name, String page) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("derbyshire-2016-effectiveness.html"), page, StandardCharsets.UTF_8);
        return folder;
    }
}

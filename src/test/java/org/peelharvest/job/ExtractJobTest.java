package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.publish.ReleaseValidator;
import org.peelharvest.testing.Csv;

/**
 * The extract job end to end through the command line: a real Spring Batch job with its H2 file
 * job repository, over a folder of good reports and bad documents.
 */
class ExtractJobTest {

    @TempDir
    Path temp;

    private Path inbox;
    private Path output;
    private CliRunner cli;

    @BeforeEach
    void folderOfGoodAndBadDocuments() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        output = temp.resolve("out/release");
        cli = new CliRunner(temp);
        for (String good : List.of("derbyshire-2016-effectiveness.html", "derbyshire-2016-effectiveness.pdf",
                "avon-and-somerset-2018-legitimacy.html")) {
            Files.copy(Path.of("input/sample").resolve(good), inbox.resolve(good));
        }
        for (String bad : List.of("corrupt.pdf", "empty.html", "about-this-site.html")) {
            Files.copy(Path.of("src/test/resources/bad").resolve(bad), inbox.resolve(bad));
        }
        Files.writeString(inbox.resolve("README.md"), "not a document: neither named nor shaped like one");
    }

    @Test
    void badDocumentsAreRejectedWithReasonsGoodOnesPublishedAndTheGateFailsAtHalfRejected() throws Exception {
        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("documents read: 6", "rejected: 3 (corrupt-pdf 1, empty-file 1, not-a-report 1)",
                "quality gate failed: 50% of the documents were rejected");
        List<CSVRecord> rejects = csv(output.resolve("rejects.csv"));
        assertThat(rejects).extracting(r -> fileName(r.get("source_url")) + " " + r.get("stage") + " " + r.get("reason"))
                .containsExactly("about-this-site.html extract not-a-report", "corrupt.pdf extract corrupt-pdf",
                        "empty.html read empty-file");
        assertThat(rejects).allSatisfy(r -> assertThat(r.get("detail")).isNotBlank());
        List<CSVRecord> reports = csv(output.resolve("reports.csv"));
        assertThat(reports).extracting(r -> r.get("report_id") + " " + r.get("source_format"))
                .containsExactly("2016-derbyshire-effectiveness html", "2018-avon-and-somerset-legitimacy html");
        assertThat(stepCounts("extractStep")).containsExactly(6L, 3L, 3L);
        assertThat(new ReleaseValidator().problems(output)).as("the data are sound, but the run failed its gate")
                .singleElement().asString().startsWith("run.json: the run that published this release failed its quality gate");
    }

    @Test
    void theSameRunPassesItsGateWhenHalfMayBeRejected() {
        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(),
                "--max-reject-rate", "0.5");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(output.resolve("reports.json")).exists();
    }

    @Test
    void aRunThatExtractsNoReportFailsItsGate() throws IOException {
        Path onlyBad = Files.createDirectories(temp.resolve("only-bad"));
        Files.copy(Path.of("src/test/resources/bad/empty.html"), onlyBad.resolve("empty.html"));

        CliRunner.Result result = cli.run("extract", "--input", onlyBad.toString(), "--output", output.toString(),
                "--max-reject-rate", "1");

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("no report was extracted from 1 document(s)");
        assertThat(csv(output.resolve("reports.csv"))).isEmpty();
    }

    @Test
    void aFailedRunIsResumedWithoutExtractingAgain() throws Exception {
        Path foreign = PublishBlocker.block(output);

        CliRunner.Result failed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");
        assertThat(failed.exitCode()).isEqualTo(Outcome.JOB_FAILED);
        // The summary of a failed run counts what it read (issue 9, item 13: it said "documents read: 0").
        assertThat(failed.out()).contains(PublishBlocker.NAMED, "documents read: 6", "rejected: 3");

        Files.delete(foreign);
        CliRunner.Result resumed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(Outcome.OK);
        assertThat(resumed.out()).contains("resuming run 1 of extract", "documents read: 6", "rejected: 3");
        assertThat(csv(output.resolve("reports.csv"))).hasSize(2);
        // The extract step runs again to read inputs changed since, but reads none of the documents it did.
        assertThat(stepCounts("extractStep")).containsExactly(0L, 0L, 0L);
        assertThat(count("select count(*) from BATCH_JOB_EXECUTION")).isEqualTo(2);
        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(1);
    }

    @Test
    void aRunKilledWhilePublishingIsRecoveredAndResumed() throws Exception {
        Path foreign = PublishBlocker.block(output);
        cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");
        // What kill -9 in the publish step leaves behind: the execution still marked as running.
        try (Connection db = cli.repository(); Statement sql = db.createStatement()) {
            sql.executeUpdate("update BATCH_JOB_EXECUTION set STATUS = 'STARTED', END_TIME = null");
            sql.executeUpdate("update BATCH_STEP_EXECUTION set STATUS = 'STARTED', END_TIME = null where STEP_NAME = 'publishStep'");
        }
        Files.delete(foreign);

        CliRunner.Result resumed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(Outcome.OK);
        assertThat(resumed.out()).contains("resuming run 1 of extract", "documents read: 6");
        assertThat(csv(output.resolve("reports.csv"))).hasSize(2);
        // The extract step runs again to read inputs changed since, but reads none of the documents it did.
        assertThat(stepCounts("extractStep")).containsExactly(0L, 0L, 0L);
    }

    @Test
    void aRunWhoseWorkAreaIsGoneStartsAfreshInsteadOfPublishingNothing() throws Exception {
        cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");
        byte[] published = Files.readAllBytes(output.resolve("reports.csv"));
        // A crash after the work area was deleted but before the run was recorded as complete.
        try (Connection db = cli.repository(); Statement sql = db.createStatement()) {
            sql.executeUpdate("update BATCH_JOB_EXECUTION set STATUS = 'STARTED', END_TIME = null");
        }

        CliRunner.Result next = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");

        assertThat(next.exitCode()).as(next.out() + next.err()).isEqualTo(Outcome.OK);
        assertThat(next.out()).contains("cannot be resumed: its work area is gone; starting afresh");
        assertThat(Files.readAllBytes(output.resolve("reports.csv"))).isEqualTo(published);
    }

    @Test
    void aCompletedRunIsFollowedByANewRunThatGivesTheSameBytes() throws Exception {
        cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");
        byte[] first = Files.readAllBytes(output.resolve("reports.json"));

        CliRunner.Result second = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");

        assertThat(second.exitCode()).isEqualTo(Outcome.OK);
        assertThat(second.out()).doesNotContain("resuming");
        assertThat(Files.readAllBytes(output.resolve("reports.json"))).isEqualTo(first);
        assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(2);
        assertThat(temp.resolve("out/.release.peel-harvest/work")).doesNotExist();
    }

    @Test
    void twoCrawlsOfOnePagePublishOneReportAndListWhereTheyDiffer() throws IOException {
        String page = Files.readString(Path.of(
                "src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.semantic.html"));
        String recrawled = page.replace("Last updated 02/03/2017", "Last updated 09/03/2017")
                .replace("<p><strong>Outstanding</strong></p>", "<p><strong>Good</strong></p>");
        assertThat(recrawled).as("the second crawl differs in date and one grade")
                .isNotEqualTo(page.replace("Last updated 02/03/2017", "Last updated 09/03/2017"));
        Path crawls = Files.createDirectories(temp.resolve("crawls"));
        Files.writeString(crawls.resolve("first-crawl.html"), page);
        Files.writeString(crawls.resolve("second-crawl.html"), recrawled);

        CliRunner.Result result = cli.run("extract", "--input", crawls.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(csv(output.resolve("reports.csv"))).extracting(r -> r.get("report_id"))
                .containsExactly("2016-derbyshire-effectiveness");
        List<CSVRecord> conflicts = csv(output.resolve("conflicts.csv"));
        assertThat(conflicts).extracting(c -> c.get("field")).containsExactly("last_updated", "questions[4].judgment");
        assertThat(conflicts).extracting(c -> java.util.Set.of(c.get("value"), c.get("other_value")))
                .containsExactly(java.util.Set.of("2017-03-02", "2017-03-09"), java.util.Set.of("Outstanding", "Good"));
        assertThat(conflicts).allSatisfy(c -> assertThat(c.get("source_url")).isNotEqualTo(c.get("other_source_url")));
        assertThat(new ReleaseValidator().problems(output)).isEmpty();
    }

    /** read, process-skip and write counts of the last execution of a step, from the job repository. */
    private List<Long> stepCounts(String step) throws SQLException {
        try (Connection db = cli.repository(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("select READ_COUNT, PROCESS_SKIP_COUNT, WRITE_COUNT from BATCH_STEP_EXECUTION"
                     + " where STEP_NAME = '" + step + "' order by STEP_EXECUTION_ID desc")) {
            row.next();
            return List.of(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    private long count(String query) throws SQLException {
        try (Connection db = cli.repository(); Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        return Csv.read(file);
    }

    @Test
    void theAllPillarPdfOf2018PublishesOneReportPerPillar() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("all-pillars"));
        Files.copy(Path.of("src/test/resources/fixtures/trap-all-pillars-in-one-pdf--synthetic.pdf"), folder.resolve("lancashire.pdf"));

        CliRunner.Result result = cli.run("extract", "--input", folder.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(Csv.read(output.resolve("reports.csv"))).extracting(r -> r.get("report_id") + " " + r.get("judgment"))
                .containsExactly("2018-lancashire-effectiveness Good", "2018-lancashire-efficiency Outstanding",
                        "2018-lancashire-legitimacy Good");
    }
}

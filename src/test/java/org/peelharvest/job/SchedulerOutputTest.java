package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a scheduler (cron, a CI job, a log shipper) gets from a run, each run a process of its
 * own as cron starts it: data and the summary on stdout, logs, progress and the cause of a
 * failure on stderr; {@code --quiet} leaves nothing on success; {@code --log-format json}
 * makes every stderr line a JSON object (issue 10, point 4).
 */
class SchedulerOutputTest {

    private static final Path SAMPLE = Path.of("input/sample").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void aQuietRunThatSucceedsPrintsNothing() throws Exception {
        CliProcess.Result result = CliProcess.start(temp, Map.of(), "run", job("quiet").toString(), "--quiet").await();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as("stdout").isEmpty();
        assertThat(result.err()).as("stderr").isEmpty();
        // The sample: four reports, each as an HTML page and a PDF (input/sample/README.md).
        assertThat(org.peelharvest.testing.Csv.read(temp.resolve("out/quiet/latest/reports.csv"))).hasSize(4);
    }

    @Test
    void aQuietRunThatFailsPrintsNothingOnStdoutAndNamesTheCauseOnStderr() throws Exception {
        Path job = job("failing");
        PublishBlocker.block(temp.resolve("out/failing"));
        CliProcess.Result result = CliProcess.start(temp, Map.of(), "extract", "--input", SAMPLE.toString(),
                "--output", temp.resolve("out/failing").toString(), "--quiet").await();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().filter(l -> l.startsWith("peel-harvest: ")).toList()).containsExactly(
                "peel-harvest: job extract failed: " + temp.resolve("out/.failing.publishing") + " "
                        + PublishBlocker.NAMED + "; move it, then run again");
        assertThat(job).exists();
    }

    @Test
    void withLogFormatJsonEveryLineOnStderrIsAJsonObject() throws Exception {
        PublishBlocker.block(temp.resolve("out/json"));

        CliProcess.Result result = CliProcess.start(temp, Map.of(), "extract", "--input", SAMPLE.toString(),
                "--output", temp.resolve("out/json").toString(), "--log-format", "json", "--debug").await();

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("Spring Batch's error and the cause, at least").hasSizeGreaterThanOrEqualTo(2);
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            assertThatCode(() -> json.readTree(line)).as(line).doesNotThrowAnyException();
            assertThat(json.readTree(line).isObject()).as(line).isTrue();
        }
        List<JsonNode> objects = lines.stream().map(json::readTree).toList();
        assertThat(objects).extracting(o -> o.path("message").asString())
                .anyMatch(m -> m.startsWith("peel-harvest: job extract failed: ")
                        && m.contains(PublishBlocker.NAMED))
                .anyMatch(m -> m.startsWith("Encountered an error executing step publishStep"));
        // The stack trace is inside the log line's JSON, not on lines of its own.
        assertThat(result.err()).doesNotContain("\n\tat ");
        assertThat(result.out()).contains("documents read: 8");
    }

    @Test
    void progressIsPrintedOnStderrAsLinesWhenNotOnATerminal() throws Exception {
        CliProcess.Result result = CliProcess.start(temp, Map.of("peel.progress-interval", "0s"), "run",
                job("progress").toString()).await();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(l -> l.startsWith("documents ")).map(l -> l.substring(0, l.indexOf(' ', 10))))
                .containsExactly("documents 1/8", "documents 2/8", "documents 3/8", "documents 4/8", "documents 5/8",
                        "documents 6/8", "documents 7/8", "documents 8/8");
        assertThat(result.err()).doesNotContain("\r");
        assertThat(result.out()).doesNotContain("documents 1/8").contains("documents read: 8");
    }

    @Test
    void theLogLinesAndStackTraceOfAFailedStepAreOnStderrNotStdout() throws IOException {
        PublishBlocker.block(temp.resolve("out/logs"));

        // Asked for with --debug (issue 17, item 8); without it, the one line naming the cause alone.
        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", SAMPLE.toString(),
                "--output", temp.resolve("out/logs").toString(), "--debug");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("ERROR", "Encountered an error executing step publishStep", "\tat ");
        assertThat(result.out()).doesNotContain("ERROR", "\tat ", "Exception\n").contains("job FAILED");
    }

    @Test
    void aQuietRunThatFailsInAnyWayPrintsExactlyOneLine() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.yaml"), "name: broken\ninput: [in\n");
        Path notes = Files.createDirectories(temp.resolve("in"));
        Files.copy(SAMPLE.resolve("derbyshire-2016-effectiveness.html"), notes.resolve("report.html"));
        Files.writeString(notes.resolve("notes.html"), "<html><body><p>Meeting notes</p></body></html>");
        PublishBlocker.block(temp.resolve("out/blocked"));

        CliProcess.Result foundNothing;
        try (org.peelharvest.harvest.MirrorForJobTests site = new org.peelharvest.harvest.MirrorForJobTests()) {
            Path harvesting = Files.writeString(temp.resolve("harvesting.yaml"), "name: harvesting\nseed: " + site.base()
                    + "/hmicfrs/nothing-here/\nallow: " + site.base() + "/hmicfrs/\nsnapshot: snapshots\nrate: 20\n"
                    + "output: out/harvesting\n");
            foundNothing = CliProcess.start(temp, Map.of(), "run", harvesting.toString(), "--quiet").await();
        }
        List<CliProcess.Result> failures = List.of(
                foundNothing,
                CliProcess.start(temp, Map.of(), "run", broken.toString(), "--quiet").await(),
                CliProcess.start(temp, Map.of(), "extract", "--input", notes.toString(), "--output",
                        temp.resolve("out/gated").toString(), "--max-reject-rate", "0", "--quiet").await(),
                CliProcess.start(temp, Map.of(), "extract", "--input", SAMPLE.toString(), "--output",
                        temp.resolve("out/blocked").toString(), "--quiet").await(),
                CliProcess.start(temp, Map.of(), "extract", "--input", SAMPLE.toString(), "--outptu", "x", "--quiet").await());

        assertThat(failures).extracting(CliProcess.Result::exitCode).containsExactly(3, 2, 3, 1, 2);
        for (CliProcess.Result failure : failures) {
            assertThat(failure.out()).isEmpty();
            assertThat(failure.err().lines()).as(failure.err()).hasSize(1).allMatch(line -> line.startsWith("peel-harvest"));
        }
    }

    private Path job(String name) throws IOException {
        return Files.writeString(temp.resolve(name + ".yaml"), "name: " + name + "\ninput: [" + SAMPLE + "]\noutput: out/"
                + name + "\n");
    }
}

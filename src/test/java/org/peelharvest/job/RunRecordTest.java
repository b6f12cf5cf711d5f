package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, point 3: {@code latest} is always a good release, and every run leaves a record. A run
 * that fails its quality gate publishes its release for inspection, marked failed in its
 * {@code run.json}, and leaves {@code latest} where it was; {@code validate} calls that release a
 * problem. {@code run.json} records the gate, the exit code, the settings, the job file's SHA-256
 * and the build; every run, whatever its end, leaves {@code runs/<start>.json} with the same fields.
 */
class RunRecordTest {

    private static final Path SAMPLE = Path.of("input/sample");

    @TempDir
    Path temp;

    private Path inbox;
    private Path jobFile;
    private Path output;
    private CliRunner cli;

    @BeforeEach
    void aJobOverTwoGoodPages() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        for (String page : List.of("derbyshire-2016-effectiveness.html", "avon-and-somerset-2018-legitimacy.html")) {
            Files.copy(SAMPLE.resolve(page), inbox.resolve(page));
        }
        jobFile = Files.writeString(Files.createDirectories(temp.resolve("jobs")).resolve("gate.yaml"),
                "name: gate\ninput: [../inbox]\noutput: ../out/gate\nmax-reject-rate: 0.2\n");
        output = temp.resolve("out/gate");
        cli = new CliRunner(temp);
    }

    @Test
    void aRunThatFailsItsGateIsPublishedForInspectionAndLatestStaysOnTheGoodRelease() throws Exception {
        CliRunner.Result good = cli.run("run", jobFile.toString());
        assertThat(good.exitCode()).as(good.out() + good.err()).isEqualTo(Outcome.OK);
        String goodRelease = Files.readSymbolicLink(output.resolve("latest")).toString();
        Thread.sleep(1100); // releases are named to the second
        // Three corrupt documents beside the two good pages: 3 of 5 rejected, more than 20%.
        for (String bad : List.of("one.pdf", "two.pdf", "three.pdf")) {
            Files.writeString(inbox.resolve(bad), "not a PDF");
        }

        CliRunner.Result failed = cli.run("run", jobFile.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(Files.readSymbolicLink(output.resolve("latest")).toString()).as("latest").isEqualTo(goodRelease);
        Path failedRelease = onlyReleaseBut(goodRelease);
        JsonNode runJson = json(failedRelease.resolve("run.json"));
        assertThat(runJson.get("result").asString()).isEqualTo("quality-gate-failed");
        assertThat(runJson.get("exit_code").asInt()).isEqualTo(3);
        JsonNode gate = runJson.get("quality_gate");
        assertThat(gate.get("passed").asBoolean()).isFalse();
        assertThat(gate.get("reject_rate").asDouble()).isEqualTo(0.6);
        assertThat(gate.get("max_reject_rate").asDouble()).isEqualTo(0.2);
        assertThat(gate.get("problem").asString()).isEqualTo(
                "60% of the documents were rejected, more than the 20% allowed (--max-reject-rate 0.2)");

        assertThat(Files.readString(failedRelease.resolve("index.html"))).contains("This release failed its quality gate");
        List<Path> records;
        try (Stream<Path> files = Files.list(output.resolve("runs"))) {
            records = files.sorted().toList();
        }
        assertThat(records).hasSize(2);
        JsonNode record = json(records.get(1));
        assertThat(record.get("result").asString()).isEqualTo("quality-gate-failed");
        assertThat(record.get("error").asString()).isEqualTo("quality gate failed: 60% of the documents were rejected,"
                + " more than the 20% allowed (--max-reject-rate 0.2)");

        CliRunner.Result validateFailed = cli.run("validate", failedRelease.toString());
        assertThat(validateFailed.exitCode()).as(validateFailed.out()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(validateFailed.out()).contains("failed its quality gate");
        CliRunner.Result validateLatest = cli.run("validate", output.toString());
        assertThat(validateLatest.exitCode()).as(validateLatest.out()).isEqualTo(Outcome.OK);
    }

    @Test
    void runJsonRecordsTheGateTheExitCodeEverySettingTheJobFilesDigestAndTheBuild() throws Exception {
        CliRunner.Result result = cli.run("run", jobFile.toString(), "--csv", "plain");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);

        JsonNode runJson = json(output.resolve("latest/run.json"));

        assertThat(runJson.get("result").asString()).isEqualTo("succeeded");
        assertThat(runJson.get("exit_code").asInt()).isZero();
        assertThat(runJson.get("error").isNull()).isTrue();
        JsonNode gate = runJson.get("quality_gate");
        assertThat(gate.get("passed").asBoolean()).isTrue();
        assertThat(gate.get("reject_rate").asDouble()).isZero();
        assertThat(gate.get("max_warning_rate").asDouble()).as("the default").isEqualTo(0.2);
        JsonNode settings = runJson.get("settings");
        assertThat(settings.get("command").asString()).isEqualTo("run");
        assertThat(settings.get("job_file").asString()).isEqualTo("gate.yaml");
        assertThat(settings.get("job_file_sha256").asString()).isEqualTo(sha256(jobFile));
        assertThat(settings.get("name").asString()).isEqualTo("gate");
        assertThat(settings.get("input").get(0).asString()).as("relative to the job file, as it writes it")
                .isEqualTo("../inbox");
        assertThat(settings.get("output").asString()).isEqualTo("../out/gate");
        assertThat(settings.get("max-reject-rate").asDouble()).isEqualTo(0.2);
        assertThat(settings.get("csv").asString()).as("the command line's").isEqualTo("plain");
        assertThat(runJson.get("build").get("version").asString()).isEqualTo(pomVersion());
        CliRunner.Result version = cli.run("--version");
        assertThat(version.out()).startsWith("peel-harvest " + pomVersion());
        JsonNode commit = runJson.get("build").get("commit");
        assertThat(commit.isNull() || commit.asString().matches("[0-9a-f]{40}")).as(commit.toString()).isTrue();
        assertThat(Files.readString(output.resolve("latest/run.json"))).doesNotContain(temp.toString());

        JsonNode record = json(onlyRecord(output.resolve("runs")));
        assertThat(record.get("result").asString()).isEqualTo("succeeded");
        assertThat(record.get("release").asString()).isEqualTo(Files.readSymbolicLink(output.resolve("latest")).toString());
        assertThat(fieldsOf(record)).isEqualTo(fieldsOf(runJson));
    }

    @Test
    void aRunThatFailsLeavesARecordWithItsErrorAndTheSameFields() throws Exception {
        // The job fails after extracting (exit 1).
        Path extractOutput = temp.resolve("out/extracted");
        PublishBlocker.block(extractOutput);

        CliRunner.Result failed = cli.run("extract", "--input", inbox.toString(), "--output", extractOutput.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(Outcome.JOB_FAILED);
        JsonNode record = json(onlyRecord(temp.resolve("out/.extracted.peel-harvest/runs")));
        assertThat(record.get("result").asString()).isEqualTo("failed");
        assertThat(record.get("exit_code").asInt()).isEqualTo(1);
        assertThat(record.get("error").asString()).startsWith("failed: ").contains(PublishBlocker.NAMED);
        assertThat(record.get("inputs")).isEmpty();
        assertThat(record.get("counts").get("documents").asInt()).as("both pages were read").isEqualTo(2);
        assertThat(record.get("settings").get("command").asString()).isEqualTo("extract");
        assertThat(record.get("settings").get("job_file").isNull()).isTrue();
        assertThat(fieldsOf(record)).containsExactly("build", "job", "run", "job_instance", "release", "started",
                "published", "result", "exit_code", "error", "quality_gate", "settings", "counts", "inputs");
    }

    @Test
    void aRunRefusedBecauseAnotherIsWritingItsOutputLeavesARecordToo() throws Exception {
        Files.createDirectories(output);
        try (OutputLock held = OutputLock.acquire(output)) {
            CliRunner.Result refused = cli.run("run", jobFile.toString());
            assertThat(refused.exitCode()).isEqualTo(Outcome.JOB_FAILED);
        }

        JsonNode record = json(onlyRecord(output.resolve("runs")));
        assertThat(record.get("result").asString()).isEqualTo("failed");
        assertThat(record.get("error").asString()).startsWith("not started: another run is writing");
    }

    private Path onlyReleaseBut(String release) throws IOException {
        try (Stream<Path> entries = Files.list(output)) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d{8}T\\d{6}Z"))
                    .filter(p -> !p.getFileName().toString().equals(release)).collect(onlyOne());
        }
    }

    private static Path onlyRecord(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.collect(onlyOne());
        }
    }

    private static java.util.stream.Collector<Path, ?, Path> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private static List<String> fieldsOf(JsonNode json) {
        return json.propertyNames().stream().toList();
    }

    private static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The project's version as the POM states it. */
    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String project = pom.substring(pom.indexOf("</parent>"));
        return project.substring(project.indexOf("<version>") + 9, project.indexOf("</version>"));
    }
}

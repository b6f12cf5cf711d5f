package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.peelharvest.testing.Programs;

/**
 * {@code validate} passes every release the job publishes and names each way a release was spoilt,
 * reading the release's own {@code datapackage.json} and {@code manifest-sha256.txt}; the manifest
 * is also checked by GNU {@code sha256sum -c}, the program its format is written for.
 */
class ValidateCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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
                        + "question-count-differs, no-judgment, grade-in-prose-only, no-last-updated, "
                        + "control-characters-removed, no-headline]");
    }

    @Test
    void aWarningOfAReportThatWasNotPublishedIsNamed() throws IOException {
        replace("warnings.csv", "2018-avon-and-somerset-legitimacy,", "2018-avon-and-somerset-efficiency,");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: warnings.csv: row 6: [report_id] [2018-avon-and-somerset-efficiency] "
                + "points at no row of reports.csv");
    }

    @Test
    void theManifestListsEveryFileOfTheReleaseAndSha256sumAcceptsIt() throws Exception {
        Path sha256sum = Programs.require("sha256sum");

        Programs.Result check = Programs.run(List.of(sha256sum.toString(), "--check", "--strict", "manifest-sha256.txt"),
                release.toRealPath(), 60);

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out().lines().toList()).containsExactly(".peel-harvest: OK", "areas_for_improvement.csv: OK",
                "causes_of_concern.csv: OK", "conflicts.csv: OK", "datapackage.json: OK", "forces.csv: OK",
                "grades_wide.csv: OK", "index.html: OK", "peel-reports.xlsx: OK", "questions.csv: OK",
                "recommendations.csv: OK", "rejects.csv: OK", "reports.csv: OK", "reports.json: OK", "reports.jsonl: OK",
                "run.json: OK", "schema/report.schema.json: OK", "warnings.csv: OK");
    }

    @Test
    void sha256sumFindsAChangedRunJson() throws Exception {
        Path sha256sum = Programs.require("sha256sum");
        replace("run.json", "\"job\" : \"sample\"", "\"job\" : \"another\"");

        Programs.Result check = Programs.run(List.of(sha256sum.toString(), "--check", "manifest-sha256.txt"),
                release.toRealPath(), 60);
        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("run.json: FAILED");
        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: run.json: SHA-256 differs from manifest-sha256.txt");
    }

    @Test
    void aFileAddedAfterPublishingIsNamed() throws IOException {
        Files.writeString(release.resolve("notes.txt"), "added later\n");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: notes.txt: not listed in manifest-sha256.txt (added after publishing)",
                "problem: notes.txt: not a resource of datapackage.json");
    }

    @Test
    void aNarrowedEnumIsCaughtByTheManifestAndThenByTheData() throws IOException {
        editField("reports", "judgment", field -> {
            ArrayNode values = (ArrayNode) field.path("constraints").path("enum");
            values.remove(1);
        });
        assertOnlyTheDescriptorDigestDiffers();

        rewriteManifestLineOf("datapackage.json");
        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).doesNotContain("manifest-sha256.txt").contains(
                "problem: reports.csv: row 3, column judgment: 'Good' is not one of [Outstanding, Adequate, "
                        + "Requires improvement, Inadequate, Ungraded, Not graded]",
                "problem: reports.csv: row 5, column judgment: 'Good' is not one of");
    }

    @Test
    void aChangedTypeIsCaughtByTheManifestAndThenByTheData() throws IOException {
        editField("reports", "force", field -> field.put("type", "integer"));
        assertOnlyTheDescriptorDigestDiffers();

        rewriteManifestLineOf("datapackage.json");
        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains(
                "problem: reports.csv: row 2, column force: 'Derbyshire Constabulary' is not an integer",
                "problem: reports.csv: row 5, column force: 'Avon and Somerset Constabulary' is not an integer");
    }

    @Test
    void aColumnMadeRequiredIsCaughtByTheManifestAndThenByTheData() throws IOException {
        editField("reports", "last_updated", field -> field.putObject("constraints").put("required", true));
        assertOnlyTheDescriptorDigestDiffers();

        rewriteManifestLineOf("datapackage.json");
        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: reports.csv: row 4, column last_updated: empty, but required");
    }

    @Test
    void aConstraintValidateCannotCheckIsAProblemNotAPass() throws IOException {
        editField("reports", "force", field -> ((ObjectNode) field.path("constraints")).put("maxLength", 5));
        rewriteManifestLineOf("datapackage.json");

        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: datapackage.json: resource reports: field force has the "
                + "constraint 'maxLength', which validate does not check");
    }

    private void assertOnlyTheDescriptorDigestDiffers() {
        CliRunner.Result result = cli.run("validate", release.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(result.out()).contains("problem: datapackage.json: SHA-256 differs from manifest-sha256.txt "
                + "(the file was changed after publishing)");
    }

    private void editField(String resource, String field, Consumer<ObjectNode> edit) throws IOException {
        Path file = release.resolve("datapackage.json");
        JsonNode descriptor = JSON.readTree(file.toFile());
        for (JsonNode candidate : descriptor.path("resources")) {
            if (candidate.path("name").asString("").equals(resource)) {
                for (JsonNode described : candidate.path("schema").path("fields")) {
                    if (described.path("name").asString("").equals(field)) {
                        edit.accept((ObjectNode) described);
                    }
                }
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(descriptor));
    }

    /** What someone covering their tracks would do: make the manifest agree with the edited file. */
    private void rewriteManifestLineOf(String path) throws IOException {
        Path manifest = release.resolve("manifest-sha256.txt");
        String digest = HexFormat.of().formatHex(sha256(Files.readAllBytes(release.resolve(path))));
        String text = Files.readString(manifest).replaceAll("(?m)^[0-9a-f]{64}  " + java.util.regex.Pattern.quote(path) + "$",
                digest + "  " + path);
        Files.writeString(manifest, text);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = release.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }
}

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.peelharvest.harvest.MirrorForJobTests;
import org.peelharvest.testing.Programs;

/**
 * Releases as the reference Frictionless tools read them, unchanged: the official JavaScript
 * libraries (npm {@code datapackage} and {@code tableschema}, driven by
 * {@code src/test/resources/frictionless/check-release.js}) and the Data Package profile's JSON
 * Schema (a copy beside the script; its README names the source). The release is the sample's
 * with the rejects of {@code src/test/resources/bad}, in both CSV styles. `.ci/run` installs Node
 * and the two packages; without them these tests are skipped on a developer's machine and fail
 * under CI ({@code CI=true}).
 */
class FrictionlessConformanceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPT = Path.of("src/test/resources/frictionless/check-release.js");
    private static final Path PROFILES = Path.of("src/test/resources/frictionless");
    /**
     * The profiles are draft-04 JSON Schemas with keywords of their own for documentation
     * ({@code propertyOrder}, {@code context}, {@code options}…): read as annotations, not logged as unknown.
     */
    private static final SchemaRegistry PROFILE_SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft4()).unknownKeywordFactory((name, context) -> new AnnotationKeyword(name)).build());

    @TempDir
    Path temp;

    @Test
    void theDefaultStylePassesDatapackageAndTableschemaUnchanged() throws Exception {
        Path release = publish(null);

        Programs.Result check = checkWithNode(release);

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("reports.csv: 4 rows", "questions.csv: 10 rows", "rejects.csv: 6 rows",
                "forces.csv: 43 rows", "grades_wide.csv: 4 rows").endsWith("valid\n");
    }

    @Test
    void everyFixturesReleaseIsReadWithItsCausesRecommendationsAndConflictsAndNoError() throws Exception {
        CliRunner.Result result = new CliRunner(temp.resolve("home-fixtures")).run("extract", "--input",
                "src/test/resources/fixtures", "--output", temp.resolve("fixtures").toString(),
                "--max-reject-rate", "1", "--max-warning-rate", "1");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();

        Programs.Result check = checkWithNode(temp.resolve("fixtures"));

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        // trap-causes-of-concern-with-recommendations--synthetic: one cause, two recommendations under it.
        assertThat(check.out()).contains("causes_of_concern.csv: 1 rows", "recommendations.csv: 2 rows")
                .doesNotContain("conflicts.csv: 0 rows").endsWith("valid\n");
    }

    @Test
    void aHarvestsReleaseIsReadWithNoError() throws Exception {
        Path release;
        try (MirrorForJobTests mirror = new MirrorForJobTests()) {
            Path job = temp.resolve("harvest.yaml");
            // The harvest meets the index and force pages too, which are no reports: the gate is opened.
            Files.writeString(job, "name: harvested\nseed: [" + mirror.base() + "/hmicfrs/peel-assessments/peel-2016/]\n"
                    + "allow: [" + mirror.base() + "/hmicfrs/]\nrate: 20\nsnapshot: " + temp.resolve("snapshots") + "\n"
                    + "output: " + temp.resolve("releases") + "\nmax-reject-rate: 1\n");
            CliRunner.Result result = new CliRunner(temp.resolve("home-harvest")).run("run", job.toString());
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            release = temp.resolve("releases/latest");
        }

        Programs.Result check = checkWithNode(release.toRealPath());

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        // The mirror's 2016 year holds one report, Derbyshire's effectiveness, as a page and a PDF; the index
        // and force pages it meets are rejects.
        assertThat(check.out()).contains("reports.csv: 1 rows", "grades_wide.csv: 1 rows").doesNotContain("rejects.csv: 0 rows")
                .endsWith("valid\n");
    }

    @Test
    void theSpreadsheetStylePassesTableschemaToldOfItsByteOrderMark() throws Exception {
        Path release = publish("spreadsheet");

        Programs.Result check = checkWithNode(release, "--bom");

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("reports.csv: 4 rows", "rejects.csv: 6 rows").endsWith("valid\n");
    }

    @Test
    void theJavaScriptValidatorsCatchAGradeOffTheListAndADanglingKey() throws Exception {
        Path release = publish("plain");
        replace(release.resolve("reports.csv"), ",Good,four-point,", ",Very good,four-point,");
        Files.writeString(release.resolve("areas_for_improvement.csv"), "2099-derbyshire-effectiveness,1,1,Nowhere.\r\n",
                java.nio.file.StandardOpenOption.APPEND);

        Programs.Result check = checkWithNode(release);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("error: tableschema: reports.csv:",
                "error: tableschema: areas_for_improvement.csv (foreign keys): Foreign key \"report_id,question_number\" "
                        + "violation in row 9");
    }

    @Test
    void theDescriptorMeetsTheDataPackageProfileAndEachTableTheTabularDataResourceProfile() throws Exception {
        JsonNode descriptor = JSON.readTree(publish("spreadsheet").resolve("datapackage.json").toFile());

        assertThat(problems("data-package.json", descriptor)).isEmpty();
        int tables = 0;
        for (JsonNode resource : descriptor.path("resources")) {
            if (resource.path("profile").asString("").equals("tabular-data-resource")) {
                assertThat(problems("tabular-data-resource.json", resource)).as(resource.path("name").asString()).isEmpty();
                tables++;
            }
        }
        assertThat(tables).isEqualTo(10);
    }

    @Test
    void theProfileCatchesADescriptorOffIt() throws Exception {
        ObjectNode descriptor = (ObjectNode) JSON.readTree(publish("plain").resolve("datapackage.json").toFile());
        ObjectNode reports = (ObjectNode) descriptor.path("resources").get(0);
        reports.put("hash", "sha256:not-hex");

        assertThat(problems("data-package.json", descriptor)).isNotEmpty();
    }

    /** The sample's release with the bad documents' rejects, in {@code style}; null for the default. */
    private Path publish(String style) {
        CliRunner cli = new CliRunner(temp.resolve("home-" + style));
        Path output = temp.resolve("release-" + style);
        List<String> args = new ArrayList<>(List.of("extract", "--input", "input/sample", "--input", "src/test/resources/bad",
                "--output", output.toString(), "--max-reject-rate", "1"));
        if (style != null) {
            args.addAll(List.of("--csv", style));
        }
        CliRunner.Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return output;
    }

    private Programs.Result checkWithNode(Path release, String... options) throws Exception {
        Path node = Programs.require("node", "nodejs");
        String modules = globalNodeModules();
        List<String> command = new ArrayList<>(List.of("env", "NODE_PATH=" + modules, node.toString(),
                SCRIPT.toAbsolutePath().toString(), release.toString()));
        command.addAll(List.of(options));
        return Programs.run(command, temp, 180);
    }

    /** Where npm installs global packages, once it is checked that both validators are there. */
    private String globalNodeModules() throws Exception {
        Path npm = Programs.require("npm");
        Programs.Result root = Programs.run(List.of(npm.toString(), "root", "--global"), temp, 60);
        String modules = root.out().strip();
        boolean installed = Files.isDirectory(Path.of(modules, "datapackage"))
                && Files.isDirectory(Path.of(modules, "tableschema"));
        String missing = "the npm packages datapackage and tableschema are not installed in " + modules
                + " (npm install --global datapackage@1.1.10 tableschema@1.12.6; .ci/run installs them)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(installed, missing);
        return modules;
    }

    private static List<String> problems(String profile, JsonNode descriptor) throws IOException {
        try (InputStream in = Files.newInputStream(PROFILES.resolve(profile))) {
            Schema schema = PROFILE_SCHEMAS.getSchema(in);
            return schema.validate(descriptor).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}

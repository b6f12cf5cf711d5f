package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.peelharvest.model.SourceDocument;

/**
 * Point 1 of {@link HostileUseTest}: an output folder that holds what the project did not write is
 * refused before any work (exit 2, one line naming such a file) and left as it was, byte for byte;
 * the project's own output is still replaced, and deletes only the files its marker lists.
 */
final class OutputFolderFaults {

    private static final Path SAMPLE = Path.of("input/sample");

    private OutputFolderFaults() {
    }

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                new FaultTable.Fault("extract into a user's folder holding a file named reports.csv",
                        OutputFolderFaults::userFolderWithReportsCsv),
                new FaultTable.Fault("extract again after an analyst added notes to the earlier output",
                        OutputFolderFaults::notesAddedToAnEarlierOutput),
                new FaultTable.Fault("extract again into its own output, and into one published before markers",
                        OutputFolderFaults::ownOutputReplaced),
                new FaultTable.Fault("run (releases) into a user's non-empty folder",
                        OutputFolderFaults::releasesIntoAUserFolder),
                new FaultTable.Fault("run after 'latest' was replaced by a user's file",
                        OutputFolderFaults::latestIsAUsersFile));
    }

    /** The issue's own steps: {@code x/reports.csv}, {@code x/thesis.docx}, {@code x/raw/survey.csv}. */
    private static String userFolderWithReportsCsv(Path dir) throws Exception {
        Path x = Files.createDirectories(dir.resolve("x/raw"));
        x = x.getParent();
        Files.writeString(x.resolve("reports.csv"), "id\n");
        Files.writeString(x.resolve("thesis.docx"), "thesis\n");
        Files.writeString(x.resolve("raw/survey.csv"), "1\n");
        Map<String, String> before = contents(x);

        CliRunner.Result result = new CliRunner(dir).run("extract", "--input", SAMPLE.toString(), "--output", x.toString(), "-q");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Outcome.USAGE);
        assertRefusedInOneLine(result, x);
        assertThat(contents(x)).as("the user's folder, byte for byte").isEqualTo(before);
        assertThat(dir).isDirectoryNotContaining("glob:**/.x.*").isDirectoryNotContaining("glob:**/x.runs");
        return "held: exit 2, '" + result.err().strip() + "'; the folder unchanged";
    }

    private static String notesAddedToAnEarlierOutput(Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("extract", "--input", SAMPLE.toString(), "--output", out.toString(), "-q").exitCode()).isZero();
        Files.writeString(out.resolve("notes.txt"), "grades checked against the PDFs\n");
        Files.writeString(Files.createDirectories(out.resolve("schema")).resolve("mine.json"), "{}\n");
        Map<String, String> before = contents(out);

        CliRunner.Result again = cli.run("extract", "--input", SAMPLE.toString(), "--output", out.toString(), "-q");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(Outcome.USAGE);
        assertRefusedInOneLine(again, out);
        assertThat(again.err()).contains("notes.txt");
        assertThat(contents(out)).as("the earlier output with the analyst's notes").isEqualTo(before);
        return "held: exit 2 naming notes.txt; the earlier output and the notes unchanged";
    }

    private static String ownOutputReplaced(Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("extract", "--input", SAMPLE.toString(), "--output", out.toString(), "-q").exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve(".peel-harvest"))).contains("reports.csv", "manifest-sha256.txt",
                "schema/report.schema.json", ".peel-harvest");
        assertThat(manifestPaths(out)).contains(".peel-harvest");
        // Every file of the output is one the marker lists.
        assertThat(Files.readAllLines(out.resolve(".peel-harvest"))).containsAll(contents(out).keySet());

        CliRunner.Result again = cli.run("extract", "--input", SAMPLE.toString(), "--output", out.toString(), "-q");
        assertThat(again.exitCode()).as(again.err()).isZero();

        // A release of an earlier version: no marker, its manifest lists every file.
        Files.delete(out.resolve(".peel-harvest"));
        List<String> manifest = Files.readAllLines(out.resolve("manifest-sha256.txt")).stream()
                .filter(line -> !line.endsWith("  .peel-harvest")).toList();
        Files.write(out.resolve("manifest-sha256.txt"), manifest);
        CliRunner.Result legacy = cli.run("extract", "--input", SAMPLE.toString(), "--output", out.toString(), "-q");
        assertThat(legacy.exitCode()).as(legacy.err()).isZero();
        assertThat(out.resolve(".peel-harvest")).exists();
        try (Stream<Path> beside = Files.list(dir)) {
            assertThat(beside.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".previous") || name.endsWith(".publishing"));
        }
        return "held: replaced twice (marked, then published before markers), exit 0, nothing left aside";
    }

    private static String releasesIntoAUserFolder(Path dir) throws Exception {
        Path documents = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(documents.resolve("budget.xlsx"), "numbers\n");
        Path job = Files.writeString(dir.resolve("job.yaml"), "name: mine\ninput: [" + SAMPLE.toAbsolutePath()
                + "]\noutput: " + documents + "\n");
        Map<String, String> before = contents(documents);

        CliRunner.Result result = new CliRunner(dir).run("run", job.toString(), "-q");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Outcome.USAGE);
        assertRefusedInOneLine(result, documents);
        assertThat(result.err()).contains("budget.xlsx");
        assertThat(contents(documents)).isEqualTo(before);
        return "held: exit 2 naming budget.xlsx; no release, no record written into it";
    }

    private static String latestIsAUsersFile(Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path job = Files.writeString(dir.resolve("job.yaml"), "name: mine\ninput: [" + SAMPLE.toAbsolutePath()
                + "]\noutput: " + out + "\n");
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("run", job.toString(), "-q").exitCode()).isZero();
        Files.delete(out.resolve("latest"));
        Files.writeString(out.resolve("latest"), "my own file called latest\n");

        CliRunner.Result result = cli.run("run", job.toString(), "-q");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Outcome.USAGE);
        assertRefusedInOneLine(result, out);
        assertThat(out.resolve("latest")).hasContent("my own file called latest");
        return "held: exit 2 naming latest; the file unchanged";
    }

    private static void assertRefusedInOneLine(CliRunner.Result result, Path folder) {
        assertThat(result.err().lines().toList()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(folder.toString()).contains("peel-harvest")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Every file under a folder (its hidden ones included) and its SHA-256. */
    private static Map<String, String> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    f -> folder.relativize(f).toString(), OutputFolderFaults::sha256, (a, b) -> a, TreeMap::new));
        }
    }

    private static String sha256(Path file) {
        try {
            return SourceDocument.sha256(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> manifestPaths(Path release) throws IOException {
        return Files.readAllLines(release.resolve("manifest-sha256.txt"), StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(66)).toList();
    }
}

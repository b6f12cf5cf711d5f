package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The same input gives the same bytes", across two JVMs: each run is its own process, so any
 * order that differs from one JVM to the next (hash seeds, {@code Map.of}) shows. Every file of
 * the release but {@code run.json} must be byte-identical, and so must every line of
 * {@code manifest-sha256.txt} but {@code run.json}'s.
 */
class SameBytesTest {

    @TempDir
    Path temp;

    @Test
    void twoProcessesExtractingTheSameInputPublishTheSameBytes() throws Exception {
        Path first = extractInItsOwnProcess("first");
        Path second = extractInItsOwnProcess("second");

        List<String> files = filesOf(first);
        assertThat(files).contains("datapackage.json", "reports.csv", "warnings.csv", "index.html").isEqualTo(filesOf(second));
        for (String file : files) {
            if (!file.equals("run.json") && !file.equals("manifest-sha256.txt")) {
                assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
            }
        }
        // The manifest holds run.json's digest too; every other line is the same.
        assertThat(manifestWithoutRunJson(second)).isEqualTo(manifestWithoutRunJson(first)).hasSize(files.size() - 2);
    }

    private Path extractInItsOwnProcess(String name) throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve(name));
        Path output = home.resolve("release");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpeel.home=" + home, "-Dspring.datasource.url=jdbc:h2:file:" + home.resolve("repository/peel"),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "extract", "--input", "input/sample", "--output", output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the run ends").isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve("console.txt"))).isZero();
        return output;
    }

    private static List<String> manifestWithoutRunJson(Path release) throws IOException {
        return Files.readAllLines(release.resolve("manifest-sha256.txt")).stream()
                .filter(line -> !line.endsWith("  run.json")).toList();
    }

    private static List<String> filesOf(Path release) throws IOException {
        try (Stream<Path> files = Files.walk(release)) {
            return files.filter(Files::isRegularFile).map(f -> release.relativize(f).toString()).sorted().toList();
        }
    }
}

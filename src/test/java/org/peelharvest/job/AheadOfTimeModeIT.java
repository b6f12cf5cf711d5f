package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as the launcher runs it, with the beans the build worked out ahead of time
 * ({@code -Dspring.aot.enabled=true}): docs/commands.md says every documented setting is still
 * read at each run. Run by failsafe after {@code package}, on {@code target/peel-harvest.jar}.
 */
class AheadOfTimeModeIT {

    private static final Path JAR = Path.of("target/peel-harvest.jar");

    @TempDir
    Path temp;

    @Test
    void theSampleIsExtractedAndPublished() throws Exception {
        Run run = extract(temp.resolve("out"), List.of());

        assertThat(run.exit()).as(run.output()).isZero();
        // The sample's eight documents: four report pages, each also as its PDF (input/sample/README.md).
        assertThat(run.output()).contains("documents read: 8")
                .contains("reports extracted: 8 (published 4, 4 duplicate document(s) of a published report)");
        assertThat(temp.resolve("out/peel-reports.xlsx")).isRegularFile();
    }

    @Test
    void aSettingGivenAtTheRunIsRead() throws Exception {
        // peel.limits.max-document-size: a larger document is a too-large reject (docs/commands.md, "Settings").
        Run run = extract(temp.resolve("small"), List.of("-Dpeel.limits.max-document-size=1KB"));

        assertThat(run.output()).contains("documents read: 8").contains("rejected: 8 (too-large 8)");
    }

    private record Run(int exit, String output) {
    }

    private Run extract(Path output, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dspring.aot.enabled=true", "-Dpeel.home=" + temp));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "extract", "--input", "input/sample",
                "--output", output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }
}

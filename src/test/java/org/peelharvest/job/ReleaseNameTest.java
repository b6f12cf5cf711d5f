package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.publish.CsvStyle;

/** A release is named after the second its run starts; two runs in one second never share a folder. */
class ReleaseNameTest {

    @TempDir
    Path temp;

    @Test
    void aSecondRunInTheSameSecondTakesTheNextFreeName() throws IOException {
        Path output = temp.resolve("out/sample");
        JobDefinition spec = new JobDefinition("sample", List.of(temp), output, JobDefinition.DEFAULT_MAX_REJECT_RATE,
                JobDefinition.DEFAULT_MAX_WARNING_RATE, CsvStyle.SPREADSHEET, true, null);
        Instant start = Instant.parse("2026-11-30T09:15:00.250Z");

        assertThat(JobRunner.releaseName(spec, start)).isEqualTo("20261130T091500Z");
        Files.createDirectories(output.resolve("20261130T091500Z"));
        assertThat(JobRunner.releaseName(spec, start.plusMillis(500))).isEqualTo("20261130T091500Z-2");
        Files.createDirectories(output.resolve("20261130T091500Z-2"));
        assertThat(JobRunner.releaseName(spec, start)).isEqualTo("20261130T091500Z-3");
    }
}

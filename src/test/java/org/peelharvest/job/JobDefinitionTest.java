package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.publish.CsvStyle;

/** A job's definition is kept in its output's work area and read back by its steps and restarts (issue 12). */
class JobDefinitionTest {

    @TempDir
    Path temp;

    /** Every setting away from its default, and paths with a colon, a space and a newline in them. */
    private JobDefinition definition() {
        HarvestDefinition harvest = new HarvestDefinition(List.of("https://example.org/peel/"),
                List.of("https://example.org/peel/", "https://example.org/uploads/"), temp.resolve("snap: shots"), 2.5,
                "test-agent/1 (test@example.org)", Duration.ofSeconds(7),
                new org.peelharvest.harvest.HarvestLimits(2000, 300, Duration.ofMinutes(90)));
        return new JobDefinition("odd.name", List.of(temp.resolve("in:put"), temp.resolve("two\nlines")),
                temp.resolve("out/a release"), 0.5, 0.1, CsvStyle.PLAIN, true, harvest);
    }

    @Test
    void theStepsReadBackTheDefinitionTheRunStartedWith() throws IOException {
        JobDefinition saved = definition();
        saved.save();
        // Another definition saved since (as a restart in another process finds it): this one is read from its file.
        new JobDefinition("another", List.of(temp.resolve("in:put")), temp.resolve("out/a release"), 0.2, 0.2,
                CsvStyle.PLAIN, true, null).save();

        JobDefinition read = JobDefinition.from(saved.toJobParameters(1, "20261130T091500Z"));

        assertThat(read).isEqualTo(saved);
        assertThat(read.inputs()).containsExactly(temp.resolve("in:put"), temp.resolve("two\nlines"));
        assertThat(read.harvest().timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void theDefinitionThisProcessSavedIsGivenBackWithoutParsingItsFileWhileTheFileIsThere() throws IOException {
        JobDefinition saved = definition();
        saved.save();
        org.springframework.batch.core.job.parameters.JobParameters parameters = saved.toJobParameters(1, null);

        assertThat(JobDefinition.from(parameters)).isSameAs(saved);

        Files.delete(saved.workArea().definitionFile(saved.digest()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobDefinition.from(parameters))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the settings of this run are gone or broken");
    }

    @Test
    void itsDigestStaysTheSameWhenItsFoldersAreMade() throws IOException {
        JobDefinition definition = definition();
        String before = definition.digest();

        Files.createDirectories(temp.resolve("out/a release"));
        Files.createDirectories(temp.resolve("snap: shots"));
        Files.createDirectories(temp.resolve("in:put"));

        assertThat(definition.digest()).isEqualTo(before);
    }
}

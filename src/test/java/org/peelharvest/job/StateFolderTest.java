package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run keeps between runs is in one hidden folder beside its output, and nothing else is. */
class StateFolderTest {

    private static final Path SAMPLE = Path.of("input/sample").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void extractLeavesItsOutputAndOneHiddenStateFolderBesideIt() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));

        CliProcess.Result result = cli("extract", "--input", SAMPLE.toString(), "--output", out.resolve("x").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(names(out)).containsExactly(".x.peel-harvest", "x");
        assertThat(names(out.resolve(".x.peel-harvest"))).containsExactly("cache", "job-repository", "lock", "runs");
    }

    @Test
    void theStateAnEarlierVersionKeptBesideTheOutputIsMovedIntoTheStateFolderAndItsRunsAreStillKnown() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));
        assertThat(cli("extract", "--input", SAMPLE.toString(), "--output", out.resolve("x").toString()).exitCode()).isZero();
        // The layout of earlier versions: each part beside the output under a name of its own.
        Path state = out.resolve(".x.peel-harvest");
        Files.move(state.resolve("job-repository"), out.resolve(".x.job-repository"));
        Files.move(state.resolve("runs"), out.resolve("x.runs"));
        Files.move(state.resolve("lock"), out.resolve(".x.lock"));
        // Earlier versions kept no cache.
        try (Stream<Path> cache = Files.walk(state.resolve("cache"))) {
            for (Path entry : cache.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(state);

        CliProcess.Result again = cli("extract", "--input", SAMPLE.toString(), "--output", out.resolve("x").toString());
        CliProcess.Result status = cli("status", "--output", out.resolve("x").toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("moved " + out.resolve(".x.job-repository") + " into " + state);
        assertThat(names(out)).containsExactly(".x.peel-harvest", "x");
        assertThat(status.out().lines().skip(1)).as("both runs, the first recorded before the move").hasSize(2);
        try (Stream<Path> records = Files.list(state.resolve("runs"))) {
            assertThat(records).hasSize(2);
        }
    }

    /** A child JVM, with the job repository of the output's own, as a user's run has it (not the tests' shared one). */
    private CliProcess.Result cli(String... args) throws IOException {
        try {
            return CliProcess.start(temp, java.util.Map.of(), args).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

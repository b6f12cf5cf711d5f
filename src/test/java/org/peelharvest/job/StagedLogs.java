package org.peelharvest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a running job has staged, read from its work area's logs as the tests watch it from outside
 * ({@code work/<instance>/logs/*.log}, a line a record after its check): whole lines only, since the run may be
 * writing one; a work area the run deletes meanwhile reads as nothing staged.
 */
final class StagedLogs {

    /** A line's check before its record: 8 hexadecimal digits and a space. */
    private static final int CHECK = 9;

    private StagedLogs() {
    }

    /** Waits until the run has staged a report, a committed chunk of its extract step (at most two minutes). */
    static void awaitReport(CliProcess run, Path work) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!hasReport(work)) {
            org.assertj.core.api.Assertions.assertThat(run.isAlive()).as("the run is still running").isTrue();
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("the run stages a report").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Whether the run has staged a report. */
    static boolean hasReport(Path work) {
        return lines(work).stream().anyMatch(line -> line.startsWith("{\"kind\":\"report\"", CHECK));
    }

    /** How many documents the run has recorded as done. */
    static long done(Path work) {
        return lines(work).stream().filter(line -> line.startsWith("{\"kind\":\"done\"", CHECK)).count();
    }

    private static List<String> lines(Path work) {
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(work)) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
                text.substring(0, text.lastIndexOf('\n') + 1).lines().forEach(lines::add);
            }
            return lines;
        } catch (IOException | UncheckedIOException racedWithTheRun) {
            return List.of();
        }
    }
}

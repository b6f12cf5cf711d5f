package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.peelharvest.testing.NestedFormsPdf;

/**
 * Points 4, 5 and 7 of {@link HostileUseTest}: releases with a field or a line too big for the
 * heap, a PDF whose drawing never ends given to {@code explain}, and terminal escapes in a
 * report's text.
 */
final class ReleaseTextFaults {

    /** A time limit short enough for a test, long enough for a loaded machine to start parsing. */
    private static final String SHORT_TIME_LIMIT = "2s";

    private ReleaseTextFaults() {
    }

    static Stream<HostileUseTest.Fault> faults() {
        return Stream.of(
                new HostileUseTest.Fault("5. explain of a 4 KB PDF whose forms draw each other 10 times, 12 deep",
                        ReleaseTextFaults::explainOfEndlessPdf));
    }

    /** Unbounded, explain ran at 100% CPU for 150 s until killed; extract rejected the file timed-out. */
    private static String explainOfEndlessPdf(Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("nested-forms.pdf"), NestedFormsPdf.bytes(10, 12));
        Map<String, Object> settings = Map.of("peel.limits.document-timeout", SHORT_TIME_LIMIT);

        long start = System.nanoTime();
        CliRunner.Result explained = new CliRunner(dir).run(settings, "explain", pdf.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        CliRunner.Result extracted = new CliRunner(dir).run(settings, "extract", "--input", pdf.toString(),
                "--output", dir.resolve("out").toString(), "-q");

        assertThat(Files.size(pdf)).as("the PDF's size").isLessThan(8 * 1024);
        assertThat(explained.exitCode()).as(explained.err()).isEqualTo(1);
        String stopped = "peel-harvest explain: stopped after 2 s (the document time limit, peel.limits.document-timeout);"
                + " extract rejects this document timed-out";
        assertThat(explained.err()).contains(stopped);
        // Generous for a loaded 2-core machine: unbounded, it had not ended after 150 s.
        assertThat(took).as("explain's time").isLessThan(Duration.ofSeconds(60));
        assertThat(Files.readString(dir.resolve("out/rejects.csv"))).as(extracted.err()).contains("timed-out");
        return "held: explain exit 1 after " + took.toSeconds() + " s, '" + stopped.strip() + "'; extract rejects it timed-out";
    }
}

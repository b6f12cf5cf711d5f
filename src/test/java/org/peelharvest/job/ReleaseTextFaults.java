package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    /** 100 MB: the field or line of the issue, written a block at a time. */
    private static final long HUGE = 100L * 1024 * 1024;
    /** The limits, as a person reads them in a problem line. */
    private static final String FIELD_LIMIT = "1,048,576 characters";
    private static final String LINE_LIMIT = "4,194,304 characters";

    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static Path sample;

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                new FaultTable.Fault("4. validate of a release with one 100 MB CSV field, under -Xmx64m",
                        ReleaseTextFaults::validateOfHugeField),
                new FaultTable.Fault("4. validate and diff of a release with a 100 MB line in reports.jsonl, under -Xmx64m",
                        ReleaseTextFaults::validateAndDiffOfHugeLine),
                new FaultTable.Fault("4. validate of a release whose reports.json holds a 100 MB report, under -Xmx64m",
                        ReleaseTextFaults::validateOfHugeReport),
                new FaultTable.Fault("4. diff of a release with a 100 MB field in conflicts.csv, under -Xmx64m",
                        ReleaseTextFaults::diffOfHugeConflict),
                new FaultTable.Fault("5. explain of a 4 KB PDF whose forms draw each other 10 times, 12 deep",
                        ReleaseTextFaults::explainOfEndlessPdf),
                new FaultTable.Fault("5. explain of a document past the document size limit",
                        ReleaseTextFaults::explainOfTooLargeDocument),
                new FaultTable.Fault("7. an area for improvement holding ESC ]0;PWNED BEL ESC [2J, extracted and explained",
                        ReleaseTextFaults::escapesInAReport),
                new FaultTable.Fault("7. a release edited to hold ESC ]0;PWNED BEL ESC [2J, diffed and validated",
                        ReleaseTextFaults::escapesInARelease),
                new FaultTable.Fault("7. an argument holding ESC ]0;PWNED BEL ESC [2J, echoed in an error line",
                        ReleaseTextFaults::escapesInAnErrorLine));
    }

    /** Before: OutOfMemoryError, and no problem: line though the manifest did not match. */
    private static String validateOfHugeField(Path dir) throws Exception {
        Path release = sampleRelease(dir, "release");
        Path csv = release.resolve("reports.csv");
        long line = lines(csv) + 1;
        appendHuge(csv, "2016-huge-field,\"", "\"\r\n");

        CliProcess.Result result = underSmallHeap(dir, "validate", release.toString());

        String tooLong = "problem: reports.csv: line " + line + ": a field longer than the limit of " + FIELD_LIMIT;
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).contains(tooLong)
                .contains("problem: reports.csv: SHA-256 differs from manifest-sha256.txt");
        assertNoOutOfMemory(result);
        return "held: exit 3, '" + lineWith(result.out(), tooLong) + "', the manifest's mismatch named";
    }

    private static String validateAndDiffOfHugeLine(Path dir) throws Exception {
        Path original = sampleRelease(dir, "original");
        Path release = sampleRelease(dir, "release");
        Path jsonl = release.resolve("reports.jsonl");
        long line = lines(jsonl) + 1;
        appendHuge(jsonl, "{\"report_id\":\"2016-huge-line\",\"summary\":\"", "\"}\n");

        CliProcess.Result validated = underSmallHeap(dir, "validate", release.toString());
        CliProcess.Result diffed = underSmallHeap(dir, "diff", original.toString(), release.toString(),
                "--output", dir.resolve("diff.csv").toString());

        String tooLong = "reports.jsonl: line " + line + ": the line is longer than the limit of " + LINE_LIMIT;
        assertThat(validated.exitCode()).as(validated.err()).isEqualTo(3);
        assertThat(validated.out()).contains("problem: " + tooLong)
                .contains("problem: reports.jsonl: SHA-256 differs from manifest-sha256.txt");
        assertThat(diffed.exitCode()).as(diffed.err()).isEqualTo(3);
        assertThat(diffed.out()).contains("problem: " + jsonl + ": line " + line + ": the line is longer than the limit of "
                + LINE_LIMIT).contains("no changes");
        assertNoOutOfMemory(validated);
        assertNoOutOfMemory(diffed);
        return "held: validate and diff exit 3, '" + lineWith(validated.out(), "problem: " + tooLong)
                + "'; diff compares the rest (no changes)";
    }

    private static String validateOfHugeReport(Path dir) throws Exception {
        Path release = sampleRelease(dir, "release");
        Path json = release.resolve("reports.json");
        String reports = Files.readString(json).strip();
        long count = JSON.readTree(reports).size();
        Files.writeString(json, reports.substring(0, reports.lastIndexOf(']')) + ",");
        appendHuge(json, "{\"report_id\":\"2016-huge-report\",\"summary\":\"", "\"}]\n");

        CliProcess.Result result = underSmallHeap(dir, "validate", release.toString());

        String tooLong = "problem: reports.json: report " + (count + 1) + ": ";
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).containsPattern(java.util.regex.Pattern.quote(tooLong)
                + "[0-9,]+ bytes, longer than the limit of 4,194,304; not read");
        assertNoOutOfMemory(result);
        return "held: exit 3, '" + lineWith(result.out(), tooLong) + "'";
    }

    private static String diffOfHugeConflict(Path dir) throws Exception {
        Path original = sampleRelease(dir, "original");
        Path release = sampleRelease(dir, "release");
        Path conflicts = release.resolve("conflicts.csv");
        long line = lines(conflicts) + 1;
        appendHuge(conflicts, "2016-huge-conflict,summary,\"", "\",a.html,b,b.html\r\n");

        CliProcess.Result diffed = underSmallHeap(dir, "diff", original.toString(), release.toString(),
                "--output", dir.resolve("diff.csv").toString());

        String tooLong = "problem: " + conflicts + ": line " + line + ": a field longer than the limit of " + FIELD_LIMIT;
        assertThat(diffed.exitCode()).as(diffed.err()).isEqualTo(3);
        assertThat(diffed.out()).contains(tooLong);
        assertNoOutOfMemory(diffed);
        return "held: exit 3, '" + lineWith(diffed.out(), tooLong).replace(dir.toString(), "…") + "'";
    }

    /** Before: explain read any file whole, whatever extract's size limit. */
    private static String explainOfTooLargeDocument(Path dir) {
        Path page = Path.of("input/sample/derbyshire-2016-effectiveness.html");

        CliRunner.Result result = new CliRunner(dir).run(Map.of("peel.limits.max-document-size", "1KB"), "explain",
                page.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).startsWith("peel-harvest explain: stopped at a document limit: ")
                .contains("more than the 1024 allowed (peel.limits.max-document-size); extract rejects this document too-large");
        assertThat(result.out()).isEmpty();
        return "held: exit 1, '" + result.err().strip() + "'";
    }

    /** Retitles the terminal to PWNED, rings its bell and clears it (ECMA-48 OSC 0 and ED 2). */
    private static final String ESCAPES = "\u001b]0;PWNED\u0007\u001b[2J";
    /** What is left of it as text. */
    private static final String LEFT_AS_TEXT = "]0;PWNED[2J";
    private static final String FINDING = "The force should ensure that the quality of investigations handed over";

    /** Before: published raw, and explain printed it; validate called the release valid. */
    private static String escapesInAReport(Path dir) throws Exception {
        Path page = dir.resolve("input/derbyshire-2016-effectiveness.html");
        Files.createDirectories(page.getParent());
        String html = Files.readString(Path.of("input/sample/derbyshire-2016-effectiveness.html"));
        assertThat(html).contains(FINDING);
        Files.writeString(page, html.replace(FINDING, FINDING + " " + ESCAPES));

        CliRunner cli = new CliRunner(dir);
        CliRunner.Result extracted = cli.run("extract", "--input", page.getParent().toString(), "--output",
                dir.resolve("out").toString(), "-q");
        CliRunner.Result explained = cli.run("explain", page.toString());

        assertThat(extracted.exitCode()).as(extracted.err()).isZero();
        String areas = Files.readString(dir.resolve("out/areas_for_improvement.csv"));
        assertThat(areas).contains(FINDING + " " + LEFT_AS_TEXT);
        assertNoControlCharacter(areas);
        assertThat(Files.readString(dir.resolve("out/warnings.csv")))
                .contains("2016-derbyshire-effectiveness,derbyshire-2016-effectiveness.html,control-characters-removed,"
                        + "\"3 control character(s) removed"); // ESC, BEL, ESC
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("area for improvement (q2)", LEFT_AS_TEXT);
        assertNoControlCharacter(explained.out() + explained.err());
        CliRunner.Result validated = cli.run("validate", dir.resolve("out").toString());
        assertThat(validated.exitCode()).as(validated.out()).isZero();
        return "held: published as '" + LEFT_AS_TEXT + "' with the warning control-characters-removed (3); explain prints "
                + "no ESC or BEL; the release is valid";
    }

    /** A release edited by hand (or by another tool) to hold the escapes: diff shows them escaped, validate names them. */
    private static String escapesInARelease(Path dir) throws Exception {
        Path original = sampleRelease(dir, "original");
        Path release = sampleRelease(dir, "release");
        Path jsonl = release.resolve("reports.jsonl");
        List<String> reports = Files.readAllLines(jsonl);
        int line = indexOf(reports, FINDING);
        // In JSON a control character is written \u001b; in CSV it stands as itself.
        String escapedInJson = ESCAPES.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007");
        reports.set(line, reports.get(line).replace(FINDING, FINDING + " " + escapedInJson));
        Files.write(jsonl, reports);
        Path csv = release.resolve("areas_for_improvement.csv");
        Files.writeString(csv, Files.readString(csv).replace(FINDING, FINDING + " " + ESCAPES));
        long row = indexOf(Files.readAllLines(csv), FINDING) + 1; // row 1 is the header, as in a spreadsheet

        CliProcess.Result diffed = CliProcess.start(dir, Map.of(), "diff", original.toString(), release.toString(),
                "--output", dir.resolve("diff.csv").toString()).await();
        CliRunner.Result validated = new CliRunner(dir).run("validate", release.toString());

        assertThat(diffed.exitCode()).as(diffed.err()).isZero();
        assertThat(diffed.out()).contains("finding-added areas_for_improvement: '' -> '" + FINDING)
                .contains("\\x1b]0;PWNED\\x07\\x1b[2J");
        assertNoControlCharacter(diffed.out() + diffed.err());
        assertThat(validated.exitCode()).isEqualTo(3);
        assertThat(validated.out())
                .contains("problem: reports.jsonl: line " + (line + 1) + ": holds the control character U+001B")
                .contains("problem: areas_for_improvement.csv: row " + row + ", column text: holds the control character U+001B");
        assertNoControlCharacter(validated.out());
        return "held: diff prints '\\x1b]0;PWNED\\x07\\x1b[2J'; validate exit 3, 'problem: reports.jsonl: line " + (line + 1)
                + ": holds the control character U+001B, …'";
    }

    private static String escapesInAnErrorLine(Path dir) {
        CliRunner.Result result = new CliRunner(dir).run("explain", "missing" + ESCAPES + ".pdf");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("peel-harvest explain: no such file: missing\\x1b]0;PWNED\\x07\\x1b[2J.pdf");
        assertNoControlCharacter(result.out() + result.err());
        return "held: '" + result.err().strip() + "'";
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + text);
    }

    /** No C0 control but tab, line feed and carriage return, no DEL, no C1 control: written out here, not taken from the code. */
    private static void assertNoControlCharacter(String text) {
        assertThat(text.chars().filter(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)))
                .as("control characters").isEmpty();
    }

    /** The sample's release, published once for these faults and copied to {@code dir/name}. */
    private static synchronized Path sampleRelease(Path dir, String name) throws Exception {
        if (sample == null) {
            Path home = Files.createDirectories(HostileUseTest.temp.resolve("sample-home"));
            Path output = home.resolve("sample");
            CliRunner.Result result = new CliRunner(home).run("extract", "--input", Path.of("input/sample")
                    .toAbsolutePath().toString(), "--output", output.toString(), "-q");
            assertThat(result.exitCode()).as(result.err()).isZero();
            sample = output;
        }
        Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(sample.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** Appends {@code prefix}, {@link #HUGE} letters and {@code suffix} to {@code file}, a block at a time. */
    private static void appendHuge(Path file, String prefix, String suffix) throws IOException {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < HUGE; written += block.length) {
                out.write(block);
            }
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The line feeds in {@code file}: the number of its lines when it ends with one. */
    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static CliProcess.Result underSmallHeap(Path dir, String... args) throws Exception {
        return CliProcess.start(dir, "64m", Map.of(), args).await();
    }

    /** The whole line of {@code out} that starts with {@code start}. */
    private static String lineWith(String out, String start) {
        return out.lines().filter(line -> line.startsWith(start)).findFirst().orElseThrow();
    }

    private static void assertNoOutOfMemory(CliProcess.Result result) {
        assertThat(result.out() + result.err()).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
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

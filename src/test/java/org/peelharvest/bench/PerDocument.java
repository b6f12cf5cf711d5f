package org.peelharvest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 18, "Per document": what the job costs a small document beyond its parse. The HTML test
 * fixtures ten times over (780 pages, 3.6 MB), each copy in a folder of its own; the extract job's
 * own time over them (its summary's "time taken", the application's start-up left out) against a
 * bare jsoup loop's first round in a fresh JVM ({@link Floor}, every core, its own time). The job
 * runs as a user runs it, through {@code ./peel-harvest} (its class-data-sharing archive, the
 * build's ahead-of-time beans, and, for inputs of at most 4 MB as these are, the JIT's first tier
 * only), and, for information, as the jar alone in a plain JVM. Each is run {@value #ROUNDS} times,
 * one after the other, and the medians compared: a shared machine's load comes and goes within a
 * minute.
 *
 * <p>For information beside it, what each page beyond the first 780 costs: both again on the
 * fixtures {@value #MORE_COPIES} times over, the extra time over the extra pages. The target's
 * measure holds what a run pays once (the JIT's warm-up of the reader, the release's files); this
 * one holds only what a page adds.
 */
final class PerDocument {

    /** The copies of the fixtures (issue 18: "the test fixtures ten times over"). */
    static final int COPIES = 10;
    /** The copies of the marginal measure. */
    static final int MORE_COPIES = 30;
    static final int ROUNDS = 3;
    /** The target: the job's time at most this many times the loop's cold round. */
    static final double AT_MOST = 2.5;

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern FLOOR_MS = Pattern.compile("^floor: (\\d+) files, \\d+ characters, (\\d+) ms", Pattern.MULTILINE);
    private static final Pattern JOB_SECONDS = Pattern.compile("^time taken: ([0-9.]+) s", Pattern.MULTILINE);

    /** The medians of the rounds: the pages, the job's own seconds and the loop's. */
    record Result(int pages, double launcherSeconds, double jobSeconds, double loopSeconds, int morePages,
                  double moreJobSeconds, double moreLoopSeconds) {
        /** The target's measure: the job as the launcher runs it against the loop. */
        double ratio() {
            return launcherSeconds / loopSeconds;
        }

        /** The job's time for each page beyond the first {@link #pages} against the loop's. */
        double marginalRatio() {
            return (moreJobSeconds - jobSeconds) / (moreLoopSeconds - loopSeconds);
        }
    }

    /** One size's medians: the pages, the job's seconds through the launcher (0 when not run) and in a plain JVM, and the loop's. */
    private record Size(int pages, double launcher, double job, double loop) {
    }

    /** What runs a child JVM to its end and returns its output (the benchmark's measure). */
    interface Child {
        String run(List<String> args) throws Exception;
    }

    private PerDocument() {
    }

    static Result measure(Path folder, Child child) throws Exception {
        Size base = measure(folder, child, COPIES, true);
        Size more = measure(folder, child, MORE_COPIES, false);
        return new Result(base.pages(), base.launcher(), base.job(), base.loop(), more.pages(), more.job(), more.loop());
    }

    private static Size measure(Path folder, Child child, int copies, boolean launcherToo) throws Exception {
        Path pages = copies(folder.resolve("fixture-pages-x" + copies), copies);
        Path home = folder.resolve("runs").resolve("per-document").toAbsolutePath();
        if (launcherToo) {
            launcherSeconds(home, pages); // not timed: builds the jar and the launcher's archive if they are stale
        }
        double[] launcher = new double[ROUNDS];
        double[] job = new double[ROUNDS];
        double[] loop = new double[ROUNDS];
        int count = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Matcher floor = FLOOR_MS.matcher(child.run(List.of("-Xmx512m", Floor.class.getName(), pages.toString())));
            if (!floor.find()) {
                throw new IllegalStateException("the jsoup loop printed no time");
            }
            count = Integer.parseInt(floor.group(1));
            loop[round] = Long.parseLong(floor.group(2)) / 1000.0;
            job[round] = jobSeconds(child, home, pages);
            launcher[round] = launcherToo ? launcherSeconds(home, pages) : 0;
        }
        return new Size(count, median(launcher), median(job), median(loop));
    }

    private static double jobSeconds(Child child, Path home, Path pages) throws Exception {
        Benchmark.deleteTree(home);
        Files.createDirectories(home);
        String out = child.run(List.of("-Xmx512m", "-Dpeel.home=" + home, org.peelharvest.job.MeasuredRun.class.getName(),
                "extract", "--output", home.resolve("out").toString(), "--max-reject-rate", "1", "--max-warning-rate", "1",
                "--input", pages.toString()));
        Matcher taken = JOB_SECONDS.matcher(out);
        if (!taken.find()) {
            throw new IllegalStateException("the extract job printed no time taken");
        }
        return Double.parseDouble(taken.group(1));
    }

    /** The job's own time as {@code ./peel-harvest extract} runs it, with the launcher's default heap. */
    private static double launcherSeconds(Path home, Path pages) throws Exception {
        Benchmark.deleteTree(home);
        Files.createDirectories(home);
        List<String> command = List.of(Path.of("peel-harvest").toAbsolutePath().toString(), "extract", "--output",
                home.resolve("out").toString(), "--max-reject-rate", "1", "--max-warning-rate", "1", "--input", pages.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PEEL_JAVA_OPTS");
        System.out.println("running ./peel-harvest " + String.join(" ", command.subList(1, command.size())) + " …");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher taken = JOB_SECONDS.matcher(out);
        if (exit != 0 || !taken.find()) {
            throw new IllegalStateException("the launcher's extract exited " + exit + ":\n" + out);
        }
        System.out.println("  " + taken.group());
        return Double.parseDouble(taken.group(1));
    }

    /** The fixtures' HTML pages, {@code count} times, in folders c0, c1 and on; made once. */
    private static Path copies(Path pages, int count) throws IOException {
        List<Path> html;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            html = files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        for (int copy = 0; copy < count; copy++) {
            Path into = Files.createDirectories(pages.resolve("c" + copy));
            for (Path page : html) {
                Files.copy(page, into.resolve(page.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return pages;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static List<String> report(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "per document (issue 18): %d HTML pages (the fixtures %d times over), "
                        + "medians of %d rounds: the extract job's own time through the launcher %.2f s (the jar in a "
                        + "plain JVM %.2f s, %.2f times the loop's), a bare jsoup loop's cold round %.2f s",
                result.pages(), COPIES, ROUNDS, result.launcherSeconds(), result.jobSeconds(),
                result.jobSeconds() / result.loopSeconds(), result.loopSeconds()));
        lines.add(String.format(Locale.ROOT, "per document beyond the first %d pages (for information, the jar in a plain "
                        + "JVM): %d pages in %.2f s, "
                        + "the loop's cold round %.2f s; each page beyond costs the job %.2f times the loop's",
                result.pages(), result.morePages(), result.moreJobSeconds(), result.moreLoopSeconds(), result.marginalRatio()));
        return lines;
    }

    static String target(Result result) {
        return String.format(Locale.ROOT, "per document: the launcher's extract job / jsoup loop's cold round, %d HTML pages: %.2f "
                + "(target at most %.2f: %s)", result.pages(), result.ratio(), AT_MOST, result.ratio() <= AT_MOST ? "met" : "NOT met");
    }
}

package org.peelharvest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.peelharvest.job.MeasuredRun;

/**
 * The measures of issue 18 the benchmark adds to issue 11's: the start-up a user feels, as the
 * launcher ({@code ./peel-harvest}, with its class-data-sharing archive) runs {@code extract} on the
 * 8-document sample, against the bare jsoup + PDFBox loop ({@link Floor}) on the same 8 files,
 * whole processes both, the median of {@value #ROUNDS} rounds taken in turn; and a job run again
 * on unchanged inputs against its first run.
 */
final class StartupAndRerun {

    private static final int ROUNDS = 5;
    private static final Path SAMPLE = Path.of("input/sample");
    private static final Pattern TIME_TAKEN = Pattern.compile("time taken: ([0-9.]+) s");

    private StartupAndRerun() {
    }

    /** One process: its wall time, start to exit; when it printed its first document's progress line; its output. */
    record Timed(double seconds, double firstDocumentSeconds, String out) {

        /** The job's own time, from its summary line ("time taken"). */
        double jobSeconds() {
            Matcher matcher = TIME_TAKEN.matcher(out);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        }
    }

    /** The lines of the start-up measure, the targets' included. */
    static List<String> startup(Path folder) throws Exception {
        List<String> files = sampleFiles();
        Path out = folder.resolve("runs").resolve("startup").toAbsolutePath();
        List<String> launcher = new ArrayList<>(List.of(Path.of("peel-harvest").toAbsolutePath().toString(), "extract",
                "--output", out.resolve("out").toString()));
        files.forEach(file -> launcher.addAll(List.of("--input", file)));
        List<String> floor = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Floor.class.getName()));
        floor.addAll(files);
        System.out.println("start-up: the launcher's extract of the sample against the bare loop, " + ROUNDS + " rounds …");
        // Not timed: builds the jar if the sources changed, then the launcher's archive if the jar did.
        Benchmark.deleteTree(out);
        time(launcher);
        double[] job = new double[ROUNDS];
        double[] first = new double[ROUNDS];
        double[] bare = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            // Every round a first run: a fresh output, its job repository and extraction cache included.
            Benchmark.deleteTree(out);
            Timed run = time(launcher);
            Timed loop = time(floor);
            job[round] = run.seconds();
            first[round] = run.firstDocumentSeconds();
            bare[round] = loop.seconds();
            ratio[round] = run.seconds() / loop.seconds();
        }
        return List.of(
                String.format(Locale.ROOT, "start-up, the launcher's extract of the %d-document sample (whole process, "
                        + "median of %d): %.2f s, first document done at %.2f s; the bare loop on the same files: %.2f s",
                        files.size(), ROUNDS, median(job), median(first), median(bare)),
                Benchmark.target("start-up: first document done (s)", median(first), 1.5),
                Benchmark.target("start-up: the sample's extract / the bare loop (whole processes, median of the "
                        + "rounds' ratios)", median(ratio), 2.5));
    }

    /**
     * The lines of the re-run measure: the extract job over {@code inputs} into a fresh output, then
     * again on the same, unchanged inputs; the second's time against the first's.
     */
    static List<String> rerun(Path folder, List<Path> inputs, int documents) throws Exception {
        Path home = folder.resolve("runs").resolve("rerun").toAbsolutePath();
        Benchmark.deleteTree(home);
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dpeel.home=" + home, MeasuredRun.class.getName(), "extract", "--output", home.resolve("out").toString(),
                "--max-reject-rate", "1", "--max-warning-rate", "1"));
        inputs.forEach(input -> command.addAll(List.of("--input", input.toString())));
        System.out.println("re-run: the extract job over " + documents + " documents, then again unchanged …");
        Timed first = time(command);
        Timed again = time(command);
        if (!again.out().contains("(" + documents + " unchanged since an earlier run")) {
            throw new IllegalStateException("the second run parsed documents again:\n" + again.out());
        }
        return List.of(
                String.format(Locale.ROOT, "re-run on unchanged inputs, %d documents: the job %.2f s, then %.2f s "
                        + "(whole processes %.2f s, then %.2f s)", documents, first.jobSeconds(), again.jobSeconds(),
                        first.seconds(), again.seconds()),
                Benchmark.target("re-run on unchanged inputs / first run (the job's own time)",
                        again.jobSeconds() / first.jobSeconds(), 0.25));
    }

    private static List<String> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            return files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".pdf")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).toList();
        }
    }

    /** Runs a process to its end; a first document is its progress line "documents 1/…". */
    private static Timed time(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long first = -1;
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (first < 0 && line.startsWith("documents 1/")) {
                    first = System.nanoTime();
                }
                out.append(line).append('\n');
            }
        }
        int exit = child.waitFor();
        long ended = System.nanoTime();
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + out);
        }
        return new Timed((ended - started) / 1e9, first < 0 ? -1 : (first - started) / 1e9, out.toString());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

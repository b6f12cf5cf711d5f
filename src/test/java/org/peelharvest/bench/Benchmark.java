package org.peelharvest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.peelharvest.job.MeasuredRun;
import org.peelharvest.harvest.HarvestSettings;

/**
 * The benchmark of issue 11, one run on one machine: makes the synthetic archive
 * ({@link SyntheticArchive}, {@code -Dn=} pages and as many PDFs, default 1,000), then measures in
 * child JVMs, one at a time: (a) the floor, {@link Floor} over the whole archive, and (a') the same
 * with PDFBox's overprint check off (information: extraction makes that check its own way); (b) the
 * extract job (publishing every dataset, under {@code -Xmx512m}, full speed) over the first quarter,
 * the first half and the whole, then the first quarter and the whole under {@code -Xmx256m}, which
 * they must complete under, taking the live heap every few seconds (not timed: memory must not grow
 * with N); the start-up of {@link MinimalBatchApp}; then, in this JVM, staging and publishing
 * 250, 500 and 1,000 copies of one report ({@link ConflictScaling}); and last a harvest of the
 * archive from a loopback mirror ({@link ArchiveMirror}) followed by a re-harvest of it unchanged
 * at 50 requests a second. Prints documents/s, MB/s, the ratio (b)/(a), time to first document,
 * peak heap, the heap in use after garbage collections, the live heap and peak RSS, the times for N/4, N/2 and N,
 * the times for k copies and the re-harvest's rate, with the targets of the issue; writes the same
 * to {@code target/benchmark/results.txt}.
 */
public final class Benchmark {

    private static final Path FOLDER = Path.of("target/benchmark");
    /** The heap of the measured runs: full speed (the issue: "full speed at 512 MB"). */
    private static final String JOB_HEAP = "-Xmx512m";
    /** The heap the whole archive must also complete under, in a run of its own. */
    private static final String SMALL_HEAP = "-Xmx256m";
    /**
     * JVM options given to every child, e.g. {@code -Dbench.child-options="-XX:StartFlightRecording=..."}
     * to profile the runs measured; none by default, so the floor, the job and the minimal app start alike.
     */
    private static final List<String> CHILD_OPTIONS = System.getProperty("bench.child-options", "").isBlank()
            ? List.of() : List.of(System.getProperty("bench.child-options").strip().split("\\s+"));

    private Benchmark() {
    }

    /** What one child JVM took: wall time, time to its first document, peak RSS and peak heap. */
    record Measured(double seconds, double firstDocumentSeconds, long peakRssBytes, long peakHeapBytes, String out,
                    long heapAfterGcBytes) {

        Measured withHeapAfterGc(long bytes) {
            return new Measured(seconds, firstDocumentSeconds, peakRssBytes, peakHeapBytes, out, bytes);
        }
    }

    /** Copies of one report staged and published, for the conflict measure (issue 11). */
    private static final List<Integer> COPIES = List.of(250, 500, 1000);
    /** The rate of the re-harvest measure, requests a second, and the share of it to achieve. */
    private static final double REHARVEST_RATE = 50;
    private static final String USER_AGENT = "peel-harvest-benchmark/1 (benchmark@example.org)";

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("n", 1000);
        if (n < 4) {
            System.err.println("benchmark: -Dn=" + n + ": n must be at least 4 (a quarter of the archive is measured)");
            System.exit(2);
        }
        if (Boolean.getBoolean("bench.per-document-only")) {
            perDocumentOnly();
            return;
        }
        if (Boolean.getBoolean("bench.startup-only")) {
            startupOnly(n);
            return;
        }
        List<String> report = new ArrayList<>();
        report.add("peel-harvest benchmark (issue 11), " + Instant.now());
        report.add("machine: " + machine());
        report.add("load average before: " + loadAverage());
        System.out.println("making the synthetic archive: " + n + " HTML pages and " + n + " PDF reports …");
        Path archive = SyntheticArchive.make(FOLDER, n);
        long bytes = sizeOf(SyntheticArchive.quarters(archive, 4));
        report.add(String.format(Locale.ROOT, "archive: %d HTML pages and %d PDFs, %.1f MB (%s)", n, n, bytes / 1e6,
                archive));

        Measured floor = floor(archive, true);
        report.add(line("(a) floor: jsoup and PDFBox only, every core", 2 * n, bytes, floor));
        Measured lowerFloor = floor(archive, false);
        report.add(line("(a') the floor with PDFBox's check for glyphs drawn over themselves off", 2 * n, bytes,
                lowerFloor));
        Measured[] runs = new Measured[3];
        int[] quarters = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            List<Path> inputs = SyntheticArchive.quarters(archive, quarters[i]);
            runs[i] = extract(inputs, "n" + quarters[i], JOB_HEAP);
            report.add(line("(b) extract job, " + quarters[i] + "/4 of the archive, " + JOB_HEAP, 2 * n * quarters[i] / 4,
                    sizeOf(inputs), runs[i]));
        }
        Measured smallQuarter = extract(SyntheticArchive.quarters(archive, 1), "n1-small-heap", SMALL_HEAP, LIVE_EVERY);
        report.add(line("(b) extract job, 1/4 of the archive, " + SMALL_HEAP + ", live heap taken every " + LIVE_EVERY
                + " s", n / 2, sizeOf(SyntheticArchive.quarters(archive, 1)), smallQuarter));
        Measured small = extract(SyntheticArchive.quarters(archive, 4), "n4-small-heap", SMALL_HEAP, LIVE_EVERY);
        report.add(line("(b) extract job, the whole archive, " + SMALL_HEAP + ", live heap taken every " + LIVE_EVERY
                + " s", 2 * n, bytes, small));
        Measured minimal = minimal();
        report.add(String.format(Locale.ROOT, "minimal Boot + Batch app (same job repository): first document at %.2f s",
                minimal.firstDocumentSeconds()));
        System.out.println("staging and publishing " + COPIES + " copies of one report …");
        Map<Integer, Double> conflicts = ConflictScaling.measure(FOLDER.resolve("runs").resolve("copies"), COPIES);
        conflicts.forEach((k, seconds) -> report.add(String.format(Locale.ROOT,
                "conflicts and de-duplication, %d copies of one report (HTML and PDF): staged and published in %.2f s", k,
                seconds)));
        double reharvestRate = reharvest(archive);
        report.add(String.format(Locale.ROOT, "re-harvest of the unchanged archive on loopback at --rate %.0f: %.1f "
                + "requests/s", REHARVEST_RATE, reharvestRate));

        PerDocument.Result perDocument = PerDocument.measure(FOLDER, Benchmark::childOutput);
        report.addAll(PerDocument.report(perDocument));

        Measured whole = runs[2];
        report.add("");
        report.add(target("extract / floor (wall, whole archive)", whole.seconds() / floor.seconds(), 1.25));
        report.add(String.format(Locale.ROOT, "extract / floor without PDFBox's overprint check (information: "
                + "extraction does that check its own way): %.2f", whole.seconds() / lowerFloor.seconds()));
        report.add(target("time for N / time for N/2", whole.seconds() / runs[1].seconds(), 2.2));
        report.add(firstDocumentTarget(runs[0], minimal));
        for (int i = 1; i < COPIES.size(); i++) {
            report.add(target("conflicts: time for " + COPIES.get(i) + " copies / for " + COPIES.get(i - 1),
                    conflicts.get(COPIES.get(i)) / conflicts.get(COPIES.get(i - 1)), 2.2));
        }
        report.add(String.format(Locale.ROOT, "peak heap N/4, N/2, N: %d, %d, %d MB; the whole completed under %s: %s "
                        + "(peak heap %d MB, %.2f s)", runs[0].peakHeapBytes() >> 20, runs[1].peakHeapBytes() >> 20,
                whole.peakHeapBytes() >> 20, SMALL_HEAP, small.out().contains("published to") ? "yes" : "NO",
                small.peakHeapBytes() >> 20, small.seconds()));
        report.add(String.format(Locale.ROOT, "heap in use after G1's collections (old garbage not yet collected "
                        + "included), largest, N/4, N/2, N: %d, %d, %d MB", runs[0].heapAfterGcBytes() >> 20,
                runs[1].heapAfterGcBytes() >> 20, whole.heapAfterGcBytes() >> 20));
        report.add(String.format(Locale.ROOT, "live heap (after a full collection every %d s), N/4 and N under %s: "
                + "median of the samples %d, %d MB; largest %d, %d MB (%d and %d samples)", LIVE_EVERY, SMALL_HEAP,
                liveMedian(smallQuarter) >> 20, liveMedian(small) >> 20, liveSet(smallQuarter) >> 20, liveSet(small) >> 20,
                liveSamples(smallQuarter).length, liveSamples(small).length));
        report.add(target("live heap for N / for N/4 (medians of the samples)",
                (double) liveMedian(small) / liveMedian(smallQuarter), 1.25));
        report.add(String.format(Locale.ROOT, "re-harvest rate / --rate %.0f: %.2f (target at least 0.90: %s)",
                REHARVEST_RATE, reharvestRate / REHARVEST_RATE, reharvestRate >= 0.9 * REHARVEST_RATE ? "met" : "NOT met"));
        // Issue 18: the start-up a user feels, and a run again on unchanged inputs.
        report.addAll(StartupAndRerun.startup(FOLDER));
        report.addAll(StartupAndRerun.rerun(FOLDER, SyntheticArchive.quarters(archive, 4), 2 * n));
        report.add(PerDocument.target(perDocument));
        report.add("load average after: " + loadAverage());
        Files.createDirectories(FOLDER);
        Files.write(FOLDER.resolve("results.txt"), report, StandardCharsets.UTF_8);
        System.out.println();
        report.forEach(System.out::println);
        System.out.println("written to " + FOLDER.resolve("results.txt"));
    }

    /** {@code -Dbench.per-document-only=true}: issue 18's per-document measure alone, a minute or two. */
    private static void perDocumentOnly() throws Exception {
        List<String> report = partHeader("per document only");
        PerDocument.Result result = PerDocument.measure(FOLDER, Benchmark::childOutput);
        report.addAll(PerDocument.report(result));
        report.add(PerDocument.target(result));
        writePart(report, "per-document.txt");
    }

    /**
     * {@code -Dbench.startup-only=true}: the start-up measures alone, a few minutes: issue 11's first
     * document of the extract job over a quarter of the archive against the minimal application's,
     * then issue 18's launcher against the bare loop on the sample.
     */
    private static void startupOnly(int n) throws Exception {
        List<String> report = partHeader("start-up only");
        Path archive = SyntheticArchive.make(FOLDER, n);
        List<Path> quarter = SyntheticArchive.quarters(archive, 1);
        Measured extract = extract(quarter, "n1", JOB_HEAP);
        Measured minimal = minimal();
        report.add(line("(b) extract job, 1/4 of the archive, " + JOB_HEAP, n / 2, sizeOf(quarter), extract));
        report.add(String.format(Locale.ROOT, "minimal Boot + Batch app (same job repository): first document at %.2f s",
                minimal.firstDocumentSeconds()));
        report.add(firstDocumentTarget(extract, minimal));
        report.addAll(StartupAndRerun.startup(FOLDER));
        writePart(report, "startup.txt");
    }

    private static String firstDocumentTarget(Measured extract, Measured minimal) {
        return target("start-up to first document / minimal app's",
                extract.firstDocumentSeconds() / minimal.firstDocumentSeconds(), 1.5);
    }

    private static List<String> partHeader(String part) {
        List<String> report = new ArrayList<>();
        report.add("peel-harvest benchmark, " + part + ", " + Instant.now());
        report.add("machine: " + machine());
        report.add("load average before: " + loadAverage());
        return report;
    }

    private static void writePart(List<String> report, String file) throws IOException {
        report.add("load average after: " + loadAverage());
        Files.createDirectories(FOLDER);
        Files.write(FOLDER.resolve(file), report, StandardCharsets.UTF_8);
        System.out.println();
        report.forEach(System.out::println);
        System.out.println("written to " + FOLDER.resolve(file));
    }

    private static String childOutput(List<String> args) throws Exception {
        return measure(args, null).out();
    }

    private static String line(String what, int documents, long bytes, Measured measured) {
        return String.format(Locale.ROOT, "%s: %d documents in %.2f s (%.1f documents/s, %.2f MB/s), first document "
                        + "at %s, peak heap %s, peak RSS %d MB", what, documents, measured.seconds(),
                documents / measured.seconds(), bytes / 1e6 / measured.seconds(),
                measured.firstDocumentSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", measured.firstDocumentSeconds()),
                measured.peakHeapBytes() < 0 ? "-" : (measured.peakHeapBytes() >> 20) + " MB", measured.peakRssBytes() >> 20);
    }

    static String target(String what, double ratio, double atMost) {
        return String.format(Locale.ROOT, "%s: %.2f (target at most %.2f: %s)", what, ratio, atMost,
                ratio <= atMost ? "met" : "NOT met");
    }

    private static Measured floor(Path archive, boolean overprintCheck) throws Exception {
        List<String> args = new ArrayList<>(List.of("-Xmx512m", "-Dfloor.overprints=" + (overprintCheck ? "on" : "off"),
                Floor.class.getName()));
        SyntheticArchive.quarters(archive, 4).forEach(q -> args.add(q.toString()));
        return measure(args, null);
    }

    /**
     * How often, in seconds, the runs under {@value #SMALL_HEAP} take the live heap (a full
     * collection, then the heap in use: MeasuredRun); the timed runs never do.
     */
    private static final int LIVE_EVERY = 5;

    private static Measured extract(List<Path> inputs, String name, String heapLimit) throws Exception {
        return extract(inputs, name, heapLimit, 0);
    }

    /** The largest live heap a run took (MeasuredRun with {@code peel.bench.liveEvery}), -1 when it took none. */
    private static long liveSet(Measured run) {
        return run.out().lines().filter(l -> l.startsWith(MeasuredRun.LIVE_HEAP))
                .mapToLong(l -> Long.parseLong(l.substring(MeasuredRun.LIVE_HEAP.length()).strip())).findFirst().orElse(-1);
    }

    /**
     * The median of the live heap's samples: what the run holds as it goes. The largest sample is
     * what two of the archive's largest PDFs hold when they happen to be read at once; a run of N
     * documents takes four times the samples of a run of N/4 and so four times the chances to catch
     * that, which made the largest a measure of luck (1.23 to 1.41 over the same tree and archive).
     */
    private static long liveMedian(Measured run) {
        long[] samples = liveSamples(run);
        if (samples.length == 0) {
            return -1;
        }
        long[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] liveSamples(Measured run) {
        return run.out().lines().filter(l -> l.startsWith(MeasuredRun.LIVE_HEAP_SAMPLES))
                .flatMap(l -> java.util.Arrays.stream(l.substring(MeasuredRun.LIVE_HEAP_SAMPLES.length()).strip().split(" ")))
                .filter(v -> !v.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static Measured extract(List<Path> inputs, String name, String heapLimit, int liveEvery) throws Exception {
        Path home = FOLDER.resolve("runs").resolve(name).toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        Path heap = home.resolve("heap.jfr");
        // The garbage collector's own heap summaries (a JFR recording of them alone costs next to nothing).
        // As the launcher runs it: from the application's ahead-of-time processing (issue 18; the minimal app has none).
        List<String> args = new ArrayList<>(List.of(heapLimit, "-XX:StartFlightRecording=filename=" + heap
                + ",settings=" + heapSettings(), "-Dpeel.home=" + home, "-Dpeel.bench.liveEvery=" + liveEvery,
                "-Dspring.aot.enabled=true",
                MeasuredRun.class.getName(),
                "extract", "--output", home.resolve("out").toString(), "--max-reject-rate", "1",
                "--max-warning-rate", "1"));
        inputs.forEach(input -> {
            args.add("--input");
            args.add(input.toString());
        });
        return measure(args, "documents 1/").withHeapAfterGc(largestHeapAfterGc(heap));
    }

    /** A JFR settings file that records only the heap summary before and after each collection. */
    private static Path heapSettings() throws IOException {
        Path settings = FOLDER.resolve("heap-after-gc.jfc").toAbsolutePath();
        Files.writeString(settings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="heap after GC">
                  <event name="jdk.GCHeapSummary"><setting name="enabled">true</setting></event>
                </configuration>
                """, StandardCharsets.UTF_8);
        return settings;
    }

    /**
     * The most heap in use just after a garbage collection, over the run: what was still reachable
     * then, with at most the old generation's garbage not yet collected; a fairer measure of what the
     * run keeps than the pools' peaks, which count garbage waiting to be collected.
     */
    private static long largestHeapAfterGc(Path recording) throws IOException {
        long largest = -1;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.GCHeapSummary") && "After GC".equals(event.getString("when"))) {
                largest = Math.max(largest, event.getLong("heapUsed"));
            }
        }
        return largest;
    }

    /**
     * Harvests the archive from a loopback mirror once at full speed, then again at
     * {@value #REHARVEST_RATE} requests a second, every document unchanged (all answered 304);
     * the requests a second the mirror saw during the second, from its first request to its last.
     */
    private static double reharvest(Path archive) throws Exception {
        Path home = FOLDER.resolve("runs").resolve("reharvest").toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        try (ArchiveMirror mirror = new ArchiveMirror(SyntheticArchive.quarters(archive, 4))) {
            System.out.println("harvesting the archive's " + mirror.documentCount() + " documents from " + mirror.seed()
                    + " …");
            // The first harvest as fast as a harvest may go; the second is the measured one.
            measure(harvest(home, mirror.seed(), HarvestSettings.MOST_REQUESTS_PER_SECOND), null);
            mirror.clearLog();
            measure(harvest(home, mirror.seed(), REHARVEST_RATE), null);
            List<ArchiveMirror.Answered> answered = mirror.answered();
            long notModified = answered.stream().filter(a -> a.status() == 304).count();
            double span = (answered.get(answered.size() - 1).nanos() - answered.get(0).nanos()) / 1e9;
            System.out.printf(Locale.ROOT, "  re-harvest: %d requests, %d answered 304, over %.2f s%n", answered.size(),
                    notModified, span);
            return (answered.size() - 1) / span;
        }
    }

    private static List<String> harvest(Path home, String seed, double rate) {
        return List.of(JOB_HEAP, "-Dpeel.home=" + home, MeasuredRun.class.getName(), "harvest", "--seed", seed,
                "--allow", seed, "--snapshot", home.resolve("snapshots").toString(), "--rate",
                String.format(Locale.ROOT, "%.0f", rate), "--user-agent", USER_AGENT);
    }

    private static Measured minimal() throws Exception {
        Path home = FOLDER.resolve("runs").resolve("minimal").toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        // The same JVM options as the extract job's runs, the heap's recording included, so that start-up is compared fairly.
        return measure(List.of(JOB_HEAP, "-XX:StartFlightRecording=filename=" + home.resolve("heap.jfr") + ",settings="
                + heapSettings(), "-Dpeel.job-repository=" + home, MinimalBatchApp.class.getName()), "first document");
    }

    /**
     * Runs a child JVM on this classpath to its end: its wall time from start to exit, when it
     * printed a line starting with {@code firstDocument}, its peak RSS (VmHWM, read while it runs)
     * and the peak heap it reports.
     */
    private static Measured measure(List<String> args, String firstDocument) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(CHILD_OPTIONS);
        command.addAll(args);
        System.out.println("running " + String.join(" ", args.subList(0, Math.min(args.size(), 6))) + " …");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] first = {-1};
        long[] heap = {-1};
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (firstDocument != null && first[0] < 0 && line.startsWith(firstDocument)) {
                        first[0] = System.nanoTime();
                    }
                    if (line.startsWith(MeasuredRun.PEAK_HEAP)) {
                        heap[0] = Long.parseLong(line.substring(MeasuredRun.PEAK_HEAP.length()).strip());
                    }
                    out.append(line).append('\n');
                }
            } catch (IOException e) {
                out.append("(output lost: ").append(e).append(")\n");
            }
        });
        reader.start();
        long rss = 0;
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        while (child.isAlive()) {
            rss = Math.max(rss, peakRss(status));
            Thread.sleep(50);
        }
        long ended = System.nanoTime();
        reader.join();
        if (child.exitValue() != 0 && child.exitValue() != 3) {
            throw new IllegalStateException("the child JVM exited " + child.exitValue() + ":\n" + out);
        }
        // The child's last lines, whole ones only.
        String tail = out.length() > 600 ? out.substring(out.indexOf("\n", out.length() - 600) + 1) : out.toString();
        System.out.print(tail.lines().filter(l -> !l.startsWith("documents ")).map(l -> "  " + l + "\n")
                .reduce("", String::concat));
        return new Measured((ended - started) / 1e9, first[0] < 0 ? -1 : (first[0] - started) / 1e9, rss, heap[0],
                out.toString(), -1);
    }

    /** VmHWM, the resident set's high-water mark, of a running process; 0 once it is gone. */
    private static long peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between the check and the read.
        }
        return 0;
    }

    private static long sizeOf(List<Path> folders) throws IOException {
        long total = 0;
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                total += files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
        return total;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the processor is not named.
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

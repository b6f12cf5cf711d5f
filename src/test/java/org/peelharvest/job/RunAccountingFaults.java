package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.testing.Csv;
import org.peelharvest.testing.Programs;

/**
 * Points 6, 8 and 11 of {@link HostileUseTest}: what a run counts and says of itself. Copies of a
 * folder are each a document read, counted by the summary and the quality gate and named in
 * {@code run.json}; SIGTERM and SIGINT stop a run between documents, recorded as stopped by a
 * signal, with the exit code of that signal, and the next run resumes to a clean run's release; a
 * full disk is named with the file and the system's reason; the job repository leaves no trace
 * file that grows a run.
 */
final class RunAccountingFaults {

    private static final Path SAMPLE = Path.of("input/sample");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Java type's name in a line meant for a person ("SQLException", "java.io", "org.springframework"). */
    private static final Pattern JAVA_NAMES = Pattern.compile("\\w+(Exception|Error)\\b|\\bjava\\.|\\borg\\.springframework|\\tat ");
    private static final Pattern PROGRESS = Pattern.compile("documents (\\d+)/(\\d+)");
    /** Copies of the sample's eight documents for a run long enough to be stopped in its middle. */
    private static final int COPIES = 50;

    private RunAccountingFaults() {
    }

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                new FaultTable.Fault("6. three copies of the sample folder, each with a page that is not a report",
                        RunAccountingFaults::copiesAreEachADocumentRead),
                new FaultTable.Fault("8. SIGTERM in the middle of an extract", dir -> stoppedBySignal(dir, "TERM", 143)),
                new FaultTable.Fault("8. SIGINT (Ctrl-C) in the middle of an extract", dir -> stoppedBySignal(dir, "INT", 130)),
                new FaultTable.Fault("8. the output's disk fills up (a 200 KB tmpfs)", RunAccountingFaults::fullDisk),
                new FaultTable.Fault("11. two runs and a status on one H2 job repository",
                        RunAccountingFaults::noGrowingTraceFile));
    }

    // 6. ------------------------------------------------------------------------------------------

    private static String copiesAreEachADocumentRead(Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Map<String, String> files = new TreeMap<>();
        for (String copy : List.of("first", "second", "third")) {
            Path folder = Files.createDirectories(inbox.resolve(copy));
            for (Path sample : sampleDocuments()) {
                Files.copy(sample, folder.resolve(sample.getFileName()));
            }
            Files.writeString(folder.resolve("about-this-site.html"),
                    "<html><head><title>About this site</title></head><body><p>Contact us.</p></body></html>");
            try (Stream<Path> written = Files.list(folder)) {
                for (Path file : written.toList()) {
                    files.put(copy + "/" + file.getFileName(), SourceDocument.sha256(file));
                }
            }
        }
        Path output = dir.resolve("out");

        CliRunner.Result result = new CliRunner(dir).run("extract", "--input", inbox.toString(), "--output",
                output.toString());

        assertThat(files).hasSize(27);
        assertThat(result.exitCode()).as("3 of 27 rejected is 11%%, under the gate's 20%%: " + result.out()).isZero();
        assertThat(result.err()).contains("documents 27/27");
        assertThat(result.out()).contains("documents read: 27", "reports extracted: 24", "rejected: 3 (not-a-report 3)");
        JsonNode run = JSON.readTree(output.resolve("run.json").toFile());
        assertThat(run.path("counts").path("documents").asInt()).isEqualTo(27);
        assertThat(run.path("counts").path("rejects").asInt()).isEqualTo(3);
        assertThat(run.path("quality_gate").path("reject_rate").asDouble()).isCloseTo(3.0 / 27, within(1e-9));
        Map<String, String> named = new TreeMap<>();
        run.path("inputs").forEach(input -> named.put(input.path("url").asString(), input.path("sha256").asString()));
        assertThat(run.path("inputs").size()).as("one input a file read").isEqualTo(27);
        assertThat(named).as("every file read, named with its digest").isEqualTo(files);
        assertThat(Csv.read(output.resolve("rejects.csv"))).extracting(r -> r.get("source_url"))
                .containsExactly("first/about-this-site.html", "second/about-this-site.html", "third/about-this-site.html");
        return "held: progress 27/27, summary 27 read (24 reports' documents, 3 rejected), gate 11%, exit 0; "
                + "run.json names all 27 files with their digests";
    }

    // 8. signals ----------------------------------------------------------------------------------

    private static String stoppedBySignal(Path dir, String signal, int exitCode) throws Exception {
        // A background job of a shell without job control ignores SIGINT, and a child keeps what its parent ignores.
        List<String> defaultSignals = List.of("env", "--default-signal=INT");
        assumeTrue(Programs.run(List.of("env", "--default-signal=INT", "true"), dir, 30).exitCode() == 0,
                "env --default-signal (GNU coreutils 8.31) is needed to give the run SIGINT's default");
        Path inbox = manyCopies(dir.resolve("inbox"));
        Path output = dir.resolve("out");
        String[] extract = {"extract", "--input", inbox.toString(), "--output", output.toString()};
        Map<String, String> everyDocument = Map.of("peel.progress-interval", "0s");

        CliProcess run = CliProcess.start(defaultSignals, dir, everyDocument, extract);
        int total = awaitProgress(run, 20);
        if (signal.equals("TERM")) {
            run.terminate();
        } else {
            Programs.run(List.of("kill", "-INT", Long.toString(run.pid())), dir, 30);
        }
        CliProcess.Result stopped = run.await();

        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(exitCode);
        List<String> problems = stopped.err().lines().filter(l -> l.startsWith("peel-harvest")).toList();
        assertThat(problems).as(stopped.err()).containsExactly("peel-harvest: job extract stopped by signal (SIG" + signal
                + "); run the same command again to resume");
        assertThat(JAVA_NAMES.matcher(stopped.err()).find()).as("a Java name on stderr: " + stopped.err()).isFalse();
        JsonNode record = newestRecord(dir.resolve(".out.peel-harvest/runs"));
        assertThat(record.path("result").asString()).isEqualTo("stopped");
        assertThat(record.path("exit_code").asInt()).isEqualTo(exitCode);
        assertThat(record.path("error").asString()).startsWith("stopped by signal (SIG" + signal + ")");
        int done = record.path("counts").path("documents").asInt();
        assertThat(done).as("documents done before the stop, of " + total).isBetween(1, total - 1);
        // status counts the stopped run as its summary and record did, with the signal's exit code.
        // A child JVM: the run's own job repository, in its output's state folder, as a user's status reads it.
        CliProcess.Result listed = CliProcess.start(dir, Map.of(), "status", "--output", output.toString()).await();
        List<String> rows = listed.out().lines().skip(1).toList();
        assertThat(rows).as(listed.out() + listed.err()).hasSize(1);
        String[] row = rows.get(0).split("\t", -1);
        assertThat(row[4]).isEqualTo("STOPPED");
        assertThat(row[5]).as("documents").isEqualTo(Integer.toString(done));
        assertThat(row[8]).as("exit code").isEqualTo(Integer.toString(exitCode));

        CliProcess.Result resumed = CliProcess.start(dir, everyDocument, extract).await();
        CliRunner.Result clean = new CliRunner(dir.resolve("clean")).run("extract", "--input", inbox.toString(),
                "--output", dir.resolve("clean/out").toString());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming run 1 of extract where it stopped (STOPPED)",
                "documents read: " + total);
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(releaseOf(output)).isEqualTo(releaseOf(dir.resolve("clean/out")));
        return "held: exit " + exitCode + ", one line 'stopped by signal (SIG" + signal + ")', record 'stopped' after "
                + done + " of " + total + " documents; the next run resumed to a clean run's release";
    }

    /** The sample's documents {@value #COPIES} times, each copy in a folder of its own. */
    private static Path manyCopies(Path inbox) throws IOException {
        for (int i = 0; i < COPIES; i++) {
            Path folder = Files.createDirectories(inbox.resolve(String.format("copy-%02d", i)));
            for (Path sample : sampleDocuments()) {
                Files.copy(sample, folder.resolve(sample.getFileName()));
            }
        }
        return inbox;
    }

    /** Waits until the run has done {@code documents} documents, and returns how many it has in all. */
    private static int awaitProgress(CliProcess run, int documents) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && run.isAlive()) {
            Matcher progress = PROGRESS.matcher(run.errSoFar());
            int done = -1;
            int total = -1;
            while (progress.find()) {
                done = Integer.parseInt(progress.group(1));
                total = Integer.parseInt(progress.group(2));
            }
            if (done >= documents) {
                return total;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not reach " + documents + " documents: " + run.errSoFar());
    }

    // 8. full disk --------------------------------------------------------------------------------

    private static String fullDisk(Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mountTmpfs(disk, "200k");
        try {
            Path output = disk.resolve("out");
            CliRunner cli = new CliRunner(dir);
            String[] extract = {"extract", "--input", SAMPLE.toString(), "--output", output.toString()};

            CliRunner.Result full = cli.run(extract);

            assertThat(full.exitCode()).as(full.out() + full.err()).isEqualTo(Outcome.JOB_FAILED);
            List<String> problems = full.err().lines().filter(l -> l.startsWith("peel-harvest: job")).toList();
            assertThat(problems).as(full.err()).hasSize(1);
            assertThat(problems.get(0)).startsWith("peel-harvest: job extract failed: no space left on device writing "
                    + disk);
            assertThat(JAVA_NAMES.matcher(full.err()).find()).as("a Java name on stderr: " + full.err()).isFalse();

            mount(List.of("mount", "-o", "remount,size=8m", disk.toString()), dir);
            CliRunner.Result freed = cli.run(extract);

            assertThat(freed.exitCode()).as(freed.out() + freed.err()).isZero();
            assertThat(freed.out()).contains("resuming run 1 of extract", "documents read: 8");
            return "held: exit 1, '" + problems.get(0).substring(problems.get(0).indexOf("no space"),
                    problems.get(0).indexOf(" writing ") + 9) + "…', no stack trace; with space freed the run resumed";
        } finally {
            unmount(disk);
        }
    }

    /**
     * A small tmpfs at {@code folder}: the tests run as root where the project's CI runs them; on a
     * machine where mounting is not permitted the check is skipped, except under CI ({@code CI=true}).
     */
    private static void mountTmpfs(Path folder, String size) throws Exception {
        mount(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString()), folder.getParent());
    }

    /** Unmounts {@code folder}; should a file on it still be open, detached now and unmounted when it is closed. */
    private static void unmount(Path folder) throws Exception {
        if (Programs.run(List.of("umount", folder.toString()), folder.getParent(), 60).exitCode() != 0) {
            Programs.run(List.of("umount", "-l", folder.toString()), folder.getParent(), 60);
        }
    }

    private static void mount(List<String> command, Path dir) throws Exception {
        Programs.Result mounted;
        try {
            mounted = Programs.run(command, dir, 60);
        } catch (IOException e) {
            mounted = new Programs.Result(-1, "", String.valueOf(e.getMessage()));
        }
        if (mounted.exitCode() != 0 && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(String.join(" ", command) + " is not permitted: " + mounted.err());
        }
        assumeTrue(mounted.exitCode() == 0, String.join(" ", command) + " is not permitted: " + mounted.err());
    }

    // 11. ----------------------------------------------------------------------------------------

    /**
     * In child JVMs, as a user runs the commands, with the job repository each output has beside it.
     * (In the tests' own JVM, which runs with assertions enabled, H2 2.4.240's MVStore fails an
     * assertion as it closes, "IO Exception: Closing … AssertionError: 17", and traces about 2.7 KB
     * at most runs' end, before this change as after it; a JVM run as the launcher runs it
     * has no assertions enabled.)
     */
    private static String noGrowingTraceFile(Path dir) throws Exception {
        Path output = dir.resolve("out");
        String[] extract = {"extract", "--input", SAMPLE.toAbsolutePath().toString(), "--output", output.toString()};
        Path repository = PeelHarvestApplication.repositoryFolder(output);

        assertThat(CliProcess.start(dir, Map.of(), extract).await().exitCode()).isZero();
        long afterFirst = traceBytes(repository);
        assertThat(CliProcess.start(dir, Map.of(), extract).await().exitCode()).isZero();
        assertThat(CliProcess.start(dir, Map.of(), "status", "--output", output.toString()).await().exitCode()).isZero();
        long afterStatus = traceBytes(repository);

        assertThat(afterStatus).as("bytes of *.trace.db after a second run and a status: %s", traceText(repository))
                .isEqualTo(afterFirst);
        return "held: " + (afterStatus == 0 ? "no *.trace.db file" : "*.trace.db stayed " + afterStatus + " bytes")
                + " after two runs and a status";
    }

    private static String traceText(Path repository) throws IOException {
        try (Stream<Path> files = Files.list(repository)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList()) {
                text.append(Files.readString(file).lines().limit(5).toList());
            }
            return text.toString();
        }
    }

    private static long traceBytes(Path repository) throws IOException {
        try (Stream<Path> files = Files.list(repository)) {
            long bytes = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    // -------------------------------------------------------------------------------------------

    private static List<Path> sampleDocuments() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    private static JsonNode newestRecord(Path runs) throws IOException {
        try (Stream<Path> records = Files.list(runs)) {
            Path newest = records.filter(f -> f.toString().endsWith(".json")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError("no record in " + runs));
            return JSON.readTree(newest.toFile());
        }
    }

    /**
     * Every file of an extract's output, by its digest, and the documents its run.json names:
     * run.json otherwise names the run, index.html its start, and the manifest both their digests.
     */
    private static Map<String, String> releaseOf(Path output) throws IOException {
        Map<String, String> files = new HashMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(output)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path file : paths) {
            String name = output.relativize(file).toString();
            switch (name) {
                case "run.json" -> files.put("run.json inputs", JSON.readTree(file.toFile()).path("inputs").toString());
                case "index.html" -> files.put(name, SourceDocument.sha256(SameBytesTest.withoutRunLine(file)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                case "manifest-sha256.txt" -> files.put(name, Files.readAllLines(file).stream()
                        .filter(l -> !l.endsWith("  run.json") && !l.endsWith("  index.html")).toList().toString());
                default -> files.put(name, SourceDocument.sha256(file));
            }
        }
        return new TreeMap<>(files);
    }
}

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;

import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.CsvStyle;
import org.peelharvest.testing.Csv;
import org.peelharvest.cli.Cli;

/**
 * Issue 9, the job and extract side: each fault injected for real, and what the run made of it.
 * The faults of one document (a huge page, junk named WARC, a gzip bomb, a WARC record with a
 * 1 GiB body, an unreadable folder, {@code /dev/zero}, dangling and looping links, UTF-16) go
 * into one run of a real child JVM with a 256 MB heap, beside the 8 sample documents; the other
 * faults each get a run of their own; then a real child process is killed with SIGKILL at random
 * (seeded) moments of start-up, extract and publish, and each kill is followed by a resume that
 * must publish a release byte-identical to a clean run's (every file but {@code run.json}, and
 * every line of {@code manifest-sha256.txt} but run.json's).
 *
 * <p>Prints a table {@code fault | outcome} and {@code faults injected: N, held: N}; any fault that
 * did not hold fails its own test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final Path SAMPLE = Path.of("input/sample");
    private static final int KILLS = Integer.getInteger("peel.faults.kill-count", 20);
    private static final long SEED = Long.getLong("peel.faults.seed", 20261130L);
    /**
     * Runs in this JVM take turns: Spring Batch keeps the scopes of running steps in one static
     * map keyed by step execution id, and the two lanes' job repositories hand out the same ids.
     */
    private static final Object IN_PROCESS = new Object();
    private static final FaultTable TABLE = new FaultTable();

    @TempDir
    static Path temp;

    static Stream<FaultTable.Fault> faults() {
        return Stream.of(
                new FaultTable.Fault("job instance recorded with no execution (killed as it started)", FaultInjectionTest::orphanInstance),
                hostile("100 MB HTML page", "huge.html", "too-large"),
                hostile("40 MB HTML page, more than a 256 MB heap can parse", "heavy.html", "too-large"),
                hostile("junk named .warc", "junk.warc", "corrupt-warc"),
                hostile("junk named .warc.gz", "junk.warc.gz", "corrupt-warc"),
                hostile("gzip bomb named .warc.gz (1 GiB of zeros)", "bomb.warc.gz", "corrupt-warc"),
                hostile("WARC record with a 1 GiB body", "https://example.org/huge-record", "too-large"),
                hostile("unreadable subfolder", "locked/", "unreadable"),
                hostile("/dev/zero as an input", "zero", "unreadable"),
                hostile("dangling symbolic link named .html", "gone.html", "unreadable"),
                hostile("looping symbolic link named .html", "loop.html", "unreadable"),
                new FaultTable.Fault("UTF-16 pages (with and without byte-order mark)", FaultInjectionTest::utf16Published),
                new FaultTable.Fault("hostile set under -Xmx256m: exit 0, every good document published", FaultInjectionTest::hostileRunCompletes),
                new FaultTable.Fault("a document past its time limit", FaultInjectionTest::timedOut),
                new FaultTable.Fault("inputs added, changed and removed between a failure and its resume", FaultInjectionTest::inputsChanged),
                new FaultTable.Fault("205 inputs, paths with newlines", FaultInjectionTest::manyInputsWithNewlines),
                new FaultTable.Fault("output inside an input", dir -> usage(dir, "in", "in/out", "is inside the input")),
                new FaultTable.Fault("output equal to an input", dir -> usage(dir, "in", "in", "is also an input")),
                new FaultTable.Fault("output is an existing file", FaultInjectionTest::outputIsAFile),
                new FaultTable.Fault("input inside the output", dir -> usage(dir, "out/old", "out", "is inside the output")),
                new FaultTable.Fault("job file over 1 MB", FaultInjectionTest::hugeJobFile),
                new FaultTable.Fault("billion-laughs job file", FaultInjectionTest::billionLaughs),
                new FaultTable.Fault("job failed in publish: the summary counts what was read", FaultInjectionTest::failedJobCounts),
                new FaultTable.Fault("a page of 200,000 paragraphs (3.4 MB), walked in linear time", FaultInjectionTest::manyParagraphs),
                new FaultTable.Fault("a failed harvest step (its snapshot folder cannot be made)", FaultInjectionTest::failedHarvest),
                new FaultTable.Fault("a harvest killed mid-write: torn index line and WARC record", FaultInjectionTest::tornSnapshot),
                new FaultTable.Fault("a server that sends a page a byte at a time (--timeout 1)", FaultInjectionTest::drip),
                new FaultTable.Fault("links that escape the allowed prefix (.., %2e%2e, %2f, ..;)", FaultInjectionTest::prefixEscape),
                new FaultTable.Fault("a report page sent with Content-Encoding: gzip", FaultInjectionTest::gzipPage),
                new FaultTable.Fault("two runs of one output at once, and a third job beside them", FaultInjectionTest::concurrentRuns),
                harvestUsage("harvest --rate 0", "rate must be", "--rate", "0"),
                harvestUsage("harvest --rate -1", "rate must be", "--rate", "-1"),
                harvestUsage("harvest --timeout 0", "timeout must be", "--timeout", "0"),
                harvestUsage("harvest --timeout -3", "timeout must be", "--timeout", "-3"),
                harvestUsage("harvest --allow with no URL", "is not an http or https URL prefix", "--allow", "not a url"),
                new FaultTable.Fault("harvest --seed that is no http URL", dir -> usageError(dir, "is not an http or https URL", "harvest",
                        "--seed", "ftp://example.org/peel/", "--snapshot", dir.resolve("snapshots").toString())),
                new FaultTable.Fault("job file with 'rate: -1' (run)", FaultInjectionTest::jobFileBadRate));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void holds(FaultTable.Fault fault) throws Exception {
        TABLE.hold(fault, temp);
    }

    @Order(2)
    @Test
    // A release that differs names its files and is kept under target/fault-injection/ to be looked at
    // (one kill in about eighty did so once, in an earlier loop without harvest, and has not been reproduced since).
    void aRunKilledAtAnyMomentResumesToTheCleanRelease() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("kills"));
        site();
        Files.writeString(dir.resolve("clean.yaml"), harvestingJob("clean"));
        CliRunner.Result cleanRun = new CliRunner(dir.resolve("clean-repository")).run("run", dir.resolve("clean.yaml").toString());
        assertThat(cleanRun.exitCode()).as(cleanRun.out() + cleanRun.err()).isZero();
        Map<String, String> clean = releaseFiles(dir.resolve("clean/out/sample/latest"));
        assertThat(csv(dir.resolve("clean/out/sample/latest/reports.csv"))).hasSize(4);
        // Two lanes, each its own output and job repository, so one lane's child starts while the other resumes.
        java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<List<Kill>>> results = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int first = lane * ((KILLS + 1) / 2) + 1;
            int last = lane == 0 ? (KILLS + 1) / 2 : KILLS;
            String name = "lane" + lane;
            results.add(lanes.submit(() -> killLane(dir, name, clean, first, last, new Random(SEED + first))));
        }
        List<Kill> kills = new ArrayList<>();
        for (java.util.concurrent.Future<List<Kill>> result : results) {
            kills.addAll(result.get(KILLS, TimeUnit.MINUTES));
        }
        lanes.shutdown();
        kills.sort(java.util.Comparator.comparingInt(Kill::number));
        kills.forEach(k -> TABLE.put(String.format(java.util.Locale.ROOT, "kill -9 #%02d in %s", k.number(), k.where()), k.outcome()));
        Map<String, Long> phases = kills.stream().collect(java.util.stream.Collectors.groupingBy(Kill::phase,
                TreeMap::new, java.util.stream.Collectors.counting()));

        assertThat(kills).filteredOn(k -> !k.outcome().startsWith("held")).isEmpty();
        assertThat(kills).hasSizeGreaterThanOrEqualTo(20);
        assertThat(phases.getOrDefault("harvest", 0L)).as("kills in harvest " + phases).isGreaterThanOrEqualTo(3);
        assertThat(phases.getOrDefault("extract", 0L)).as("kills in extract " + phases).isGreaterThanOrEqualTo(3);
        assertThat(phases.getOrDefault("publish", 0L)).as("kills in publish " + phases).isGreaterThanOrEqualTo(3);
    }

    /** The loopback site the harvesting faults and the kill loop harvest: an index page linking the 8 sample documents. */
    private static SampleSite site;

    private static synchronized SampleSite site() throws IOException {
        if (site == null) {
            site = new SampleSite(copyOfSample(Files.createDirectories(temp.resolve("site"))));
        }
        return site;
    }

    /** The job of one lane (or of the clean run): harvest the loopback site into the lane's snapshots, then extract and publish. */
    private static String harvestingJob(String lane) {
        return "name: sample\nseed: [" + site.base() + "/peel/]\nallow: [" + site.base() + "/peel/]\nrate: 10\n"
                + "snapshot: " + lane + "/snapshots\noutput: " + lane + "/out/sample\nmax-reject-rate: 1\n";
    }

    /** One kill: where it landed (phase, and in more words) and what the resume made of it. */
    private record Kill(int number, String phase, String where, String outcome) {
    }

    private static List<Kill> killLane(Path dir, String lane, Map<String, String> clean, int first, int last, Random random)
            throws Exception {
        Path home = Files.createDirectories(dir.resolve(lane));
        Path job = Files.writeString(dir.resolve(lane + ".yaml"), harvestingJob(lane));
        CliRunner cli = new CliRunner(home);
        List<Kill> kills = new ArrayList<>();
        for (int number = first; number <= last; number++) {
            String[] landed = killAtRandom(home, job, number % 5, random);
            CliRunner.Result resumed;
            synchronized (IN_PROCESS) {
                // --debug: a resume that fails prints its stack trace below (one in about five runs of this
                // test failed once, "failed to close 1 delegate(s) due to exceptions", as IncrementalRunTest saw).
                resumed = cli.run("run", job.toString(), "--debug");
            }
            String outcome = resumed.exitCode() != 0 ? "NOT HELD: resume exit " + resumed.exitCode() + " " + resumed.err().strip()
                    : !releaseFiles(home.resolve("out/sample/latest")).equals(clean) ? "NOT HELD: release differs from the clean run's in "
                    + differing(releaseFiles(home.resolve("out/sample/latest")), clean, home.resolve("out/sample/latest"))
                    : Files.exists(home.resolve("out/.sample.peel-harvest/work")) ? "NOT HELD: work area left behind"
                    : "held: " + (resumed.out().contains("resuming") ? "resumed" : "ran anew") + ", release byte-identical"
                    + resumed.out().lines().filter(l -> l.contains("afresh")).map(l -> " (\"" + l + "\")").findFirst().orElse("");
            if (outcome.startsWith("NOT HELD")) {
                System.out.println("kill " + number + " " + outcome + "\n--- killed run:\n" + Files.readString(home.resolve("kill.log"))
                        + "\n--- resume:\n" + resumed.out() + resumed.err() + "\n--- work area: " + listing(home.resolve("out")));
            }
            kills.add(new Kill(number, landed[0], landed[1], outcome));
        }
        return kills;
    }

    @AfterAll
    static void printTable() {
        if (site != null) {
            site.close();
        }
        TABLE.printAndRequireAllHeld();
    }

    // ---------------------------------------------------------------- one document's faults

    private static FaultTable.Fault hostile(String name, String document, String reason) {
        return new FaultTable.Fault(name, dir -> {
            HostileRun run = hostileRun();
            CSVRecord row = run.rejects.stream().filter(r -> r.get("source_url").endsWith(document)).findFirst()
                    .orElseThrow(() -> new AssertionError("no rejects.csv row for " + document + "; exit " + run.exitCode
                            + "\n" + run.output));
            assertThat(row.get("reason")).as(row.toString()).isEqualTo(reason);
            return "held: rejects.csv " + reason + " (" + abbreviate(row.get("detail")) + ")";
        });
    }

    private record HostileRun(int exitCode, String output, List<CSVRecord> rejects, List<CSVRecord> reports,
                              String runJson, Duration took) {
    }

    private static HostileRun hostile;

    /**
     * One run over every document fault at once beside the 8 sample documents, in a child JVM
     * with a 256 MB heap. Run as root, the child gives up the capabilities that read past file
     * permissions (setpriv), so that a folder with mode 000 is unreadable to it.
     */
    private static synchronized HostileRun hostileRun() throws Exception {
        if (hostile != null) {
            return hostile;
        }
        Path dir = Files.createDirectories(temp.resolve("hostile"));
        Path inbox = copyOfSample(dir.resolve("inbox"));
        sparseFile(inbox.resolve("huge.html"), "<html><body><p>huge</p>", 100L * 1024 * 1024);
        paragraphs(inbox.resolve("heavy.html"), 40L * 1024 * 1024);
        shortParagraphs(inbox.resolve("many.html"), 200_000);
        Files.write(inbox.resolve("junk.warc"), new Random(1).ints(4096, 0, 256).collect(
                java.io.ByteArrayOutputStream::new, java.io.ByteArrayOutputStream::write, (a, b) -> { }).toByteArray());
        Files.writeString(inbox.resolve("junk.warc.gz"), "this is not gzip, nor WARC\n");
        gzipBomb(inbox.resolve("bomb.warc.gz"), 1L << 30);
        warcWithHugeRecord(inbox.resolve("huge-record.warc"), "https://example.org/huge-record", 1L << 30);
        Path locked = Files.createDirectories(inbox.resolve("locked"));
        Files.copy(SAMPLE.resolve("derbyshire-2015-leadership.html"), locked.resolve("inside.html"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.createSymbolicLink(inbox.resolve("gone.html"), inbox.resolve("nowhere.html"));
        Files.createSymbolicLink(inbox.resolve("loop.html"), inbox.resolve("loop.html"));
        utf16(SAMPLE.resolve("lancashire-2017-effectiveness.html"), inbox.resolve("utf16-with-mark.html"), true);
        utf16(SAMPLE.resolve("avon-and-somerset-2018-legitimacy.html"), inbox.resolve("utf16-no-mark.htm"), false);
        Path output = dir.resolve("out");
        List<String> command = new ArrayList<>();
        if (isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        command.addAll(java(dir, List.of("-Xmx256m"), "extract", "--input", inbox.toString(), "--input", "/dev/zero",
                "--output", output.toString(), "--max-reject-rate", "1"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        if (!ended) {
            process.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("child.log"));
        hostile = new HostileRun(ended ? process.exitValue() : -1, log,
                Files.exists(output.resolve("rejects.csv")) ? csv(output.resolve("rejects.csv")) : List.of(),
                Files.exists(output.resolve("reports.csv")) ? csv(output.resolve("reports.csv")) : List.of(),
                Files.exists(output.resolve("run.json")) ? Files.readString(output.resolve("run.json")) : "", took);
        return hostile;
    }

    private static String hostileRunCompletes(Path dir) throws Exception {
        HostileRun run = hostileRun();
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).doesNotContain("OutOfMemoryError");
        assertThat(run.reports).extracting(r -> r.get("report_id")).containsExactly("2015-derbyshire-leadership",
                "2016-derbyshire-effectiveness", "2017-lancashire-effectiveness", "2018-avon-and-somerset-legitimacy");
        // Every sample document gave its report (none is among the rejects).
        assertThat(run.rejects).noneMatch(r -> r.get("source_url").contains("/inbox/" + "derbyshire")
                || r.get("source_url").contains("/inbox/lancashire") || r.get("source_url").contains("/inbox/avon"));
        assertThat(run.runJson).contains("\"report_id\"");
        return String.format(java.util.Locale.ROOT, "held: exit 0, 4 reports from the 8 good documents, %d rejects, %.0f s",
                run.rejects.size(), run.took.toMillis() / 1000.0);
    }

    private static String utf16Published(Path dir) throws Exception {
        HostileRun run = hostileRun();
        assertThat(run.rejects).noneMatch(r -> r.get("source_url").contains("utf16"));
        assertThat(run.runJson).containsPattern("utf16-with-mark.html\"[^}]*\"report_id\" *: *\"2017-lancashire-effectiveness\"");
        assertThat(run.runJson).containsPattern("utf16-no-mark.htm\"[^}]*\"report_id\" *: *\"2018-avon-and-somerset-legitimacy\"");
        return "held: read as HTML, each gives its report";
    }

    private static String timedOut(Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(SAMPLE.resolve("derbyshire-2016-effectiveness.html"), inbox.resolve("derbyshire-2016-effectiveness.html"));
        paragraphs(inbox.resolve("slow.html"), 8L * 1024 * 1024);
        CliRunner.Result result = new CliRunner(dir).run(Map.of("peel.limits.document-timeout", "300ms"),
                "extract", "--input", inbox.toString(), "--output", dir.resolve("out").toString(), "--max-reject-rate", "1");
        assertThat(result.exitCode()).as(result.out() + result.err()).isNotEqualTo(Outcome.JOB_FAILED);
        CSVRecord row = csv(dir.resolve("out/rejects.csv")).stream().filter(r -> r.get("source_url").endsWith("slow.html"))
                .findFirst().orElseThrow(() -> new AssertionError(result.out()));
        assertThat(row.get("reason")).isEqualTo("timed-out");
        return "held: rejects.csv timed-out (" + abbreviate(row.get("detail")) + "), exit " + result.exitCode();
    }

    // ---------------------------------------------------------------- the job's faults

    /** What a kill between creating the job instance and its first execution leaves; it blocked the job for good. */
    private static String orphanInstance(Path dir) throws Exception {
        Path inbox = copyOfSample(dir.resolve("inbox"), "derbyshire-2016-effectiveness.html");
        Path output = dir.resolve("out");
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("extract", "--input", inbox.toString(), "--output", output.toString()).exitCode()).isZero();
        JobDefinition next = new JobDefinition("extract", List.of(inbox), output, JobDefinition.DEFAULT_MAX_REJECT_RATE,
                JobDefinition.DEFAULT_MAX_WARNING_RATE, CsvStyle.SPREADSHEET, false, null);
        try (Connection db = cli.repository(); PreparedStatement insert = db.prepareStatement("insert into BATCH_JOB_INSTANCE"
                + " (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) values (next value for BATCH_JOB_INSTANCE_SEQ, 0, 'extractJob', ?)")) {
            insert.setString(1, new DefaultJobKeyGenerator().generateKey(next.toJobParameters(2, null)));
            insert.executeUpdate();
        }

        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("run 2 of extract was killed as it started", "starting it afresh");
        return "held: \"" + result.out().lines().filter(l -> l.contains("killed as it started")).findFirst().orElse("")
                + "\", exit 0";
    }

    private static String inputsChanged(Path dir) throws Exception {
        Path inbox = copyOfSample(dir.resolve("inbox"), "derbyshire-2016-effectiveness.html",
                "derbyshire-2015-leadership.html", "lancashire-2017-effectiveness.pdf");
        Path output = dir.resolve("out");
        CliRunner cli = new CliRunner(dir);
        Path foreign = PublishBlocker.block(output);
        assertThat(cli.run("extract", "--input", inbox.toString(), "--output", output.toString()).exitCode())
                .isEqualTo(Outcome.JOB_FAILED);
        Files.delete(foreign);
        // Between the failure and the resume: three documents added, one changed, one removed.
        for (String added : List.of("avon-and-somerset-2018-legitimacy.html", "lancashire-2017-effectiveness.html",
                "avon-and-somerset-2018-legitimacy.pdf")) {
            Files.copy(SAMPLE.resolve(added), inbox.resolve(added));
        }
        Files.copy(SAMPLE.resolve("derbyshire-2016-effectiveness.pdf"), inbox.resolve("derbyshire-2015-leadership.html"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(inbox.resolve("lancashire-2017-effectiveness.pdf"));

        CliRunner.Result resumed = cli.run("extract", "--input", inbox.toString(), "--output", output.toString());
        CliRunner.Result clean = cli.run("extract", "--input", inbox.toString(), "--output", dir.resolve("clean").toString());

        assertThat(resumed.out()).contains("resuming run 1 of extract");
        assertThat(resumed.exitCode()).isEqualTo(clean.exitCode());
        assertThat(releaseFiles(output)).isEqualTo(releaseFiles(dir.resolve("clean")));
        return "held: the resume read 3 added and 1 changed, dropped 1 removed; same bytes as a clean run";
    }

    private static String manyInputsWithNewlines(Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<String> args = new ArrayList<>(List.of("extract", "--output", dir.resolve("out").toString(), "--max-reject-rate", "1"));
        Path first = Files.copy(SAMPLE.resolve("derbyshire-2016-effectiveness.html"), inbox.resolve("a page\nsplit.html"));
        Path second = Files.copy(SAMPLE.resolve("lancashire-2017-effectiveness.html"), inbox.resolve("line\n\nbreaks, \"quotes\".html"));
        args.addAll(List.of("--input", first.toString(), "--input", second.toString()));
        for (int i = 0; i < 203; i++) {
            Path page = Files.writeString(inbox.resolve(String.format("note-%03d\n.html", i)),
                    "<html><head><title>Not a report " + i + "</title></head><body><p>About this site.</p></body></html>");
            args.addAll(List.of("--input", page.toString()));
        }
        CliRunner.Result result = new CliRunner(dir).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("documents read: 205");
        assertThat(csv(dir.resolve("out/reports.csv"))).extracting(r -> r.get("report_id"))
                .containsExactly("2016-derbyshire-effectiveness", "2017-lancashire-effectiveness");
        assertThat(csv(dir.resolve("out/rejects.csv"))).hasSize(203);
        return "held: 205 documents read, 2 reports, 203 rejects (not-a-report)";
    }

    private static String usage(Path dir, String input, String output, String message) throws Exception {
        Path in = Files.createDirectories(dir.resolve(input));
        Files.copy(SAMPLE.resolve("derbyshire-2016-effectiveness.html"), in.resolve("derbyshire-2016-effectiveness.html"));
        return usageError(dir, message, "extract", "--input", in.toString(), "--output", dir.resolve(output).toString());
    }

    private static String outputIsAFile(Path dir) throws Exception {
        Path in = copyOfSample(dir.resolve("in"), "derbyshire-2016-effectiveness.html");
        Path file = Files.writeString(dir.resolve("out.csv"), "a file");
        return usageError(dir, "is a file", "extract", "--input", in.toString(), "--output", file.toString());
    }

    private static String usageError(Path dir, String message, String... args) throws IOException {
        long start = System.nanoTime();
        CliRunner.Result result = new CliRunner(dir).run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1).allMatch(line -> line.contains(message));
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".work") || n.endsWith(".lock") || n.endsWith(".peel-harvest"));
        }
        assertThat(dir.resolve("repository")).doesNotExist();
        return "held: exit 2 in " + millis + " ms, \"" + abbreviate(result.err().strip()) + "\", nothing left behind";
    }

    private static String hugeJobFile(Path dir) throws Exception {
        copyOfSample(dir.resolve("inbox"), "derbyshire-2016-effectiveness.html");
        StringBuilder yaml = new StringBuilder("name: big\ninput: [inbox]\noutput: out\n");
        while (yaml.length() < 6 * 1024 * 1024) {
            yaml.append("# padding padding padding padding padding padding padding padding padding padding\n");
        }
        Path job = Files.writeString(dir.resolve("big.yaml"), yaml);
        return usageError(dir, "more than the 1048576 a job file may be", "run", job.toString());
    }

    private static String billionLaughs(Path dir) throws Exception {
        // Ten levels of nine aliases each: a billion "lol"s if aliases were expanded.
        StringBuilder yaml = new StringBuilder("name: laughs\noutput: out\ninput:\n  - &a0 [\"lol\"");
        yaml.append(", \"lol\"".repeat(8)).append("]\n");
        for (int level = 1; level < 10; level++) {
            yaml.append("  - &a").append(level).append(" [*a").append(level - 1)
                    .append((", *a" + (level - 1)).repeat(8)).append("]\n");
        }
        Path job = Files.writeString(dir.resolve("laughs.yaml"), yaml);
        return usageError(dir, "laughs.yaml", "run", job.toString());
    }

    private static String failedJobCounts(Path dir) throws Exception {
        Path inbox = copyOfSample(dir.resolve("inbox"));
        Path output = dir.resolve("out");
        PublishBlocker.block(output);

        CliRunner.Result failed = new CliRunner(dir).run("extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(failed.exitCode()).isEqualTo(Outcome.JOB_FAILED);
        assertThat(failed.out()).contains("documents read: 8", "reports extracted: 8");
        return "held: exit 1, \"documents read: 8\"";
    }

    // ---------------------------------------------------------------- the harvest's faults

    private static String manyParagraphs(Path dir) throws Exception {
        HostileRun run = hostileRun();
        CSVRecord row = run.rejects.stream().filter(r -> r.get("source_url").endsWith("many.html")).findFirst()
                .orElseThrow(() -> new AssertionError("no rejects.csv row for many.html\n" + run.output));
        // Quadratic in sibling count it took 82 s for 80,000 paragraphs: past the 60 s limit, it would be timed-out.
        assertThat(row.get("reason")).as(row.toString()).isNotIn("timed-out", "too-large", "extract-failed");
        return "held: read whole, rejects.csv " + row.get("reason") + " (it is no report), within the 60 s a document may take";
    }

    private static String failedHarvest(Path dir) throws Exception {
        Path inbox = copyOfSample(dir.resolve("inbox"), "derbyshire-2016-effectiveness.html");
        Files.writeString(dir.resolve("good.yaml"), "name: sample\ninput: [inbox]\noutput: out/sample\n");
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("run", dir.resolve("good.yaml").toString()).exitCode()).isZero();
        Path good = dir.resolve("out/sample/latest").toRealPath();
        Files.writeString(dir.resolve("blocker"), "a file where the snapshots folder would be");
        Files.writeString(dir.resolve("harvesting.yaml"), "name: sample\nseed: [" + site().base() + "/peel/]\nrate: 50\n"
                + "snapshot: blocker/snapshots\noutput: out/sample\n");

        CliRunner.Result failed = cli.run("run", dir.resolve("harvesting.yaml").toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(Outcome.JOB_FAILED);
        // stderr also holds Spring Batch's log of the failed step; the cause is one line of peel-harvest's own.
        assertThat(failed.err().lines().filter(line -> line.startsWith("peel-harvest: ")))
                .as(failed.out() + failed.err()).singleElement().asString()
                .startsWith("peel-harvest: job sample failed: ").contains("blocker");
        assertThat(dir.resolve("out/sample/latest").toRealPath()).as("latest").isEqualTo(good);
        try (Stream<Path> releases = Files.list(dir.resolve("out/sample"))) {
            assertThat(releases.map(p -> p.getFileName().toString())).as("releases, the runs' records and the marker")
                    .containsExactlyInAnyOrder("latest", good.getFileName().toString(), "runs", ".peel-harvest");
        }
        assertThat(inbox).exists();
        return "held: exit 1, nothing published, latest still the good release (\""
                + abbreviate(failed.err().lines().filter(line -> line.startsWith("peel-harvest: ")).findFirst().orElse(""))
                + "\")";
    }

    private static String tornSnapshot(Path dir) throws Exception {
        Path snapshots = dir.resolve("snapshots");
        String[] harvest = {"harvest", "--seed", site().base() + "/peel/", "--snapshot", snapshots.toString(), "--rate", "50"};
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run(harvest).exitCode()).isZero();
        Path snapshot;
        try (Stream<Path> folders = Files.list(snapshots)) {
            snapshot = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        // What a kill leaves: no log or manifest, the last bytes of the WARC file and of the index torn off.
        Files.delete(snapshot.resolve(org.peelharvest.harvest.Snapshot.MANIFEST));
        Files.delete(snapshot.resolve(org.peelharvest.harvest.Snapshot.LOG));
        Path warc = org.peelharvest.harvest.WarcDocuments.filesIn(snapshot).get(0);
        truncate(warc, Files.size(warc) - 300);
        Path index = snapshot.resolve(org.peelharvest.harvest.Snapshot.INDEX);
        truncate(index, Files.size(index) - 20);

        CliRunner.Result resumed = cli.run(harvest);
        CliRunner.Result extracted = cli.run("extract", "--input", snapshots.toString(), "--output", dir.resolve("out").toString(),
                "--max-reject-rate", "1");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming the interrupted harvest " + snapshot);
        assertThat(snapshot.resolve(org.peelharvest.harvest.Snapshot.MANIFEST)).exists();
        for (String line : Files.readAllLines(index)) {
            tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
        }
        assertThat(extracted.exitCode()).as(extracted.out() + extracted.err()).isZero();
        assertThat(csv(dir.resolve("out/reports.csv"))).extracting(r -> r.get("report_id")).containsExactly(
                "2015-derbyshire-leadership", "2016-derbyshire-effectiveness", "2017-lancashire-effectiveness",
                "2018-avon-and-somerset-legitimacy");
        return "held: cut back and resumed in the same snapshot; every index line whole; the 4 reports extracted";
    }

    private static String drip(Path dir) throws Exception {
        try (org.peelharvest.harvest.HostileSite hostile = new org.peelharvest.harvest.HostileSite("drip/", "after/")) {
            Path snapshots = dir.resolve("snapshots");
            CliRunner.Result result = new CliRunner(dir).run("harvest", "--seed", hostile.base() + "/site/", "--snapshot",
                    snapshots.toString(), "--rate", "50", "--timeout", "1");
            Duration took = hostile.between(org.peelharvest.harvest.HostileSite.DRIP, "/site/after/");
            assertThat(result.exitCode()).as(result.out() + result.err()).isIn(Outcome.OK, Outcome.QUALITY_GATE_FAILED);
            Path snapshot;
            try (Stream<Path> folders = Files.list(snapshots)) {
                snapshot = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            assertThat(Files.readString(snapshot.resolve(org.peelharvest.harvest.Snapshot.LOG)))
                    .contains(org.peelharvest.harvest.HostileSite.DRIP, "no complete answer within 1 s");
            assertThat(snapshot.resolve(org.peelharvest.harvest.Snapshot.MANIFEST)).exists();
            // Four attempts cut at 1 s each, with 1 + 2 + 4 s of backoff between them: 11 s; unbounded, each would take 4 s.
            assertThat(took).as("from the first drip to the next page").isLessThan(Duration.ofSeconds(15));
            return String.format(java.util.Locale.ROOT, "held: each attempt cut at 1 s, logged as failed, harvest went on after %.1f s",
                    took.toMillis() / 1000.0);
        }
    }

    private static String prefixEscape(Path dir) throws Exception {
        try (org.peelharvest.harvest.HostileSite hostile = new org.peelharvest.harvest.HostileSite("/site/../outside/",
                "/site/%2e%2e/outside/", "/site/..%2foutside/", "/site/%2E%2E%2Foutside/", "/site/..;/outside/",
                "inside/../kept/")) {
            Path snapshots = dir.resolve("snapshots");
            new CliRunner(dir).run("harvest", "--seed", hostile.base() + "/site/", "--snapshot", snapshots.toString(),
                    "--rate", "50", "--timeout", "2");
            assertThat(hostile.requests()).as("what the server was asked for")
                    .containsExactlyInAnyOrder(org.peelharvest.harvest.HostileSite.SEED, "/site/kept/");
            Path log;
            try (Stream<Path> folders = Files.list(snapshots)) {
                log = folders.filter(Files::isDirectory).findFirst().orElseThrow().resolve(org.peelharvest.harvest.Snapshot.LOG);
            }
            assertThat(Files.readString(log)).contains("escapes the allowed prefixes", hostile.base() + "/outside/");
            return "held: none requested, each logged as skipped; /site/kept/ (dots inside the prefix) fetched";
        }
    }

    private static String gzipPage(Path dir) throws Exception {
        try (org.peelharvest.harvest.HostileSite hostile = new org.peelharvest.harvest.HostileSite(
                org.peelharvest.harvest.HostileSite.GZIP_REPORT)) {
            Path snapshots = dir.resolve("snapshots");
            CliRunner cli = new CliRunner(dir);
            cli.run("harvest", "--seed", hostile.base() + "/site/", "--snapshot", snapshots.toString(), "--rate", "50");
            CliRunner.Result extracted = cli.run("extract", "--input", snapshots.toString(), "--output",
                    dir.resolve("out").toString(), "--max-reject-rate", "1");
            assertThat(extracted.exitCode()).as(extracted.out() + extracted.err()).isZero();
            assertThat(csv(dir.resolve("out/reports.csv"))).extracting(r -> r.get("report_id"))
                    .containsExactly("2016-derbyshire-effectiveness");
            return "held: kept gzip-encoded in the WARC, decoded for extraction: 2016-derbyshire-effectiveness published";
        }
    }

    private static String concurrentRuns(Path dir) throws Exception {
        Path inbox = copyOfSample(dir.resolve("inbox"));
        Files.writeString(dir.resolve("one.yaml"), "name: one\ninput: [inbox]\noutput: out/one\n");
        Files.writeString(dir.resolve("two.yaml"), "name: two\ninput: [inbox]\noutput: out/two\n");
        CliProcess first = CliProcess.start(dir, Map.of(), "run", dir.resolve("one.yaml").toString());
        Path lock = dir.resolve("out/.one.peel-harvest/lock");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(Files.exists(lock) && Files.readString(lock).contains("process " + first.pid() + " "))) {
            assertThat(first.isAlive()).as("the first run is still running").isTrue();
            assertThat(System.nanoTime()).as("the first run takes its lock").isLessThan(deadline);
            Thread.sleep(10);
        }
        CliProcess second = CliProcess.start(dir, Map.of(), "run", dir.resolve("one.yaml").toString());
        CliProcess other = CliProcess.start(dir, Map.of(), "run", dir.resolve("two.yaml").toString());
        CliProcess.Result refused = second.await();
        CliProcess.Result firstResult = first.await();
        CliProcess.Result otherResult = other.await();

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(Outcome.JOB_FAILED);
        assertThat(refused.err().lines()).singleElement().asString().contains("another run is writing",
                "process " + first.pid() + " on ");
        assertThat(firstResult.exitCode()).as(firstResult.out() + firstResult.err()).isZero();
        assertThat(otherResult.exitCode()).as(otherResult.out() + otherResult.err()).isZero();
        assertThat(csv(dir.resolve("out/one/latest/reports.csv"))).hasSize(4);
        assertThat(csv(dir.resolve("out/two/latest/reports.csv"))).hasSize(4);
        assertThat(inbox).exists();
        return "held: the second run of one output refused (exit 1, names process " + first.pid()
                + "); the other job published beside the first";
    }

    private static FaultTable.Fault harvestUsage(String name, String message, String... options) {
        return new FaultTable.Fault(name, dir -> {
            List<String> args = new ArrayList<>(List.of("harvest", "--seed", "http://127.0.0.1:9/peel/", "--snapshot",
                    dir.resolve("snapshots").toString()));
            args.addAll(List.of(options));
            String outcome = usageError(dir, message, args.toArray(String[]::new));
            assertThat(dir.resolve("snapshots")).as("no snapshot begun").doesNotExist();
            return outcome;
        });
    }

    private static String jobFileBadRate(Path dir) throws Exception {
        Path job = Files.writeString(dir.resolve("harvest.yaml"), "name: sample\nseed: [http://127.0.0.1:9/peel/]\n"
                + "rate: -1\nsnapshot: snapshots\noutput: out/sample\n");
        String outcome = usageError(dir, "rate must be", "run", job.toString());
        assertThat(dir.resolve("snapshots")).as("no snapshot begun").doesNotExist();
        return outcome;
    }

    private static void truncate(Path file, long length) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    // ---------------------------------------------------------------- kill -9

    /**
     * Starts the job in a child JVM and kills it with SIGKILL at a random moment: during start-up
     * (the job repository's first writes), during its harvest, just as the harvest ends, once
     * extraction has begun, or once publishing has begun.
     *
     * @return the phase the kill landed in (start-up, extract, publish, missed) and where, in more words
     */
    private static String[] killAtRandom(Path home, Path job, int target, Random random) throws Exception {
        // Every snapshot is finished before a kill (the resume finishes an interrupted one): the run's own is the new one.
        List<Path> before = snapshots(home);
        // --full: the killed run parses every document, so that kills land in extraction as they did before
        // the extraction cache (issue 18); the resume takes what the killed run kept there.
        Process child = new ProcessBuilder(java(home, List.of("-XX:TieredStopAtLevel=1", "-Dpeel.chunk-size=2",
                "-D" + JobLaunch.FULL + "=true"),
                "run", job.toString())).redirectErrorStream(true).redirectOutput(home.resolve("kill.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int delay = switch (target) {
            case 0 -> 300 + random.nextInt(4000);
            case 1 -> random.nextInt(1500);
            case 3 -> random.nextInt(1000);
            default -> random.nextInt(80);
        };
        if (target == 4) {
            // Just as the harvest ends: its step recorded complete, the job's context perhaps not yet.
            while (child.isAlive() && !finishedSnapshot(home, before) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } else if (target == 3) {
            while (child.isAlive() && !harvesting(home) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } else if (target == 1) {
            while (child.isAlive() && done(home) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } else if (target == 2) {
            while (child.isAlive() && !publishing(home) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        }
        Thread.sleep(delay);
        boolean alive = child.isAlive();
        child.destroyForcibly(); // SIGKILL, as kill -9
        child.waitFor();
        long done = done(home);
        String phase = !alive ? "missed" : publishing(home) ? "publish" : done > 0 ? "extract"
                : harvesting(home) ? "harvest" : finishedSnapshot(home, before) ? "extract" : "start-up";
        String where = switch (phase) {
            case "missed" -> "nothing: the run had ended";
            case "extract" -> "extract, " + done + " of 9 documents done";
            case "harvest" -> "harvest, " + captured(home) + " pages and PDFs in the snapshot";
            case "start-up" -> "start-up (JVM, Spring, job repository)";
            default -> "publish";
        };
        return new String[] {phase, where + ", " + delay + " ms after the mark"};
    }

    /** The files that differ, the release kept under target/ to be looked at. */
    private static String differing(Map<String, String> release, Map<String, String> clean, Path folder) throws IOException {
        Path kept = Path.of("target/fault-injection/differing-release");
        DatasetPublisherCopy.copy(folder.toRealPath(), kept);
        return release.keySet().stream().filter(f -> !release.get(f).equals(clean.get(f))).toList()
                + " " + clean.keySet().stream().filter(f -> !release.containsKey(f)).toList() + " (kept in " + kept + ")";
    }

    private static final class DatasetPublisherCopy {
        static void copy(Path from, Path to) throws IOException {
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path path : paths.toList()) {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static String listing(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder, 3)) {
            return paths.map(p -> folder.relativize(p).toString()).filter(p -> p.contains(".peel-harvest/work")).toList().toString();
        }
    }

    private static long done(Path dir) {
        return StagedLogs.done(dir.resolve("out/.sample.peel-harvest/work"));
    }

    /** Whether the run's harvest has begun: a snapshot folder of this lane that is not finished (no manifest yet). */
    private static boolean harvesting(Path dir) throws IOException {
        return captured(dir) >= 0;
    }

    /** Lines in the index of the lane's newest unfinished snapshot, or -1 when there is none. */
    private static long captured(Path dir) throws IOException {
        Path root = dir.resolve("snapshots");
        if (!Files.isDirectory(root)) {
            return -1;
        }
        try (Stream<Path> snapshots = Files.list(root)) {
            for (Path snapshot : snapshots.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(snapshot) && !Files.exists(snapshot.resolve("manifest-sha256.txt"))) {
                    Path index = snapshot.resolve("index.jsonl");
                    return Files.exists(index) ? Files.readAllLines(index).size() : 0;
                }
            }
            return -1;
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return -1;
        }
    }

    /** Whether the lane holds a finished snapshot (with its manifest) that it did not hold before: the run's harvest is over. */
    private static boolean finishedSnapshot(Path dir, List<Path> before) throws IOException {
        return snapshots(dir).stream().filter(s -> !before.contains(s))
                .anyMatch(s -> Files.exists(s.resolve("manifest-sha256.txt")));
    }

    private static List<Path> snapshots(Path dir) throws IOException {
        Path root = dir.resolve("snapshots");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> snapshots = Files.list(root)) {
            return snapshots.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static boolean publishing(Path dir) throws IOException {
        Path releases = dir.resolve("out/sample");
        if (!Files.isDirectory(releases)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(releases)) {
            return entries.anyMatch(p -> p.getFileName().toString().endsWith(".publishing"));
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A real HTTP server on loopback: {@code /peel/} links every file of a folder, served as it is. */
    private static final class SampleSite implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        SampleSite(Path folder) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body;
                String type;
                int status = 200;
                Path file = path.startsWith("/peel/") && path.length() > 6 ? folder.resolve(path.substring(6)) : null;
                if (path.equals("/peel/")) {
                    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>PEEL reports</title></head><body><ul>");
                    try (Stream<Path> files = Files.list(folder)) {
                        files.map(p -> p.getFileName().toString()).sorted()
                                .forEach(n -> html.append("<li><a href=\"").append(n).append("\">").append(n).append("</a></li>"));
                    }
                    body = html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                } else if (file != null && file.getParent().equals(folder) && Files.isRegularFile(file)) {
                    body = Files.readAllBytes(file);
                    type = path.endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8";
                } else {
                    body = "<p>Not found</p>".getBytes(StandardCharsets.UTF_8);
                    type = "text/html";
                    status = 404;
                }
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The command that runs the project's main class in a child JVM, sharing the test's job repository. */
    private static List<String> java(Path home, List<String> options, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-Dpeel.home=" + home);
        command.add("-Dspring.datasource.url=" + new CliRunner(home).url());
        command.add("-cp");
        command.add(Path.of("target/classes").toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path"));
        command.add(Cli.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Every file of a release but run.json, with its SHA-256; index.html without its run line; the manifest without the run's lines. */
    private static Map<String, String> releaseFiles(Path release) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(release.toRealPath())) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                Path relative = release.toRealPath().relativize(file);
                if (relative.toString().equals("manifest-sha256.txt")) {
                    // It holds the digests of run.json and index.html, which name the run.
                    files.put(relative.toString(), Files.readAllLines(file).stream()
                            .filter(line -> !line.endsWith("  run.json") && !line.endsWith("  index.html")).toList().toString());
                } else if (!relative.toString().equals("run.json")) {
                    // index.html names its release and when its run started: compared without that line.
                    files.put(relative.toString(), SourceDocument.sha256(relative.toString().equals("index.html")
                            ? SameBytesTest.withoutRunLine(file).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            : Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    private static Path copyOfSample(Path folder, String... names) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> sample = Files.list(SAMPLE)) {
            for (Path file : sample.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                if (names.length == 0 || List.of(names).contains(file.getFileName().toString())) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        return folder;
    }

    /** A file of {@code size} bytes that takes no disk: its start written, the rest a hole. */
    private static void sparseFile(Path file, String start, long size) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.setLength(size);
        }
    }

    /** An HTML page of paragraphs, {@code size} bytes long. */
    private static void paragraphs(Path file, long size) throws IOException {
        byte[] paragraph = "<p>A paragraph of a page far longer than any report, to fill it.</p>\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("<html><head><title>Long</title></head><body><h1>Long</h1>\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < size; written += paragraph.length) {
                out.write(paragraph);
            }
            out.write("</body></html>".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An HTML page of {@code count} sibling paragraphs of a few words. */
    private static void shortParagraphs(Path file, int count) throws IOException {
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            out.write("<html><head><title>Many</title></head><body><h1>Many</h1>\n");
            for (int i = 0; i < count; i++) {
                out.write("<p>Line " + i + ".</p>\n");
            }
            out.write("</body></html>");
        }
    }

    /** A small gzip file that inflates to {@code size} zero bytes. */
    private static void gzipBomb(Path file, long size) throws IOException {
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros);
            }
        }
    }

    /** A WARC file of one well-formed response record whose body is {@code size} bytes (a hole on disk). */
    private static void warcWithHugeRecord(Path file, String url, long size) throws IOException {
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + size + "\r\n\r\n";
        long length = http.length() + size;
        String header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f1e5d1c-9a55-4a57-9d0c-1b0e8f7a2c11>\r\n"
                + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: " + url + "\r\n"
                + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + length + "\r\n\r\n";
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write((header + http).getBytes(StandardCharsets.US_ASCII));
            out.seek(header.length() + length);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void utf16(Path page, Path copy, boolean byteOrderMark) throws IOException {
        String html = Files.readString(page).replaceAll("(?i)<meta[^>]*charset[^>]*>", "");
        Files.write(copy, (byteOrderMark ? "\uFEFF" + html : html)
                .getBytes(byteOrderMark ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        return Csv.read(file);
    }

    private static String abbreviate(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 90 ? line : line.substring(0, 87) + "...";
    }
}

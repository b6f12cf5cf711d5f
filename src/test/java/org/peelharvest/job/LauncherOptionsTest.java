package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the launcher ({@code ./peel-harvest}) chooses (issue 18, start-up): always the
 * application's ahead-of-time processing; the JIT's first tier only, with one compiler thread, for a
 * short run ({@code --version}, {@code status}, {@code explain}, an {@code extract} of at most 4 MB of
 * inputs), never for a
 * harvest, a job file's run or a larger extract; {@code PEEL_JAVA_OPTS} after its own, so that it
 * wins. The launcher runs as it is, copied into a folder of its own with a jar newer than the
 * sources (so it builds nothing); the {@code java} it finds first on its PATH writes down the
 * options it was given, one a line, and exits.
 */
class LauncherOptionsTest {

    private static final String AOT = "-Dspring.aot.enabled=true";
    private static final String FIRST_TIER = "-XX:TieredStopAtLevel=1";
    private static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";
    private static final String SHORT_RUN = "-D" + ExtractJobConfiguration.SHORT_RUN + "=true";
    private static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";
    private static final String TENURED_AT_ONCE = "-XX:MaxTenuringThreshold=0";
    private static final String END_OF_CALL = "--end of call--";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path home;

    @Test
    void theVersionAndStatusRunWithTheFirstTierOnly() throws Exception {
        assertThat(options("--version")).contains(AOT, FIRST_TIER, ONE_COMPILER_THREAD, SERIAL_COLLECTOR, TENURED_AT_ONCE);
        assertThat(options("status", "--output", "out")).contains(AOT, FIRST_TIER, ONE_COMPILER_THREAD, SERIAL_COLLECTOR,
                SHORT_RUN);
    }

    @Test
    void peelJavaOptsThatChooseTheCompilersGetNoCompilerThreadCount() throws Exception {
        // The full JIT refuses to start with one compiler thread ("CICompilerCount (1) must be at least 2").
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "--version"))
                .contains(FIRST_TIER, "-XX:TieredStopAtLevel=4").doesNotContain(ONE_COMPILER_THREAD);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-Xmx1g -XX:CICompilerCount=3"), "--version"))
                .contains("-XX:CICompilerCount=3").doesNotContain(ONE_COMPILER_THREAD);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:-TieredCompilation"), "--version")).doesNotContain(ONE_COMPILER_THREAD);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-Xmx1g"), "--version")).contains(ONE_COMPILER_THREAD);
    }

    @Test
    void peelJavaOptsThatChooseACollectorGetNoSerialCollector() throws Exception {
        // Two collectors chosen: "Multiple garbage collectors selected", and the JVM does not start.
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:+UseG1GC -Xmx1g"), "--version"))
                .contains("-XX:+UseG1GC").doesNotContain(SERIAL_COLLECTOR);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-Xmx1g -XX:+UseParallelGC"), "--version")).doesNotContain(SERIAL_COLLECTOR);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:+UseCompressedOops -Xlog:gc"), "--version")).contains(SERIAL_COLLECTOR);
        // Options split by a tab or a newline are options all the same.
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:+UseG1GC\t-Xmx1g"), "--version")).doesNotContain(SERIAL_COLLECTOR);
        // G1's own features would be dropped, with a warning on every run, under another collector.
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:+UseStringDeduplication"), "--version")).doesNotContain(SERIAL_COLLECTOR);
        // An argument file may choose anything.
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "@jvm.options"), "--version")).doesNotContain(SERIAL_COLLECTOR, ONE_COMPILER_THREAD);
    }

    @Test
    void theSerialCollectorsTenuringIsLeftToTheUsersOptionsAndGoesWithTheCollector() throws Exception {
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:MaxTenuringThreshold=4"), "--version"))
                .contains(SERIAL_COLLECTOR, "-XX:MaxTenuringThreshold=4").doesNotContain(TENURED_AT_ONCE);
        assertThat(options(Map.of("JAVA_TOOL_OPTIONS", "-XX:+NeverTenure"), "--version"))
                .contains(SERIAL_COLLECTOR).doesNotContain(TENURED_AT_ONCE);
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-XX:+UseG1GC"), "--version")).doesNotContain(TENURED_AT_ONCE);
        assertThat(options("run", "jobs/sample.yaml")).doesNotContain(TENURED_AT_ONCE);
    }

    @Test
    void optionsTheJvmReadsFromTheEnvironmentCountAsTheUsers() throws Exception {
        assertThat(options(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"), "--version"))
                .contains(ONE_COMPILER_THREAD).doesNotContain(SERIAL_COLLECTOR);
        assertThat(options(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseZGC"), "--version")).doesNotContain(SERIAL_COLLECTOR);
        assertThat(options(Map.of("_JAVA_OPTIONS", "-XX:TieredStopAtLevel=4"), "--version"))
                .contains(SERIAL_COLLECTOR).doesNotContain(ONE_COMPILER_THREAD);
    }

    @Test
    void theLaunchersOwnOptionsComeBeforePeelJavaOpts() throws Exception {
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "-Xmx1g"), "--version"))
                .containsSubsequence(AOT, FIRST_TIER, ONE_COMPILER_THREAD, SHORT_RUN, SERIAL_COLLECTOR, TENURED_AT_ONCE, "-Xmx1g");
    }

    @Test
    void peelJavaOptsOfSpacesOnlyGiveNoOptionsOfTheirOwn() throws Exception {
        // Bash before 4.4 (macOS) takes an empty array for an unset variable under set -u.
        assertThat(options(Map.of("PEEL_JAVA_OPTS", "  "), "--version")).contains(FIRST_TIER).doesNotContain("-Xmx512m");
    }

    @Test
    void theArchivesTrainingRunKeepsG1() throws Exception {
        // An archive made under G1 keeps Java's module graph for the runs under G1; one made under the serial collector has none.
        Files.createDirectories(launcherHome().resolve("input/sample"));
        List<String> run = options("--version");
        List<String> training = calls().stream().filter(c -> c.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")))
                .findFirst().orElseThrow();

        assertThat(run).contains(SERIAL_COLLECTOR);
        assertThat(training).contains(AOT, FIRST_TIER, ONE_COMPILER_THREAD, "-Xmx512m").doesNotContain(SERIAL_COLLECTOR,
                TENURED_AT_ONCE);
    }

    @Test
    void anExtractOfAFewSmallFilesRunsWithTheFirstTierOnly() throws Exception {
        Path inputs = Files.createDirectories(home.resolve("in"));
        sized(inputs.resolve("a.pdf"), 3 * MB);
        sized(inputs.resolve("b.html"), MB - 1);

        assertThat(options("extract", "--input", inputs.toString(), "--output", "out"))
                .contains(AOT, FIRST_TIER, ONE_COMPILER_THREAD, SHORT_RUN, SERIAL_COLLECTOR);
        assertThat(options("extract", "--input=" + inputs, "--output", "out")).contains(FIRST_TIER);
    }

    @Test
    void anExtractOfMoreThanFourMegabytesKeepsTheOptimisingCompiler() throws Exception {
        Path small = sized(home.resolve("small.pdf"), 3 * MB);
        Path other = sized(home.resolve("other.pdf"), 2 * MB);

        // 3 MB and 2 MB, each under the bound, are 5 MB together.
        assertThat(options("extract", "--input", small.toString(), "--input", other.toString(), "--output", "out"))
                .contains(AOT).doesNotContain(FIRST_TIER, ONE_COMPILER_THREAD, SHORT_RUN, SERIAL_COLLECTOR);
    }

    @Test
    void anInputBehindASymbolicLinkIsCounted() throws Exception {
        Path inputs = Files.createDirectories(home.resolve("real"));
        sized(inputs.resolve("big.pdf"), 5 * MB);
        Path link = Files.createSymbolicLink(home.resolve("link"), inputs);

        assertThat(options("extract", "--input", link.toString(), "--output", "out")).doesNotContain(FIRST_TIER);
    }

    @Test
    void aHarvestAndAJobFilesRunKeepTheOptimisingCompiler() throws Exception {
        assertThat(options("harvest", "--seed", "http://127.0.0.1:9/", "--snapshot", "s")).contains(AOT)
                .doesNotContain(FIRST_TIER);
        assertThat(options("run", "jobs/sample.yaml")).contains(AOT)
                .doesNotContain(FIRST_TIER, ONE_COMPILER_THREAD, SHORT_RUN, SERIAL_COLLECTOR);
    }

    @Test
    void peelJavaOptsComeAfterTheLaunchersOwnOptions() throws Exception {
        List<String> options = options(Map.of("PEEL_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"), "--version");

        assertThat(options).containsSubsequence(AOT, FIRST_TIER, "-Xmx1g", "-XX:TieredStopAtLevel=4");
        assertThat(options).doesNotContain("-Xmx512m");
    }

    @Test
    void withoutPeelJavaOptsTheHeapIs512Megabytes() throws Exception {
        assertThat(options("--version")).contains("-Xmx512m");
    }

    private List<String> options(String... args) throws Exception {
        return options(Map.of(), args);
    }

    /** The options of the launcher's last {@code java}, the one that runs the command (its own arguments left out). */
    private List<String> options(Map<String, String> environment, String... args) throws Exception {
        Path launcher = launcherHome();
        Path record = home.resolve("java-args.txt");
        Files.deleteIfExists(record);
        List<String> command = new ArrayList<>(List.of(launcher.resolve("peel-harvest").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher-output.txt").toFile());
        builder.environment().remove("PEEL_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", launcher.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("RECORD", record.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve("launcher-output.txt"))).isZero();
        List<List<String>> calls = calls();
        List<String> last = calls.get(calls.size() - 1);
        return last.subList(0, last.indexOf("-jar"));
    }

    /** Every call of the launcher's {@code java}, in order, each its arguments. */
    private List<List<String>> calls() throws IOException {
        List<List<String>> calls = new ArrayList<>();
        List<String> call = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("java-args.txt"), StandardCharsets.UTF_8)) {
            if (line.equals(END_OF_CALL)) {
                calls.add(call);
                call = new ArrayList<>();
            } else {
                call.add(line);
            }
        }
        return calls;
    }

    /** The launcher copied into a folder of its own, with a jar newer than its sources and a {@code java} that records. */
    private Path launcherHome() throws IOException {
        Path launcher = home.resolve("launcher");
        if (Files.exists(launcher)) {
            return launcher;
        }
        Files.createDirectories(launcher.resolve("src/main"));
        Files.copy(Path.of("peel-harvest"), launcher.resolve("peel-harvest"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(launcher.resolve("pom.xml"), "<project/>\n");
        Path jar = Files.createDirectories(launcher.resolve("target")).resolve("peel-harvest.jar");
        Files.writeString(jar, "not a jar\n");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        // Every call adds its arguments, one a line, then a line that ends the call; the archive's training
        // run leaves no archive, so the launcher goes on without one, and its last call is the command's.
        Path java = Files.createDirectories(launcher.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" '" + END_OF_CALL + "' >> \"$RECORD\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    private static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes);
        }
        return file;
    }
}

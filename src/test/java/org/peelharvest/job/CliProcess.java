package org.peelharvest.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.peelharvest.cli.Cli;

/**
 * The real command line in a child JVM of its own ({@link Cli#main}, from the test classpath), as
 * a crontab or a second terminal starts it: its own process, its own locks, its own database
 * connections. What it prints goes to files in {@code home}.
 */
final class CliProcess {

    record Result(int exitCode, String out, String err) {
    }

    private static final int TIMEOUT_SECONDS = 300;

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code args} with {@code peel.home} set to {@code home} and {@code properties} as
     * system properties; the job repository settings of the test's own environment are not passed on.
     */
    static CliProcess start(Path home, Map<String, String> properties, String... args) throws IOException {
        return start(List.of(), home, "256m", properties, args);
    }

    /** As {@link #start(Path, Map, String...)}, with a heap of {@code maxHeap} ({@code -Xmx}): 64m to show a read is bounded. */
    static CliProcess start(Path home, String maxHeap, Map<String, String> properties, String... args) throws IOException {
        return start(List.of(), home, maxHeap, properties, args);
    }

    /** As {@link #start(Path, Map, String...)}, the JVM started by {@code launcher} ({@code env --default-signal=INT}). */
    static CliProcess start(List<String> launcher, Path home, Map<String, String> properties, String... args)
            throws IOException {
        return start(launcher, home, "256m", properties, args);
    }

    private static CliProcess start(List<String> launcher, Path home, String maxHeap, Map<String, String> properties,
                                    String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(javaCommand(), "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-Dpeel.home=" + home));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "cli-out", ".txt");
        Path err = Files.createTempFile(home, "cli-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
        return new CliProcess(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager or {@code kill} stops a process ({@link Process#destroy()} sends it). */
    void terminate() {
        process.destroy();
    }

    /** What it has printed on stderr so far. */
    String errSoFar() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** kill -9: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    Result await() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the run did not end in " + TIMEOUT_SECONDS + " s: " + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

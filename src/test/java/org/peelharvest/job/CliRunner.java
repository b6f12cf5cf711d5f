package org.peelharvest.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.peelharvest.cli.Cli;

/**
 * Runs the real command line in this JVM against a job repository (an H2 file) in a test's own
 * folder, and captures what it prints, its log lines included (System.out and System.err are
 * this run's while it runs; the tests run one at a time).
 */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private final Path home;

    CliRunner(Path home) {
        this.home = home;
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with some of the application's settings overridden ({@code peel.limits.document-timeout} …). */
    Result run(Map<String, Object> settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> properties = new java.util.HashMap<>(settings);
        properties.put("peel.home", home.toString());
        properties.put("spring.datasource.url", url());
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        // The log lines (Spring Batch's of a failing step, with their stack traces) are the run's
        // stderr too: captured with it, as a process's would be, not printed among the build's.
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(outStream);
        System.setErr(errStream);
        int code;
        try {
            code = Cli.run(args, properties, outStream, errStream);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The job repository itself, to check what Spring Batch recorded. */
    Connection repository() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }

    /** The job repository's JDBC URL, for a child process to share it. */
    String url() {
        return "jdbc:h2:file:" + home.resolve("repository/peel") + ";DB_CLOSE_DELAY=0";
    }
}

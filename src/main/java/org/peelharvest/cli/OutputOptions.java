package org.peelharvest.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** How a job-running command talks to a scheduler: {@code --quiet}, {@code --log-format} and {@code --debug}. */
class OutputOptions extends QuietOption {

    enum LogFormat { TEXT, JSON }

    /** The setting that asks a run for the stack trace of its failure. */
    static final String DEBUG = org.peelharvest.job.JobLaunch.DEBUG;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default) or json: every log line on stderr one JSON object (Elastic Common "
                    + "Schema, Spring Boot's structured logging), for log shippers.")
    LogFormat logFormat = LogFormat.TEXT;

    @Option(names = "--debug",
            description = "On a failure, print the log lines and stack traces behind its one line (stderr).")
    boolean debug;

    /** The settings of the application these options make, added to the caller's. */
    Map<String, Object> settings(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        if (logFormat == LogFormat.JSON) {
            all.put("logging.structured.format.console", "ecs");
        }
        if (quiet) {
            all.put("logging.level.root", "ERROR");
        }
        // A failed step is logged by Spring Batch (and its rollback by Spring's transactions) with its
        // stack trace; the run's one line names the cause.
        all.put("logging.level.org.springframework.batch", debug ? "INFO" : "OFF");
        all.put("logging.level.org.springframework.transaction", debug ? "INFO" : "OFF");
        all.put(DEBUG, debug);
        return all;
    }
}

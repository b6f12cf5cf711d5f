package org.peelharvest.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** How a job-running command talks to a scheduler: {@code --quiet} and {@code --log-format}. */
class OutputOptions extends QuietOption {

    enum LogFormat { TEXT, JSON }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default) or json: every log line on stderr one JSON object (Elastic Common "
                    + "Schema, Spring Boot's structured logging), for log shippers.")
    LogFormat logFormat = LogFormat.TEXT;

    /** The settings of the application these options make, added to the caller's. */
    Map<String, Object> settings(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        if (logFormat == LogFormat.JSON) {
            all.put("logging.structured.format.console", "ecs");
        }
        if (quiet) {
            all.put("logging.level.root", "ERROR");
        }
        return all;
    }
}

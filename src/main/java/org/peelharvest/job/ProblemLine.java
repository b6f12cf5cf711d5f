package org.peelharvest.job;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one line on stderr that names why a run did not end well (or a line of progress): as text, or with
 * {@code --log-format json} as one JSON object shaped as the log lines around it (Elastic Common
 * Schema, as Spring Boot's {@code ecs} structured format writes them), so that a log shipper
 * reads every line of stderr alike, those printed before or after the application ran included.
 */
final class ProblemLine {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PrintStream err;
    private final boolean json;

    ProblemLine(PrintStream err, boolean json) {
        this.err = err;
        this.json = json;
    }

    void println(String problem) {
        println("ERROR", problem);
    }

    /** A line of {@code level} (ECS's {@code log.level}: ERROR, INFO …). */
    void println(String level, String text) {
        if (!json) {
            err.println(text);
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("@timestamp", Instant.now().toString());
        Map<String, Object> log = new LinkedHashMap<>(); // "level" first in every line (Map.of's order is not fixed)
        log.put("level", level);
        log.put("logger", "peel-harvest");
        line.put("log", log);
        line.put("message", text);
        line.put("ecs", Map.of("version", "8.11"));
        err.println(JSON.writeValueAsString(line));
    }
}

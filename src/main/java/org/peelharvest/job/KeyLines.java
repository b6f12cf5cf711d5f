package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Where each top-level key of a job file is, so a problem with its value can be named by line as
 * a person finds it in an editor ({@code jobs/x.yaml line 3: 'input' must be a list of paths}).
 * A job file is small ({@link JobFile#MAX_BYTES}) and read once more only when it has a problem.
 */
record KeyLines(Map<String, Integer> lines) {

    /** A top-level key at the start of its line: {@code input:}. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z-]*)\\s*:");

    static KeyLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try {
            List<String> text = Files.readAllLines(file);
            for (int i = 0; i < text.size(); i++) {
                java.util.regex.Matcher key = KEY.matcher(text.get(i));
                if (key.find()) {
                    lines.putIfAbsent(key.group(1), i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Parsed already, so it can be read; without lines the problem is still named by its key.
        }
        return new KeyLines(lines);
    }

    /** {@code "line 3: "} for a key given on line 3, else nothing. */
    String line(String key) {
        Integer line = lines.get(key);
        return line == null ? "" : "line " + line + ": ";
    }

    /** What a key whose value has the wrong shape must be: "'input' must be a list of paths". */
    static String expected(MismatchedInputException e) {
        String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
        if (key == null) {
            return "a job file is a list of keys and values (name:, input:, output: …), one a line";
        }
        return "'" + key + "' must be " + switch (key) {
            case "input" -> "a list of paths (files or folders)";
            case "seed" -> "a list of page URLs";
            case "allow" -> "a list of URL prefixes";
            case "max-reject-rate", "max-warning-rate", "rate" -> "a number";
            case "max-urls", "max-links-per-page" -> "a whole number";
            default -> "one value, such as " + switch (key) {
                case "csv" -> "plain";
                case "max-duration" -> "6h";
                case "name" -> "peel-2016";
                default -> "a path";
            };
        };
    }
}

package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A snapshot's {@code log.json}: every URL the harvest dealt with, under what became of it
 * (fetched, not modified, skipped, refused by robots.txt, blocked, failed), with its status, its
 * attempts and why.
 */
public final class SnapshotLog {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What became of a URL; the log lists them in this order, each under its name in lower case. */
    public enum Kind {
        FETCHED, NOT_MODIFIED, SKIPPED, REFUSED_BY_ROBOTS, BLOCKED, FAILED
    }

    private final Map<Kind, List<Map<String, Object>>> entries = new EnumMap<>(Kind.class);

    SnapshotLog() {
        for (Kind kind : Kind.values()) {
            entries.put(kind, new ArrayList<>());
        }
    }

    /** A response the snapshot already held when it was resumed: logged as fetched, not fetched again. */
    public void heldBefore(String url) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", url);
        entry.put("status", 200);
        entry.put("attempts", 0);
        entry.put("reason", "fetched before the harvest was interrupted");
        entries.get(Kind.FETCHED).add(entry);
    }

    /** A URL not fetched at all (outside the prefixes, beyond the page limit, a redirect to a page already had). */
    public void skipped(String url, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>(); // in this order in every run (Map.of's order is not fixed)
        entry.put("url", url);
        entry.put("reason", reason);
        entries.get(Kind.SKIPPED).add(entry);
    }

    /** A fetch that brought nothing to keep: refused by robots.txt, blocked, or failed. */
    public void ended(Fetch fetch) {
        logged(switch (fetch.outcome()) {
            case REFUSED_BY_ROBOTS -> Kind.REFUSED_BY_ROBOTS;
            case BLOCKED -> Kind.BLOCKED;
            default -> Kind.FAILED;
        }, fetch);
    }

    void fetched(Fetch fetch) {
        logged(Kind.FETCHED, fetch);
    }

    void notModified(Fetch fetch) {
        logged(Kind.NOT_MODIFIED, fetch);
    }

    /**
     * Why no URL had an answer from its server, when none did (no network, an unknown host, a
     * robots.txt that could not be read): the first such reason; "" when any URL was answered.
     */
    public String unanswered() {
        String first = "";
        for (Kind kind : Kind.values()) {
            for (Map<String, Object> entry : entries.get(kind)) {
                if (kind == Kind.SKIPPED) {
                    continue;
                }
                if (entry.get("status") instanceof Integer status && status > 0) {
                    return "";
                }
                Object reason = entry.get("reason");
                first = first.isEmpty() && reason != null ? reason.toString() : first;
            }
        }
        return first;
    }

    public int count(Kind kind) {
        return entries.get(kind).size();
    }

    private void logged(Kind kind, Fetch fetch) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", fetch.url());
        if (!fetch.finalUrl().equals(fetch.url())) {
            entry.put("final_url", fetch.finalUrl());
        }
        entry.put("status", fetch.status());
        entry.put("attempts", fetch.attempts());
        if (!fetch.reason().isEmpty() && kind != Kind.FETCHED) {
            entry.put("reason", fetch.reason());
        }
        entries.get(kind).add(entry);
    }

    /** Writes the log as pretty-printed JSON, one member for each kind, in the order of {@link Kind}. */
    void write(Path file) throws IOException {
        Map<String, List<Map<String, Object>>> log = new LinkedHashMap<>();
        entries.forEach((kind, list) -> log.put(kind.name().toLowerCase(Locale.ROOT), list));
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n");
    }
}

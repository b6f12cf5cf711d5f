package org.peelharvest.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What became of one URL.
 *
 * @param url      the canonical URL asked for
 * @param finalUrl where its content was found, after redirects
 * @param status   the last HTTP status, 0 when no response came
 * @param headers  the last response's headers
 * @param body     the content of a fetched response, empty otherwise
 * @param reason   why it was not fetched, for the log
 * @param exchange the last request and answer as they crossed the wire; null when no answer came
 */
public record Fetch(String url, String finalUrl, Outcome outcome, int status, Map<String, List<String>> headers,
                    byte[] body, String reason, int attempts, Instant date, Exchange exchange) {

    public enum Outcome {
        /** 200: the content is in {@code body}. */
        FETCHED,
        /** 304 to a conditional request: the earlier snapshot's content stands. */
        NOT_MODIFIED,
        /** robots.txt disallows it for this user agent. */
        REFUSED_BY_ROBOTS,
        /** 403 or a bot-challenge page: the site turned the harvester away. */
        BLOCKED,
        /** A redirect to a URL the harvest already has: nothing more to fetch. */
        REDIRECTED_TO_SEEN,
        /** Any other end: 404, too large, a redirect out of bounds, retries exhausted. */
        FAILED
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}

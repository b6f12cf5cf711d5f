package org.peelharvest.harvest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a snapshot's {@code index.jsonl}: a {@code response} or {@code revisit} record of
 * its WARC files, with what a later harvest asks again with. The only place the line's JSON is
 * written or read.
 *
 * @param url          where the content was found, after redirects
 * @param requested    the canonical URL asked for
 * @param date         when the answer came
 * @param status       the HTTP status (200 for a response, 304 for a revisit)
 * @param warc         the name of the WARC file in the snapshot's folder
 * @param offset       where the record starts in that file
 * @param sha256       SHA-256 of the payload (of the earlier capture's, for a revisit); may be null
 * @param contentType  the {@code Content-Type} received; null when none
 * @param etag         the {@code ETag} received, a validator; null when none
 * @param lastModified the {@code Last-Modified} received, a validator; null when none
 */
public record IndexLine(String url, String requested, Instant date, int status, Type type, String warc, long offset,
                        String sha256, String contentType, String etag, String lastModified) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The kind of WARC record the line indexes, as the index names it. */
    public enum Type {
        RESPONSE, REVISIT;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public IndexLine {
        if (url == null || requested == null || date == null || type == null || warc == null) {
            throw new IllegalArgumentException("an index line needs its url, requested, date, type and warc");
        }
    }

    /** The line for a record of {@code fetch} written at {@code offset} of {@code warc}. */
    static IndexLine of(Fetch fetch, Type type, String warc, long offset, String sha256) {
        return new IndexLine(fetch.finalUrl(), fetch.url(), fetch.date(), fetch.status(), type, warc, offset, sha256,
                fetch.header("Content-Type"), fetch.header("ETag"), fetch.header("Last-Modified"));
    }

    /** The line as written to the index, without its line end; fields in this order, absent values as null. */
    String toJson() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("url", url);
        line.put("requested", requested);
        line.put("date", date.toString());
        line.put("status", status);
        line.put("type", type.jsonName());
        line.put("warc", warc);
        line.put("offset", offset);
        line.put("sha256", sha256);
        line.put("content_type", contentType);
        line.put("etag", etag);
        line.put("last_modified", lastModified);
        return JSON.writeValueAsString(line);
    }

    /** The line {@code text} holds; empty when it is not a whole index line (torn by a kill, or not JSON). */
    static Optional<IndexLine> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return Optional.of(new IndexLine(text(node, "url"), text(node, "requested"),
                    Instant.parse(text(node, "date")), node.path("status").asInt(), type(text(node, "type")),
                    text(node, "warc"), node.path("offset").asLong(), text(node, "sha256"),
                    text(node, "content_type"), text(node, "etag"), text(node, "last_modified")));
        } catch (RuntimeException e) {
            // Not JSON (JacksonException), or a field missing or not of its type.
            return Optional.empty();
        }
    }

    private static Type type(String name) {
        return Type.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** True for a {@code response} line: the content itself, not a revisit of it. */
    public boolean isResponse() {
        return type == Type.RESPONSE;
    }

    /** The validators to ask again with, in a conditional request. */
    public PoliteFetcher.Validators validators() {
        return new PoliteFetcher.Validators(etag, lastModified);
    }
}

package org.peelharvest.harvest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server of the answers that ran a harvest out of memory (issue 17), written byte by
 * byte on a {@link RawSite}: a chunked answer whose trailer never ends, chunks that each carry a
 * 60 KB extension, 1-byte chunks, and pages of 50,000 new links, each link another such page. Its
 * robots.txt is one of these too when a test says. Every endless answer stops by itself after
 * {@link #MOST_BYTES} or {@link #MOST_MILLIS}, or when the client hangs up.
 */
public final class HostileAnswers implements AutoCloseable {

    public static final String SEED = "/site/";
    /** {@code 0\r\n}, then trailer fields forever. */
    public static final String TRAILER = "/site/trailer/";
    /** Chunks of one byte, each size line with a 60 KB extension. */
    public static final String EXTENSIONS = "/site/extensions/";
    /** Chunks of one byte each, forever. */
    public static final String ONE_BYTE_CHUNKS = "/site/one-byte-chunks/";
    /** The first of the pages of links: {@code /site/links/N/} links to 50,000 pages of its own. */
    public static final String LINKS = "/site/links/0/";
    public static final int LINKS_PER_PAGE = 50_000;

    /** What the server's robots.txt is. */
    public enum Robots {
        /** 404: everything allowed. */
        NONE,
        /** A chunked robots.txt whose trailer never ends. */
        ENDLESS_TRAILER,
        /** {@code Crawl-delay: 250}: 20,000 pages would take 58 days. */
        CRAWL_DELAY_250
    }

    static final long MOST_BYTES = 300L * 1024 * 1024;
    static final long MOST_MILLIS = 60_000;

    private final RawSite site;
    private final Robots robots;
    private final List<String> seedLinks;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    /** @param seedLinks the hrefs of the seed page */
    public HostileAnswers(Robots robots, String... seedLinks) throws IOException {
        this.robots = robots;
        this.seedLinks = List.of(seedLinks);
        this.site = new RawSite(this::answer);
    }

    public String base() {
        return site.base();
    }

    /** How many times {@code target} was asked for, answered in full or not. */
    public int asked(String target) {
        return asked.getOrDefault(target, new AtomicInteger()).get();
    }

    private byte[] answer(String request, OutputStream out) throws IOException {
        String target = request.split(" ", 3)[1];
        asked.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
        if (target.equals("/robots.txt")) {
            switch (robots) {
                case NONE -> out.write(whole(404, "text/plain", ""));
                case ENDLESS_TRAILER -> endless(out, "0\r\n", trailerFields());
                case CRAWL_DELAY_250 -> out.write(whole(200, "text/plain", "User-agent: *\nCrawl-delay: 250\n"));
            }
        } else if (target.equals(SEED)) {
            out.write(whole(200, "text/html", String.join("", seedLinks.stream()
                    .map(href -> "<p><a href=\"" + href + "\">" + href + "</a></p>").toList())));
        } else if (target.equals(TRAILER)) {
            endless(out, "5\r\nhello\r\n0\r\n", trailerFields());
        } else if (target.equals(EXTENSIONS)) {
            endless(out, "", ("1;ext=" + "e".repeat(60 * 1024) + "\r\nx\r\n").repeat(2));
        } else if (target.equals(ONE_BYTE_CHUNKS)) {
            endless(out, "", "1\r\nx\r\n".repeat(10_000));
        } else if (target.startsWith("/site/links/")) {
            out.write(whole(200, "text/html", links(Long.parseLong(target.split("/")[3]))));
        } else {
            out.write(whole(404, "text/plain", ""));
        }
        return new byte[0];
    }

    /** A chunked 200 that starts with {@code first}, then sends {@code block} again and again. */
    private static void endless(OutputStream out, String first, String block) throws IOException {
        out.write(RawSite.wire("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" + first));
        byte[] bytes = RawSite.wire(block);
        long until = System.currentTimeMillis() + MOST_MILLIS;
        for (long sent = 0; sent < MOST_BYTES && System.currentTimeMillis() < until; sent += bytes.length) {
            out.write(bytes);
        }
    }

    private static String trailerFields() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            fields.append("X-Trailer-").append(i).append(": ").append("t".repeat(50)).append("\r\n");
        }
        return fields.toString();
    }

    /** Page {@code n}: links to the pages numbered {@code n × 50,000 + 1} onwards. */
    private static String links(long n) {
        StringBuilder page = new StringBuilder();
        for (long i = 1; i <= LINKS_PER_PAGE; i++) {
            page.append("<a href=\"/site/links/").append(n * LINKS_PER_PAGE + i).append("/\">.</a>\n");
        }
        return page.toString();
    }

    private static byte[] whole(int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = RawSite.wire("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: "
                + bytes.length + "\r\n\r\n");
        byte[] all = java.util.Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        site.close();
    }
}

package org.peelharvest.harvest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.peelharvest.testing.HttpReplies;

/**
 * A small mirror of the inspectorate's site on loopback, laid out under the real paths (year
 * index → force page → pillar page and PDF), with the awkward cases a real crawl meets: a
 * robots.txt disallowing a linked path, an off-site link, a 404, a 500 then 200, a 429 with
 * Retry-After, a response slower than the timeout, a redirect, a page too large. Every request is
 * logged with its time and headers. Pages carry an ETag and answer 304 to a matching If-None-Match.
 */
final class SiteMirror implements AutoCloseable {

    /** One request as it arrived; its status is set once answered (-1 until then, as for one timed out). */
    record Request(String path, Map<String, List<String>> headers, long nanos, AtomicInteger answered) {
        int status() {
            return answered.get();
        }
    }

    static final String INDEX = "/hmicfrs/peel-assessments/peel-2016/";
    static final String FORCE = INDEX + "derbyshire/";
    static final String PILLAR = FORCE + "effectiveness/";
    static final String PDF = "/hmicfrs/wp-content/uploads/peel-2016-derbyshire-effectiveness.pdf";

    private final HttpServer server;
    private final List<Request> log = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    SiteMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Settings for harvesting this mirror in a test: inside {@code /hmicfrs/}, a test user agent,
     * 2 s to connect, 200,000 bytes a response, 100 pages; the rest as the test needs.
     */
    HarvestSettings settings(double rate, Duration timeout, int attempts, Duration firstBackoff, Duration maxBackoff) {
        return new HarvestSettings(List.of(base() + "/hmicfrs/"), rate, "peel-harvest-test/1 (test@example.org)",
                Duration.ofSeconds(2), timeout, 200_000, attempts, firstBackoff, maxBackoff, 100);
    }

    List<Request> log() {
        return List.copyOf(log);
    }

    long count(String path) {
        return log.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Request request = new Request(path, Map.copyOf(exchange.getRequestHeaders()), System.nanoTime(), new AtomicInteger(-1));
        log.add(request);
        request.answered().set(respond(exchange, path, hit));
    }

    private int respond(HttpExchange exchange, String path, int hit) throws IOException {
        switch (path) {
            case "/robots.txt" -> {
                return send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /hmicfrs/private/\n");
            }
            case INDEX -> {
                return page(exchange, "<h1>PEEL 2016</h1><ul>"
                        + "<li><a href=\"derbyshire/\">Derbyshire</a></li>"
                        + "<li><a href=\"derbyshire/?view=table\">Derbyshire, as a table</a></li>"
                        + "<li><a href=\"/hmicfrs/private/staff/\">Staff only</a></li>"
                        + "<li><a href=\"http://example.org/elsewhere/\">Elsewhere</a></li>"
                        + "<li><a href=\"mailto:enquiries@example.org\">Write to us</a></li>"
                        + "<li><a href=\"#content\">Skip</a></li>"
                        + "<li><a href=\"/hmicfrs/missing/\">Gone</a></li>"
                        + "<li><a href=\"/hmicfrs/flaky/\">Flaky</a></li>"
                        + "<li><a href=\"/hmicfrs/busy/\">Busy</a></li>"
                        + "<li><a href=\"/hmicfrs/slow/\">Slow</a></li>"
                        + "<li><a href=\"/hmicfrs/huge/\">Huge</a></li>"
                        + "<li><a href=\"/hmicfrs/old/derbyshire\">Old address</a></li>"
                        + "</ul>");
            }
            case FORCE, FORCE + "?view=table" -> {
                return page(exchange, "<h1>Derbyshire 2016</h1><p><a href=\"effectiveness/\">Effectiveness</a></p>"
                        + "<p><a href=\"" + PDF + "\">Download the full report (PDF document)</a></p>");
            }
            case PILLAR -> {
                return file(exchange, "text/html; charset=utf-8", Path.of("input/sample/derbyshire-2016-effectiveness.html"));
            }
            case PDF -> {
                return file(exchange, "application/pdf", Path.of("input/sample/derbyshire-2016-effectiveness.pdf"));
            }
            case "/hmicfrs/flaky/" -> {
                return hit == 1 ? send(exchange, 500, "text/plain", "try again") : page(exchange, "<p>Recovered.</p>");
            }
            case "/hmicfrs/busy/" -> {
                if (hit == 1) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    return send(exchange, 429, "text/plain", "slow down");
                }
                return page(exchange, "<p>Served.</p>");
            }
            case "/hmicfrs/slow/" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return page(exchange, "<p>Too late.</p>");
            }
            case "/hmicfrs/huge/" -> {
                return send(exchange, 200, "text/html", "<p>" + "x".repeat(300_000) + "</p>");
            }
            case "/hmicfrs/old/derbyshire/" -> {
                exchange.getResponseHeaders().add("Location", base() + FORCE);
                return send(exchange, 301, "text/plain", "moved");
            }
            default -> {
                return send(exchange, 404, "text/html", "<p>Not found</p>");
            }
        }
    }

    private int page(HttpExchange exchange, String body) throws IOException {
        return HttpReplies.conditional(exchange, "text/html; charset=utf-8",
                ("<!DOCTYPE html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private int file(HttpExchange exchange, String type, Path file) throws IOException {
        return HttpReplies.conditional(exchange, type, Files.readAllBytes(file));
    }

    private static int send(HttpExchange exchange, int status, String type, String body) throws IOException {
        return HttpReplies.send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

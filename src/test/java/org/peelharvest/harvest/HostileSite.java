package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A hostile server on loopback (issue 9): its seed page links where a test says; it drips one
 * page a byte at a time, sends a report gzip-encoded whether asked or not, and answers 200 to any
 * other path, as a server that resolves dot segments and encoded slashes itself would answer a link
 * that escapes the harvest's prefix. Every request's target is logged as it arrived.
 */
public final class HostileSite implements AutoCloseable {

    public static final String SEED = "/site/";
    public static final String DRIP = "/site/drip/";
    /** A report page (its path as the harvester recognises one), sent with {@code Content-Encoding: gzip}. */
    /** A page in windows-1252, as its meta element says (its HTTP header names no charset), linking to {@link #CAFE}. */
    public static final String LATIN1 = "/site/latin1/";
    /** The target of the link on {@link #LATIN1}, "/site/café/", as a browser requests it (UTF-8, percent-encoded). */
    public static final String CAFE = "/site/caf%C3%A9/";
    public static final String GZIP_REPORT = "/site/peel-assessments/peel-2016/derbyshire/effectiveness/";
    static final Path REPORT_HTML = Path.of("input/sample/derbyshire-2016-effectiveness.html");
    private static final long DRIP_INTERVAL_MS = 300;
    private static final long DRIP_FOR_MS = 4000;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> links;
    private final List<Request> log = new CopyOnWriteArrayList<>();

    /** One request: its target as sent, and when it arrived. */
    public record Request(String target, long nanos) {
    }

    /** @param links the hrefs of the seed page, written as given */
    public HostileSite(String... links) throws IOException {
        this.links = List.of(links);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The raw target of every request but robots.txt, in order of arrival. */
    public List<String> requests() {
        return log.stream().map(Request::target).toList();
    }

    /** How long after the first request for {@code first} the first request for {@code then} came. */
    public java.time.Duration between(String first, String then) {
        return java.time.Duration.ofNanos(arrival(then) - arrival(first));
    }

    private long arrival(String target) {
        return log.stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow().nanos();
    }

    /** The report page gzip-encoded, as the server sends it. */
    static byte[] gzippedReport() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Files.readAllBytes(REPORT_HTML));
        }
        return bytes.toByteArray();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath();
        if (!target.equals("/robots.txt")) {
            log.add(new Request(target, System.nanoTime()));
        }
        try (exchange) {
            switch (target) {
                case "/robots.txt" -> send(exchange, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
                case SEED -> send(exchange, "text/html; charset=utf-8", page(String.join("", links.stream()
                        .map(href -> "<p><a href=\"" + href + "\">" + href + "</a></p>").toList())));
                case DRIP -> drip(exchange);
                case LATIN1 -> send(exchange, "text/html", ("<!DOCTYPE html><html><head><meta charset=\"windows-1252\">"
                        + "</head><body><p><a href=\"/site/caf\u00e9/\">Caf\u00e9</a></p></body></html>")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
                case GZIP_REPORT -> {
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(exchange, "text/html; charset=utf-8", gzippedReport());
                }
                default -> send(exchange, "text/html; charset=utf-8", page("<p>You reached " + target + "</p>"));
            }
        } catch (IOException e) {
            // the client gave up (its deadline): nothing more to send
        }
    }

    /** Headers at once, then one byte every 300 ms, for at most 4 s. */
    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; sent < DRIP_FOR_MS; sent += DRIP_INTERVAL_MS) {
            out.write('x');
            out.flush();
            try {
                Thread.sleep(DRIP_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static byte[] page(String body) {
        return ("<!DOCTYPE html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package org.peelharvest.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.peelharvest.testing.HttpReplies;

/**
 * The synthetic archive served as a site on loopback (issue 11's re-harvest measure): an index
 * page at {@code /peel/} linking every document, each document at {@code /peel/<quarter>/<file>}
 * with an ETag, answering 304 Not Modified to a matching {@code If-None-Match}, as the
 * inspectorate's site does. It records the time of every request it answers.
 */
final class ArchiveMirror implements AutoCloseable {

    /** One answered request: its status and when it arrived (System.nanoTime). */
    record Answered(int status, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Map<String, Path> documents = new LinkedHashMap<>();
    private final List<Answered> answered = new CopyOnWriteArrayList<>();

    ArchiveMirror(List<Path> quarters) throws IOException {
        for (Path quarter : quarters) {
            try (Stream<Path> files = Files.walk(quarter)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> documents.put(
                        "/peel/" + quarter.getFileName() + "/" + quarter.relativize(file).toString().replace('\\', '/'), file));
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The index page, the seed of a harvest. */
    String seed() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/peel/";
    }

    int documentCount() {
        return documents.size();
    }

    /** Forgets the requests answered so far. */
    void clearLog() {
        answered.clear();
    }

    List<Answered> answered() {
        return List.copyOf(answered);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        int status;
        if (path.equals("/peel/")) {
            status = HttpReplies.conditional(exchange, "text/html; charset=utf-8", index());
        } else if (documents.containsKey(path)) {
            Path file = documents.get(path);
            status = HttpReplies.conditional(exchange, file.toString().endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8",
                    Files.readAllBytes(file));
        } else {
            status = HttpReplies.send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
        answered.add(new Answered(status, arrived));
    }

    private byte[] index() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body><h1>PEEL reports</h1><ul>\n");
        for (String path : documents.keySet()) {
            page.append("<li><a href=\"").append(path).append("\">").append(path).append("</a></li>\n");
        }
        return page.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

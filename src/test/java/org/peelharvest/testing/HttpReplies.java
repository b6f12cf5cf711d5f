package org.peelharvest.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/** How the tests' loopback sites answer: a body with its ETag, 304 to a request that names it. */
public final class HttpReplies {

    private HttpReplies() {
    }

    /** 304 to a request naming the content's ETag; else the content, with its ETag. */
    public static int conditional(HttpExchange exchange, String type, byte[] body) throws IOException {
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "-" + body.length + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return 304;
        }
        return send(exchange, 200, type, body);
    }

    public static int send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client gave up (a timeout it was told to keep): nothing more to send
        }
        return status;
    }
}

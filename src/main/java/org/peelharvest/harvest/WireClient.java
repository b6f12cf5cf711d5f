package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A GET over HTTP/1.1 on a plain or TLS socket, keeping every byte exchanged, so that the snapshot
 * can archive what was really sent and received. {@code java.net.http.HttpClient} cannot: it adds
 * headers of its own that it does not show (an HTTP/2 upgrade offer on {@code http:}), gives no
 * reason phrase, and hands back header names lower-cased.
 *
 * <p>One connection per request, closed after it ({@code Connection: close}), so the answer ends
 * where the server closes or its framing says. One deadline covers connecting, the TLS handshake,
 * the headers and the body, however slowly the server sends (issue 9). Only HTTP/1.1 is spoken;
 * no proxy is used.
 */
final class WireClient {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxBytes;

    WireClient(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
    }

    /**
     * Sends {@code GET uri} with {@code Host} first, then {@code headers} in the order given, then
     * {@code Connection: close}, and reads the whole answer within the request timeout.
     *
     * @throws SocketTimeoutException when no complete answer came within the request timeout
     * @throws IOException            when the connection fails or the answer is not HTTP/1.x
     */
    Exchange get(URI uri, List<Exchange.Header> headers) throws IOException {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        byte[] request = requestBytes(uri, headers);
        try (Socket socket = connect(uri, deadline)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            Input in = new Input(socket, deadline);
            byte[] head = in.head();
            return answer(request, head, in, socket.getInetAddress().getHostAddress());
        } catch (SocketTimeoutException e) {
            throw timedOut();
        }
    }

    private static byte[] requestBytes(URI uri, List<Exchange.Header> headers) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder text = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        text.append("Host: ").append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort()).append("\r\n");
        headers.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        text.append("Connection: close\r\n\r\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Socket connect(URI uri, long deadline) throws IOException {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(connectTimeout.toMillis(), remaining(deadline)));
            if (!tls) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            // Check the certificate names the host (RFC 2818), as an HTTP client must.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout((int) remaining(deadline));
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Exchange answer(byte[] request, byte[] head, Input in, String ip) throws IOException {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (!statusLine[0].startsWith("HTTP/1.") || statusLine.length < 2 || !statusLine[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP/1.x answer: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        List<Exchange.Header> headers = headers(lines);
        Body body = body(status, headers, in);
        return new Exchange(request, head, body.raw(), body.payload(), status, statusLine.length > 2 ? statusLine[2] : "",
                headers, body.cut(), ip);
    }

    /** The header fields after the status line; an obsolete folded line (RFC 9112, 5.2) continues the one before. */
    private static List<Exchange.Header> headers(String[] lines) {
        List<Exchange.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                Exchange.Header last = headers.remove(headers.size() - 1);
                headers.add(new Exchange.Header(last.name(), last.value() + " " + line.strip()));
            } else if (line.indexOf(':') > 0) {
                headers.add(new Exchange.Header(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip()));
            }
        }
        return headers;
    }

    private record Body(byte[] raw, byte[] payload, boolean cut) {
    }

    /** The message body as RFC 9112, 6.3 frames it: none, chunked, a Content-Length, or up to the close. */
    private Body body(int status, List<Exchange.Header> headers, Input in) throws IOException {
        if (status / 100 == 1 || status == 204 || status == 304) {
            return new Body(new byte[0], new byte[0], false);
        }
        String coding = value(headers, "Transfer-Encoding");
        if (coding != null && coding.toLowerCase(Locale.ROOT).strip().endsWith("chunked")) {
            return chunked(in);
        }
        String length = value(headers, "Content-Length");
        long expected = length == null ? -1 : parseLength(length);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long wanted = expected < 0 ? maxBytes + 1 : Math.min(expected, maxBytes + 1);
        long got = in.copy(received, wanted);
        if (expected >= 0 && got < wanted) {
            throw new IOException("the connection closed after " + got + " of " + expected + " bytes");
        }
        boolean cut = got > maxBytes;
        byte[] bytes = received.toByteArray();
        return new Body(bytes, bytes, cut);
    }

    /** Chunks read and kept as received, framing included; their data joined is the payload. */
    private Body chunked(Input in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = in.line(raw);
            String hex = sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine;
            long size;
            try {
                size = Long.parseLong(hex.strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunk size that is not hexadecimal: " + sizeLine);
            }
            if (size == 0) {
                for (String trailer = in.line(raw); !trailer.isEmpty(); trailer = in.line(raw)) {
                    // trailer fields are kept in the raw body, as received
                }
                return new Body(raw.toByteArray(), payload.toByteArray(), false);
            }
            if (payload.size() + size > maxBytes) {
                return new Body(raw.toByteArray(), payload.toByteArray(), true);
            }
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            if (in.copy(chunk, size) < size) {
                throw new IOException("the connection closed inside a chunk");
            }
            chunk.writeTo(raw);
            chunk.writeTo(payload);
            in.line(raw);
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException("a Content-Length that is not a number: " + value);
        }
    }

    private static String value(List<Exchange.Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Exchange.Header::value)
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    private SocketTimeoutException timedOut() {
        return new SocketTimeoutException("no complete answer within "
                + java.math.BigDecimal.valueOf(requestTimeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s");
    }

    private static long remaining(long deadline) throws SocketTimeoutException {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return millis;
    }

    /** The socket's input, read through a buffer, each read bounded by what is left of the deadline. */
    private static final class Input {
        private final Socket socket;
        private final InputStream stream;
        private final long deadline;
        private final byte[] buffer = new byte[8192];
        private int start;
        private int end;

        Input(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.stream = socket.getInputStream();
            this.deadline = deadline;
        }

        /** Fills the buffer when it is empty; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (start < end) {
                return true;
            }
            socket.setSoTimeout((int) remaining(deadline));
            int read = stream.read(buffer);
            remaining(deadline);
            if (read < 0) {
                return false;
            }
            start = 0;
            end = read;
            return true;
        }

        /** The status line and header section, up to and including the empty line that ends it. */
        byte[] head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                if (!fill()) {
                    throw new IOException(head.size() == 0 ? "the server closed the connection without answering"
                            : "the connection closed inside the header section");
                }
                byte b = buffer[start++];
                head.write(b);
                if (b == '\n' && head.size() >= 3) {
                    byte[] bytes = head.toByteArray();
                    if (endsHead(bytes)) {
                        return bytes;
                    }
                }
                if (head.size() > MAX_HEAD_BYTES) {
                    throw new IOException("a header section longer than " + MAX_HEAD_BYTES + " bytes");
                }
            }
        }

        private static boolean endsHead(byte[] bytes) {
            int n = bytes.length;
            return bytes[n - 2] == '\n' || bytes[n - 2] == '\r' && bytes[n - 3] == '\n';
        }

        /** One line, written to {@code raw} with its line end; returned without it. */
        String line(ByteArrayOutputStream raw) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (!fill()) {
                    throw new IOException("the connection closed inside the chunk framing");
                }
                byte b = buffer[start++];
                raw.write(b);
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
                if (line.size() > MAX_HEAD_BYTES) {
                    throw new IOException("a chunk line longer than " + MAX_HEAD_BYTES + " bytes");
                }
            }
        }

        /** Copies up to {@code count} bytes, fewer at the end of the stream; returns how many. */
        long copy(OutputStream to, long count) throws IOException {
            long copied = 0;
            while (copied < count && fill()) {
                int n = (int) Math.min(end - start, count - copied);
                to.write(buffer, start, n);
                start += n;
                copied += n;
            }
            return copied;
        }
    }
}

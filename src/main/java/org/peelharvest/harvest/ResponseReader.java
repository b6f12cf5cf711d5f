package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 answer parsed as it arrives (RFC 9112): the status line and the header fields, names
 * in their own case and obsolete folded lines joined, then the body framed as the answer says
 * (none, chunked, a Content-Length, or up to the close), kept as received and as payload, and cut
 * at the size limit.
 */
final class ResponseReader {

    private final long maxBytes;

    ResponseReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The answer to {@code request}, read from {@code in}: its head, then its body as its framing says. */
    Exchange read(byte[] request, WireInput in, String ip) throws IOException {
        byte[] head = in.head();
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
    private Body body(int status, List<Exchange.Header> headers, WireInput in) throws IOException {
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

    /**
     * Chunks read and kept as received, framing included; their data joined is the payload. The
     * kept bytes, framing included, are cut at the size limit (1-byte chunks keep six bytes each).
     */
    private Body chunked(WireInput in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(in.line(raw));
            if (size == 0) {
                for (String trailer = in.line(raw); !trailer.isEmpty() && raw.size() <= maxBytes; trailer = in.line(raw)) {
                    // trailer fields are kept in the raw body, as received
                }
                return new Body(raw.toByteArray(), payload.toByteArray(), raw.size() > maxBytes);
            }
            if (raw.size() + size > maxBytes) {
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

    private static long chunkSize(String sizeLine) throws IOException {
        String hex = sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine;
        try {
            long size = Long.parseLong(hex.strip(), 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("a chunk size that is not hexadecimal: " + sizeLine.substring(0, Math.min(80, sizeLine.length())));
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
}

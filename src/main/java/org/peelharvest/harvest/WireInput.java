package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A socket's input, read through a buffer, each read bounded by what is left of one deadline for
 * the whole answer (issue 9): the header section, chunk framing lines and body bytes.
 */
final class WireInput {

    /** The longest header section or chunk line accepted. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream stream;
    private final long deadline;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    WireInput(Socket socket, long deadline) throws IOException {
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

    /** The milliseconds left before {@code deadline} (a {@link System#nanoTime} value); none left is a timeout. */
    static long remaining(long deadline) throws SocketTimeoutException {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return millis;
    }
}

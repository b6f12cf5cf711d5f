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
 * the whole answer (issue 9): the header section, chunk framing lines and body bytes. What is not
 * payload is bounded in bytes too (issue 17): a server that sends trailer fields forever, or
 * chunk extensions of 60 KB on every chunk, ran the harvest out of memory.
 */
final class WireInput {

    /** The longest header section or chunk line accepted. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /**
     * The most bytes of one answer that are not payload, together: the status line, the header and
     * trailer fields, chunk-size lines with their extensions and the line ends after chunks. A
     * server chunking a 50 MB document in 4 KB chunks sends about 100 KB of them.
     */
    static final int MAX_FRAMING_BYTES = 1024 * 1024;

    private final Socket socket;
    private final InputStream stream;
    private final long deadline;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private long framing;

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
        int last = 0;
        int beforeLast = 0;
        while (true) {
            if (!fill()) {
                throw new IOException(head.size() == 0 ? "the server closed the connection without answering"
                        : "the connection closed inside the header section");
            }
            byte b = buffer[start++];
            head.write(b);
            // The header section ends at an empty line: LF LF or LF CR LF.
            if (b == '\n' && head.size() >= 3 && (last == '\n' || last == '\r' && beforeLast == '\n')) {
                framing += head.size();
                return head.toByteArray();
            }
            beforeLast = last;
            last = b;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new AnswerTooLargeException("a header section longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
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
            if (++framing > MAX_FRAMING_BYTES) {
                throw new AnswerTooLargeException("header fields, chunk lines and trailer fields longer than " + MAX_FRAMING_BYTES
                        + " bytes in all");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
            if (line.size() > MAX_HEAD_BYTES) {
                throw new AnswerTooLargeException("a chunk line longer than " + MAX_HEAD_BYTES + " bytes");
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

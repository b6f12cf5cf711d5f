package org.peelharvest.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A server on loopback that speaks HTTP/1.1 by hand over a plain socket, so that a test knows
 * every byte exchanged: it keeps each request exactly as it arrived (request line and header
 * section, up to the empty line) and answers with bytes the test wrote, reason phrase and header
 * case as written, then closes the connection. An answer may also be written as it goes
 * ({@link Streamed}), for answers that never end ({@link HostileAnswers}).
 */
final class RawSite implements AutoCloseable {

    /** One exchange as it happened on this side: the request as received, the answer as sent. */
    record Exchanged(String target, byte[] received, byte[] sent) {
    }

    /**
     * Writes the answer to a request (given as text) as it goes, for answers too long to hold
     * (issue 17's endless trailer); returns the bytes to log as sent (none for such an answer).
     * Each must end by itself, bounded in bytes and time.
     */
    interface Streamed {
        byte[] write(String request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Streamed answers;
    private final List<Exchanged> log = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param answers the whole answer to send for a request, given the request as text */
    RawSite(Function<String, byte[]> answers) throws IOException {
        this((request, out) -> {
            byte[] answer = answers.apply(request);
            out.write(answer);
            return answer;
        });
    }

    /** @param answers writes the answer to a request as it goes */
    RawSite(Streamed answers) throws IOException {
        this.answers = answers;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "raw-site");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    List<Exchanged> log() {
        return List.copyOf(log);
    }

    /** The exchanges whose request target was {@code target}, in order of arrival. */
    List<Exchanged> to(String target) {
        return log.stream().filter(e -> e.target().equals(target)).toList();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                byte[] request = head(socket.getInputStream());
                String text = new String(request, StandardCharsets.ISO_8859_1);
                byte[] answer = answers.write(text, socket.getOutputStream());
                socket.getOutputStream().flush();
                log.add(new Exchanged(text.split(" ", 3)[1], request, answer));
            } catch (IOException e) {
                // closed while waiting, or the client went away: nothing to answer
            }
        }
    }

    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            bytes.write(b);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        return bytes.toByteArray();
    }

    /** Text as bytes on the wire (HTTP/1.1 fields are ISO-8859-1). */
    static byte[] wire(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

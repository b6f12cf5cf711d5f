package org.peelharvest.harvest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
 * where the server closes or its framing says ({@link ResponseReader}). One deadline covers
 * connecting, the TLS handshake, the headers and the body, however slowly the server sends
 * ({@link WireInput}; issue 9). Only HTTP/1.1 is spoken; no proxy is used.
 */
final class WireClient {

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
            WireInput in = new WireInput(socket, deadline);
            return new ResponseReader(maxBytes).read(request, in, socket.getInetAddress().getHostAddress());
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
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(connectTimeout.toMillis(), WireInput.remaining(deadline)));
            if (!tls) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            // Check the certificate names the host (RFC 2818), as an HTTP client must.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout((int) WireInput.remaining(deadline));
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private SocketTimeoutException timedOut() {
        return new SocketTimeoutException("no complete answer within "
                + java.math.BigDecimal.valueOf(requestTimeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s");
    }

}

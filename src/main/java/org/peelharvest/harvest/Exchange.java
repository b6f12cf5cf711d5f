package org.peelharvest.harvest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request and its answer as they crossed the wire, so that a WARC record can hold
 * exactly what was exchanged (WARC 1.1, 6.3 and 6.4: a request or response record's block is the
 * full HTTP message): the request's bytes as sent, the answer's status line and header section as
 * received (reason phrase and header case kept), and its message body as received (chunk framing
 * and any {@code Content-Encoding} kept).
 *
 * @param request   the request line, every header sent and the blank line that ends them
 * @param head      the status line, every header received and the blank line, as received
 * @param body      the message body as received: still chunked when the server chunked it
 * @param payload   the body with its transfer coding removed (RFC 9112, 7): what the payload digest covers
 * @param status    the status code
 * @param reason    the reason phrase, as sent (may be empty)
 * @param headers   the header fields in the order received, names as the server wrote them
 * @param cut       true when the payload passed the size limit and was not read to its end
 * @param ipAddress the address the request was sent to
 */
public record Exchange(byte[] request, byte[] head, byte[] body, byte[] payload, int status, String reason,
                       List<Header> headers, boolean cut, String ipAddress) {

    /** One header field as written on the wire. */
    public record Header(String name, String value) {
    }

    public Exchange {
        headers = List.copyOf(headers);
    }

    /** The whole answer as received: what a WARC {@code response} record's block holds. */
    public byte[] response() {
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /** The headers by name as received (case kept), in order; repeated names keep every value. */
    public Map<String, List<String>> headerMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach(h -> map.computeIfAbsent(h.name(), n -> new ArrayList<>()).add(h.value()));
        return map;
    }

    /** The first value of a header, whatever the case of its name; null when absent. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    /** The request line and headers as text (ISO-8859-1, as HTTP/1.1 fields are). */
    public String requestText() {
        return new String(request, StandardCharsets.ISO_8859_1);
    }
}

package org.peelharvest.harvest;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * One gzipped WARC 1.1 file of a snapshot, written with jwarc: {@code warcinfo} first, then for
 * each page fetched a {@code response} holding the answer as received and a {@code request} holding
 * the request as sent, and for each page the server said had not changed a {@code revisit} holding
 * the 304's head and its {@code request}. A new file each time: an existing one is never reopened.
 */
final class SnapshotWarc implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final WarcWriter writer;

    /** Creates {@code file} and writes its {@code warcinfo} record. */
    SnapshotWarc(Path file, String userAgent) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.writer = new WarcWriter(channel, WarcCompression.GZIP);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("peel-harvest"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("http-header-user-agent", List.of(userAgent));
        fields.put("robots", List.of("obey"));
        writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(name()).fields(fields).build());
    }

    /** The file's name, as the index names it. */
    String name() {
        return file.getFileName().toString();
    }

    /**
     * Writes a page or PDF fetched: its response record (the answer as received: status line,
     * reason phrase and header names as the server wrote them, body as it came) and its request
     * record (the request line and every header as sent). Returns where the response starts.
     */
    long response(Fetch fetch) throws IOException {
        long offset = channel.position();
        WarcResponse response = captured(new WarcResponse.Builder(URI.create(fetch.finalUrl())), fetch,
                MediaType.HTTP_RESPONSE, fetch.exchange().response())
                .payloadDigest(new WarcDigest("sha1", sha1(fetch.exchange().payload()))).build();
        writer.write(response);
        writeRequest(fetch, response.id());
        return offset;
    }

    /**
     * Writes a page unchanged since {@code earlier}: a revisit record holding the 304's head as
     * received, and the conditional request that drew it. Returns where the revisit starts.
     */
    long revisit(Fetch fetch, IndexLine earlier) throws IOException {
        long offset = channel.position();
        URI earlierUrl = URI.create(earlier.url());
        WarcRevisit revisit = captured(new WarcRevisit.Builder(URI.create(fetch.finalUrl()),
                WarcRevisit.SERVER_NOT_MODIFIED_1_1).refersTo(earlierUrl, earlierUrl, earlier.date()), fetch,
                MediaType.HTTP_RESPONSE, fetch.exchange().head())
                .build();
        writer.write(revisit);
        writeRequest(fetch, revisit.id());
        return offset;
    }

    /** A record of the exchange's capture: WARC 1.1, its date, the server's address and its block with the block's digest. */
    private static <R extends WarcCaptureRecord, B extends WarcCaptureRecord.AbstractBuilder<R, B>> B captured(
            B builder, Fetch fetch, MediaType type, byte[] block) throws IOException {
        return builder.version(MessageVersion.WARC_1_1).date(fetch.date())
                .ipAddress(InetAddress.getByName(fetch.exchange().ipAddress()))
                .blockDigest(new WarcDigest("sha1", sha1(block))).body(type, block);
    }

    private void writeRequest(Fetch fetch, URI concurrentTo) throws IOException {
        writer.write(captured(new WarcRequest.Builder(URI.create(fetch.finalUrl())), fetch, MediaType.HTTP_REQUEST,
                fetch.exchange().request())
                .concurrentTo(concurrentTo).build());
    }

    /**
     * The payload as an HTTP message to decode: the body with its transfer coding removed and the
     * {@code Content-Encoding} it still has, so that {@link WarcDocuments#decoded} reads it as
     * extraction will read it from the snapshot.
     */
    static HttpResponse payloadMessage(Fetch fetch) {
        HttpResponse.Builder http = new HttpResponse.Builder(fetch.status(), fetch.exchange().reason());
        String encoding = fetch.header("Content-Encoding");
        if (encoding != null) {
            http.addHeader("Content-Encoding", encoding);
        }
        String type = fetch.header("Content-Type") == null ? "application/octet-stream" : fetch.header("Content-Type");
        return http.body(MediaType.parseLeniently(type), fetch.body()).build();
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}

package org.peelharvest.harvest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;

/**
 * One harvest's archive: a new, never-overwritten folder {@code <root>/<UTC timestamp>/} holding a
 * gzipped WARC 1.1 file written with jwarc ({@code warcinfo}, then for each page fetched a
 * {@code response} holding the answer as received and a {@code request} holding the request as
 * sent, and for each page the server said had not changed a {@code revisit} holding the 304's
 * head and its {@code request}), {@code index.jsonl} (one line per response or revisit: URL,
 * status, type, WARC file and offset, SHA-256 of the payload, validators), {@code log.json} (what
 * was fetched, not modified, skipped, refused by robots.txt, blocked, failed, and why), the
 * snapshot as a WACZ file ({@link Wacz}) and {@code manifest-sha256.txt} of its files.
 */
public final class Snapshot implements Closeable {

    public static final String INDEX = "index.jsonl";
    public static final String LOG = "log.json";
    public static final String MANIFEST = "manifest-sha256.txt";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile("-(\\d{5})\\.warc\\.gz$");
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String job;
    private final Path warc;
    private final FileChannel channel;
    private final WarcWriter writer;
    private final BufferedWriter index;
    private final Map<String, List<Map<String, Object>>> log = new LinkedHashMap<>();

    private final Map<String, JsonNode> held;

    private Snapshot(Path folder, String job, int segment, Map<String, JsonNode> held) throws IOException {
        this.folder = folder;
        this.job = job;
        this.held = held;
        this.warc = folder.resolve(job + "-" + folder.getFileName() + String.format("-%05d.warc.gz", segment));
        this.channel = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.writer = new WarcWriter(channel, WarcCompression.GZIP);
        this.index = Files.newBufferedWriter(folder.resolve(INDEX), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        for (String outcome : List.of("fetched", "not_modified", "skipped", "refused_by_robots", "blocked", "failed")) {
            log.put(outcome, new ArrayList<>());
        }
    }

    /** Starts a new snapshot folder under {@code root}, named after {@code start}; an existing one is never reused. */
    public static Snapshot start(Path root, String job, Instant start, String userAgent) throws IOException {
        Files.createDirectories(root);
        Path folder = root.resolve(FOLDER.format(start));
        Files.createDirectory(folder);
        return begun(new Snapshot(folder, job, 0, Map.of()), userAgent);
    }

    /**
     * Resumes the newest snapshot under {@code root} when its harvest was interrupted (it has no
     * manifest yet): what a kill tore at the end of its index and WARC files is cut back to the last
     * whole line and record, a new WARC segment is added, and what it already holds is not fetched
     * again. Otherwise starts a new snapshot.
     */
    public static Snapshot startOrResume(Path root, String job, Instant start, String userAgent) throws IOException {
        Optional<Path> interrupted = newest(root).filter(f -> !Files.exists(f.resolve(MANIFEST)));
        if (interrupted.isEmpty()) {
            return start(root, job, start, userAgent);
        }
        Path folder = interrupted.get();
        Map<String, JsonNode> held = new HashMap<>();
        for (JsonNode node : cutBack(folder)) {
            if (node.path("type").asString().equals("response")) {
                ((tools.jackson.databind.node.ObjectNode) node).put("snapshot", folder.toString());
                held.put(node.path("requested").asString(), node);
            }
        }
        return begun(new Snapshot(folder, job, nextSegment(folder), held), userAgent);
    }

    /**
     * Cuts the index and the WARC files of an interrupted snapshot back to their whole lines and
     * records, deletes a WARC file left with none, and returns the index lines that remain.
     */
    private static List<JsonNode> cutBack(Path folder) throws IOException {
        List<TornTail.Line> lines = TornTail.wholeLines(folder.resolve(INDEX));
        Map<String, Long> kept = new HashMap<>();
        for (Path file : WarcDocuments.filesIn(folder)) {
            String name = file.getFileName().toString();
            java.util.Set<Long> indexed = lines.stream().filter(l -> l.node().path("warc").asString().equals(name))
                    .map(l -> l.node().path("offset").asLong()).collect(java.util.stream.Collectors.toSet());
            long length = TornTail.cutWarc(file, indexed);
            kept.put(name, length);
            if (length == 0) {
                Files.delete(file);
            }
        }
        List<TornTail.Line> whole = lines.stream().filter(l -> l.node().path("offset").asLong()
                < kept.getOrDefault(l.node().path("warc").asString(), 0L)).toList();
        if (Files.exists(folder.resolve(INDEX))) {
            TornTail.rewrite(folder.resolve(INDEX), whole);
        }
        return whole.stream().map(TornTail.Line::node).toList();
    }

    /** One more than the highest segment number in the folder: a segment's name is never reused. */
    private static int nextSegment(Path folder) throws IOException {
        return WarcDocuments.filesIn(folder).stream().map(f -> SEGMENT.matcher(f.getFileName().toString()))
                .filter(java.util.regex.Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
    }

    /** True when this snapshot continues an interrupted harvest. */
    public boolean resumed() {
        return !held.isEmpty();
    }

    /** Responses the snapshot held before this harvest resumed it, by the URL asked for. */
    public Map<String, JsonNode> held() {
        return held;
    }

    private static Optional<Path> newest(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).filter(f -> f.getFileName().toString().matches("\\d{8}T\\d{6}Z"))
                    .max(Path::compareTo);
        }
    }

    private static Snapshot begun(Snapshot snapshot, String userAgent) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("peel-harvest"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("http-header-user-agent", List.of(userAgent));
        fields.put("robots", List.of("obey"));
        snapshot.writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1)
                .filename(snapshot.warc.getFileName().toString()).fields(fields).build());
        return snapshot;
    }

    /** A response this snapshot already held when it was resumed: logged as fetched, not fetched again. */
    public void heldBefore(String url) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", url);
        entry.put("status", 200);
        entry.put("attempts", 0);
        entry.put("reason", "fetched before the harvest was interrupted");
        log.get("fetched").add(entry);
    }

    public Path folder() {
        return folder;
    }

    /**
     * A page or PDF fetched: its response record (the answer as received: status line, reason
     * phrase and header names as the server wrote them, body as it came), its request record (the
     * request line and every header as sent), and a line in the index.
     */
    public void fetched(Fetch fetch) throws IOException {
        long offset = channel.position();
        WarcResponse response = captured(new WarcResponse.Builder(URI.create(fetch.finalUrl())), fetch,
                MediaType.HTTP_RESPONSE, fetch.exchange().response()).payloadDigest(new WarcDigest("sha1", sha1(fetch.exchange().payload()))).build();
        writer.write(response);
        writeRequest(fetch, response.id());
        indexLine(fetch, "response", offset, SourceDocument.sha256(fetch.body()));
        logged("fetched", fetch);
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

    /**
     * A page unchanged since {@code previous} (an index line of an earlier snapshot): a revisit
     * record holding the 304's head as received, and the conditional request that drew it.
     */
    public void notModified(Fetch fetch, JsonNode previous) throws IOException {
        long offset = channel.position();
        URI earlier = URI.create(previous.path("url").asString());
        WarcRevisit revisit = captured(new WarcRevisit.Builder(URI.create(fetch.finalUrl()), WarcRevisit.SERVER_NOT_MODIFIED_1_1)
                .refersTo(earlier, earlier, Instant.parse(previous.path("date").asString())), fetch, MediaType.HTTP_RESPONSE,
                fetch.exchange().head())
                .build();
        writer.write(revisit);
        writeRequest(fetch, revisit.id());
        indexLine(fetch, "revisit", offset, previous.path("sha256").asString(null));
        logged("not_modified", fetch);
    }

    public void skipped(String url, String reason) {
        log.get("skipped").add(Map.of("url", url, "reason", reason));
    }

    public void ended(Fetch fetch) {
        String key = switch (fetch.outcome()) {
            case REFUSED_BY_ROBOTS -> "refused_by_robots";
            case BLOCKED -> "blocked";
            default -> "failed";
        };
        logged(key, fetch);
    }

    public int count(String outcome) {
        return log.get(outcome).size();
    }

    private void logged(String outcome, Fetch fetch) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", fetch.url());
        if (!fetch.finalUrl().equals(fetch.url())) {
            entry.put("final_url", fetch.finalUrl());
        }
        entry.put("status", fetch.status());
        entry.put("attempts", fetch.attempts());
        if (!fetch.reason().isEmpty() && !outcome.equals("fetched")) {
            entry.put("reason", fetch.reason());
        }
        log.get(outcome).add(entry);
    }

    private void indexLine(Fetch fetch, String type, long offset, String sha256) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("url", fetch.finalUrl());
        line.put("requested", fetch.url());
        line.put("date", fetch.date().toString());
        line.put("status", fetch.status());
        line.put("type", type);
        line.put("warc", warc.getFileName().toString());
        line.put("offset", offset);
        line.put("sha256", sha256);
        line.put("content_type", fetch.header("Content-Type"));
        line.put("etag", fetch.header("ETag"));
        line.put("last_modified", fetch.header("Last-Modified"));
        index.write(JSON.writeValueAsString(line));
        index.write('\n');
        // Line by line, so that a kill loses at most the line being written (cut back on resume).
        index.flush();
    }

    /** The snapshot's WACZ file, written when it closes. */
    public Path wacz() {
        return folder.resolve(job + "-" + folder.getFileName() + ".wacz");
    }

    /** Closes the WARC and writes the log, the WACZ and the manifest; the folder is then complete. */
    @Override
    public void close() throws IOException {
        writer.close();
        index.close();
        Files.writeString(folder.resolve(LOG), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n");
        packaged();
        StringBuilder manifest = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(MANIFEST)).sorted().toList()) {
                manifest.append(SourceDocument.sha256(Files.readAllBytes(file))).append("  ")
                        .append(file.getFileName()).append('\n');
            }
        }
        Files.writeString(folder.resolve(MANIFEST), manifest);
    }

    /**
     * Writes the WACZ: this snapshot's WARC files and those of earlier snapshots that its revisits
     * refer to (so that a replay tool finds the content of a page found unchanged), with every
     * page and PDF of the index as a page.
     */
    private void packaged() throws IOException {
        List<Path> own = WarcDocuments.filesIn(folder).stream().filter(f -> f.getParent().equals(folder))
                .map(f -> f.toAbsolutePath().normalize()).toList();
        java.util.Set<Path> warcs = new java.util.LinkedHashSet<>(own);
        for (Path file : own) {
            WarcDocuments.entries(file).forEach(entry -> warcs.add(entry.warc().toAbsolutePath().normalize()));
        }
        List<Wacz.Page> pages = new ArrayList<>();
        for (TornTail.Line line : TornTail.wholeLines(folder.resolve(INDEX))) {
            pages.add(new Wacz.Page(line.node().path("url").asString(), Instant.parse(line.node().path("date").asString())));
        }
        Wacz.write(wacz(), List.copyOf(warcs), pages, "peel-harvest snapshot " + job + " " + folder.getFileName(),
                Instant.now());
    }

    /** The index lines of the newest earlier snapshot under {@code root}, by URL: the validators to ask with. */
    public static Map<String, JsonNode> previousIndex(Path root) throws IOException {
        Map<String, JsonNode> lines = new HashMap<>();
        // Older snapshots first, so that a newer capture of a URL wins.
        for (JsonNode node : responses(root)) {
            lines.put(node.path("url").asString(), node);
        }
        return lines;
    }

    /**
     * The {@code response} lines of the index of every complete snapshot under {@code root},
     * oldest snapshot first, each with the folder it is in added as {@code snapshot}.
     */
    public static List<JsonNode> responses(Path root) throws IOException {
        List<JsonNode> responses = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return responses;
        }
        List<Path> snapshots;
        try (Stream<Path> folders = Files.list(root)) {
            snapshots = folders.filter(f -> Files.isRegularFile(f.resolve(MANIFEST))).sorted().toList();
        }
        for (Path snapshot : snapshots) {
            for (String line : Files.readAllLines(snapshot.resolve(INDEX), StandardCharsets.UTF_8)) {
                JsonNode node = JSON.readTree(line);
                if (node.path("type").asString().equals("response")) {
                    ((tools.jackson.databind.node.ObjectNode) node).put("snapshot", snapshot.toString());
                    responses.add(node);
                }
            }
        }
        return responses;
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}

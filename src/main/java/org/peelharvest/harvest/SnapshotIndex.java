package org.peelharvest.harvest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code response} lines of one or more snapshots' {@code index.jsonl}, each with the snapshot
 * it is in, looked up three ways: by the URL asked for (what an interrupted harvest already holds),
 * by the URL found (the newest capture, whose validators a re-harvest asks with) and by URL and
 * date (the capture a revisit refers to). Reads an index line by line up to its first torn line,
 * the one a kill mid-write leaves; resuming cuts that tail off (issue 9).
 */
public final class SnapshotIndex {

    private static final SnapshotIndex NONE = new SnapshotIndex(List.of());

    /** An index line with the snapshot folder it is in: where its record can be read. */
    public record Capture(Path snapshot, IndexLine line) {

        /** The WARC file holding the record. */
        public Path warc() {
            return snapshot.resolve(line.warc());
        }

        /** The payload of the captured response, decoded. */
        public byte[] payload() throws IOException {
            return WarcDocuments.payload(warc(), line.offset());
        }
    }

    private final List<Capture> responses;
    private final Map<String, Capture> byRequested = new HashMap<>();
    private final Map<String, Capture> byUrl = new HashMap<>();
    private final Map<String, Capture> byUrlAndDate = new HashMap<>();

    private SnapshotIndex(List<Capture> responses) {
        this.responses = List.copyOf(responses);
        for (Capture capture : responses) {
            // In order: a later capture of a URL wins, except for the one a revisit names by its date.
            byRequested.put(capture.line().requested(), capture);
            byUrl.put(capture.line().url(), capture);
            byUrlAndDate.putIfAbsent(dateKey(capture.line().url(), capture.line().date()), capture);
        }
    }

    /** An index that holds nothing: no earlier snapshot, or a harvest begun afresh. */
    public static SnapshotIndex none() {
        return NONE;
    }

    /** The responses of every complete snapshot (one with its manifest) under {@code root}, oldest first. */
    static SnapshotIndex ofComplete(Path root) throws IOException {
        List<Capture> responses = new ArrayList<>();
        for (Path snapshot : completeSnapshots(root)) {
            Path index = snapshot.resolve(Snapshot.INDEX);
            Read read = read(index);
            if (read.torn()) {
                // A complete snapshot was closed whole: a torn line here is damage, not an interruption.
                throw new IOException(index + ": line " + (read.lines().size() + 1) + " is not a whole index line");
            }
            read.lines().forEach(whole -> responses.add(new Capture(snapshot, whole.line())));
        }
        return new SnapshotIndex(responses.stream().filter(c -> c.line().isResponse()).toList());
    }

    /**
     * The index of an interrupted snapshot, cut back with its WARC files to their whole lines and
     * records (see {@link TornTail}): a WARC file left with none is deleted. Returns the responses
     * it still holds.
     */
    static SnapshotIndex resume(Path folder) throws IOException {
        Path index = folder.resolve(Snapshot.INDEX);
        List<Whole> lines = read(index).lines();
        Map<String, Long> kept = new HashMap<>();
        for (Path file : WarcDocuments.filesIn(folder)) {
            String name = file.getFileName().toString();
            Set<Long> indexed = lines.stream().filter(w -> w.line().warc().equals(name))
                    .map(w -> w.line().offset()).collect(Collectors.toSet());
            long length = TornTail.cutWarc(file, indexed);
            kept.put(name, length);
            if (length == 0) {
                Files.delete(file);
            }
        }
        List<Whole> whole = lines.stream().filter(w -> w.line().offset() < kept.getOrDefault(w.line().warc(), 0L)).toList();
        if (Files.exists(index)) {
            rewrite(index, whole);
        }
        return new SnapshotIndex(whole.stream().filter(w -> w.line().isResponse())
                .map(w -> new Capture(folder, w.line())).toList());
    }

    /** Every whole line of the snapshot's index, responses and revisits, in the order written. */
    static List<IndexLine> lines(Path folder) throws IOException {
        return read(folder.resolve(Snapshot.INDEX)).lines().stream().map(Whole::line).toList();
    }

    public boolean isEmpty() {
        return responses.isEmpty();
    }

    /** The response captured when {@code url} was asked for. */
    public Optional<Capture> askedFor(String url) {
        return Optional.ofNullable(byRequested.get(url));
    }

    /** The newest response found at {@code url}. */
    public Optional<Capture> newest(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** The response found at {@code url} at {@code date}: what a revisit refers to. */
    Optional<Capture> at(String url, Instant date) {
        return Optional.ofNullable(byUrlAndDate.get(dateKey(url, date)));
    }

    private static String dateKey(String url, Instant date) {
        return url + " " + date;
    }

    private static List<Path> completeSnapshots(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(Snapshot.MANIFEST))).sorted(Snapshot.ORDER).toList();
        }
    }

    /** One whole line: its text as written, kept so that cutting the index back rewrites the same bytes. */
    private record Whole(String text, IndexLine line) {
    }

    /**
     * An index read up to its first torn line.
     *
     * @param torn true when something follows the whole lines: a line with no line end, or one that
     *             is not an index line
     */
    private record Read(List<Whole> lines, boolean torn) {
    }

    /** The index's lines up to the first that is torn; none when there is no index. */
    private static Read read(Path index) throws IOException {
        List<Whole> lines = new ArrayList<>();
        if (!Files.exists(index)) {
            return new Read(lines, false);
        }
        // Decoded leniently: a kill may have cut the last line inside a character.
        String text = new String(Files.readAllBytes(index), StandardCharsets.UTF_8);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            Optional<IndexLine> parsed = IndexLine.parse(line);
            if (parsed.isEmpty()) {
                return new Read(lines, true);
            }
            lines.add(new Whole(line, parsed.get()));
        }
        return new Read(lines, start < text.length());
    }

    /** Replaces the index with {@code lines}, atomically, so that a kill now leaves the old index or the new. */
    private static void rewrite(Path index, List<Whole> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        Path next = index.resolveSibling(index.getFileName() + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Adds lines to a snapshot's index as its records are written. */
    static final class Appender implements Closeable {

        private final BufferedWriter out;

        Appender(Path folder) throws IOException {
            out = Files.newBufferedWriter(folder.resolve(Snapshot.INDEX), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        void append(IndexLine line) throws IOException {
            out.write(line.toJson());
            out.write('\n');
            // Line by line, so that a kill loses at most the line being written (cut back on resume).
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

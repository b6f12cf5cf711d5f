package org.peelharvest.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * What documents already gave, kept in the output's state folder ({@code .<output>.peel-harvest/cache/}, never in a
 * release) so that a run does not parse again a document an earlier run of the same extractor
 * version parsed (issue 18). An entry is named by the document's SHA-256, its URL (the address is
 * evidence of a report's identity: {@code IdentityReader} reads it) and the extractor version; it
 * holds the reports the document gave, or the reject it ended as.
 *
 * <p>Every entry starts with the SHA-256 of the rest: an entry cut short, changed or not readable
 * is a miss (the document is parsed again and the entry written anew), never trusted. The cache
 * holds at most {@value #MAX_SIZE_SETTING} bytes: when a new entry would pass it, the entries used
 * least recently (not by this run) make room, and when none can, the new one is not kept. Entries of
 * another extractor version are deleted when a run opens the cache: no build will read them again.
 */
final class ExtractionCache {

    /** The setting of the cache's bound, in bytes ({@code 0B}: keep nothing). */
    static final String MAX_SIZE_SETTING = "peel.cache.max-size";

    /**
     * Rejects that say something of the moment rather than of the document: a limit of this run's
     * settings or heap, a file that could not be read or written, an unforeseen parser failure. A
     * document that ended so is parsed again by the next run.
     */
    private static final Set<RejectReason> OF_THE_MOMENT = EnumSet.of(RejectReason.TOO_LARGE, RejectReason.TIMED_OUT,
            RejectReason.UNREADABLE, RejectReason.EXTRACT_FAILED, RejectReason.WRITE_FAILED);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int CHECKSUM_LENGTH = 64;
    /** The names the cache gives: a version's folder, an entry, an entry's partial file. */
    private static final java.util.regex.Pattern OURS =
            java.util.regex.Pattern.compile("[0-9a-f]{16}|[0-9a-f]{64}\\.json(\\.\\d+\\.partial)?");

    /**
     * One document's outcome as kept: its reports, or its reject.
     *
     * @param key what it is kept under, written again inside so that an entry answers only its own question
     */
    record Entry(String key, List<Report> reports, Reject reject) {

        Entry {
            reports = reports == null ? null : List.copyOf(reports);
            if ((reports == null) == (reject == null)) {
                throw new IllegalArgumentException("an entry holds reports or a reject: " + key);
            }
        }
    }

    /** One file of the cache, as found when it was opened. */
    private record Stored(Path file, long size, FileTime used) {
    }

    private final Path root;
    private final Path folder;
    private final String version;
    private final long maxBytes;
    private boolean opened;
    private long bytes;
    /** The entries not used by this run, least recently used first: what makes room. */
    private final Deque<Stored> evictable = new ArrayDeque<>();
    private final Set<Path> usedNow = new HashSet<>();

    /**
     * @param root     the cache's folder in the work area
     * @param version  the extractor version, {@link org.peelharvest.publish.Build#extractorVersion()}
     * @param maxBytes the bound, {@value #MAX_SIZE_SETTING}
     */
    ExtractionCache(Path root, String version, long maxBytes) {
        this.root = root;
        this.version = version;
        this.maxBytes = maxBytes;
        this.folder = root.resolve(SourceDocument.sha256(version.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    /** The name of a document's entry: its bytes, its URL and the version, digested together. */
    String keyOf(SourceDocument document) {
        return SourceDocument.sha256((version + "\n" + document.url() + "\n" + document.sha256())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What the document of {@code key} gave, when kept whole; empty for a miss or a damaged entry. */
    synchronized Optional<Entry> get(String key) {
        open();
        Path file = fileOf(key);
        Optional<Entry> entry = read(file).filter(e -> e.key().equals(key));
        if (entry.isPresent()) {
            usedNow.add(file);
            touch(file);
        }
        return entry;
    }

    /** Keeps the reports a document gave. */
    void putReports(String key, List<Report> reports) {
        put(new Entry(key, reports, null));
    }

    /** Keeps the reject a document ended as, unless it says something of the moment only. */
    void putReject(String key, Reject reject) {
        if (!OF_THE_MOMENT.contains(reject.reason())) {
            put(new Entry(key, null, reject));
        }
    }

    private void put(Entry entry) {
        store(fileOf(entry.key()), withChecksum(JSON.writeValueAsBytes(entry)));
    }

    private synchronized void store(Path file, byte[] content) {
        open();
        long replaced = sizeOf(file);
        if (!roomFor(content.length - replaced)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path partial = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().getId() + ".partial");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            bytes += content.length - replaced;
            usedNow.add(file);
        } catch (IOException e) {
            // A cache that cannot be written costs the next run its time, never this run its result.
        }
    }

    /** Whether {@code more} bytes fit, after the least recently used entries this run did not use are deleted. */
    private boolean roomFor(long more) {
        while (bytes + more > maxBytes && !evictable.isEmpty()) {
            Stored oldest = evictable.pollFirst();
            if (!usedNow.contains(oldest.file()) && deleted(oldest.file())) {
                bytes -= oldest.size();
            }
        }
        return bytes + more <= maxBytes;
    }

    /**
     * Finds what the cache holds, once: the entries of this version, least recently used first,
     * and their size; the folders of other versions are deleted, and so are entries past the bound
     * (the bound lowered since), least recently used first.
     */
    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        for (Path other : list(root)) {
            if (!other.equals(folder) && other.getFileName().toString().matches("[0-9a-f]{16}")) {
                deleteOurs(other);
                deleted(other);
            }
        }
        // A partial file is what a killed run left: this run is the only one with the output (its lock).
        list(folder).stream().filter(ExtractionCache::isPartial).forEach(ExtractionCache::deleted);
        List<Stored> stored = new ArrayList<>();
        for (Path file : list(folder)) {
            if (!isPartial(file)) {
                stored(file).ifPresent(stored::add);
            }
        }
        stored.sort(Comparator.comparing(Stored::used).thenComparing(Stored::file));
        stored.forEach(s -> bytes += s.size());
        evictable.addAll(stored);
        roomFor(0);
    }

    private Path fileOf(String key) {
        return folder.resolve(key + ".json");
    }

    private static Optional<Entry> read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length <= CHECKSUM_LENGTH + 1 || content[CHECKSUM_LENGTH] != '\n') {
                return Optional.empty();
            }
            byte[] payload = Arrays.copyOfRange(content, CHECKSUM_LENGTH + 1, content.length);
            String checksum = new String(content, 0, CHECKSUM_LENGTH, StandardCharsets.US_ASCII);
            return checksum.equals(SourceDocument.sha256(payload))
                    ? Optional.of(JSON.readValue(payload, Entry.class)) : Optional.empty();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            // Missing, unreadable, or a payload that is no entry: parsed again, as for no entry.
            return Optional.empty();
        }
    }

    private static byte[] withChecksum(byte[] payload) {
        byte[] checksum = (SourceDocument.sha256(payload) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = Arrays.copyOf(checksum, checksum.length + payload.length);
        System.arraycopy(payload, 0, content, checksum.length, payload.length);
        return content;
    }

    private static Optional<Stored> stored(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stored(file, attributes.size(), attributes.lastModifiedTime()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long sizeOf(Path file) {
        return stored(file).map(Stored::size).orElse(0L);
    }

    /** Marks an entry as used now: the entries least recently used are the first to go. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Then it only goes sooner.
        }
    }

    private static boolean deleted(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries of another version's folder, and the partial files a killed run left there. */
    private static void deleteOurs(Path other) {
        list(other).forEach(ExtractionCache::deleted);
    }

    private static boolean isPartial(Path file) {
        return file.getFileName().toString().endsWith(".partial");
    }

    /**
     * What the cache wrote in {@code folder}: entries ({@code <key>.json}), their partial files, or
     * version folders; anything else is left alone, as it is not the cache's.
     */
    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> OURS.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

package org.peelharvest.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.RawJson;
import org.peelharvest.publish.StagingArea;

/**
 * What documents already gave, kept in the output's state folder ({@code .<output>.peel-harvest/cache/}, never in a
 * release) so that a run does not parse again a document an earlier run of the same extractor
 * version parsed (issue 18). An entry is named by the document's SHA-256, its URL (the address is
 * evidence of a report's identity: {@code IdentityReader} reads it) and the extractor version; it
 * holds the reports the document gave, or the reject it ended as.
 *
 * <p>A run's entries are appended to a pack of its own, {@code <n>.pack}, a line an entry, with
 * where each is in {@code <n>.index} beside it: a file an entry cost a run more than parsing a
 * small document (issue 18: creating a file is a filesystem's costliest step). When a run ends, the
 * entries it read from earlier runs' packs are written into its own and those packs are deleted
 * ({@link #close}): a pack holds what the run that wrote it used. A pack none of whose entries is
 * left (all written anew by {@code --full}, or found damaged) is deleted too.
 * Every entry starts with the check of the rest that a staging log's lines carry ({@link
 * StagingArea#checkOf}, a CRC-32): an entry cut short (a run killed as it wrote it), changed or not
 * readable is a miss (the document is parsed again and the entry written anew), never trusted. A
 * CRC-32 rather than a SHA-256, which the launcher's first JIT tier works out without the
 * processor's SHA instructions.
 *
 * <p>The cache holds at most {@value #MAX_SIZE_SETTING} bytes: when a new entry would pass it, the
 * packs used least recently make room, a pack at a time (a pack is used when one of its entries is;
 * never one this run used), and when none can, the new one is not kept. Entries of another
 * extractor version are deleted when a run opens the cache: no build will read them again.
 */
final class ExtractionCache implements AutoCloseable {

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
    /** An entry's check: its CRC-32 in 8 hexadecimal digits. */
    private static final int CHECKSUM_LENGTH = 8;
    /**
     * The names the cache gives: a version's folder, a pack and its index; and what a build before
     * the packs wrote (an entry, an entry's partial file), deleted when found.
     */
    private static final Pattern OURS = Pattern.compile("[0-9a-f]{16}|\\d{8}\\.(pack|index)|[0-9a-f]{64}\\.json(\\.\\d+\\.partial)?");
    private static final Pattern PACK = Pattern.compile("(\\d{8})\\.pack");
    /** The longest line of an index: a key, an offset and a length. */
    private static final int LONGEST_INDEX_LINE = 128;

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

    /** One run's entries: {@code <number>.pack} and its index; {@code live} of them not written anew or forgotten since. */
    private static final class Pack {
        final int number;
        final Path file;
        final Path index;
        /** The bytes of the pack and of its index. */
        long size;
        int live;
        /** When one of its entries was last used (written or read), as the pack file's time says. */
        FileTime used = FileTime.fromMillis(0);

        Pack(Path folder, int number) {
            this.number = number;
            this.file = folder.resolve(String.format(java.util.Locale.ROOT, "%08d.pack", number));
            this.index = folder.resolve(String.format(java.util.Locale.ROOT, "%08d.index", number));
        }
    }

    /** Where an entry is: {@code length} bytes at {@code offset} of a pack. */
    private record Location(Pack pack, long offset, int length) {
    }

    private final Path root;
    private final Path folder;
    private final String version;
    private final long maxBytes;
    private boolean opened;
    private long bytes;
    private final Map<String, Location> entries = new HashMap<>();
    private final TreeMap<Integer, Pack> packs = new TreeMap<>();
    /** The packs this run did not use, least recently used first: what makes room. */
    private final Deque<Pack> evictable = new ArrayDeque<>();
    private final Set<Pack> usedNow = new HashSet<>();
    /** The entries this run read from earlier runs' packs: written into its own pack when it ends. */
    private final Set<String> usedKeys = new HashSet<>();
    /** This run's pack, made when it writes its first entry; null again once closed or once a write failed. */
    private Pack current;
    private FileChannel currentPack;
    private FileChannel currentIndex;
    /** The latest time a pack was used, of those found and those marked since (milliseconds). */
    private long latestUse;
    /** Whether a write failed: the run keeps nothing more. */
    private boolean failed;

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
        Location at = entries.get(key);
        if (at == null) {
            return Optional.empty();
        }
        byte[] line = read(at);
        Optional<Entry> entry = line == null ? Optional.empty() : parse(line).filter(e -> e.key().equals(key));
        if (entry.isEmpty()) {
            forget(key);
        } else {
            if (at.pack() != current) {
                usedKeys.add(key);
            }
            if (usedNow.add(at.pack())) {
                // Marks the pack as used now: the packs least recently used are the first to go.
                touch(at.pack());
            }
        }
        return entry;
    }

    /** Keeps the reports a document gave. */
    void putReports(String key, List<StagingArea.ReportJson> reports) {
        // An Entry, its reports written as the staging area serialised them (once a document).
        List<byte[]> json = reports.stream().map(StagingArea.ReportJson::json).toList();
        store(key, withChecksum(new RawJson(json.stream().mapToInt(r -> r.length + 1).sum()).text("key", key)
                .array("reports", json).text("reject", null).end()));
    }

    /** Keeps the reject a document ended as, unless it says something of the moment only. */
    void putReject(String key, Reject reject) {
        if (!OF_THE_MOMENT.contains(reject.reason())) {
            // An Entry, field by field as databind writes it (ExtractionCacheTest holds the two alike).
            store(key, withChecksum(entryJson(key, reject)));
        }
    }

    /** A reject's entry, without its line's check. */
    static byte[] entryJson(String key, Reject reject) {
        return new RawJson(256).text("key", key).text("reports", null).json("reject", StagingArea.json(reject)).end();
    }

    /** Appends an entry's line to this run's pack, when there is room; it then replaces whatever the key had. */
    private synchronized void store(String key, byte[] line) {
        open();
        Optional<Location> at = append(key, line);
        if (at.isPresent()) {
            Location replaced = entries.put(key, at.get());
            if (replaced != null) {
                release(replaced);
            }
        }
    }

    private Optional<Location> append(String key, byte[] line) {
        if (failed) {
            return Optional.empty();
        }
        // The line and its index line: a key, an offset and a length, at most this long.
        if (!roomFor(line.length + key.length() + 32L)) {
            return Optional.empty();
        }
        try {
            if (current == null) {
                Files.createDirectories(folder);
                Pack pack = new Pack(folder, packs.isEmpty() ? 1 : packs.lastKey() + 1);
                currentPack = FileChannel.open(pack.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                currentIndex = FileChannel.open(pack.index, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                current = pack;
                packs.put(pack.number, pack);
                usedNow.add(pack);
            }
            long offset = currentPack.position();
            byte[] indexLine = (key + " " + offset + " " + line.length + "\n").getBytes(StandardCharsets.US_ASCII);
            writeAll(currentPack, line);
            writeAll(currentIndex, indexLine);
            current.size += line.length + indexLine.length;
            current.live++;
            bytes += line.length + indexLine.length;
            return Optional.of(new Location(current, offset, line.length));
        } catch (IOException e) {
            // A cache that cannot be written costs the next run its time, never this run its result.
            failed = true;
            close();
            return Optional.empty();
        }
    }

    private static void writeAll(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Ends this run's pack: the entries it read from earlier runs' packs are written into it, and
     * each of those packs is then deleted with the entries this run did not read (a changed
     * document's old entry among them), so that a pack holds what the run that wrote it used and
     * the packs go least recently used first, whole. A pack whose entries find no room stays. The
     * next entry written begins another pack.
     */
    @Override
    public synchronized void close() {
        if (opened && !failed) {
            carryForward();
        }
        if (current != null) {
            touch(current);
        }
        for (FileChannel channel : new FileChannel[] {currentPack, currentIndex}) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Each line was written whole or is a miss: nothing to do.
            }
        }
        currentPack = null;
        currentIndex = null;
        current = null;
    }

    private void carryForward() {
        Set<Pack> carried = new HashSet<>(usedNow);
        carried.remove(current);
        for (String key : new java.util.TreeSet<>(usedKeys)) {
            Location at = entries.get(key);
            if (at == null || at.pack() == current) {
                continue;
            }
            byte[] line = read(at);
            Optional<Location> moved = line == null ? Optional.empty() : append(key, line);
            if (moved.isPresent()) {
                entries.put(key, moved.get());
                release(at);
            } else {
                carried.remove(at.pack()); // what this run used stays where it is
            }
        }
        usedKeys.clear();
        for (Pack pack : carried) {
            if (packs.get(pack.number) == pack) {
                entries.values().removeIf(at -> at.pack() == pack);
                delete(pack);
            }
        }
    }

    /** A damaged entry: not asked for again; it was its pack's last one, the pack goes. */
    private void forget(String key) {
        Location at = entries.remove(key);
        if (at != null) {
            release(at);
        }
    }

    /** One entry of a pack written again elsewhere; a pack with none left (not this run's) is deleted. */
    private void release(Location at) {
        Pack pack = at.pack();
        pack.live--;
        if (pack.live <= 0 && pack != current) {
            delete(pack);
        }
    }

    /** Whether {@code more} bytes fit, after the least recently used packs this run did not use are deleted. */
    private boolean roomFor(long more) {
        while (bytes + more > maxBytes && !evictable.isEmpty()) {
            Pack oldest = evictable.pollFirst();
            // The pack itself, not one made since under the number of a pack deleted meanwhile.
            if (!usedNow.contains(oldest) && packs.get(oldest.number) == oldest) {
                entries.values().removeIf(at -> at.pack() == oldest);
                delete(oldest);
            }
        }
        return bytes + more <= maxBytes;
    }

    private void delete(Pack pack) {
        if (!packs.remove(pack.number, pack)) {
            return; // deleted already, its number since another's
        }
        bytes -= pack.size;
        evictable.remove(pack);
        deleted(pack.file);
        deleted(pack.index);
    }

    /**
     * Finds what the cache holds, once: the entries of this version, from the packs' indexes, and
     * the packs least recently used first; the folders of other versions are deleted, and so are
     * packs with no entry left and packs past the bound (the bound lowered since), least recently
     * used first.
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
        for (Path file : list(folder)) {
            Matcher pack = PACK.matcher(file.getFileName().toString());
            if (pack.matches()) {
                packs.put(Integer.parseInt(pack.group(1)), new Pack(folder, Integer.parseInt(pack.group(1))));
            } else if (file.getFileName().toString().endsWith(".json") || isPartial(file)) {
                deleted(file); // what a build before the packs kept
            }
        }
        for (Pack pack : List.copyOf(packs.values())) {
            readIndex(pack);
        }
        for (Pack pack : List.copyOf(packs.values())) {
            if (pack.live <= 0) {
                delete(pack);
            }
        }
        List<Pack> byUse = new java.util.ArrayList<>(packs.values());
        byUse.sort(Comparator.comparing((Pack pack) -> pack.used).thenComparingInt(pack -> pack.number));
        evictable.addAll(byUse);
        for (Path file : list(folder)) {
            // An index whose pack is gone.
            if (file.getFileName().toString().endsWith(".index")
                    && !Files.exists(file.resolveSibling(file.getFileName().toString().replace(".index", ".pack")))) {
                deleted(file);
            }
        }
        roomFor(0);
    }

    /** Takes a pack's entries from its index: its whole lines, each within the pack; a later pack's entry of a key wins. */
    private void readIndex(Pack pack) {
        long packSize;
        long indexSize = 0;
        try {
            BasicFileAttributes attributes = Files.readAttributes(pack.file, BasicFileAttributes.class);
            packSize = attributes.size();
            pack.used = attributes.lastModifiedTime();
            latestUse = Math.max(latestUse, pack.used.toMillis());
        } catch (IOException e) {
            packSize = 0;
        }
        // Read a line at a time: an index has a line an entry, as many as the bound lets the packs hold.
        try (java.io.InputStream in = Files.newInputStream(pack.index)) {
            byte[] block = new byte[1 << 16];
            byte[] line = new byte[LONGEST_INDEX_LINE];
            int used = 0;
            boolean tooLong = false;
            for (int n; (n = in.read(block)) > 0; ) {
                indexSize += n;
                for (int i = 0; i < n; i++) {
                    byte b = block[i];
                    if (b != '\n') {
                        tooLong |= used == line.length;
                        if (!tooLong) {
                            line[used++] = b;
                        }
                        continue;
                    }
                    if (!tooLong) {
                        take(pack, new String(line, 0, used, StandardCharsets.US_ASCII), packSize);
                    }
                    used = 0;
                    tooLong = false;
                }
            }
            // A line cut short by a kill has no newline, and is not read.
        } catch (IOException e) {
            // No index, or one that cannot be read: the pack's entries are not known, and it goes (live 0).
        }
        pack.size = packSize + indexSize;
        bytes += pack.size;
    }

    /** One line of a pack's index: a key, the offset of its entry in the pack and its length. */
    private void take(Pack pack, String indexLine, long packSize) {
        String[] fields = indexLine.split(" ");
        if (fields.length != 3 || !fields[1].matches("\\d{1,18}") || !fields[2].matches("\\d{1,9}")) {
            return;
        }
        long offset = Long.parseLong(fields[1]);
        int length = Integer.parseInt(fields[2]);
        if (offset + length > packSize) {
            return;
        }
        Location replaced = entries.put(fields[0], new Location(pack, offset, length));
        if (replaced != null) {
            replaced.pack().live--;
        }
        pack.live++;
    }

    /** The bytes of an entry's line, or null when they cannot be read. */
    private static byte[] read(Location at) {
        ByteBuffer line = ByteBuffer.allocate(at.length());
        try (FileChannel channel = FileChannel.open(at.pack().file, StandardOpenOption.READ)) {
            while (line.hasRemaining()) {
                if (channel.read(line, at.offset() + line.position()) < 0) {
                    return null;
                }
            }
            return line.array();
        } catch (IOException e) {
            return null;
        }
    }

    /** An entry's line: its checksum, a space, the entry, a newline. */
    private static Optional<Entry> parse(byte[] line) {
        try {
            int end = line.length - 1;
            if (line.length <= CHECKSUM_LENGTH + 2 || line[CHECKSUM_LENGTH] != ' ' || line[end] != '\n') {
                return Optional.empty();
            }
            int from = CHECKSUM_LENGTH + 1;
            String checksum = new String(line, 0, CHECKSUM_LENGTH, StandardCharsets.US_ASCII);
            return checksum.equals(StagingArea.checkOf(line, from, end - from))
                    ? Optional.of(JSON.readValue(line, from, end - from, Entry.class)) : Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            // A payload that is no entry: parsed again, as for no entry.
            return Optional.empty();
        }
    }

    private static byte[] withChecksum(byte[] payload) {
        byte[] checksum = (StagingArea.checkOf(payload, 0, payload.length) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(checksum, checksum.length + payload.length + 1);
        System.arraycopy(payload, 0, line, checksum.length, payload.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * Marks a pack as used now: its time the latest of all the packs', even where the clock has
     * not moved on since another was marked (two runs in one millisecond, or a clock set back).
     */
    private void touch(Pack pack) {
        long now = Math.max(System.currentTimeMillis(), latestUse + 1);
        try {
            Files.setLastModifiedTime(pack.file, FileTime.fromMillis(now));
            latestUse = now;
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

    /** The packs and indexes of another version's folder, and what a build before the packs left there. */
    private static void deleteOurs(Path other) {
        list(other).forEach(ExtractionCache::deleted);
    }

    private static boolean isPartial(Path file) {
        return file.getFileName().toString().endsWith(".partial");
    }

    /**
     * What the cache wrote in {@code folder}: packs, indexes, an earlier build's entries and their
     * partial files, or version folders; anything else is left alone, as it is not the cache's.
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

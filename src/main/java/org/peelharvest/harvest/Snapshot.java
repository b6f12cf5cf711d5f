package org.peelharvest.harvest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.peelharvest.model.SourceDocument;

/**
 * One harvest's archive: a new, never-overwritten folder {@code <root>/<UTC timestamp>/} holding
 * its WARC files ({@link SnapshotWarc}), {@code index.jsonl} (one {@link IndexLine} per response or
 * revisit), {@code log.json} ({@link SnapshotLog}), the snapshot as a WACZ file ({@link Wacz}) and
 * {@code manifest-sha256.txt} ({@link SnapshotManifest}), written last. Opens a new snapshot or
 * resumes an interrupted one, records each capture in its WARC file and its index, and hands out
 * its log.
 */
public final class Snapshot implements Closeable {

    public static final String INDEX = "index.jsonl";
    public static final String LOG = "log.json";
    public static final String MANIFEST = "manifest-sha256.txt";
    private static final Pattern SEGMENT = Pattern.compile("-(\\d{5})\\.warc\\.gz$");
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String job;
    private final SnapshotIndex held;
    private final SnapshotWarc warc;
    private final SnapshotIndex.Appender index;
    private final SnapshotLog log = new SnapshotLog();
    private boolean leftResumable;

    private Snapshot(Path folder, String job, int segment, SnapshotIndex held, String userAgent) throws IOException {
        this.folder = folder;
        this.job = job;
        this.held = held;
        this.warc = new SnapshotWarc(folder.resolve(job + "-" + folder.getFileName() + String.format("-%05d.warc.gz", segment)),
                userAgent);
        this.index = new SnapshotIndex.Appender(folder);
    }

    /**
     * Starts a new snapshot folder under {@code root}, named after {@code start}; an existing one is
     * never reused: a harvest started in the same second as an earlier one (a run of a second or
     * less, run again) takes the next free name, {@code 20261130T091500Z-2}, as a release does.
     */
    public static Snapshot start(Path root, String job, Instant start, String userAgent) throws IOException {
        Files.createDirectories(root);
        String name = FOLDER.format(start);
        for (int n = 1; ; n++) {
            Path folder = root.resolve(n == 1 ? name : name + "-" + n);
            try {
                Files.createDirectory(folder);
                return new Snapshot(folder, job, 0, SnapshotIndex.none(), userAgent);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n == MOST_IN_A_SECOND) {
                    throw e;
                }
            }
        }
    }

    /** Snapshots started in one second, at most: past it, something other than harvests fills the folder. */
    private static final int MOST_IN_A_SECOND = 1000;
    /** A snapshot's folder name: the UTC second it started, and its place among those of that second. */
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d+))?");

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
        SnapshotIndex held = SnapshotIndex.resume(folder);
        return new Snapshot(folder, job, nextSegment(folder), held, userAgent);
    }

    /** The responses of every complete snapshot under {@code root}: what a new harvest asks again about. */
    public static SnapshotIndex previousIndex(Path root) throws IOException {
        return SnapshotIndex.ofComplete(root);
    }

    /** One more than the highest segment number in the folder: a segment's name is never reused. */
    private static int nextSegment(Path folder) throws IOException {
        return WarcDocuments.filesIn(folder).stream().map(f -> SEGMENT.matcher(f.getFileName().toString()))
                .filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
    }

    private static Optional<Path> newest(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .max(ORDER);
        }
    }

    /**
     * Snapshot folders oldest first: by the second their harvest started, then by their place in
     * it ({@code -2} before {@code -10}, which text order would not give); any other name by itself.
     */
    static final java.util.Comparator<Path> ORDER = java.util.Comparator.comparing((Path f) -> secondOf(f))
            .thenComparingInt(Snapshot::placeInSecond);

    private static String secondOf(Path folder) {
        Matcher name = NAME.matcher(folder.getFileName().toString());
        return name.matches() ? name.group(1) : folder.getFileName().toString();
    }

    /** 1 for the second's first snapshot, n for its {@code -n} (a number too long for an int, as the first). */
    private static int placeInSecond(Path folder) {
        Matcher name = NAME.matcher(folder.getFileName().toString());
        return name.matches() && name.group(2) != null && name.group(2).length() <= 9 ? Integer.parseInt(name.group(2)) : 1;
    }

    public Path folder() {
        return folder;
    }

    /** True when this snapshot continues an interrupted harvest. */
    public boolean resumed() {
        return !held.isEmpty();
    }

    /** Responses the snapshot held before this harvest resumed it. */
    public SnapshotIndex held() {
        return held;
    }

    /** What became of every URL, written to {@code log.json} when the snapshot closes. */
    public SnapshotLog log() {
        return log;
    }

    /** A page or PDF fetched: its response and request records, a line in the index, and an entry in the log. */
    public void fetched(Fetch fetch) throws IOException {
        long offset = warc.response(fetch);
        index.append(IndexLine.of(fetch, IndexLine.Type.RESPONSE, warc.name(), offset, SourceDocument.sha256(fetch.body())));
        log.fetched(fetch);
    }

    /** A page unchanged since {@code earlier}, a response of an earlier snapshot: a revisit, a line and an entry. */
    public void notModified(Fetch fetch, IndexLine earlier) throws IOException {
        long offset = warc.revisit(fetch, earlier);
        index.append(IndexLine.of(fetch, IndexLine.Type.REVISIT, warc.name(), offset, earlier.sha256()));
        log.notModified(fetch);
    }

    /** The snapshot's WACZ file, written when it closes. */
    public Path wacz() {
        return folder.resolve(job + "-" + folder.getFileName() + ".wacz");
    }

    /**
     * Has {@link #close()} leave this snapshot as an interrupted harvest leaves it (its WARC and index
     * closed, no log, WACZ or manifest), for the next harvest to resume: a harvest stopped on request.
     */
    public void leaveResumable() {
        leftResumable = true;
    }

    /**
     * Closes the WARC and writes the log, the WACZ and the manifest; the folder is then complete.
     * A snapshot {@linkplain #leaveResumable() left resumable} has its WARC and index closed only.
     */
    @Override
    public void close() throws IOException {
        warc.close();
        index.close();
        if (leftResumable) {
            return;
        }
        log.write(folder.resolve(LOG));
        packaged();
        SnapshotManifest.write(folder);
    }

    /**
     * Writes the WACZ: this snapshot's WARC files and those of earlier snapshots that its revisits
     * refer to (so that a replay tool finds the content of a page found unchanged), with every
     * page and PDF of the index as a page.
     */
    private void packaged() throws IOException {
        List<Path> own = WarcDocuments.filesIn(folder).stream().filter(f -> f.getParent().equals(folder))
                .map(f -> f.toAbsolutePath().normalize()).toList();
        Set<Path> warcs = new LinkedHashSet<>(own);
        for (Path file : own) {
            WarcDocuments.entries(file).forEach(entry -> warcs.add(entry.file().toAbsolutePath().normalize()));
        }
        List<Wacz.Page> pages = new ArrayList<>();
        for (IndexLine line : SnapshotIndex.lines(folder)) {
            pages.add(new Wacz.Page(line.url(), line.date()));
        }
        Wacz.write(wacz(), List.copyOf(warcs), pages, "peel-harvest snapshot " + job + " " + folder.getFileName(),
                Instant.now());
    }
}

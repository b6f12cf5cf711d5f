package org.peelharvest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;

/**
 * Where a run keeps each document's outcome until the release is published: one file per
 * extracted report and one per reject, named by content so that writing the same outcome twice
 * (a chunk retried, a run restarted) leaves the same single file. Reports of the same
 * {@code report_id} from several documents sit side by side; the HTML one is primary.
 *
 * <p>Each document done is also recorded ({@link Done}) with the fingerprint it had, and each run
 * (a resume included) records the documents its inputs hold now ({@link #putListed}). Only the
 * outcomes of documents listed now, done as they are now, are published: a resume after inputs
 * were added, changed or removed publishes what a clean run of them would (issue 9, item 10).
 */
public final class StagingArea {

    /** A staged report is written with its source first, so that whose copy it is reads without the rest. */
    private static final ObjectMapper JSON = JsonMapper.builder().addMixIn(Report.class, SourceFirst.class).build();
    private static final String LISTED = "listed.json";
    private static final TypeReference<Map<String, String>> LISTED_TYPE = new TypeReference<>() {
    };

    private final Path root;

    public StagingArea(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Made when a run starts, so that a missing work area later means it was lost, not empty. */
    public void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work area " + root, e);
        }
    }

    /**
     * One document the run has finished with.
     *
     * @param key         what names the document in a run (its file, and its record in a WARC file)
     * @param fingerprint what the document was when it was done; a document whose fingerprint
     *                    changed since is done again
     * @param sha256      SHA-256 of its bytes, null when they could not be read
     * @param rejected    whether it ended as a reject rather than as reports
     * @param reportIds   the reports it gave (empty for a reject; null when done by a run before
     *                    issue 17, which did not record them)
     * @param cached      whether its outcome came from the extraction cache, not from parsing it
     *                    (issue 18); null, read as false, when done by a run before that
     */
    public record Done(String key, String url, String fingerprint, String sha256, boolean rejected,
                       List<String> reportIds, Boolean cached) {

        public Done {
            reportIds = reportIds == null ? null : List.copyOf(reportIds);
            cached = Boolean.TRUE.equals(cached);
        }

        /** A document done by parsing it. */
        public Done(String key, String url, String fingerprint, String sha256, boolean rejected, List<String> reportIds) {
            this(key, url, fingerprint, sha256, rejected, reportIds, false);
        }

        /** This document, its outcome given by the extraction cache. */
        public Done fromCache() {
            return new Done(key, url, fingerprint, sha256, rejected, reportIds, true);
        }

        /** A document that ended as a reject. */
        public static Done rejected(String key, String url, String fingerprint, String sha256) {
            return new Done(key, url, fingerprint, sha256, true, List.of());
        }
    }

    /** Records a document as finished; written after its outcome, so a recorded document's outcome is staged. */
    public void putDone(Done done) {
        write(root.resolve("done").resolve(nameOf(done.key()) + ".json"), done);
    }

    /** The documents the inputs hold now, by key, with their fingerprints. */
    public void putListed(Map<String, String> fingerprints) {
        write(root.resolve(LISTED), new TreeMap<>(fingerprints));
    }

    /** The keys of the listed documents already done as they are now: a resumed run passes them over. */
    public Set<String> doneAsListed() {
        return current().done.keySet();
    }

    /** How many of the documents done, as listed now, ended as rejects. */
    public int rejectedAsListed() {
        return (int) current().done.values().stream().filter(Done::rejected).count();
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public void put(Report report) {
        // Named so that the primary document of a report sorts first: HTML before PDF, then by content.
        Source source = report.source();
        String name = source.format().precedence() + "-" + source.format().label() + "-" + source.sha256() + ".json";
        Path file = root.resolve("reports").resolve(report.reportId()).resolve(name);
        synchronized (StagingArea.class) {
            if (!keptOver(file, source.url())) {
                write(file, report);
            }
        }
    }

    /**
     * Whether the report staged in {@code file} stays rather than one of the same content from
     * {@code url}: two copies of one document (the same bytes under two names) share the file, and
     * the copy whose URL sorts last keeps it, as when documents were done one by one in path
     * order; so the release is the same whichever partition finishes first.
     */
    private static boolean keptOver(Path file, String url) {
        return Files.isRegularFile(file) && stagedUrl(file).compareTo(url) > 0;
    }

    @JsonPropertyOrder({"source"})
    private interface SourceFirst {
    }

    /**
     * The URL of the copy a staged report came from, read from the report's first field: a report
     * given by many copies was read whole for each copy (a fifth of the staging step's time, issue
     * 18's profile). A file staged before sources came first is read whole.
     */
    private static String stagedUrl(Path file) {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() == JsonToken.START_OBJECT && "source".equals(parser.nextName())
                    && parser.nextToken() == JsonToken.START_OBJECT) {
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals("url")) {
                        return parser.getString();
                    }
                    parser.skipChildren();
                }
            }
        }
        return read(file, Report.class).source().url();
    }

    /**
     * The reject of the document {@code key} names: one a document, so that copies of one reject
     * (the same page in three folders, or in two records of a WARC file) are each a row, as each is
     * a document read (issue 17, item 6).
     */
    public void put(String key, Reject reject) {
        write(rejectFile(nameOf(key)), reject);
    }

    private Path rejectFile(String name) {
        return root.resolve("rejects").resolve(name + ".json");
    }

    private static String nameOf(String text) {
        return SourceDocument.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The outcomes to publish: those of the documents listed now and done as they are now. A work
     * area with no list (staged before lists were kept) publishes everything staged.
     */
    private Current current() {
        Path listed = root.resolve(LISTED);
        if (!Files.isRegularFile(listed)) {
            return new Current(null, Map.of());
        }
        Map<String, String> fingerprints = JSON.readValue(listed.toFile(), LISTED_TYPE);
        Map<String, Done> done = new HashMap<>();
        for (Path file : list(root.resolve("done"))) {
            Done entry = read(file, Done.class);
            if (entry.fingerprint().equals(fingerprints.get(entry.key()))) {
                done.put(entry.key(), entry);
            }
        }
        return new Current(fingerprints, done);
    }

    /**
     * The documents listed now (null: no list kept) and those of them done as they are now; of
     * those that gave reports, the URL each content is published under: the one that sorts last of
     * the copies read now (the same bytes under several names), as a clean run keeps it.
     */
    private record Current(Map<String, String> listed, Map<String, Done> done, Map<String, String> urlOfContent) {

        Current(Map<String, String> listed, Map<String, Done> done) {
            this(listed, done, lastUrls(done));
        }

        /** Of each report's content (its id and SHA-256), the URL that sorts last of the documents read now that gave it. */
        private static Map<String, String> lastUrls(Map<String, Done> done) {
            Map<String, String> last = new HashMap<>();
            for (Done document : done.values()) {
                if (document.rejected() || document.sha256() == null) {
                    continue;
                }
                // A document done before the report ids were recorded: its content, under any report.
                List<String> ids = document.reportIds() == null ? List.of("") : document.reportIds();
                for (String id : ids) {
                    last.merge(id + " " + document.sha256(), document.url(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            return last;
        }

        private String urlOf(Report report) {
            String url = urlOfContent.get(report.reportId() + " " + report.source().sha256());
            return url != null ? url : urlOfContent.get(" " + report.source().sha256());
        }

        boolean publishes(Report report) {
            return listed == null || urlOf(report) != null;
        }

        /** The report as published: under the URL of the last of its copies read now. */
        Report named(Report report) {
            String url = listed == null ? null : urlOf(report);
            return url == null || url.equals(report.source().url()) ? report : report.withSourceUrl(url);
        }
    }

    /**
     * What the run staged, read once: the outcomes of the documents listed now and done as they are
     * now. Publishing asks it five questions; each asked of the staging area itself read every
     * document's record again (issue 18's profile: a sixth of publishing 2,340 pages).
     */
    public Staged staged() {
        return new Staged(current());
    }

    /** The staged outcomes to publish, as they were when {@link #staged()} read them. */
    public final class Staged {
        private final Current current;

        private Staged(Current current) {
            this.current = current;
        }

        /**
         * Every report id's reports, one per document that gave it, the primary one (HTML before PDF)
         * first, in report-id order. Read lazily, one report id at a time, and within it one report at
         * a time ({@link StagedGroup}): go through a group in order, do not hold it.
         */
        public Iterable<List<Report>> reports() {
            return () -> new ReportIterator(list(root.resolve("reports")), current);
        }

        /**
         * The documents read, as they are now, in URL order: each file (or WARC record) once, a copy of
         * another included, whether it gave reports or was rejected. The release counts them and names
         * each in {@code run.json} (issue 17, item 6: copies were counted once, or not named at all).
         */
        public Optional<List<Done>> documentsRead() {
            if (current.listed() == null) {
                // Staged before lists were kept: what was read is not known.
                return Optional.empty();
            }
            return Optional.of(current.done().values().stream()
                    .sorted(Comparator.comparing(Done::url).thenComparing(d -> String.valueOf(d.sha256()))
                            .thenComparing(Done::key))
                    .toList());
        }

        /** How many of the documents read had their outcome from the extraction cache, not parsed again (issue 18). */
        public int fromCacheCount() {
            return (int) current.done().values().stream().filter(Done::cached).count();
        }

        /** How many documents gave a report: every one read, copies included, a document of several reports once. */
        public int extractedCount() {
            if (current.listed() != null) {
                return (int) current.done().values().stream().filter(d -> !d.rejected()).count();
            }
            java.util.Set<String> documents = new java.util.HashSet<>();
            for (List<Report> group : reports()) {
                group.forEach(report -> documents.add(report.source().url() + " " + report.source().sha256()));
            }
            return documents.size();
        }

        /** Every reject, one a document read, ordered by source URL. */
        public List<Reject> rejects() {
            List<Reject> rejects = new ArrayList<>();
            if (current.listed() == null) {
                list(root.resolve("rejects")).forEach(file -> rejects.add(read(file, Reject.class)));
            } else {
                for (Done done : current.done().values()) {
                    if (done.rejected()) {
                        stagedReject(done).ifPresent(rejects::add);
                    }
                }
            }
            // Copies of one page may give the same row: ordered by every field, so the order is the content's.
            rejects.sort(Comparator.comparing(Reject::sourceUrl).thenComparing(Reject::reason)
                    .thenComparing(Reject::stage).thenComparing(r -> String.valueOf(r.detail())));
            return rejects;
        }
    }

    /** A document's reject, staged under its key (or, by a run before issue 17, under its URL). */
    private Optional<Reject> stagedReject(Done done) {
        for (Path file : List.of(rejectFile(nameOf(done.key())), rejectFile(nameOf(done.url())))) {
            if (Files.isRegularFile(file)) {
                return Optional.of(read(file, Reject.class));
            }
        }
        return Optional.empty();
    }

    /** Deletes the work area, and its parent folder when no other run's work area is left in it. */
    public void delete() throws IOException {
        DatasetPublisher.deleteTree(root);
        if (!Files.isDirectory(root.getParent())) {
            return;
        }
        try (Stream<Path> others = Files.list(root.getParent())) {
            if (others.findAny().isEmpty()) {
                Files.delete(root.getParent());
            }
        }
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            // One partial file a thread: partitions may stage the same outcome at once (a chunk retried).
            Path partial = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().getId() + ".partial");
            Files.write(partial, JSON.writeValueAsBytes(value));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + file, WriteFailure.of(file, e));
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        return JSON.readValue(file.toFile(), type);
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().endsWith(".partial")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /**
     * One report id's staged reports, read from their files when asked for, one at a time: a report
     * given by a thousand copies (re-harvests of one page) is never a thousand reports in memory,
     * each maybe a whole report's text (issue 11's benchmark ran out of a 256 MB heap). The first,
     * the primary, is kept once read: every other is compared with it.
     */
    private static final class StagedGroup extends java.util.AbstractList<Report> {
        private final List<Path> files;
        private final Current current;
        private Report primary;

        StagedGroup(List<Path> files, Current current) {
            this.files = List.copyOf(files);
            this.current = current;
        }

        @Override
        public Report get(int index) {
            if (index == 0) {
                if (primary == null) {
                    primary = current.named(read(files.get(0), Report.class));
                }
                return primary;
            }
            return current.named(read(files.get(index), Report.class));
        }

        @Override
        public int size() {
            return files.size();
        }
    }

    /** The staged reports, one report id at a time, passing over those no document listed now gives. */
    private static final class ReportIterator implements Iterator<List<Report>> {
        private final Iterator<Path> folders;
        private final Current current;
        private List<Report> next;

        ReportIterator(List<Path> folders, Current current) {
            this.folders = folders.iterator();
            this.current = current;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && folders.hasNext()) {
                List<Path> published = new ArrayList<>();
                for (Path file : list(folders.next())) {
                    if (current.publishes(read(file, Report.class))) {
                        published.add(file);
                    }
                }
                next = published.isEmpty() ? null : new StagedGroup(published, current);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<Report> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<Report> group = next;
            advance();
            return group;
        }
    }
}

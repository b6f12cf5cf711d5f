package org.peelharvest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;

/**
 * Where a run keeps each document's outcome until the release is published. Each writer (a
 * partition of the extract step) appends its outcomes to a log of its own, {@code
 * logs/<writer>-<n>.log}, a line a record: the reports a document gave, or its reject, then the
 * record that it is done ({@link Done}). A file per outcome cost the job more than its parse on
 * small documents (issue 18: creating a file is a filesystem's costliest step); a log is one file a
 * partition. Each line starts with the CRC-32 of its record. Writing the same outcome twice (a chunk
 * retried, a run restarted) is harmless: reading keeps one of each, as below.
 *
 * <p>Reading takes the logs in their names' order, a writer's name being its step execution's id,
 * so a later run's record of a document wins over an earlier one's. A log ends at its last whole
 * line: a line a killed run left cut short, or one that fails its check or does not read, ends it
 * there, and what came after is not trusted (the documents it recorded as done are done again). Reports of the same
 * {@code report_id} from several documents sit side by side; the HTML one is primary. Two copies of
 * one document (the same bytes under two names) give one staged report: the copy whose URL sorts
 * last, whichever was written first. A work area staged by a build before the logs (a file an
 * outcome under {@code reports/}, {@code rejects/} and {@code done/}) is read too, before the logs.
 *
 * <p>Each run (a resume included) records the documents its inputs hold now ({@link #putListed}).
 * Only the outcomes of documents listed now, done as they are now, are published: a resume after
 * inputs were added, changed or removed publishes what a clean run of them would (issue 9, item 10).
 */
public final class StagingArea implements java.io.Closeable {

    /** A staged report is written with its source first, so that whose copy it is reads without the rest. */
    private static final ObjectMapper JSON = JsonMapper.builder().addMixIn(Report.class, SourceFirst.class).build();
    /** A report's writer and a report line's reader, each found once: looked up on every use, a tenth of their cost. */
    private static final ObjectWriter REPORT_WRITER = JSON.writerFor(Report.class);
    private static final ObjectReader REPORT_LINE_READER = JSON.readerFor(ReportLine.class);
    private static final String LISTED = "listed.json";
    private static final String LOGS = "logs";
    private static final TypeReference<Map<String, String>> LISTED_TYPE = new TypeReference<>() {
    };
    /** The writer of a staging area made without one: a test's, or a tool's that stages alone. */
    private static final String ALONE = "0";

    private final Path root;
    private final String writer;
    /** This writer's log, open once the first outcome is written; a log that failed a write is closed and a new one begun. */
    private FileChannel log;
    /** The file of {@link #log}, while it is open. */
    private Path logPath;
    private int logNumber;

    public StagingArea(Path root) {
        this(root, ALONE);
    }

    private StagingArea(Path root, String writer) {
        this.root = root;
        this.writer = writer;
    }

    /**
     * The same work area, writing to logs of its own: one a partition, named by its step execution's
     * id, so that a later one reads as later.
     */
    public StagingArea writingAs(long stepExecutionId) {
        return new StagingArea(root, String.format(java.util.Locale.ROOT, "%015d", stepExecutionId));
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
        appendLine(new RawJson(256).text("kind", DONE).json("done", json(done)).end());
    }

    /**
     * A document's record, field by field as Jackson's databind writes the record (StagingAreaLinesTest
     * holds the two alike): written for every document, where databind's first uses were a cost of
     * their own in each thread (issue 18's profile).
     */
    static byte[] json(Done done) {
        return new RawJson(192).text("key", done.key()).text("url", done.url()).text("fingerprint", done.fingerprint())
                .text("sha256", done.sha256()).bool("rejected", done.rejected()).texts("reportIds", done.reportIds())
                .bool("cached", done.cached()).end();
    }

    /** The documents the inputs hold now, by key, with their fingerprints. */
    public void putListed(Map<String, String> fingerprints) {
        write(root.resolve(LISTED), new TreeMap<>(fingerprints));
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public void put(Report report) {
        put(json(report));
    }

    /**
     * A report as the staging area writes it: its JSON, made once a document and written both here
     * and into the extraction cache (issue 18: a report was serialised twice).
     */
    public record ReportJson(Report report, byte[] json) {
    }

    /** {@code report} in JSON, as a staged line holds it. */
    public static ReportJson json(Report report) {
        return new ReportJson(report, REPORT_WRITER.writeValueAsBytes(report));
    }

    public void put(ReportJson staged) {
        // Named so that the primary document of a report sorts first: HTML before PDF, then by content.
        Report report = staged.report();
        Source source = report.source();
        String name = source.format().precedence() + "-" + source.format().label() + "-" + source.sha256() + ".json";
        // A ReportLine, its report written as it was serialised.
        appendLine(new RawJson(staged.json().length).text("kind", REPORT).text("id", report.reportId()).text("name", name)
                .text("url", source.url()).text("sha256", source.sha256()).json("report", staged.json()).end());
    }

    @JsonPropertyOrder({"source"})
    private interface SourceFirst {
    }

    /** The kinds of a log's lines. */
    private static final String REPORT = "report";
    private static final String REJECT = "reject";
    private static final String DONE = "done";

    /** A line's check before its record: the CRC-32 of the record in 8 hexadecimal digits, and a space. */
    private static final int CHECKED = 9;

    /**
     * The check of a record: its CRC-32 in 8 hexadecimal digits. A check of damage (a line cut short
     * or changed), not of intent; the extraction cache checks its entries with it too.
     */
    public static String checkOf(byte[] bytes, int offset, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, offset, length);
        return java.util.HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * A staged report, its identity and copy first, so that reading the logs through need not read
     * the report. Read as this record; written by {@link #put(ReportJson)} field by field, in this
     * order, around the report as it was serialised.
     */
    @JsonPropertyOrder({"kind", "id", "name", "url", "sha256", "report"})
    record ReportLine(String kind, String id, String name, String url, String sha256, Report report) {
    }

    /**
     * Appends one record's JSON with its check, a whole line in one write; a write that fails leaves
     * the log to a new one. A document's record is {@code {"kind":"done","done":{…}}}, a reject's
     * {@code {"kind":"reject","key":…,"reject":{…}}}, a report's a {@link ReportLine}.
     */
    private synchronized void appendLine(byte[] json) {
        ByteBuffer line = ByteBuffer.allocate(CHECKED + json.length + 1)
                .put(checkOf(json, 0, json.length).getBytes(StandardCharsets.US_ASCII)).put((byte) ' ')
                .put(json).put((byte) '\n').flip();
        Path file = logPath;
        try {
            if (log == null) {
                file = logFile();
                Files.createDirectories(file.getParent());
                // A log of its own, never one another writer (or an earlier run given the same id) began.
                for (int tries = 0; log == null; tries++) {
                    try {
                        log = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        logPath = file;
                    } catch (java.nio.file.FileAlreadyExistsException taken) {
                        if (tries >= MOST_LOGS) {
                            throw taken;
                        }
                        logNumber++;
                        file = logFile();
                    }
                }
            }
            while (line.hasRemaining()) {
                log.write(line);
            }
        } catch (IOException e) {
            // What was written of the line ends this log (a line cut short); the next record begins another.
            closeLog();
            logNumber++;
            throw new UncheckedIOException("cannot stage " + file, WriteFailure.of(file, e));
        }
    }

    /** The most logs one writer begins (each after a failed write, or past a name already taken). */
    private static final int MOST_LOGS = 10_000;

    private Path logFile() {
        return root.resolve(LOGS).resolve(writer + "-" + String.format(java.util.Locale.ROOT, "%04d", logNumber) + ".log");
    }

    /** Closes this writer's log; the next record written opens a new one. */
    @Override
    public synchronized void close() {
        if (log != null) {
            closeLog();
            logNumber++;
        }
    }

    private void closeLog() {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            // Every line was written whole or not at all: nothing is lost by a close that failed.
        }
        log = null;
    }

    /**
     * The URL of the copy a report of an earlier build's work area came from, read from the report's
     * first field; a file staged before sources came first is read whole.
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
        appendLine(new RawJson(256).text("kind", REJECT).text("key", key).json("reject", json(reject)).end());
    }

    /**
     * A reject, field by field as Jackson's databind writes the record (the reason by its code): in a
     * log's line, and in an extraction cache's entry.
     */
    public static byte[] json(Reject reject) {
        return new RawJson(192).text("sourceUrl", reject.sourceUrl()).text("stage", reject.stage())
                .text("reason", reject.reason() == null ? null : reject.reason().code()).text("detail", reject.detail()).end();
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
            return new Current(null, Map.of(), scan());
        }
        return current(JSON.readValue(listed.toFile(), LISTED_TYPE));
    }

    /** The outcomes of the documents {@code fingerprints} lists, done as they are now. */
    private Current current(Map<String, String> fingerprints) {
        Scan scan = scan();
        Map<String, Done> done = new HashMap<>();
        for (Done entry : scan.done.values()) {
            if (entry.fingerprint().equals(fingerprints.get(entry.key()))) {
                done.put(entry.key(), entry);
            }
        }
        return new Current(fingerprints, done, scan);
    }

    /**
     * The documents listed now (null: no list kept) and those of them done as they are now; of
     * those that gave reports, the URL each content is published under: the one that sorts last of
     * the copies read now (the same bytes under several names), as a clean run keeps it.
     */
    private record Current(Map<String, String> listed, Map<String, Done> done, Map<String, String> urlOfContent, Scan scan) {

        Current(Map<String, String> listed, Map<String, Done> done, Scan scan) {
            this(listed, done, lastUrls(done), scan);
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

        private String urlOf(String reportId, String sha256) {
            String url = urlOfContent.get(reportId + " " + sha256);
            return url != null ? url : urlOfContent.get(" " + sha256);
        }

        boolean publishes(String reportId, Located report) {
            return listed == null || urlOf(reportId, report.sha256()) != null;
        }

        /** The report as published: under the URL of the last of its copies read now. */
        Report named(Report report) {
            String url = listed == null ? null : urlOf(report.reportId(), report.source().sha256());
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

    /**
     * As {@link #staged()}, of the documents {@link #putListed} has just recorded as {@code listed}:
     * the list is not read back from the work area.
     */
    public Staged staged(Map<String, String> listed) {
        return new Staged(current(listed));
    }

    /** The staged outcomes to publish, as they were when {@link #staged()} read them. */
    public final class Staged {
        private final Current current;

        private Staged(Current current) {
            this.current = current;
        }

        /**
         * Every report id's reports, one per document that gave it, the primary one (HTML before PDF)
         * first, in report-id order. Read lazily, one report at a time ({@link StagedGroup}): go
         * through a group in order, do not hold it.
         */
        public Iterable<List<Report>> reports() {
            return () -> current.scan().reports.entrySet().stream()
                    .map(id -> id.getValue().values().stream().filter(at -> current.publishes(id.getKey(), at)).toList())
                    .filter(group -> !group.isEmpty())
                    .<List<Report>>map(group -> new StagedGroup(group, current))
                    .iterator();
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
                    .sorted(Comparator.comparing(Done::url, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(d -> String.valueOf(d.sha256()))
                            .thenComparing(Done::key))
                    .toList());
        }

        /**
         * How many of the documents listed now have no staged outcome as they are now: none once the
         * extract step has done them all, unless a log was cut short or damaged after their record.
         */
        public int notDone() {
            return current.listed() == null ? 0 : current.listed().size() - current.done().size();
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
            current.scan().reports.values().forEach(names -> names.values()
                    .forEach(at -> documents.add(at.url() + " " + at.sha256())));
            return documents.size();
        }

        /** Every reject, one a document read, ordered by source URL. */
        public List<Reject> rejects() {
            List<Reject> rejects = new ArrayList<>();
            if (current.listed() == null) {
                list(root.resolve("rejects")).forEach(file -> rejects.add(read(file, Reject.class)));
                rejects.addAll(current.scan().rejects.values());
            } else {
                for (Done done : current.done().values()) {
                    if (done.rejected()) {
                        stagedReject(done, current.scan()).ifPresent(rejects::add);
                    }
                }
            }
            // Copies of one page may give the same row: ordered by every field, so the order is the content's.
            rejects.sort(Comparator.comparing(Reject::sourceUrl).thenComparing(Reject::reason)
                    .thenComparing(Reject::stage).thenComparing(r -> String.valueOf(r.detail())));
            return rejects;
        }
    }

    /** A document's reject, staged under its key (or, by a build before the logs, in a file named by its key or URL). */
    private Optional<Reject> stagedReject(Done done, Scan scan) {
        Reject logged = scan.rejects.get(done.key());
        if (logged != null) {
            return Optional.of(logged);
        }
        List<Path> files = done.url() == null ? List.of(rejectFile(nameOf(done.key())))
                : List.of(rejectFile(nameOf(done.key())), rejectFile(nameOf(done.url())));
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                return Optional.of(read(file, Reject.class));
            }
        }
        return Optional.empty();
    }

    /** What the logs (and an earlier build's files) hold, read through once; the reports only as where they are. */
    private static final class Scan {
        /** The last record of each document done, by key. */
        final Map<String, Done> done = new HashMap<>();
        /** The last reject of each document, by key. */
        final Map<String, Reject> rejects = new HashMap<>();
        /** Each report id's staged reports by name, one a content: the copy whose URL sorts last. */
        final TreeMap<String, TreeMap<String, Located>> reports = new TreeMap<>();

        void add(String reportId, String name, Located report) {
            reports.computeIfAbsent(reportId, id -> new TreeMap<>())
                    .merge(name, report, (kept, other) -> other.url().compareTo(kept.url()) > 0 ? other : kept);
        }
    }

    /** Where a staged report is: {@code length} bytes at {@code offset} of a log, or (offset -1) a file of an earlier build. */
    private record Located(String url, String sha256, Path file, long offset, int length) {

        Report read() {
            if (offset < 0) {
                return StagingArea.read(file, Report.class);
            }
            ByteBuffer line = ByteBuffer.allocate(length);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (line.hasRemaining()) {
                    if (channel.read(line, offset + line.position()) < 0) {
                        throw new java.io.EOFException("the work area's log " + file + " is shorter than when it was read");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged report at byte " + offset + " of " + file, e);
            }
            return REPORT_LINE_READER.<ReportLine>readValue(line.array()).report();
        }
    }

    /**
     * The longest line a log is read to: a report's record is far shorter (the real reports' run to
     * a few hundred KB), and a longer line is taken as damage, which ends the log.
     */
    private static final int LONGEST_LINE = 64 << 20;

    private Scan scan() {
        Scan scan = new Scan();
        // A work area of a build before the logs: its files first, the logs (written since, by a resume) after.
        for (Path folder : list(root.resolve("reports"))) {
            for (Path file : list(folder)) {
                Report report = read(file, Report.class);
                scan.add(report.reportId(), file.getFileName().toString(),
                        new Located(stagedUrl(file), report.source().sha256(), file, -1, 0));
            }
        }
        for (Path file : list(root.resolve("done"))) {
            Done done = read(file, Done.class);
            scan.done.put(done.key(), done);
        }
        for (Path log : list(root.resolve(LOGS))) {
            if (log.getFileName().toString().endsWith(".log")) {
                readLog(log, scan);
            }
        }
        return scan;
    }

    /** Reads one log's whole lines into {@code scan}, up to its end or to a line that does not read (see the class). */
    private static void readLog(Path log, Scan scan) {
        try (java.io.InputStream in = Files.newInputStream(log)) {
            byte[] block = new byte[1 << 16];
            byte[] line = new byte[1 << 12];
            int used = 0;
            long lineStart = 0;
            long position = 0;
            for (int n; (n = in.read(block)) > 0; position += n) {
                int from = 0;
                for (int i = 0; i <= n; i++) {
                    boolean end = i < n && block[i] == '\n';
                    if (!end && i < n) {
                        continue;
                    }
                    int more = i - from;
                    if ((long) used + more > LONGEST_LINE) {
                        return;
                    }
                    if (used + more > line.length) {
                        line = Arrays.copyOf(line, Math.max(used + more, (int) Math.min(LONGEST_LINE, 2L * line.length)));
                    }
                    System.arraycopy(block, from, line, used, more);
                    used += more;
                    if (end) {
                        if (!record(log, lineStart, line, used, scan)) {
                            return;
                        }
                        lineStart = position + i + 1;
                        used = 0;
                        from = i + 1;
                    }
                }
            }
            // What is left after the last newline was cut short by a run that ended as it wrote it.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the work area's log " + log, e);
        }
    }

    /** Takes one line of a log into {@code scan}; false when it does not read as a record. */
    private static boolean record(Path log, long offset, byte[] line, int length, Scan scan) {
        if (length <= CHECKED || line[CHECKED - 1] != ' '
                || !checkOf(line, CHECKED, length - CHECKED).equals(new String(line, 0, CHECKED - 1, StandardCharsets.US_ASCII))) {
            return false;
        }
        int record = length - CHECKED;
        try (JsonParser parser = JSON.createParser(line, CHECKED, record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !"kind".equals(parser.nextName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                return false;
            }
            switch (parser.getString()) {
                case DONE -> {
                    if (!"done".equals(parser.nextName()) || parser.nextToken() != JsonToken.START_OBJECT) {
                        return false;
                    }
                    Done done = done(parser);
                    scan.done.put(done.key(), done);
                }
                case REJECT -> {
                    if (!"key".equals(parser.nextName()) || parser.nextToken() != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    String key = parser.getString();
                    if (!"reject".equals(parser.nextName()) || parser.nextToken() != JsonToken.START_OBJECT) {
                        return false;
                    }
                    scan.rejects.put(key, reject(parser));
                }
                case REPORT -> {
                    // Its identity and copy only: the report is read when published (its line is whole, by its check).
                    Map<String, String> fields = new HashMap<>();
                    for (String name = parser.nextName(); !"report".equals(name); name = parser.nextName()) {
                        if (name == null || parser.nextToken() != JsonToken.VALUE_STRING) {
                            return false;
                        }
                        fields.put(name, parser.getString());
                    }
                    if (fields.get("id") == null || fields.get("name") == null || fields.get("url") == null
                            || fields.get("sha256") == null) {
                        return false;
                    }
                    scan.add(fields.get("id"), fields.get("name"),
                            new Located(fields.get("url"), fields.get("sha256"), log, offset + CHECKED, record));
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (tools.jackson.core.JacksonException | NotARecord e) {
            return false;
        }
    }

    /** A line whose JSON is whole but is not a record the logs hold (a field of the wrong kind, a key missing). */
    private static final class NotARecord extends RuntimeException {
        NotARecord() {
            super(null, null, false, false);
        }
    }

    /**
     * A document's record, its object's fields read by name as they come (with the streaming parser:
     * databind's first use cost publishing as much again, issue 18's profile); a field it does not
     * know is passed over.
     */
    private static Done done(JsonParser parser) {
        String key = null;
        String url = null;
        String fingerprint = null;
        String sha256 = null;
        boolean rejected = false;
        List<String> reportIds = null;
        Boolean cached = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "key" -> key = text(parser, value);
                case "url" -> url = text(parser, value);
                case "fingerprint" -> fingerprint = text(parser, value);
                case "sha256" -> sha256 = text(parser, value);
                case "rejected" -> rejected = bool(value);
                case "reportIds" -> reportIds = texts(parser, value);
                case "cached" -> cached = value == JsonToken.VALUE_NULL ? null : bool(value);
                default -> parser.skipChildren();
            }
        }
        // Every record written names its key and fingerprint; a URL may be missing (a WARC response
        // with none was recorded so before its listing named it), as databind read it.
        if (key == null || fingerprint == null) {
            throw new NotARecord();
        }
        return new Done(key, url, fingerprint, sha256, rejected, reportIds, cached);
    }

    /** A reject, its object's fields read by name as they come. */
    private static Reject reject(JsonParser parser) {
        String sourceUrl = null;
        String stage = null;
        String reason = null;
        String detail = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "sourceUrl" -> sourceUrl = text(parser, value);
                case "stage" -> stage = text(parser, value);
                case "reason" -> reason = text(parser, value);
                case "detail" -> detail = text(parser, value);
                default -> parser.skipChildren();
            }
        }
        try {
            return new Reject(sourceUrl, stage, reason == null ? null : RejectReason.ofCode(reason), detail);
        } catch (IllegalArgumentException unknownReason) {
            throw new NotARecord();
        }
    }

    private static String text(JsonParser parser, JsonToken value) {
        return switch (value) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NULL -> null;
            default -> throw new NotARecord();
        };
    }

    private static boolean bool(JsonToken value) {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw new NotARecord();
        };
    }

    private static List<String> texts(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new NotARecord();
        }
        List<String> texts = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item == null) {
                throw new NotARecord();
            }
            String text = text(parser, item);
            if (text == null) {
                throw new NotARecord();
            }
            texts.add(text);
        }
        return texts;
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
     * One report id's staged reports, read when asked for, one at a time: a report given by a
     * thousand copies (re-harvests of one page) is never a thousand reports in memory, each maybe a
     * whole report's text (issue 11's benchmark ran out of a 256 MB heap). The first, the primary, is
     * kept once read: every other is compared with it.
     */
    private static final class StagedGroup extends java.util.AbstractList<Report> {
        private final List<Located> reports;
        private final Current current;
        private Report primary;

        StagedGroup(List<Located> reports, Current current) {
            this.reports = List.copyOf(reports);
            this.current = current;
        }

        @Override
        public Report get(int index) {
            if (index == 0) {
                if (primary == null) {
                    primary = current.named(reports.get(0).read());
                }
                return primary;
            }
            return current.named(reports.get(index).read());
        }

        @Override
        public int size() {
            return reports.size();
        }
    }
}

package org.peelharvest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;


import org.peelharvest.model.Reject;
import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/**
 * Writes a release: the CSV tables (with each published report's warnings) and the JSON of every
 * report. Everything is written into a folder beside the output, flushed to disk, and only then
 * moved into place, so the output folder is always either the previous release or the new one,
 * never half of each.
 * Reports stream through once; nothing holds them all in memory.
 */
public final class DatasetPublisher {

    public static final List<String> FILES = Stream.concat(DataPackage.TABLES.stream().map(DataPackage.Table::file),
            Stream.of("reports.json", "reports.jsonl", Workbook.FILE)).toList();
    /** Every file a release holds: the marker lists them, and replacing a release deletes no other. */
    static final List<String> RELEASE_FILES = Stream.concat(FILES.stream(), Stream.of(ReportSchema.RELEASE_PATH,
            SummaryPage.FILE, DataPackage.FILE, RunJson.FILE, ReleaseManifest.FILE, OutputMarker.FILE)).toList();

    private final CsvStyle style;
    private final Function<Report, List<Warning>> warnings;
    /** Every document the run read, copies included; null when not known (then the reports' and rejects' own). */
    private final List<StagingArea.Done> read;

    /**
     * @param warnings what each published report lacks, derived from the report alone when it is
     *                 published, so a restarted run gives the same warnings
     */
    public DatasetPublisher(CsvStyle style, Function<Report, List<Warning>> warnings) {
        this(style, warnings, null);
    }

    private DatasetPublisher(CsvStyle style, Function<Report, List<Warning>> warnings, List<StagingArea.Done> read) {
        this.style = style;
        this.warnings = warnings;
        this.read = read;
    }

    /** A publisher that finds nothing to warn about: for tests of the other tables. */
    public DatasetPublisher(CsvStyle style) {
        this(style, report -> List.of());
    }

    /** Plain CSV, the default. */
    public DatasetPublisher() {
        this(CsvStyle.PLAIN);
    }

    /**
     * @param output  the folder to publish into, or, when the run makes releases, the folder that
     *                holds them ({@code <output>/<release>/}, with {@code latest} naming the newest)
     * @param reports each report with every document that gave it, the primary one first, in the
     *                order to publish (by report id); the others are compared field by field with
     *                the primary and each disagreement is a row of {@code conflicts.csv}
     * @param rejects in the order to publish
     */
    public Release publish(Path output, Iterable<List<Report>> reports, List<Reject> rejects, RunInfo run)
            throws IOException {
        Path root = output.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException("cannot publish into " + root + ": it is a file, not a folder");
        }
        Path target = run.release() == null ? root : root.resolve(run.release());
        if (run.release() != null && Files.exists(target)) {
            return alreadyPublished(target, run);
        }
        Path staging = sibling(target, "publishing");
        Path previous = sibling(target, "previous");
        restoreInterruptedSwap(target, previous);
        requireOurs(root, run.release() != null);
        discard(staging);
        Files.createDirectories(staging);
        OutputMarker.writeRelease(staging, RELEASE_FILES);
        Release written = write(staging, reports, rejects, run);
        if (run.release() != null) {
            Files.createDirectories(root);
            OutputMarker.writeReleases(root);
        }
        swapIn(staging, target, previous);
        if (run.release() != null && written.passedItsGate()) {
            // A release that failed its quality gate stays for inspection; latest keeps naming a good one.
            pointLatestAt(root, run.release());
        }
        return written.in(target);
    }

    /**
     * A release is never changed once published. Finding it already there is fine only for the run
     * that published it (restarted after publishing, before it was recorded as complete).
     */
    private static Release alreadyPublished(Path target, RunInfo run) throws IOException {
        RunJson.Written previous = RunJson.read(target.resolve(RunJson.FILE));
        if (previous == null || !previous.sameRunAs(run)) {
            throw new IOException("release " + target + " exists and is never overwritten");
        }
        Release release = previous.release(target);
        if (release.passedItsGate()) {
            pointLatestAt(target.getParent(), run.release());
        }
        return release;
    }

    /** {@code latest} is a relative link to the newest release, replaced in one step; never a file or folder of someone else's. */
    private static void pointLatestAt(Path root, String release) throws IOException {
        Path latest = root.resolve("latest");
        if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
            throw new RefusedFolder(latest + " is not the link peel-harvest makes to the newest release, "
                    + "and it is never replaced; move it and run again");
        }
        Path link = root.resolve(".latest.new");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(release));
        Files.move(link, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * This publisher, for a run that read {@code documents} (each file or WARC record once, copies
     * included): the release counts them, the quality gate's rates are over them, and {@code run.json}
     * names every one, a byte-identical copy of a published document too (issue 17, item 6).
     */
    public DatasetPublisher reading(List<StagingArea.Done> documents) {
        return new DatasetPublisher(style, warnings, List.copyOf(documents));
    }

    /**
     * Writes the release into {@code folder}; a file that cannot be written (a full disk, a
     * folder made read-only) is a {@link WriteFailure} naming it and the system's reason.
     */
    private Release write(Path folder, Iterable<List<Report>> reports, List<Reject> rejects, RunInfo run)
            throws IOException {
        try {
            return writeRelease(folder, reports, rejects, run);
        } catch (IOException e) {
            throw WriteFailure.of(folder, e);
        } catch (UncheckedIOException | tools.jackson.core.JacksonException e) {
            // Jackson and the staging area's reads carry the system's IOException as their cause.
            if (e.getCause() instanceof IOException cause) {
                throw WriteFailure.of(folder, cause);
            }
            throw e;
        }
    }

    private Release writeRelease(Path folder, Iterable<List<Report>> reports, List<Reject> rejects, RunInfo run)
            throws IOException {
        SummaryPage page = new SummaryPage();
        List<RunJson.Document> documents = new ArrayList<>();
        try (Workbook workbook = new Workbook()) {
            ReportTables written;
            try (ReportTables tables = new ReportTables(folder, style, workbook)) {
                for (List<Report> group : reports) {
                    tables.add(group, warnings.apply(group.get(0)), page, r -> documents.add(new RunJson.Document(
                            r.source().url(), r.source().sha256(), r.reportId(), null)));
                }
                written = tables;
            }
            List<RunJson.Document> inputs = read == null ? documents : documentsRead(documents);
            writeRejects(folder, rejects, run, inputs, workbook);
            writeFixedFiles(folder, workbook, written.grades());
            // A document of several reports (the 2018/19 PDF of all three pillars) is listed once a report, counted once.
            int documentCount = read != null ? read.size()
                    : (int) inputs.stream().map(d -> d.url() + " " + d.sha256()).distinct().count();
            int sitePages = (int) rejects.stream().filter(r -> r.reason().sitePage()).count();
            Release release = written.release(folder, documentCount, rejects.size(), sitePages).judgedBy(run.gate());
            DataPackage.Provenance provenance = new DataPackage.Provenance(run.version(), written.newestReport());
            workbook.beginWrite(folder.resolve(Workbook.FILE), new Workbook.About(provenance, inputNames(run), release));
            // While the workbook is written: the files that do not describe it.
            page.write(folder.resolve(SummaryPage.FILE), release, rejects, run);
            sync(folder.resolve(SummaryPage.FILE));
            int fromCache = read == null ? 0 : (int) read.stream().filter(StagingArea.Done::cached).count();
            RunJson.write(folder.resolve(RunJson.FILE), run, release, inputs, fromCache);
            workbook.awaitWritten();
            // datapackage.json gives every file's size and SHA-256, the workbook's among them.
            DataPackage.write(folder, provenance);
            sync(folder.resolve(DataPackage.FILE));
            sync(folder.resolve(OutputMarker.FILE));
            for (String file : FILES) {
                sync(folder.resolve(file));
            }
            sync(folder.resolve(RunJson.FILE));
            ReleaseManifest.write(folder);
            return release;
        }
    }

    /** The run's inputs by their names alone: where they stand on the machine is no part of the data (issue 10). */
    private static List<String> inputNames(RunInfo run) {
        return run.inputs().stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString()).toList();
    }

    /**
     * Every document read that gave reports, once a report it gave, under its own URL: a copy of a
     * published document (the same bytes under another name) is named beside it. {@code published}
     * are the documents the reports were published from, which give the report ids of a document
     * read by a run that did not record them.
     */
    private List<RunJson.Document> documentsRead(List<RunJson.Document> published) {
        Map<String, List<String>> reportIds = new HashMap<>();
        published.forEach(d -> reportIds.computeIfAbsent(d.sha256(), sha -> new ArrayList<>()).add(d.reportId()));
        List<RunJson.Document> documents = new ArrayList<>();
        for (StagingArea.Done done : read) {
            if (done.rejected()) {
                continue;
            }
            List<String> ids = done.reportIds() != null ? done.reportIds()
                    : reportIds.getOrDefault(done.sha256(), List.of()).stream().distinct().toList();
            ids.forEach(id -> documents.add(new RunJson.Document(done.url(), done.sha256(), id, null)));
        }
        return documents;
    }

    /** {@code rejects.csv}; each rejected document is also listed in {@code run.json}, with its digest. */
    private void writeRejects(Path folder, List<Reject> rejects, RunInfo run, List<RunJson.Document> documents,
                              Workbook workbook) throws IOException {
        Map<String, String> digests = rejectedDigests();
        try (CsvTable rejectsCsv = ReportTables.table(folder, DataPackage.REJECTS, style, workbook)) {
            for (Reject reject : rejects) {
                CsvTables.printReject(rejectsCsv, reject);
                String digest = digests.get(reject.sourceUrl());
                documents.add(new RunJson.Document(reject.sourceUrl(),
                        digest != null ? digest : RunJson.sha256Of(reject.sourceUrl(), run.inputs()), null, reject.reason().code()));
            }
        }
    }

    /**
     * The SHA-256 of each rejected document as the job read it, by URL, where its work area knows
     * it and the URL was read as one document: reading the file again to hash it was a twentieth
     * of publishing (issue 18), and gave the file as it is now rather than as it was read.
     */
    private Map<String, String> rejectedDigests() {
        Map<String, String> digests = new HashMap<>();
        if (read == null) {
            return digests;
        }
        Set<String> several = new java.util.HashSet<>();
        for (StagingArea.Done done : read) {
            if (done.rejected() && done.sha256() != null) {
                String earlier = digests.putIfAbsent(done.url(), done.sha256());
                if (earlier != null && !earlier.equals(done.sha256())) {
                    several.add(done.url());
                }
            }
        }
        digests.keySet().removeAll(several);
        return digests;
    }

    /**
     * The files every release holds whatever its reports: {@code forces.csv}, {@code grades_wide.csv}
     * (the grades gathered from the reports) and the report JSON Schema.
     */
    private void writeFixedFiles(Path folder, Workbook workbook, GradesWide grades) throws IOException {
        try (CsvTable forces = ReportTables.table(folder, DataPackage.FORCES, style, workbook)) {
            CsvTables.printForces(forces);
        }
        try (CsvTable wide = ReportTables.table(folder, DataPackage.GRADES_WIDE, style, workbook)) {
            grades.print(wide);
        }
        Path schema = folder.resolve(ReportSchema.RELEASE_PATH);
        Files.createDirectories(schema.getParent());
        WriteFailure.writeString(schema, ReportSchema.described());
        sync(schema);
    }

    /**
     * Moves the old release aside, the new one in, then deletes the old one's files: those its
     * marker lists, nothing else (a file added in the moment between the check and the move stays,
     * in the hidden folder beside, and the next publish names it).
     */
    private static void swapIn(Path staging, Path target, Path previous) throws IOException {
        Files.createDirectories(target.getParent());
        discard(previous);
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        OutputMarker.deleteListed(previous, RELEASE_FILES);
    }

    /**
     * Publishing into a folder replaces it whole ({@code extract}) or adds a release to it
     * ({@code run}), so the folder must be empty or the project's: a folder holding anything else
     * (a mistyped {@code --output}, or a file added to an earlier release) is never touched.
     */
    private static void requireOurs(Path folder, boolean releases) throws IOException {
        Optional<String> foreign = OutputMarker.foreignEntry(folder, releases);
        if (foreign.isPresent()) {
            throw new RefusedFolder(notOurs(folder, foreign.get(), releases));
        }
    }

    /** Why a folder cannot be published into: one line, naming a file that is not the project's. */
    public static String notOurs(Path folder, String entry, boolean releases) {
        return releases
                ? "the output " + folder + " holds " + entry + ", which is not a release of peel-harvest; "
                        + "choose an empty or new folder for the releases"
                : "the output " + folder + " holds " + entry + ", which peel-harvest did not write, and publishing "
                        + "replaces the folder; move it out, or choose an empty or new folder";
    }

    /** The hidden folder of an interrupted publish or swap: its files go, anything else stays and is named. */
    private static void discard(Path folder) throws IOException {
        List<String> left = OutputMarker.deleteListed(folder, RELEASE_FILES);
        if (!left.isEmpty()) {
            throw new RefusedFolder(folder + " holds " + left.get(0) + ", which peel-harvest did not write; "
                    + "move it, then run again");
        }
    }

    /** A crash between the two moves of a swap leaves only the previous release: put it back. */
    private static void restoreInterruptedSwap(Path target, Path previous) throws IOException {
        if (!Files.exists(target) && Files.isDirectory(previous)) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path sibling(Path target, String purpose) {
        return target.resolveSibling("." + target.getFileName() + "." + purpose);
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

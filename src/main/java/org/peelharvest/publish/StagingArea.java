package org.peelharvest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

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
 */
public final class StagingArea {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public void put(Report report) {
        // Named so that the primary document of a report sorts first: HTML before PDF, then by content.
        Source source = report.source();
        String name = source.format().precedence() + "-" + source.format().label() + "-" + source.sha256() + ".json";
        write(root.resolve("reports").resolve(report.reportId()).resolve(name), report);
    }

    public void put(Reject reject) {
        String name = SourceDocument.sha256(reject.sourceUrl().getBytes(StandardCharsets.UTF_8));
        write(root.resolve("rejects").resolve(name + ".json"), reject);
    }

    /**
     * Every report id's reports, one per document that gave it, the primary one (HTML before PDF)
     * first, in report-id order. Read lazily, one report id at a time.
     */
    public Iterable<List<Report>> reports() {
        return () -> new ReportIterator(list(root.resolve("reports")));
    }

    /** How many documents gave a report, counting every document of a report shared by several. */
    public int extractedCount() {
        // Files are named by their document's content: a document of several reports counts once.
        java.util.Set<String> documents = new java.util.HashSet<>();
        for (Path folder : list(root.resolve("reports"))) {
            list(folder).forEach(file -> documents.add(file.getFileName().toString()));
        }
        return documents.size();
    }

    /** Every reject, ordered by source URL. */
    public List<Reject> rejects() {
        List<Reject> rejects = new ArrayList<>();
        for (Path file : list(root.resolve("rejects"))) {
            rejects.add(read(file, Reject.class));
        }
        rejects.sort(Comparator.comparing(Reject::sourceUrl).thenComparing(Reject::reason));
        return rejects;
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
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, JSON.writeValueAsBytes(value));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + file, e);
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

    private static final class ReportIterator implements Iterator<List<Report>> {
        private final Iterator<Path> folders;

        ReportIterator(List<Path> folders) {
            this.folders = folders.iterator();
        }

        @Override
        public boolean hasNext() {
            return folders.hasNext();
        }

        @Override
        public List<Report> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return list(folders.next()).stream().map(file -> read(file, Report.class)).toList();
        }
    }
}

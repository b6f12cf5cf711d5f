package org.peelharvest.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import org.peelharvest.model.Formats;
import org.peelharvest.harvest.WarcDocuments;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.model.RejectReason;

/**
 * Lists the documents of a run, in path order, and hands them out one at a time. Folders are
 * walked recursively; a file counts as a document when its name ends in .html, .htm or .pdf or
 * when its first bytes are HTML or PDF; a WARC file (.warc, .warc.gz) gives each page or PDF it
 * keeps. A file named directly always counts. Only the paths are held, never the contents.
 *
 * <p>Listing never fails the run: what cannot be listed (an unreadable folder, a broken WARC
 * file, a dangling symbolic link named as a document) becomes a document that is a reject. On a
 * restart the inputs are listed again as they are now, and the documents already done as they
 * are now are passed over, so added and changed documents are read and removed ones dropped.
 * The {@link DocumentPartitioner} lists them once a run ({@link #discover}); each partition's
 * reader hands out the documents dealt to it.
 */
class DocumentReader extends AbstractItemCountingItemStreamItemReader<DocumentRef> {

    private static final int SNIFF_BYTES = 4096;

    private final StagingArea staging;
    private final String partition;
    private List<DocumentRef> documents = List.of();
    private int next;

    /** The reader of one partition's documents, as {@link DocumentPartitioner} dealt them. */
    DocumentReader(StagingArea staging, String partition) {
        this.staging = staging;
        this.partition = partition;
        setName("documents");
        // Where to go on is told by what is done (staging), not by a count: the inputs may have changed.
        setSaveState(false);
    }

    @Override
    protected void doOpen() {
        documents = DocumentPartitioner.read(staging, partition);
        next = 0;
    }

    @Override
    protected DocumentRef doRead() {
        return next < documents.size() ? documents.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = Math.min(itemIndex, documents.size());
    }

    @Override
    protected void doClose() {
        documents = List.of();
    }

    /**
     * The documents of the inputs, in path order: files, and each successful response kept in a
     * WARC file (a harvest snapshot), in file order.
     */
    static List<DocumentRef> discover(List<Path> inputs) {
        Map<Path, DocumentRef> found = new TreeMap<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                walk(input, found);
            } else if (Files.exists(input) || Files.isSymbolicLink(input)) {
                found.put(input, DocumentRef.of(input, input)); // named directly: always a document
            } else {
                found.put(input, DocumentRef.broken(input, input, RejectReason.UNREADABLE, "no such file or folder"));
            }
        }
        List<DocumentRef> documents = new ArrayList<>();
        for (DocumentRef file : found.values()) {
            if (file.problem() == null && WarcDocuments.isWarc(file.file()) && Files.isRegularFile(file.file())) {
                documents.addAll(warcDocuments(file));
            } else {
                documents.add(file);
            }
        }
        return documents;
    }

    /** The documents a WARC file keeps, and a corrupt-warc reject for the part that cannot be read. */
    private static List<DocumentRef> warcDocuments(DocumentRef warc) {
        List<DocumentRef> documents = new ArrayList<>();
        try {
            WarcDocuments.Scan scan = WarcDocuments.scan(warc.file());
            scan.entries().forEach(e -> documents.add(DocumentRef.inWarc(e.warc(), e.offset(), e.url())));
            scan.problem().ifPresent(problem -> documents.add(DocumentRef.broken(warc.file(), warc.url(), RejectReason.CORRUPT_WARC,
                    problem)));
        } catch (IOException e) {
            documents.add(DocumentRef.broken(warc.file(), warc.url(), RejectReason.UNREADABLE, "cannot read the WARC file: "
                    + describe(e)));
        }
        return documents;
    }

    /** Walks a folder without following links to folders; whatever cannot be read is a reject, not a failure. */
    private static void walk(Path folder, Map<Path, DocumentRef> found) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return isHidden(folder.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!isHidden(folder.relativize(file))) {
                        visit(file, folder, attributes, found);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    if (!isHidden(folder.relativize(file))) {
                        found.put(file, DocumentRef.broken(file, folder, RejectReason.UNREADABLE, "cannot read: " + describe(failure)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                    if (failure != null) {
                        found.put(dir, DocumentRef.broken(dir, folder, RejectReason.UNREADABLE, "cannot list the folder: " + describe(failure)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.put(folder, DocumentRef.broken(folder, folder, RejectReason.UNREADABLE, "cannot walk the folder: " + describe(e)));
        }
    }

    /**
     * A regular file that looks like a document is one; a symbolic link is followed to a file, and
     * one that leads nowhere (dangling, or a loop) is a reject when its name says document; a pipe,
     * a device or a socket named as a document is a reject rather than a read that never ends.
     */
    private static void visit(Path file, Path folder, BasicFileAttributes attributes, Map<Path, DocumentRef> found) {
        if (attributes.isRegularFile()) {
            if (looksLikeDocument(file)) {
                found.put(file, DocumentRef.of(file, folder));
            }
        } else if (attributes.isSymbolicLink()) {
            try {
                BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
                if (target.isRegularFile() && looksLikeDocument(file)) {
                    found.put(file, DocumentRef.of(file, folder));
                } else if (!target.isRegularFile() && !target.isDirectory() && namedAsDocument(file)) {
                    found.put(file, DocumentRef.broken(file, folder, RejectReason.UNREADABLE, "a link to something that is not a file"));
                }
            } catch (IOException e) {
                if (namedAsDocument(file)) {
                    found.put(file, DocumentRef.broken(file, folder, RejectReason.UNREADABLE, e instanceof FileSystemLoopException
                            || String.valueOf(e.getMessage()).contains("many levels of symbolic links")
                            ? "a loop of symbolic links" : e instanceof NoSuchFileException
                            ? "a symbolic link to nothing (dangling)" : "cannot follow the link: " + describe(e)));
                }
            }
        } else if (!attributes.isDirectory() && namedAsDocument(file)) {
            found.put(file, DocumentRef.broken(file, folder, RejectReason.UNREADABLE, "not a regular file (a pipe, a device or a socket)"));
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedAsDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".pdf") || WarcDocuments.isWarc(file);
    }

    private static boolean looksLikeDocument(Path file) {
        if (namedAsDocument(file)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Formats.sniff(in.readNBytes(SNIFF_BYTES)).isPresent();
        } catch (IOException e) {
            return true; // an unreadable file is reported as a reject, not silently passed over
        }
    }

    static String describe(IOException e) {
        String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName();
        return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}

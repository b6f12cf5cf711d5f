package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.peelharvest.model.RejectReason;

/**
 * The documents of a run's inputs, in path order: files and folders (walked recursively by
 * {@link FolderWalk}; a file named directly always counts) and WARC files (.warc, .warc.gz, such as
 * a harvest snapshot keeps), each giving every page or PDF it keeps ({@link WarcDocuments}). Only
 * places are listed, never contents: a WARC record is read by {@link WarcDocuments#payload}.
 *
 * <p>Listing never fails the run: what cannot be listed (an unreadable folder, a broken WARC
 * file, a dangling symbolic link named as a document) is listed as a document that is a reject.
 */
public final class DocumentSource {

    private DocumentSource() {
    }

    /**
     * The documents of the inputs, in path order: files, and each successful response kept in a
     * WARC file (a harvest snapshot), in file order.
     */
    public static List<DocumentRef> list(List<Path> inputs) {
        Map<Path, DocumentRef> found = new TreeMap<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                FolderWalk.walk(input, found);
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
            documents.addAll(scan.entries());
            scan.problem().ifPresent(problem -> documents.add(DocumentRef.broken(warc.file(), warc.url(),
                    RejectReason.CORRUPT_WARC, problem)));
        } catch (IOException e) {
            documents.add(DocumentRef.broken(warc.file(), warc.url(), RejectReason.UNREADABLE, "cannot read the WARC file: "
                    + describe(e)));
        }
        return documents;
    }

    /** What went wrong, in words: permission denied, no such file, or the exception's kind, with its message. */
    public static String describe(IOException e) {
        String kind = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName();
        return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}

package org.peelharvest.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.peelharvest.model.InWords;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;

/**
 * The documents of a run's inputs, in path order: files and folders (walked recursively by
 * {@link FolderWalk}; a file named directly always counts) and WARC files (.warc, .warc.gz, such as
 * a harvest snapshot keeps), each giving every page or PDF it keeps ({@link WarcDocuments}). Only
 * places are listed, never contents; a document's bytes are read by {@link #read}, one at a time.
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
        // By key: the revisits of later snapshots name the record of the capture they repeat, which
        // is one document however many snapshots point at it, in the progress line as in the summary.
        Map<String, DocumentRef> documents = new java.util.LinkedHashMap<>();
        for (DocumentRef file : found.values()) {
            if (file.problem() == null && WarcDocuments.isWarc(file.file()) && Files.isRegularFile(file.file())) {
                warcDocuments(file).forEach(document -> documents.putIfAbsent(document.key(), document));
            } else {
                documents.putIfAbsent(file.key(), file);
            }
        }
        return new ArrayList<>(documents.values());
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

    /**
     * One document's bytes, never read past {@code maxBytes}: a file's size is checked before it is
     * read and the read stops at the limit; a WARC record's payload is decoded up to it. What
     * cannot be read is a reject naming the document and the reason.
     */
    public static SourceDocument read(DocumentRef ref, long maxBytes) {
        if (ref.problem() != null) {
            throw new RejectedDocumentException(ref.problem());
        }
        try {
            return new SourceDocument(ref.url(), ref.inWarc() ? WarcDocuments.payload(ref.file(), ref.offset(), maxBytes)
                    : readFile(ref, maxBytes));
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (WarcDocuments.TooLargeException e) {
            throw reject(ref, RejectReason.TOO_LARGE, e.getMessage(), e);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw reject(ref, RejectReason.UNREADABLE, "cannot read " + (ref.inWarc() ? "the WARC file: " : "the file: ")
                    + describe(e), e);
        } catch (IOException | RuntimeException e) {
            if (ref.inWarc()) {
                throw reject(ref, RejectReason.CORRUPT_WARC, "cannot read the WARC record at offset " + ref.offset() + ": "
                        + InWords.of(e), e);
            }
            throw reject(ref, RejectReason.UNREADABLE, "cannot read the file: " + InWords.of(e), e);
        }
    }

    /** A regular file no longer than the limit; a device such as /dev/zero or a pipe is refused unread. */
    private static byte[] readFile(DocumentRef ref, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(ref.file(), BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw reject(ref, RejectReason.UNREADABLE, attributes.isDirectory() ? "a folder, not a file"
                    : "not a regular file (a device, a pipe or a socket), so it may never end", null);
        }
        if (attributes.size() > maxBytes) {
            throw reject(ref, RejectReason.TOO_LARGE, RejectReason.tooLarge(attributes.size(), maxBytes), null);
        }
        try (InputStream in = Files.newInputStream(ref.file())) {
            byte[] content = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 9) + 1);
            if (content.length > maxBytes) {
                // It grew while being read.
                throw reject(ref, RejectReason.TOO_LARGE, RejectReason.tooLarge(content.length, maxBytes), null);
            }
            return content;
        }
    }

    private static RejectedDocumentException reject(DocumentRef ref, RejectReason reason, String detail, Throwable cause) {
        return new RejectedDocumentException(new Reject(ref.url(), "read", reason,
                DocumentRef.withoutMachinePath(detail, ref.file(), ref.url())), cause);
    }

    /** What went wrong, in words: permission denied, no such file, or the failure's kind, with its message. */
    public static String describe(IOException e) {
        return InWords.of(e);
    }
}

package org.peelharvest.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

import org.peelharvest.model.Formats;
import org.peelharvest.model.RejectReason;

/**
 * The documents in a folder and its subfolders: a file counts when its name ends in .html, .htm or
 * .pdf (or says WARC), or when its first bytes are HTML or PDF ({@link Formats#sniff}). Hidden files
 * and folders are passed over, links to folders are not followed, and whatever cannot be read is
 * listed as a reject rather than failing the walk.
 */
final class FolderWalk extends SimpleFileVisitor<Path> {

    private static final int SNIFF_BYTES = 4096;

    private final Path folder;
    /** The folder's URI, which each document's URL is relative to: worked out once for the walk. */
    private final java.net.URI folderUri;
    private final Map<Path, DocumentRef> found;

    private FolderWalk(Path folder, Map<Path, DocumentRef> found) {
        this.folder = folder;
        this.folderUri = folder.toAbsolutePath().toUri();
        this.found = found;
    }

    /** Adds the documents under {@code folder} to {@code found}, by path. */
    static void walk(Path folder, Map<Path, DocumentRef> found) {
        try {
            Files.walkFileTree(folder, new FolderWalk(folder, found));
        } catch (IOException e) {
            found.put(folder, DocumentRef.broken(folder, folder, RejectReason.UNREADABLE, "cannot walk the folder: "
                    + DocumentSource.describe(e)));
        }
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return isHidden(folder.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (!isHidden(folder.relativize(file))) {
            visit(file, attributes);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
        if (!isHidden(folder.relativize(file))) {
            broken(file, "cannot read: " + DocumentSource.describe(failure));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
        if (failure != null) {
            broken(dir, "cannot list the folder: " + DocumentSource.describe(failure));
        }
        return FileVisitResult.CONTINUE;
    }

    /**
     * A regular file that looks like a document is one; a symbolic link is followed to a file, and
     * one that leads nowhere (dangling, or a loop) is a reject when its name says document; a pipe,
     * a device or a socket named as a document is a reject rather than a read that never ends.
     */
    private void visit(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            if (looksLikeDocument(file)) {
                found.put(file, DocumentRef.of(file, folderUri, attributes));
            }
        } else if (attributes.isSymbolicLink()) {
            visitLink(file);
        } else if (!attributes.isDirectory() && namedAsDocument(file)) {
            broken(file, "not a regular file (a pipe, a device or a socket)");
        }
    }

    private void visitLink(Path file) {
        try {
            BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
            if (target.isRegularFile() && looksLikeDocument(file)) {
                found.put(file, DocumentRef.of(file, folderUri, target));
            } else if (!target.isRegularFile() && !target.isDirectory() && namedAsDocument(file)) {
                broken(file, "a link to something that is not a file");
            }
        } catch (IOException e) {
            if (namedAsDocument(file)) {
                broken(file, e instanceof FileSystemLoopException
                        || String.valueOf(e.getMessage()).contains("many levels of symbolic links")
                        ? "a loop of symbolic links" : e instanceof NoSuchFileException
                        ? "a symbolic link to nothing (dangling)" : "cannot follow the link: " + DocumentSource.describe(e));
            }
        }
    }

    private void broken(Path file, String detail) {
        found.put(file, DocumentRef.broken(file, folder, RejectReason.UNREADABLE, detail));
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
}

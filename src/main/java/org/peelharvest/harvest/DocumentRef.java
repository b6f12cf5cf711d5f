package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;

/**
 * Where one document is: a file, or a record of a WARC file ({@code offset} ≥ 0), with the URL
 * that names it in the datasets: a file's path relative to the input folder it was found in (a
 * file named as an input: its file name), as a relative URI reference, so that a release names
 * no path of the machine it was made on and two checkouts publish the same bytes (issue 10); a
 * record's URL as the WARC file recorded it.
 *
 * @param fingerprint what the document was when it was listed (size, modification time and file
 *                    key of its file, and the record's offset): a resumed run reads again a
 *                    document whose fingerprint changed since it was done
 * @param problem     why the document cannot be read at all, found when it was listed (a broken
 *                    WARC file, an unreadable folder, a dangling symbolic link); null when none
 */
public record DocumentRef(Path file, long offset, String url, String fingerprint, Reject problem) {

    /** A file found in {@code folder}, the input it was listed from (its own folder when named directly). */
    public static DocumentRef of(Path file, Path folder) {
        return new DocumentRef(file, -1, urlOf(file, folder), fingerprintOf(file), null);
    }

    /**
     * A file a folder's walk found: {@code folder} as its URI, worked out once for the walk, and the
     * file's attributes as the walk read them (a link's, its target's), so that listing a file
     * looks it up in the file system once more, not three times.
     */
    static DocumentRef of(Path file, java.net.URI folder, BasicFileAttributes attributes) {
        return new DocumentRef(file, -1, urlOf(file, folder), fingerprintOf(attributes), null);
    }

    static DocumentRef inWarc(Path warc, long offset, String url) {
        return new DocumentRef(warc, offset, url, fingerprintOf(warc) + "#" + offset, null);
    }

    /** A record of a WARC file that is a reject before anything is read from it, named by {@code url}. */
    static DocumentRef brokenInWarc(Path warc, long offset, String url, RejectReason reason, String detail) {
        return new DocumentRef(warc, offset, url, fingerprintOf(warc) + "#" + offset,
                new Reject(url, "read", reason, withoutMachinePath(detail, warc, url)));
    }

    /** A document that is a reject before anything is read from it. */
    static DocumentRef broken(Path file, Path folder, RejectReason reason, String detail) {
        return broken(file, urlOf(file, folder), reason, detail);
    }

    /** A document named by {@code url} that is a reject before anything is read from it. */
    static DocumentRef broken(Path file, String url, RejectReason reason, String detail) {
        return new DocumentRef(file, -1, url, reason + ": " + detail,
                new Reject(url, "read", reason, withoutMachinePath(detail, file, url)));
    }

    /**
     * {@code file}'s path relative to {@code folder}, percent-encoded as a relative URI reference
     * ({@code sub%20folder/page.html}); the file's own name when it is {@code folder} itself.
     */
    static String urlOf(Path file, Path folder) {
        return urlOf(file, folder.toAbsolutePath().toUri());
    }

    private static String urlOf(Path file, java.net.URI folder) {
        String relative = folder.relativize(file.toAbsolutePath().toUri()).getRawPath();
        // URI#relativize gives back the whole (absolute) URI when the file is not inside the folder.
        return relative.isEmpty() || relative.startsWith("/") ? nameOf(file) : relative;
    }

    /** The last segment of the file's URI: its name, with a trailing slash when it is a folder. */
    private static String nameOf(Path file) {
        String path = file.toAbsolutePath().toUri().getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return path.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** An error message names the file by its absolute path; a published detail names it by its URL. */
    public static String withoutMachinePath(String detail, Path file, String url) {
        return detail == null ? null : detail.replace(file.toAbsolutePath().toString(), url);
    }

    public boolean inWarc() {
        return offset >= 0;
    }

    /** What names the document in the run's work area: its file, and its record in a WARC file. */
    public String key() {
        return file + "#" + offset;
    }

    private static String fingerprintOf(Path file) {
        try {
            return fingerprintOf(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String fingerprintOf(BasicFileAttributes attributes) {
        return attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
    }
}

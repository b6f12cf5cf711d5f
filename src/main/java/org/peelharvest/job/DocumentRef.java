package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.peelharvest.model.Reject;

/**
 * One document of a run: a file, or a record of a WARC file ({@code offset} ≥ 0), with the URL
 * that names it in the datasets ({@code file:} URI of a file, the harvested URL of a record).
 *
 * @param fingerprint what the document was when it was listed (size, modification time and file
 *                    key of its file, and the record's offset): a resumed run reads again a
 *                    document whose fingerprint changed since it was done
 * @param problem     why the document cannot be read at all, found when it was listed (a broken
 *                    WARC file, an unreadable folder, a dangling symbolic link); null when none
 */
record DocumentRef(Path file, long offset, String url, String fingerprint, Reject problem) {

    static DocumentRef of(Path file) {
        return new DocumentRef(file, -1, file.toUri().toString(), fingerprintOf(file), null);
    }

    static DocumentRef inWarc(Path warc, long offset, String url) {
        return new DocumentRef(warc, offset, url, fingerprintOf(warc) + "#" + offset, null);
    }

    /** A document that is a reject before anything is read from it. */
    static DocumentRef broken(Path file, String reason, String detail) {
        String url = file.toUri().toString();
        return new DocumentRef(file, -1, url, reason + ": " + detail, new Reject(url, "read", reason, detail));
    }

    boolean inWarc() {
        return offset >= 0;
    }

    /** What names the document in the run's work area: its file, and its record in a WARC file. */
    String key() {
        return file + "#" + offset;
    }

    private static String fingerprintOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}

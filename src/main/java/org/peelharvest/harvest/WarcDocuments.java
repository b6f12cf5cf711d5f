package org.peelharvest.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

import org.peelharvest.model.RejectReason;

/**
 * The documents kept in a WARC file (gzipped or not): every {@code response} record of a
 * successful fetch (HTTP 200), found by its offset so that one document can be read again
 * without reading the rest, and named by the URL it was fetched from.
 */
public final class WarcDocuments {

    /** The most a payload may be once decoded: the harvest's limit on what it downloads. */
    public static final long MAX_PAYLOAD_BYTES = 50L * 1024 * 1024;

    private WarcDocuments() {
    }

    /** True when the file's name says WARC ({@code .warc}, {@code .warc.gz}). */
    public static boolean isWarc(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".warc") || name.endsWith(".warc.gz");
    }

    /**
     * What a WARC file gives: its documents, and why reading stopped early, if it did.
     *
     * @param problem empty when the whole file was read; otherwise what broke (a torn last record,
     *                a file that is not WARC at all), the entries before it still good
     */
    public record Scan(List<DocumentRef> entries, Optional<String> problem) {
    }

    /**
     * Every successful response of the file, in file order, and every page a re-harvest found
     * unchanged ({@code revisit}), read from the earlier snapshot beside this one that holds it.
     *
     * @throws IOException when the file cannot be read to its end as WARC (see {@link #scan})
     */
    public static List<DocumentRef> entries(Path warc) throws IOException {
        Scan scan = scan(warc);
        if (scan.problem().isPresent()) {
            throw new IOException(warc + ": " + scan.problem().get());
        }
        return scan.entries();
    }

    /**
     * Like {@link #entries}, but a file that breaks off (junk named {@code .warc}, a record torn by
     * a kill, a gzip stream that is not WARC) gives the entries read before the break and names the
     * break, rather than throwing: one broken file must not cost the documents of the others.
     */
    public static Scan scan(Path warc) throws IOException {
        List<DocumentRef> entries = new ArrayList<>();
        SnapshotIndex earlier = null;
        try (WarcReader reader = new WarcReader(FileChannel.open(warc, StandardOpenOption.READ))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                // Right after next(), position() is where the record just read starts.
                long offset = reader.position();
                if (next.get() instanceof WarcResponse response && isSuccess(response)) {
                    String target = response.target();
                    // A response must name its URL (WARC-Target-URI); one that does not is a reject named by its place.
                    entries.add(target != null ? DocumentRef.inWarc(warc, offset, target)
                            : DocumentRef.brokenInWarc(warc, offset, warc.getFileName() + "#" + offset,
                            RejectReason.CORRUPT_WARC, "a response record with no WARC-Target-URI, at byte " + offset));
                } else if (next.get() instanceof WarcRevisit revisit) {
                    earlier = earlier != null ? earlier : earlierCaptures(warc);
                    Optional<URI> target = revisit.refersToTargetURI();
                    Optional<Instant> date = revisit.refersToDate();
                    if (target.isPresent() && date.isPresent()) {
                        earlier.at(target.get().toString(), date.get()).ifPresent(capture -> entries.add(
                                DocumentRef.inWarc(capture.warc(), capture.line().offset(), revisit.target())));
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // jwarc reports junk as ParsingException, a torn gzip member as EOFException or ZipException,
            // and some malformed headers as unchecked exceptions.
            return new Scan(entries, Optional.of("not readable as WARC after " + entries.size() + " document(s): "
                    + org.peelharvest.model.InWords.of(e)));
        }
        return new Scan(entries, Optional.empty());
    }

    /**
     * The responses kept in the snapshots beside the one this WARC is in: what a revisit refers to.
     * Read once per WARC file, and only when it has a revisit.
     */
    private static SnapshotIndex earlierCaptures(Path warc) throws IOException {
        Path root = warc.toAbsolutePath().getParent().getParent();
        return root == null ? SnapshotIndex.none() : Snapshot.previousIndex(root);
    }

    /** The payload of the response record at {@code offset}, decoded, up to {@link #MAX_PAYLOAD_BYTES}. */
    public static byte[] payload(Path warc, long offset) throws IOException {
        return payload(warc, offset, MAX_PAYLOAD_BYTES);
    }

    /**
     * The payload of the response record at {@code offset}: the document's bytes as served, decoded
     * as its recorded {@code Content-Encoding} says (gzip, deflate); larger than {@code maxBytes}
     * once decoded, or a record longer than that before it is read (a WARC record with a 1 GiB body),
     * is a {@link TooLargeException}, so that a compression bomb costs no memory.
     */
    public static byte[] payload(Path warc, long offset, long maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.READ);
             WarcReader reader = new WarcReader(channel)) {
            reader.position(offset);
            WarcRecord record = reader.next().orElseThrow(() -> new IOException("no WARC record at offset " + offset));
            if (!(record instanceof WarcResponse response)) {
                throw new IOException("the WARC record at offset " + offset + " is a " + record.type() + ", not a response");
            }
            if (response.body().size() > maxBytes) {
                throw new TooLargeException(warc + " at offset " + offset + ": the record holds " + response.body().size()
                        + " bytes, more than the " + maxBytes + " allowed");
            }
            try {
                return decoded(response.http(), maxBytes);
            } catch (TooLargeException e) {
                throw new TooLargeException(warc + " at offset " + offset + ": " + e.getMessage());
            }
        }
    }

    /** The body of an HTTP response decoded as its {@code Content-Encoding} header says, up to {@code maxBytes}. */
    static byte[] decoded(org.netpreserve.jwarc.HttpResponse http, long maxBytes) throws IOException {
        try (InputStream body = http.bodyDecoded().stream()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLargeException("more than " + maxBytes + " bytes once decoded");
            }
            return bytes;
        }
    }

    /** A payload larger than the limit once decoded. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private static boolean isSuccess(WarcResponse response) {
        try {
            return response.http().status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The WARC files in a snapshot folder, in name order. */
    public static List<Path> filesIn(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(WarcDocuments::isWarc).sorted().toList();
        }
    }
}

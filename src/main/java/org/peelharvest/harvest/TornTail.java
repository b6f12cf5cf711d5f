package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * What a kill mid-write leaves at the end of an interrupted snapshot's WARC files, cut back before
 * the harvest resumes (issue 9): each WARC file to the last whole record the index accounts for
 * ({@link SnapshotIndex#resume} cuts the index to its last whole line). A record is written
 * before its index line, so a kill between the two leaves a whole record the index does not name;
 * it is cut too, and the resumed harvest fetches that page again, so the snapshot holds each
 * capture once.
 */
final class TornTail {

    private TornTail() {
    }

    /**
     * Cuts {@code warc} back to its last whole record, and before the first response or revisit
     * whose offset is not in {@code indexed}; returns the length kept.
     */
    static long cutWarc(Path warc, Set<Long> indexed) throws IOException {
        long whole = wholeLength(warc, indexed);
        if (whole < Files.size(warc)) {
            try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.WRITE)) {
                channel.truncate(whole);
                channel.force(true);
            }
        }
        return whole;
    }

    private static long wholeLength(Path warc, Set<Long> indexed) {
        long whole = 0;
        try (WarcReader reader = new WarcReader(FileChannel.open(warc, StandardOpenOption.READ))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                // Right after next(), position() is where this record starts: everything before it is whole.
                whole = reader.position();
                WarcRecord record = next.get();
                if ((record instanceof WarcResponse || record instanceof WarcRevisit) && !indexed.contains(whole)) {
                    return whole;
                }
                record.body().consume();
            }
            return reader.position();
        } catch (IOException | RuntimeException e) {
            // A torn record (EOFException), or a tail jwarc cannot parse at all: keep what came before it.
            return whole;
        }
    }
}

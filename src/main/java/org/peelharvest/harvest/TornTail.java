package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a kill mid-write leaves at the end of an interrupted snapshot, cut back before the harvest
 * resumes (issue 9): {@code index.jsonl} to its last whole line, each WARC file to the last whole
 * record the index accounts for. A record is written before its index line, so a kill between the
 * two leaves a whole record the index does not name; it is cut too, and the resumed harvest fetches
 * that page again, so the snapshot holds each capture once.
 */
final class TornTail {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TornTail() {
    }

    /** One whole line of the index: its text as written and as parsed. */
    record Line(String text, JsonNode node) {
    }

    /** The index's lines up to the first that is torn (no line end, or not JSON); none when there is no index. */
    static List<Line> wholeLines(Path index) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (!Files.exists(index)) {
            return lines;
        }
        String text = new String(Files.readAllBytes(index), StandardCharsets.UTF_8);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            try {
                lines.add(new Line(line, JSON.readTree(line)));
            } catch (JacksonException e) {
                break;
            }
        }
        return lines;
    }

    /** Replaces the index with {@code lines}, atomically, so that a kill now leaves the old index or the new. */
    static void rewrite(Path index, List<Line> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        Path next = index.resolveSibling(index.getFileName() + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CDXJ index of WARC files, one line per {@code response} and {@code revisit} record, as pywb's
 * indexer writes it and the CDXJ specification (Webrecorder, 0.1.0) describes: the searchable URL
 * (SURT, from jwarc's {@link URIs#toNormalizedSurt}), a 14-digit UTC timestamp, and a JSON block
 * with {@code url}, {@code mime} ({@code warc/revisit} for a revisit), {@code status},
 * {@code digest} (the payload's SHA-1 in base 32), {@code length} and {@code offset} of the
 * record in its file, and {@code filename}; values as strings, lines sorted by their bytes
 * ({@code LC_ALL=C sort}).
 */
final class CdxjIndex {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    private CdxjIndex() {
    }

    /** A capture's key (SURT and timestamp) and its fields up to {@code digest}, read while the reader is on it. */
    private record Capture(String key, Map<String, String> fields, long offset) {
    }

    /** The sorted lines indexing every response and revisit record of {@code warcs}, each named by its file name. */
    static List<String> lines(List<Path> warcs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path warc : warcs) {
            lines.addAll(lines(warc));
        }
        // Byte order, as LC_ALL=C sort: the lines are ASCII up to the JSON block, so String order is byte order there.
        lines.sort(String::compareTo);
        return lines;
    }

    /** One file's lines: a record ends where the next begins, the last where the file ends. */
    private static List<String> lines(Path warc) throws IOException {
        List<String> lines = new ArrayList<>();
        Capture pending = null;
        String filename = warc.getFileName().toString();
        try (WarcReader reader = new WarcReader(FileChannel.open(warc, StandardOpenOption.READ))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                // Right after next(), position() is where this record starts.
                long offset = reader.position();
                if (pending != null) {
                    lines.add(line(pending, offset, filename));
                    pending = null;
                }
                if (next.get() instanceof WarcResponse || next.get() instanceof WarcRevisit) {
                    pending = capture((WarcCaptureRecord) next.get(), offset);
                }
                next.get().body().consume();
            }
        }
        if (pending != null) {
            lines.add(line(pending, Files.size(warc), filename));
        }
        return lines;
    }

    private static Capture capture(WarcCaptureRecord record, long offset) throws IOException {
        HttpResponse http = record instanceof WarcResponse response ? response.http() : ((WarcRevisit) record).http();
        String type = http.headers().first("Content-Type").orElse("");
        String mime = (type.contains(";") ? type.substring(0, type.indexOf(';')) : type).strip().toLowerCase(Locale.ROOT);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", record.target());
        fields.put("mime", record instanceof WarcRevisit ? "warc/revisit" : mime.isEmpty() ? "unk" : mime);
        fields.put("status", Integer.toString(http.status()));
        fields.put("digest", record.payloadDigest().map(d -> d.base32()).orElse("-"));
        return new Capture(URIs.toNormalizedSurt(record.target()) + " " + TIMESTAMP.format(record.date()), fields, offset);
    }

    private static String line(Capture capture, long end, String filename) {
        Map<String, String> fields = new LinkedHashMap<>(capture.fields());
        fields.put("length", Long.toString(end - capture.offset()));
        fields.put("offset", Long.toString(capture.offset()));
        fields.put("filename", filename);
        return capture.key() + " " + json(fields);
    }

    /** A JSON object written as Python's {@code json.dumps} writes it, which is how pywb's lines look. */
    private static String json(Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(JSON.writeValueAsString(name) + ": " + JSON.writeValueAsString(value)));
        return "{" + String.join(", ", members) + "}";
    }
}

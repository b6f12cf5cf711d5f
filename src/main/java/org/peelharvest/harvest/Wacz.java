package org.peelharvest.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;

/**
 * A snapshot packaged as Web Archive Collection Zipped (WACZ 1.1.1, Webrecorder), so that
 * ReplayWeb.page or pywb can open it as it is: {@code archive/} (the WARC files, stored
 * uncompressed in the ZIP as the specification requires for random access),
 * {@code indexes/index.cdxj} ({@link CdxjIndex}), {@code pages/pages.jsonl} (every page and
 * PDF captured), {@code datapackage.json} (profile {@code data-package}, each file's path,
 * size and SHA-256) and {@code datapackage-digest.json} (the SHA-256 of {@code datapackage.json}).
 */
final class Wacz {

    static final String VERSION = "1.1.1";
    static final String CDXJ = "indexes/index.cdxj";
    static final String PAGES = "pages/pages.jsonl";
    static final String DATAPACKAGE = "datapackage.json";
    static final String DIGEST = "datapackage-digest.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Wacz() {
    }

    /** One page of the collection: its URL and when it was captured. */
    record Page(String url, Instant ts) {
    }

    /** One file of the package: its path inside the ZIP, its bytes' SHA-256 and its size. */
    private record Resource(String path, String sha256, long bytes) {
    }

    /**
     * Writes {@code wacz} holding {@code warcs} under {@code archive/} (by file name), their CDXJ
     * index and {@code pages}; written beside and moved into place, so a kill leaves no half file
     * under the final name.
     */
    static void write(Path wacz, List<Path> warcs, List<Page> pages, String title, Instant created) throws IOException {
        byte[] cdxj = text(CdxjIndex.lines(warcs));
        byte[] pageLines = pagesJsonl(pages);
        List<Resource> resources = new ArrayList<>();
        for (Path warc : warcs) {
            resources.add(new Resource("archive/" + warc.getFileName(), SourceDocument.sha256(warc), Files.size(warc)));
        }
        resources.add(new Resource(CDXJ, SourceDocument.sha256(cdxj), cdxj.length));
        resources.add(new Resource(PAGES, SourceDocument.sha256(pageLines), pageLines.length));
        byte[] datapackage = datapackage(resources, title, created);
        byte[] digest = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(digestOf(datapackage)) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        Path part = wacz.resolveSibling(wacz.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
            for (Path warc : warcs) {
                stored(zip, "archive/" + warc.getFileName(), warc, created);
            }
            deflated(zip, CDXJ, cdxj, created);
            deflated(zip, PAGES, pageLines, created);
            deflated(zip, DATAPACKAGE, datapackage, created);
            deflated(zip, DIGEST, digest, created);
        }
        Files.move(part, wacz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] text(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header line the specification shows, then one line per page ({@code url}, {@code ts} as RFC 3339). */
    private static byte[] pagesJsonl(List<Page> pages) {
        List<String> lines = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        lines.add(JSON.writeValueAsString(header));
        for (Page page : pages) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("url", page.url());
            line.put("ts", page.ts().toString());
            lines.add(JSON.writeValueAsString(line));
        }
        return text(lines);
    }

    private static byte[] datapackage(List<Resource> resources, String title, Instant created) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "data-package");
        descriptor.put("wacz_version", VERSION);
        descriptor.put("title", title);
        descriptor.put("created", created.toString());
        descriptor.put("software", "peel-harvest");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Resource resource : resources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            // Data Package names are lower case letters, digits and - . _ / only.
            entry.put("name", resource.path().substring(resource.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
            entry.put("path", resource.path());
            entry.put("hash", "sha256:" + resource.sha256());
            entry.put("bytes", resource.bytes());
            list.add(entry);
        }
        descriptor.put("resources", list);
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(descriptor) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> digestOf(byte[] datapackage) {
        Map<String, String> digest = new LinkedHashMap<>();
        digest.put("path", DATAPACKAGE);
        digest.put("hash", "sha256:" + SourceDocument.sha256(datapackage));
        return digest;
    }

    /** A file stored as it is (WACZ: archive files in STORE mode), its CRC computed first as STORE requires. */
    private static void stored(ZipOutputStream zip, String name, Path file, Instant time) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(file));
        entry.setCompressedSize(Files.size(file));
        entry.setCrc(crc.getValue());
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}

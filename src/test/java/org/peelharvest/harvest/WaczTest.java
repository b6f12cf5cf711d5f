package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each snapshot is packaged as WACZ 1.1.1 (Webrecorder's specification): checked here as an
 * archivist's tool would, from the ZIP alone: the digests recomputed, every CDXJ line followed to
 * the record it names, the pages listed.
 */
class WaczTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CDXJ_TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path temp;

    private SiteMirror mirror;
    private HarvestSettings settings;

    @BeforeEach
    void startTheMirror() throws IOException {
        mirror = new SiteMirror();
        settings = mirror.settings(50, Duration.ofMillis(800), 2, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    @AfterEach
    void stopTheMirror() {
        mirror.close();
    }

    @Test
    void theWaczHasTheLayoutOfTheSpecificationWithTheWarcStoredUncompressed() throws Exception {
        Path wacz = harvest(SnapshotIndex.none());

        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("indexes/index.cdxj", "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json");
            assertThat(names).filteredOn(n -> n.startsWith("archive/")).singleElement()
                    .satisfies(n -> assertThat(n).endsWith(".warc.gz"));
            assertThat(zip.stream().filter(e -> e.getName().startsWith("archive/")))
                    .allSatisfy(e -> assertThat(e.getMethod()).as("STORE, for random access").isEqualTo(ZipEntry.STORED));
            JsonNode datapackage = JSON.readTree(bytes(zip, "datapackage.json"));
            assertThat(datapackage.path("profile").asString()).isEqualTo("data-package");
            assertThat(datapackage.path("wacz_version").asString()).isEqualTo("1.1.1");
        }
        assertThat(wacz.getParent().resolve(Snapshot.MANIFEST)).content().contains(wacz.getFileName().toString());
    }

    @Test
    void everyDigestAndSizeOfTheDatapackageVerifiesAndCoversEveryOtherFile() throws Exception {
        Path wacz = harvest(SnapshotIndex.none());

        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            byte[] descriptor = bytes(zip, "datapackage.json");
            JsonNode digest = JSON.readTree(bytes(zip, "datapackage-digest.json"));
            assertThat(digest.path("path").asString()).isEqualTo("datapackage.json");
            assertThat(digest.path("hash").asString()).isEqualTo("sha256:" + sha256(descriptor));
            List<String> listed = new ArrayList<>();
            for (JsonNode resource : JSON.readTree(descriptor).path("resources")) {
                byte[] content = bytes(zip, resource.path("path").asString());
                assertThat(resource.path("hash").asString()).as(resource.path("path").asString())
                        .isEqualTo("sha256:" + sha256(content));
                assertThat(resource.path("bytes").asLong()).isEqualTo(content.length);
                assertThat(resource.path("name").asString()).matches("^([-a-z0-9._/])+$");
                listed.add(resource.path("path").asString());
            }
            assertThat(listed).containsExactlyInAnyOrderElementsOf(zip.stream().map(ZipEntry::getName)
                    .filter(n -> !n.equals("datapackage.json") && !n.equals("datapackage-digest.json")).toList());
        }
    }

    @Test
    void everyCdxjLinePointsAtTheRecordItNamesAndTheLinesAreSorted() throws Exception {
        Path wacz = harvest(SnapshotIndex.none());

        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> lines = lines(zip, "indexes/index.cdxj");
            List<String> sorted = new ArrayList<>(lines);
            sorted.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertThat(lines).isEqualTo(sorted);
            // One response for each page the mirror serves with a 200 (index, force, pillar, PDF, flaky, busy).
            assertThat(lines).hasSize(6);
            for (String line : lines) {
                String[] parts = line.split(" ", 3);
                JsonNode fields = JSON.readTree(parts[2]);
                assertThat(fieldNames(fields)).containsExactly("url", "mime", "status", "digest", "length", "offset", "filename");
                byte[] warc = bytes(zip, "archive/" + fields.path("filename").asString());
                int offset = Integer.parseInt(fields.path("offset").asString());
                int length = Integer.parseInt(fields.path("length").asString());
                // The record is exactly the bytes [offset, offset + length): one whole gzip member, nothing after it.
                try (WarcReader reader = new WarcReader(new ByteArrayInputStream(Arrays.copyOfRange(warc, offset, offset + length)))) {
                    WarcCaptureRecord record = (WarcCaptureRecord) reader.next().orElseThrow();
                    assertThat(record).isInstanceOf(WarcResponse.class);
                    assertThat(record.target()).isEqualTo(fields.path("url").asString());
                    assertThat(CDXJ_TIMESTAMP.format(record.date())).isEqualTo(parts[1]);
                    assertThat(fields.path("status").asString()).isEqualTo("200");
                    assertThat(fields.path("digest").asString()).isEqualTo(record.payloadDigest().orElseThrow().base32());
                    record.body().consume();
                    assertThat(reader.next()).isEmpty();
                }
            }
            String pillar = lines.stream().filter(l -> l.contains("\"url\": \"" + mirror.base() + SiteMirror.PILLAR + "\""))
                    .findFirst().orElseThrow();
            // A searchable URL has no scheme and no trailing slash (SURT, as in pywb's own examples: org,archive)/goo).
            assertThat(pillar.split(" ")[0]).doesNotContain("http").endsWith(")/hmicfrs/peel-assessments/peel-2016/derbyshire/effectiveness");
            assertThat(pillar).contains("\"mime\": \"text/html\", \"status\": \"200\"");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"url\": \"" + mirror.base() + SiteMirror.PDF + "\"",
                    "\"mime\": \"application/pdf\""));
        }
    }

    @Test
    void thePagesListEveryReportPageAndPdfWithTheirCaptureTimes() throws Exception {
        Path wacz = harvest(SnapshotIndex.none());

        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> lines = lines(zip, "pages/pages.jsonl");
            assertThat(JSON.readTree(lines.get(0)).path("format").asString()).isEqualTo("json-pages-1.0");
            List<JsonNode> pages = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                pages.add(JSON.readTree(line));
            }
            assertThat(pages).extracting(p -> p.path("url").asString()).contains(mirror.base() + SiteMirror.PILLAR,
                    mirror.base() + SiteMirror.PDF, mirror.base() + SiteMirror.FORCE, mirror.base() + SiteMirror.INDEX);
            assertThat(pages).allSatisfy(p -> OffsetDateTime.parse(p.path("ts").asString()));
        }
    }

    @Test
    void aReHarvestsWaczCarriesTheEarlierWarcItsRevisitsReferTo() throws Exception {
        Path first = harvest(SnapshotIndex.none());
        Thread.sleep(1100);
        Path second = harvest(Snapshot.previousIndex(temp.resolve("snapshots")));

        try (ZipFile zip = new ZipFile(second.toFile())) {
            String earlierWarc = WarcDocuments.filesIn(first.getParent()).get(0).getFileName().toString();
            assertThat(zip.getEntry("archive/" + earlierWarc)).as("the earlier snapshot's WARC").isNotNull();
            List<String> lines = lines(zip, "indexes/index.cdxj");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"url\": \"" + mirror.base() + SiteMirror.PILLAR + "\"",
                    "\"mime\": \"warc/revisit\"", "\"status\": \"304\""));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"url\": \"" + mirror.base() + SiteMirror.PILLAR + "\"",
                    "\"status\": \"200\"", "\"filename\": \"" + earlierWarc + "\""));
            for (String line : lines.stream().filter(l -> l.contains("warc/revisit")).toList()) {
                JsonNode fields = JSON.readTree(line.split(" ", 3)[2]);
                byte[] warc = bytes(zip, "archive/" + fields.path("filename").asString());
                int offset = Integer.parseInt(fields.path("offset").asString());
                try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc, offset, warc.length - offset))) {
                    Optional<WarcRecord> record = reader.next();
                    assertThat(record).get().isInstanceOf(WarcRevisit.class);
                }
            }
        }
    }

    @Test
    void webrecordersOwnIndexerFindsTheSameRecordsAtTheSameOffsets() throws Exception {
        Path warcio = org.peelharvest.testing.Programs.require("warcio");
        Path wacz = harvest(SnapshotIndex.none());
        Path warc = WarcDocuments.filesIn(wacz.getParent()).get(0);

        org.peelharvest.testing.Programs.Result theirs = org.peelharvest.testing.Programs.run(
                List.of(warcio.toString(), "cdx-index", warc.toString()), temp, 120);

        assertThat(theirs.exitCode()).as(theirs.err()).isZero();
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            assertThat(byUrl(lines(zip, "indexes/index.cdxj"))).isEqualTo(byUrl(theirs.out().lines().toList()));
        }
    }

    /** The fields both indexers must agree on, by URL: timestamp, mime, status, digest, length, offset, file. */
    private static Map<String, List<String>> byUrl(List<String> lines) {
        Map<String, List<String>> captures = new java.util.TreeMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            JsonNode fields = JSON.readTree(parts[2]);
            captures.put(fields.path("url").asString(), List.of(parts[1], fields.path("mime").asString(),
                    fields.path("status").asString(), fields.path("digest").asString(), fields.path("length").asString(),
                    fields.path("offset").asString(), fields.path("filename").asString()));
        }
        return captures;
    }

    private Path harvest(SnapshotIndex previous) throws Exception {
        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "peel-2016", Instant.now(), settings.userAgent())) {
            new Harvester(settings, new PoliteFetcher(settings)).harvest(List.of(mirror.base() + SiteMirror.INDEX), snapshot,
                    previous);
            return snapshot.wacz();
        }
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (var in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static List<String> lines(ZipFile zip, String name) throws IOException {
        return new String(bytes(zip, name), StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        node.propertyNames().forEach(n -> names.put(n, true));
        return List.copyOf(names.keySet());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

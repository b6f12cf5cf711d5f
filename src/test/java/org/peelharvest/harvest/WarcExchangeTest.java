package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The snapshot's WARC holds what crossed the wire (issue 10, point 7): a hand-written HTTP/1.1
 * server on loopback keeps each request as it arrived and sends answers written here, byte for
 * byte, and the records must hold exactly those bytes.
 */
class WarcExchangeTest {

    private static final String PAGE = "/hmicfrs/page/";
    private static final String CHUNKED = "/hmicfrs/chunked/";
    private static final String USER_AGENT = "peel-harvest-test/1 (test@example.org)";
    private static final String PAGE_BODY = "<!DOCTYPE html><html><body><a href=\"" + CHUNKED + "\">more</a></body></html>";

    @TempDir
    Path temp;

    private RawSite site;
    private HarvestSettings settings;

    @BeforeEach
    void start() throws IOException {
        site = new RawSite(WarcExchangeTest::answer);
        settings = new HarvestSettings(List.of(site.base() + "/hmicfrs/"), 50, USER_AGENT, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 100_000, 2, Duration.ofMillis(20), Duration.ofMillis(100), 10);
    }

    @AfterEach
    void stop() throws IOException {
        site.close();
    }

    /** The answers, as a server would write them: an unusual reason phrase, mixed-case names, chunks. */
    private static byte[] answer(String request) {
        String target = request.split(" ", 3)[1];
        if (target.equals("/robots.txt")) {
            return RawSite.wire("HTTP/1.1 404 Nothing Here\r\nContent-Length: 0\r\n\r\n");
        }
        if (target.equals(PAGE) && request.contains("\r\nIf-None-Match: \"v1\"\r\n")) {
            return RawSite.wire("HTTP/1.1 304 Still The Same\r\nETag: \"v1\"\r\nX-Mixed-CASE-Header: kept\r\n\r\n");
        }
        if (target.equals(PAGE)) {
            return RawSite.wire("HTTP/1.1 200 Fine Thanks\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + "X-Mixed-CASE-Header: kept\r\nETag: \"v1\"\r\nContent-Length: " + PAGE_BODY.length() + "\r\n\r\n" + PAGE_BODY);
        }
        if (target.equals(CHUNKED)) {
            return RawSite.wire("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n");
        }
        return RawSite.wire("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void theWarcFileSaysWarc11OnItsFirstLineAndEveryRecordIsWarc11() throws Exception {
        Path warc = WarcDocuments.filesIn(harvest(SnapshotIndex.none())).get(0);

        try (BufferedReader first = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(warc)), StandardCharsets.UTF_8))) {
            assertThat(first.readLine()).isEqualTo("WARC/1.1");
        }
        assertThat(records(warc)).isNotEmpty().allSatisfy(r -> assertThat(r.version()).isEqualTo(MessageVersion.WARC_1_1));
    }

    @Test
    void aRequestRecordHoldsTheRequestExactlyAsTheServerReceivedIt() throws Exception {
        Path warc = WarcDocuments.filesIn(harvest(SnapshotIndex.none())).get(0);

        byte[] received = site.to(PAGE).get(0).received();
        assertThat(new String(received, StandardCharsets.ISO_8859_1)).startsWith("GET " + PAGE + " HTTP/1.1\r\n")
                .contains("\r\nUser-Agent: " + USER_AGENT + "\r\n", "\r\nAccept: ", "\r\nConnection: close\r\n");
        assertThat(block(warc, WarcRequest.class, site.base() + PAGE)).isEqualTo(received);
        assertThat(block(warc, WarcRequest.class, site.base() + CHUNKED)).isEqualTo(site.to(CHUNKED).get(0).received());
    }

    @Test
    void aResponseRecordKeepsTheStatusLineReasonPhraseHeaderCaseAndBodyAsSent() throws Exception {
        Path warc = WarcDocuments.filesIn(harvest(SnapshotIndex.none())).get(0);

        byte[] page = block(warc, WarcResponse.class, site.base() + PAGE);
        assertThat(page).isEqualTo(answer("GET " + PAGE + " HTTP/1.1\r\n\r\n"));
        assertThat(new String(page, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 Fine Thanks\r\n")
                .contains("\r\nX-Mixed-CASE-Header: kept\r\n");
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response && response.target().equals(site.base() + PAGE)) {
                    assertThat(response.http().reason()).isEqualTo("Fine Thanks");
                }
            }
        }
        assertThat(block(warc, WarcResponse.class, site.base() + CHUNKED)).as("chunk framing kept")
                .isEqualTo(answer("GET " + CHUNKED + " HTTP/1.1\r\n\r\n"));
        DocumentRef chunked = WarcDocuments.entries(warc).stream()
                .filter(e -> e.url().equals(site.base() + CHUNKED)).findFirst().orElseThrow();
        assertThat(new String(WarcDocuments.payload(warc, chunked.offset()), StandardCharsets.UTF_8)).isEqualTo("Hello, world");
        try (WarcReader reader = new WarcReader(warc)) {
            reader.position(chunked.offset());
            assertThat(((WarcResponse) reader.next().orElseThrow()).payloadDigest().orElseThrow().base32())
                    .as("the payload digest covers the body without its chunk framing")
                    .isEqualTo(new org.netpreserve.jwarc.WarcDigest("sha1", java.security.MessageDigest.getInstance("SHA-1")
                            .digest("Hello, world".getBytes(StandardCharsets.UTF_8))).base32());
        }
    }

    @Test
    void aRevisitKeepsThe304AsSentAndItsConditionalRequestAsReceived() throws Exception {
        harvest(SnapshotIndex.none());
        Thread.sleep(1100); // a new snapshot folder is named by the second
        Path second = harvest(Snapshot.previousIndex(temp.resolve("snapshots")));
        Path warc = WarcDocuments.filesIn(second).stream().filter(f -> f.getParent().equals(second)).findFirst().orElseThrow();

        byte[] conditional = site.to(PAGE).get(1).received();
        assertThat(new String(conditional, StandardCharsets.ISO_8859_1)).contains("\r\nIf-None-Match: \"v1\"\r\n");
        assertThat(block(warc, WarcRequest.class, site.base() + PAGE)).isEqualTo(conditional);
        assertThat(new String(block(warc, WarcRevisit.class, site.base() + PAGE), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 304 Still The Same\r\nETag: \"v1\"\r\nX-Mixed-CASE-Header: kept\r\n\r\n");
    }

    private Path harvest(SnapshotIndex previous) throws Exception {
        try (Snapshot snapshot = Snapshot.start(temp.resolve("snapshots"), "raw", Instant.now(), USER_AGENT)) {
            return new Harvester(settings, new PoliteFetcher(settings)).harvest(List.of(site.base() + PAGE), snapshot,
                    previous).snapshot();
        }
    }

    private static List<WarcRecord> records(Path warc) throws IOException {
        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                records.add(record);
                record.body().consume();
            }
        }
        return records;
    }

    /** The block of the one record of that type for that URL. */
    private static byte[] block(Path warc, Class<? extends WarcRecord> type, String url) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (type.isInstance(record) && record.headers().first("WARC-Target-URI").orElse("").equals(url)) {
                    blocks.add(record.body().stream().readAllBytes());
                }
            }
        }
        assertThat(blocks).as(type.getSimpleName() + " records for " + url).hasSize(1);
        return blocks.get(0);
    }
}

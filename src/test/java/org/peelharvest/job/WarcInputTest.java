package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import org.peelharvest.testing.Csv;

/**
 * Extraction reads a harvest's WARC file (written here with jwarc, gzipped) as it reads loose
 * files: each successful response is a document named by the URL it was fetched from; an error
 * response is not a document.
 */
class WarcInputTest {

    private static final String PAGE_URL =
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/effectiveness/";
    private static final String PDF_URL = "https://hmicfrs.justiceinspectorates.gov.uk/wp-content/uploads/peel-2016-derbyshire.pdf";

    @TempDir
    Path temp;

    @Test
    void eachSuccessfulResponseOfAWarcIsADocumentNamedByItsUrl() throws IOException {
        Path snapshot = Files.createDirectories(temp.resolve("snapshot"));
        Path warc = snapshot.resolve("peel-2016-00000.warc.gz");
        write(warc, WarcCompression.GZIP, samplePage(),
                response(PDF_URL, 200, "application/pdf", Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.pdf"))),
                response(PAGE_URL + "missing/", 404, "text/html", "<html><body>Not found</body></html>".getBytes()));
        Path output = temp.resolve("out");

        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", snapshot.toString(), "--output",
                output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("documents read: 2");
        assertThat(Csv.read(output.resolve("reports.csv"))).extracting(r -> r.get("report_id") + " " + r.get("source_url"))
                .containsExactly("2016-derbyshire-effectiveness " + PAGE_URL);
        assertThat(Csv.read(output.resolve("conflicts.csv"))).isEmpty();
        assertThat(Csv.read(output.resolve("rejects.csv"))).isEmpty();
    }

    @Test
    void aResponseThatNamesNoUrlIsARejectNamedByItsPlaceAndTheRestIsRead() throws IOException {
        Path snapshot = Files.createDirectories(temp.resolve("snapshot"));
        Path warc = snapshot.resolve("odd.warc");
        write(warc, WarcCompression.NONE, samplePage());
        long second = Files.size(warc);
        // Written by hand: a response record without the WARC-Target-URI every response must have.
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>No address</p></body></html>";
        String record = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:5f0c7e0a-2f3e-4a55-9a4b-2b7f1f1d0c01>\r\n"
                + "WARC-Date: 2026-12-07T00:00:00Z\r\nContent-Type: application/http;msgtype=response\r\n"
                + "Content-Length: " + http.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + http + "\r\n\r\n";
        Files.writeString(warc, record, java.nio.file.StandardOpenOption.APPEND);
        Path output = temp.resolve("out");

        CliRunner.Result result = new CliRunner(temp).run("extract", "--input", snapshot.toString(), "--output",
                output.toString(), "--max-reject-rate", "1");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Csv.read(output.resolve("reports.csv"))).extracting(r -> r.get("source_url"))
                .containsExactly(PAGE_URL);
        assertThat(Csv.read(output.resolve("rejects.csv"))).extracting(r -> r.get("source_url") + " " + r.get("reason"))
                .containsExactly("odd.warc#" + second + " corrupt-warc");
    }

    private static void write(Path warc, WarcCompression compression, WarcResponse... responses) throws IOException {
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE), compression)) {
            for (WarcResponse response : responses) {
                writer.write(response);
            }
        }
    }

    private static WarcResponse samplePage() throws IOException {
        return response(PAGE_URL, 200, "text/html; charset=utf-8",
                Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.html")));
    }

    static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .setHeader("Content-Type", type)
                .body(MediaType.parse(type), body)
                .build();
        return new WarcResponse.Builder(url).body(http).build();
    }
}

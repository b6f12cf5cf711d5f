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
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response(PAGE_URL, 200, "text/html; charset=utf-8",
                    Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.html"))));
            writer.write(response(PDF_URL, 200, "application/pdf",
                    Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.pdf"))));
            writer.write(response(PAGE_URL + "missing/", 404, "text/html", "<html><body>Not found</body></html>".getBytes()));
        }
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

    static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .setHeader("Content-Type", type)
                .body(MediaType.parse(type), body)
                .build();
        return new WarcResponse.Builder(url).body(http).build();
    }
}

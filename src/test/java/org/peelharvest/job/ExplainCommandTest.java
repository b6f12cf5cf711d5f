package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;

/** {@code explain} shows the evidence, each block's role and the outcome, for a file or a snapshot's URL. */
class ExplainCommandTest {

    private static final String PAGE_URL =
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/effectiveness/";

    @TempDir
    Path temp;

    @Test
    void aReportFileIsExplainedBlockByBlock() {
        CliRunner.Result result = new CliRunner(temp).run("explain", "input/sample/derbyshire-2016-effectiveness.html");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("strong +html_title +Derbyshire PEEL 2016 .*-> force derbyshire, cycle 2016")
                .containsPattern("headline +How effective is the force at keeping people safe and reducing crime\\?")
                .containsPattern("date +Last updated 02/03/2017")
                .containsPattern("question 5 +How effective are the force’s specialist capabilities\\?")
                .containsPattern("area for improvement \\(q2\\) +The force should ensure that the quality")
                .contains("outcome: 1 report(s): 2016-derbyshire-effectiveness (judgment Good from badge, last updated 2017-03-02, "
                        + "5 question(s), 4 area(s) for improvement)");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            input/sample/derbyshire-2016-effectiveness.html | blocks from the page's HTML elements
            input/sample/derbyshire-2016-effectiveness.pdf | blocks from the pages' geometry (the PDF is not tagged)
            src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.chromium.pdf | blocks from the PDF's structure tree (its tags hold 100% of the page text)
            """)
    void explainSaysWhereTheBlocksCameFrom(String file, String origin) {
        CliRunner.Result result = new CliRunner(temp).run("explain", file);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(origin).contains("outcome: 1 report(s): 2016-derbyshire-effectiveness");
    }

    /**
     * Each block says what made it. The expected origins are read from the documents' sources: the
     * tagged PDF was printed from the semantic HTML fixture, whose headline is an {@code <h2>} and
     * whose questions are {@code <h3>}; the sample page's date line is a {@code <p>} of its article;
     * the untagged sample PDF's title is set larger than its text, and its date line is one line.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.chromium.pdf | How effective is the force at keeping people safe and reducing crime? | from tag H2
            src/test/resources/fixtures/trap-ungraded-question--derbyshire-2016-effectiveness.chromium.pdf | How effective is the force at preventing crime | from tag H3
            input/sample/derbyshire-2016-effectiveness.pdf | PEEL: Police effectiveness 2016 | from geometry: a heading, set larger or bolder than the text
            input/sample/derbyshire-2016-effectiveness.html | Last updated 02/03/2017 | from element main#main > article > p
            """)
    void eachBlockSaysWhatMadeIt(String file, String text, String madeBy) {
        CliRunner.Result result = new CliRunner(temp).run("explain", file);

        List<String> lines = result.out().lines().toList();
        int block = -1;
        for (int i = 0; i < lines.size() && block < 0; i++) {
            block = lines.get(i).matches("  \\[ *\\d+\\] .*") && lines.get(i).contains(text) ? i : -1;
        }
        assertThat(block).as("a block holding '" + text + "' in:\n" + result.out()).isNotNegative();
        assertThat(lines.get(block + 1).strip()).startsWith(madeBy);
    }

    @Test
    void aRejectIsExplainedWithItsReason() {
        CliRunner.Result result = new CliRunner(temp).run("explain", "src/test/resources/bad/about-this-site.html");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("outcome: rejected not-a-report: no PEEL report title");
    }

    @Test
    void aUrlIsExplainedFromTheSnapshotThatHarvestedIt() throws IOException {
        Path snapshot = Files.createDirectories(temp.resolve("snapshot"));
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(snapshot.resolve("peel-00000.warc.gz"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(WarcInputTest.response(PAGE_URL, 200, "text/html; charset=utf-8",
                    Files.readAllBytes(Path.of("input/sample/derbyshire-2016-effectiveness.html"))));
        }

        CliRunner.Result found = new CliRunner(temp).run("explain", PAGE_URL, "--snapshot", snapshot.toString());
        CliRunner.Result missing = new CliRunner(temp).run("explain", PAGE_URL + "other/", "--snapshot", snapshot.toString());

        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.out()).contains("document: " + PAGE_URL)
                .containsPattern("strong +url +https://hmicfrs\\.justiceinspectorates\\.gov\\.uk/peel-.* -> force derbyshire, cycle 2016, pillar effectiveness")
                .contains("outcome: 1 report(s): 2016-derbyshire-effectiveness");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no harvested response for " + PAGE_URL + "other/");
    }
}

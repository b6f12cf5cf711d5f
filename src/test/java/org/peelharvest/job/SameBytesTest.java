package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.testing.Csv;

/**
 * "The same input gives the same bytes", across two machines: the sample job is copied into two
 * checkouts at different paths (the sample input and a job file, as a clone would hold them) and
 * run in a JVM of its own in each, as a crontab would. Every file of the two releases is compared
 * byte for byte, but {@code run.json} (which records the run) and the one line of
 * {@code index.html} that names the release and the time its run started; no published file names
 * the checkout's path (issue 10). {@code manifest-sha256.txt} holds the digests of those two, so it
 * is compared without their lines.
 */
class SameBytesTest {

    private static final String JOB = """
            name: sample
            input:
              - ../input/sample
            output: ../output/sample
            """;

    @TempDir
    static Path temp;

    private static Path first;
    private static Path second;

    @BeforeAll
    static void runTheSampleJobInTwoCheckouts() throws Exception {
        first = runIn(temp.resolve("one/peel-harvest"));
        second = runIn(temp.resolve("elsewhere/deeper/checkout-b"));
    }

    @Test
    void twoCheckoutsAtDifferentPathsPublishTheSameBytes() throws IOException {
        List<String> files = filesOf(first);
        assertThat(files).contains("datapackage.json", "reports.csv", "warnings.csv", "index.html", "run.json")
                .isEqualTo(filesOf(second));
        for (String file : files) {
            if (file.equals("run.json") || file.equals("manifest-sha256.txt")) {
                continue;
            }
            if (file.equals("index.html")) {
                assertThat(withoutRunLine(second.resolve(file))).as(file).isEqualTo(withoutRunLine(first.resolve(file)));
            } else {
                assertThat(Arrays.equals(Files.readAllBytes(second.resolve(file)), Files.readAllBytes(first.resolve(file))))
                        .as("%s is byte-identical in both releases", file).isTrue();
            }
        }
        // The manifest holds the digests of run.json and index.html too; every other line is the same.
        assertThat(manifestWithoutTheRun(second)).isEqualTo(manifestWithoutTheRun(first)).hasSize(files.size() - 3);
    }

    @Test
    void theDataPackageDescribesNeitherFileThatNamesTheRun() throws IOException {
        assertThat(Files.readString(first.resolve("datapackage.json"))).doesNotContain("index.html", "run.json");
    }

    @Test
    void noPublishedFileNamesTheCheckoutsPath() throws IOException {
        for (Path release : List.of(first, second)) {
            Path checkout = release.getParent().getParent().getParent().toRealPath();
            for (String file : filesOf(release)) {
                String text = file.endsWith(".xlsx") ? entriesOf(release.resolve(file))
                        : Files.readString(release.resolve(file), StandardCharsets.UTF_8);
                assertThat(text).as(file).doesNotContain(checkout.toString()).doesNotContain(temp.toString())
                        .doesNotContain("file:");
            }
        }
    }

    /** The workbook's text: its zip entries (XML) one after another. */
    private static String entriesOf(Path workbook) throws IOException {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    @Test
    void aLocalDocumentIsNamedByItsPathRelativeToTheInputFolder() throws IOException {
        // input/sample/README: each report is there as HTML and PDF; the HTML is the one published.
        assertThat(Csv.read(first.resolve("reports.csv"))).extracting(r -> r.get("report_id") + " " + r.get("source_url"))
                .containsExactly(
                        "2015-derbyshire-leadership derbyshire-2015-leadership.html",
                        "2016-derbyshire-effectiveness derbyshire-2016-effectiveness.html",
                        "2017-lancashire-effectiveness lancashire-2017-effectiveness.html",
                        "2018-avon-and-somerset-legitimacy avon-and-somerset-2018-legitimacy.html");
    }

    /** A checkout holding the sample input and its job file, and the release the job published there. */
    private static Path runIn(Path checkout) throws Exception {
        copyFolder(Path.of("input/sample"), checkout.resolve("input/sample"));
        Path jobFile = Files.createDirectories(checkout.resolve("jobs")).resolve("sample.yaml");
        Files.writeString(jobFile, JOB);
        CliProcess.Result result = CliProcess.start(checkout, Map.of(), "run", jobFile.toString()).await();
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path latest = checkout.resolve("output/sample/latest");
        return latest.resolveSibling(Files.readSymbolicLink(latest));
    }

    /** The page with the line that names the release and its run's start (which differ by nature) left out. */
    static String withoutRunLine(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).containsOnlyOnce("<p class=\"run\">");
        return text.replaceAll("<p class=\"run\">[^\n]*\n", "")
                // The release's name, in the page's title: a second run in the same second takes "-2".
                .replaceAll("\\d{8}T\\d{6}Z(-\\d+)?", "RELEASE");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<String> manifestWithoutTheRun(Path release) throws IOException {
        return Files.readAllLines(release.resolve("manifest-sha256.txt")).stream()
                .filter(line -> !line.endsWith("  run.json") && !line.endsWith("  index.html")).toList();
    }

    private static List<String> filesOf(Path release) throws IOException {
        try (Stream<Path> files = Files.walk(release)) {
            return files.filter(Files::isRegularFile).map(f -> release.relativize(f).toString()).sorted().toList();
        }
    }
}

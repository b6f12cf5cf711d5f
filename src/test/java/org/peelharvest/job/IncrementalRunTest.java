package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.SourceDocument;

/**
 * Issue 18, "Incremental": a run does not parse again a document the same build already parsed (its
 * bytes and URL unchanged); what it publishes is what a clean run of the same inputs publishes.
 * Documents parsed are counted by what {@code run.json} says came from the cache: the eight sample
 * reports and three bad documents (corrupt-pdf, empty-file, not-a-report), eleven documents in all.
 */
class IncrementalRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Path inbox;
    private Path output;
    private CliRunner cli;

    @BeforeEach
    void sampleAndBadDocuments() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        output = temp.resolve("out/release");
        cli = new CliRunner(temp);
        copySample(inbox);
        for (String bad : List.of("corrupt.pdf", "empty.html", "about-this-site.html")) {
            Files.copy(Path.of("src/test/resources/bad").resolve(bad), inbox.resolve(bad));
        }
    }

    @Test
    void aSecondRunOnUnchangedInputsParsesNoDocumentAndPublishesTheSameData() throws Exception {
        CliRunner.Result first = extract(output);
        Map<String, String> firstRelease = releaseFiles(output);
        CliRunner.Result second = extract(output);

        assertThat(counts(output).path("documents").asInt()).isEqualTo(11);
        assertThat(counts(output).path("documents_from_cache").asInt()).as("documents not parsed again").isEqualTo(11);
        assertThat(first.out()).contains("documents read: 11\n");
        assertThat(second.out()).contains("documents read: 11 (11 unchanged since an earlier run, not parsed again)",
                "rejected: 3 (corrupt-pdf 1, empty-file 1, not-a-report 1)");
        assertThat(releaseFiles(output)).isEqualTo(firstRelease);
    }

    @Test
    void aChangedAnAddedAndARemovedDocumentAreEachHandledAsACleanRunWould() throws Exception {
        extract(output);
        // Changed: the same page with a comment added (other bytes, so another SHA-256 in the datasets).
        Path changed = inbox.resolve("derbyshire-2015-leadership.html");
        Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8) + "\n<!-- edited -->\n",
                StandardCharsets.UTF_8);
        // Added: a copy of a report under a new name, read as a document of its own.
        Files.copy(inbox.resolve("lancashire-2017-effectiveness.pdf"), inbox.resolve("lancashire-copy.pdf"));
        // Removed.
        Files.delete(inbox.resolve("avon-and-somerset-2018-legitimacy.pdf"));

        extract(output);
        Path clean = temp.resolve("clean/release");
        extract(clean);

        assertThat(counts(output).path("documents").asInt()).isEqualTo(11);
        assertThat(counts(output).path("documents_from_cache").asInt())
                .as("all but the changed and the added document (the removed one is not read)").isEqualTo(9);
        assertThat(counts(clean).path("documents_from_cache").asInt()).isZero();
        assertThat(releaseFiles(output)).isEqualTo(releaseFiles(clean));
    }

    @Test
    void aDamagedCacheEntryIsParsedAgainNeverTrusted() throws Exception {
        extract(output);
        Map<String, String> firstRelease = releaseFiles(output);
        List<Path> entries = cacheEntries();
        assertThat(entries).hasSize(11);
        // One cut short, one with a grade changed inside a well-formed entry.
        Path cut = entries.get(0);
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), (int) Files.size(cut) / 2));
        Path edited = entries.stream().filter(this::holdsAGrade).findFirst().orElseThrow();
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        Files.writeString(edited, text.replace("\"judgment\":\"GOOD\"", "\"judgment\":\"OUTSTANDING\""),
                StandardCharsets.UTF_8);

        extract(output);

        assertThat(counts(output).path("documents_from_cache").asInt()).isEqualTo(9);
        assertThat(releaseFiles(output)).isEqualTo(firstRelease);
        extract(output);
        assertThat(counts(output).path("documents_from_cache").asInt()).as("both entries written anew").isEqualTo(11);
    }

    @Test
    void fullReadsEveryDocumentAgain() throws Exception {
        extract(output);
        Map<String, String> firstRelease = releaseFiles(output);

        CliRunner.Result full = cli.run("extract", "--input", inbox.toString(), "--output", output.toString(), "--full");

        assertThat(full.exitCode()).as(full.out() + full.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        assertThat(counts(output).path("documents_from_cache").asInt()).isZero();
        assertThat(full.out()).contains("documents read: 11\n");
        assertThat(releaseFiles(output)).isEqualTo(firstRelease);
    }

    @Test
    void aCacheBoundOfNothingKeepsNothing() throws Exception {
        cli.run(Map.of("peel.cache.max-size", "0B"), "extract", "--input", inbox.toString(), "--output", output.toString());
        cli.run(Map.of("peel.cache.max-size", "0B"), "extract", "--input", inbox.toString(), "--output", output.toString());

        assertThat(counts(output).path("documents_from_cache").asInt()).isZero();
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void aCacheBoundPastItsUpperLimitIsBadUsage() {
        CliRunner.Result result = cli.run(Map.of("peel.cache.max-size", "200GB"), "extract", "--input", inbox.toString(),
                "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(Outcome.USAGE);
        assertThat(result.err().strip()).isEqualTo("peel-harvest: peel.cache.max-size must be between 0B and 100GB, not 200GB");
    }

    @Test
    void aRunKilledAfterFillingPartOfTheCacheResumesToTheCleanRunsDatasets() throws Exception {
        Path many = Files.createDirectories(temp.resolve("many"));
        for (int copy = 0; copy < 5; copy++) {
            copySample(Files.createDirectories(many.resolve("copy-" + copy)));
        }
        Map<String, String> oneAtATime = Map.of("spring.datasource.url", cli.url(), "peel.chunk-size", "1",
                "peel.threads", "1");
        CliProcess killed = CliProcess.start(temp, oneAtATime, "extract", "--input", many.toString(), "--output",
                output.toString());
        awaitCacheEntry(killed);
        killed.kill();
        int keptBeforeTheKill = cacheEntries().size();
        assertThat(keptBeforeTheKill).as("the kill came while documents were being parsed").isBetween(1, 39);

        CliRunner.Result resumed = cli.run("extract", "--input", many.toString(), "--output", output.toString());
        Path clean = temp.resolve("clean/release");
        cli.run("extract", "--input", many.toString(), "--output", clean.toString());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(Outcome.OK);
        assertThat(resumed.out()).contains("resuming run 1 of extract", "documents read: 40");
        assertThat(releaseFiles(output)).isEqualTo(releaseFiles(clean));
        assertThat(cacheEntries()).hasSize(40);
    }

    private CliRunner.Result extract(Path out) {
        CliRunner.Result result = cli.run("extract", "--input", inbox.toString(), "--output", out.toString());
        // Three of eleven rejected: over the default gate's 20%, published all the same.
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.QUALITY_GATE_FAILED);
        return result;
    }

    private JsonNode counts(Path release) throws IOException {
        return JSON.readTree(release.resolve("run.json").toFile()).path("counts");
    }

    private static void copySample(Path folder) throws IOException {
        try (Stream<Path> sample = Files.list(Path.of("input/sample"))) {
            for (Path file : sample.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }

    /** The entries of the output's cache, {@code .release.cache/<version>/<key>.json}. */
    private List<Path> cacheEntries() throws IOException {
        Path cache = output.resolveSibling(".release.cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        // Listed, not walked: a walk looks at each file, and the running job renames its partial files.
        List<Path> entries = new java.util.ArrayList<>();
        try (Stream<Path> versions = Files.list(cache)) {
            for (Path version : versions.toList()) {
                try (Stream<Path> files = Files.list(version)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(entries::add);
                }
            }
        }
        return entries.stream().sorted().toList();
    }

    private boolean holdsAGrade(Path entry) {
        try {
            return Files.readString(entry, StandardCharsets.UTF_8).contains("\"judgment\":\"GOOD\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitCacheEntry(CliProcess run) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (cacheEntries().isEmpty()) {
            assertThat(run.isAlive()).as("the run is still running").isTrue();
            assertThat(System.nanoTime()).as("the run keeps a document's outcome").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * Every file of a release but run.json, with its SHA-256; index.html without its run line; the
     * manifest without the lines of those two.
     */
    private static Map<String, String> releaseFiles(Path release) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(release)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = release.relativize(file).toString();
                if (name.equals("manifest-sha256.txt")) {
                    files.put(name, Files.readAllLines(file).stream()
                            .filter(line -> !line.endsWith("  run.json") && !line.endsWith("  index.html")).toList().toString());
                } else if (!name.equals("run.json")) {
                    files.put(name, SourceDocument.sha256(name.equals("index.html")
                            ? SameBytesTest.withoutRunLine(file).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }
}

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
        assertThat(cacheEntries()).hasSize(11);
        // One cut short, as a run killed while writing it leaves its pack's last line; one with a grade
        // changed inside a well-formed entry (its length kept, so the entries after it are where the index says).
        Path pack = onlyPack();
        String text = Files.readString(pack, StandardCharsets.UTF_8);
        String ungraded = "\"judgment\":\"UNGRADED\"";
        int graded = text.indexOf(ungraded);
        int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        assertThat(graded).as("an entry with a grade, not the last").isBetween(0, lastLine - 1);
        Files.writeString(pack, text.substring(0, graded) + "\"judgment\":\"ADEQUATE\""
                + text.substring(graded + ungraded.length(), lastLine + (text.length() - lastLine) / 2), StandardCharsets.UTF_8);

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

        // The same settings as the killed run: what is asked here is the cache, not a change of them.
        // --debug: a failure shows its stack trace in this test's message (a resume failed once in six runs,
        // "failed to close 1 delegate(s) due to exceptions", not yet explained).
        CliRunner.Result resumed = cli.run(Map.of("peel.chunk-size", "1", "peel.threads", "1"), "extract", "--input",
                many.toString(), "--output", output.toString(), "--debug");
        Path clean = temp.resolve("clean/release");
        cli.run("extract", "--input", many.toString(), "--output", clean.toString());

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(Outcome.OK);
        // Resumed, or started afresh when the kill came before the job repository had written its run to disk
        // (none of it, or its job instance without the execution: H2 writes its commits out a moment later).
        assertThat(resumed.out()).containsAnyOf("resuming run 1 of extract", "knows no earlier run",
                        "run 1 of extract was killed as it started")
                .contains("documents read: 40");
        assertThat(releaseFiles(output)).isEqualTo(releaseFiles(clean));
        assertThat(cacheEntries()).hasSize(40);
    }

    @Test
    void aHarvestingJobWhoseReharvestGotOnly304sParsesNoDocument() throws Exception {
        try (EtagSite site = new EtagSite(inbox)) {
            Path job = Files.writeString(temp.resolve("sample.yaml"), "name: sample\nseed: [" + site.base() + "/peel/]\n"
                    + "allow: [" + site.base() + "/peel/]\nrate: 20\nsnapshot: snapshots\noutput: published\n"
                    + "max-reject-rate: 1\n");
            CliRunner.Result first = cli.run("run", job.toString());
            assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(Outcome.OK);
            Path release = temp.resolve("published/latest");
            Map<String, String> firstRelease = releaseFiles(release.toRealPath());
            int served = site.served();

            CliRunner.Result again = cli.run("run", job.toString());

            assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(Outcome.OK);
            assertThat(site.served()).as("every page and PDF answered 304 the second time").isEqualTo(served);
            assertThat(site.notModified()).isEqualTo(12);
            // The eleven documents and the index page linking them (a reject: not a report).
            assertThat(counts(release.toRealPath()).path("documents").asInt()).isEqualTo(12);
            assertThat(counts(release.toRealPath()).path("documents_from_cache").asInt()).isEqualTo(12);
            assertThat(releaseFiles(release.toRealPath())).isEqualTo(firstRelease);
        }
    }

    /**
     * A loopback site: {@code /peel/} links every file of a folder; each answer carries an ETag (the
     * SHA-256 of its body) and a request that names it gets 304, as the inspectorate's server does.
     */
    private static final class EtagSite implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger notModified = new java.util.concurrent.atomic.AtomicInteger();

        EtagSite(Path folder) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = body(folder, path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                String etag = "\"" + SourceDocument.sha256(body) + "\"";
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                served.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", path.endsWith(".pdf") ? "application/pdf"
                        : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (java.io.OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        private static byte[] body(Path folder, String path) throws IOException {
            if (path.equals("/peel/")) {
                StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>PEEL reports</title></head><body><ul>");
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(p -> p.getFileName().toString()).sorted()
                            .forEach(n -> html.append("<li><a href=\"").append(n).append("\">").append(n).append("</a></li>"));
                }
                return html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
            }
            Path file = path.startsWith("/peel/") && path.length() > 6 ? folder.resolve(path.substring(6)) : null;
            return file != null && folder.equals(file.getParent()) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int served() {
            return served.get();
        }

        int notModified() {
            return notModified.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
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

    /**
     * The keys of the output's cache entries, each once: the whole lines of its packs' indexes,
     * {@code .release.peel-harvest/cache/<version>/<n>.index}.
     */
    private List<String> cacheEntries() throws IOException {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (Path index : cacheFiles(".index")) {
            String text;
            try {
                text = Files.readString(index, StandardCharsets.US_ASCII);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // a pack the running job found wholly written anew
            }
            text.substring(0, text.lastIndexOf('\n') + 1).lines().forEach(line -> keys.add(line.split(" ")[0]));
        }
        return List.copyOf(keys);
    }

    private Path onlyPack() throws IOException {
        List<Path> packs = cacheFiles(".pack");
        assertThat(packs).hasSize(1);
        return packs.get(0);
    }

    private List<Path> cacheFiles(String ending) throws IOException {
        Path cache = new StateFolder(output).cache();
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        // Listed, not walked: a walk looks at each file, and the running job may delete a pack.
        List<Path> files = new java.util.ArrayList<>();
        try (Stream<Path> versions = Files.list(cache)) {
            for (Path version : versions.toList()) {
                try (Stream<Path> inVersion = Files.list(version)) {
                    inVersion.filter(p -> p.getFileName().toString().endsWith(ending)).forEach(files::add);
                }
            }
        }
        return files.stream().sorted().toList();
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

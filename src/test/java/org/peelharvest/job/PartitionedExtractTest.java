package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.model.Reject;

/**
 * The extract step deals the documents out to partitions that run on threads of their own
 * (issue 11): the release must not depend on how many there are or which finishes first.
 */
class PartitionedExtractTest {

    @TempDir
    Path temp;

    private Path inbox;

    @BeforeEach
    void samplesBadDocumentsAndTwoCopiesOfOnePage() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        try (Stream<Path> samples = Files.list(Path.of("input/sample"))) {
            for (Path sample : samples.filter(p -> !p.toString().endsWith(".md")).toList()) {
                Files.copy(sample, inbox.resolve(sample.getFileName()));
            }
        }
        for (String bad : List.of("corrupt.pdf", "empty.html", "about-this-site.html")) {
            Files.copy(Path.of("src/test/resources/bad").resolve(bad), inbox.resolve(bad));
        }
        // The same bytes under two names, dealt to different partitions: one staged file, one winner.
        Path copies = Files.createDirectories(inbox.resolve("copies"));
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), copies.resolve("a-copy.html"));
        Files.copy(Path.of("input/sample/derbyshire-2016-effectiveness.html"), copies.resolve("z-copy.html"));
    }

    @Test
    void oneThreadAndManyThreadsPublishTheSameBytes() throws Exception {
        Map<String, byte[]> oneThread = release("one", 1);
        Map<String, byte[]> fourThreads = release("four", 4);
        Map<String, byte[]> sevenThreads = release("seven", 7);

        assertThat(oneThread).containsKeys("reports.csv", "conflicts.csv", "rejects.csv", "reports.json",
                "run.json counts and inputs");
        for (String file : oneThread.keySet()) {
            assertThat(fourThreads.get(file)).as(file + " with 4 threads").isEqualTo(oneThread.get(file));
            assertThat(sevenThreads.get(file)).as(file + " with 7 threads").isEqualTo(oneThread.get(file));
        }
        assertThat(fourThreads.keySet()).isEqualTo(oneThread.keySet());
    }

    @Test
    void eachPartitionIsAWorkerStepAndTogetherTheyReadEveryDocumentOnce() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("two"));
        CliRunner.Result result = cli.run(Map.of("peel.threads", 2), "extract", "--input", inbox.toString(),
                "--output", temp.resolve("two/out").toString(), "--max-reject-rate", "0.5");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);

        Map<String, Long> reads = new TreeMap<>();
        try (Connection db = cli.repository(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select STEP_NAME, READ_COUNT from BATCH_STEP_EXECUTION")) {
            while (rows.next()) {
                reads.put(rows.getString(1), rows.getLong(2));
            }
        }
        // 8 sample documents, 3 bad ones, 2 copies: 13, dealt to 4 partitions a thread, 8 in all.
        assertThat(reads).containsEntry("extractStep", 13L);
        assertThat(reads.keySet().stream().filter(step -> step.startsWith("extractWorker:"))).containsExactlyInAnyOrder(
                "extractWorker:partition0", "extractWorker:partition1", "extractWorker:partition2",
                "extractWorker:partition3", "extractWorker:partition4", "extractWorker:partition5",
                "extractWorker:partition6", "extractWorker:partition7");
        assertThat(reads.entrySet().stream().filter(e -> e.getKey().startsWith("extractWorker:"))
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(13L);
    }

    @Test
    void aShortRunDealsToOneThreadMoreThanThereAreCores() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("short"));
        CliRunner.Result result = cli.run(Map.of(ExtractJobConfiguration.SHORT_RUN, true), "extract", "--input", inbox.toString(),
                "--output", temp.resolve("short/out").toString(), "--max-reject-rate", "0.5");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);

        int workers = 0;
        try (Connection db = cli.repository(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from BATCH_STEP_EXECUTION where STEP_NAME like 'extractWorker:%'")) {
            rows.next();
            workers = rows.getInt(1);
        }
        assertThat(workers).isEqualTo(ExtractJobConfiguration.PARTITIONS_A_THREAD * (Runtime.getRuntime().availableProcessors() + 1));
    }

    @Test
    void documentsAreDealtHeaviestFirstToTheLightestPartitionAndEveryDocumentOfOneUrlToOnePartition() {
        List<DocumentRef> documents = List.of(ref("a", 0), ref("b", 0), ref("c", 0), ref("a", 1), ref("d", 0),
                ref("e", 0));
        // a weighs 2 + 3 = 5 (its two records together), b 4, c 1, d 4, e 2.
        Map<String, Long> weights = Map.of("a#0", 2L, "b#0", 4L, "c#0", 1L, "a#1", 3L, "d#0", 4L, "e#0", 2L);

        List<List<DocumentRef>> dealt = DocumentPartitioner.deal(documents, 2, d -> weights.get(d.key()));

        // a (5) to 0; b (4) to 1; d (4) to 1 (4 < 5); e (2) to 0 (5 < 8); c (1) to 0 (7 < 8): 8 and 8.
        assertThat(dealt).hasSize(2);
        assertThat(dealt.get(0)).extracting(DocumentRef::key).containsExactly("a#0", "c#0", "a#1", "e#0");
        assertThat(dealt.get(1)).extracting(DocumentRef::key).containsExactly("b#0", "d#0");
    }

    @Test
    void aDocumentWeighsItsFileAndAWarcRecordWeighsUpToTheNextRecord() throws Exception {
        Path page = Files.write(temp.resolve("page.html"), new byte[1000]);
        Path warc = Files.write(temp.resolve("snap.warc"), new byte[5000]);
        DocumentRef file = new DocumentRef(page, -1, "file:///page.html", "f", null);
        DocumentRef first = new DocumentRef(warc, 100, "https://example.org/1", "w#100", null);
        DocumentRef second = new DocumentRef(warc, 1600, "https://example.org/2", "w#1600", null);
        DocumentRef gone = new DocumentRef(temp.resolve("gone.pdf"), -1, "file:///gone.pdf", "x",
                new Reject("file:///gone.pdf", "read", org.peelharvest.model.RejectReason.UNREADABLE, "no such file"));

        var sizes = DocumentPartitioner.sizes(List.of(file, first, second, gone));

        assertThat(sizes.applyAsLong(file)).isEqualTo(1000);
        assertThat(sizes.applyAsLong(first)).isEqualTo(1500);
        assertThat(sizes.applyAsLong(second)).isEqualTo(3400);
        assertThat(sizes.applyAsLong(gone)).isEqualTo(1);
    }

    @Test
    void aPartitionFileGivesBackTheDocumentsAsTheyWereListed() {
        org.peelharvest.publish.StagingArea staging = new org.peelharvest.publish.StagingArea(temp.resolve("work"));
        List<DocumentRef> documents = List.of(
                new DocumentRef(Path.of("relative/odd\nname.html"), -1, "file:///x/odd%0Aname.html", "12 t k", null),
                new DocumentRef(Path.of("/abs/snap.warc.gz"), 1234, "https://example.org/p", "9 t k#1234", null),
                new DocumentRef(Path.of("gone.pdf"), -1, "file:///gone.pdf", "unreadable: no such file",
                        new Reject("file:///gone.pdf", "read", org.peelharvest.model.RejectReason.UNREADABLE, "no such file or folder")));

        DocumentPartitioner.write(staging, "partition1", documents);

        assertThat(DocumentPartitioner.read(staging, "partition1")).isEqualTo(documents);
    }

    @Test
    void aDamagedPartitionFileIsARunsFailureNamingTheFileAndTheFix() throws Exception {
        org.peelharvest.publish.StagingArea staging = new org.peelharvest.publish.StagingArea(temp.resolve("damaged"));
        DocumentPartitioner.write(staging, "partition2", List.of(ref("a.html", -1)));
        Path file = staging.root().resolve("partitions/partition2.tsv");
        Files.writeString(file, Files.readString(file).replace("\t-1\t", "\tminus one\t"));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> DocumentPartitioner.read(staging, "partition2"));

        // As a person reads it: the run's summary tells a failure by its innermost cause.
        assertThat(Outcome.causeOf(List.of(failure))).isEqualTo("the documents of partition2 in " + file
                + " are damaged (line 2 has no offset); run the same command again, which lists them anew");
        Files.write(file, new byte[] {'p', (byte) 0xff, '\n'});
        assertThat(Outcome.causeOf(List.of(org.assertj.core.api.Assertions.catchThrowable(
                () -> DocumentPartitioner.read(staging, "partition2"))))).contains("are damaged (not UTF-8)");
    }

    private static DocumentRef ref(String name, long offset) {
        return new DocumentRef(Path.of(name), offset, "https://example.org/" + name, name + offset, null);
    }

    /**
     * Every file of the release of {@code --input inbox} run with {@code threads} partitions, and
     * the counts and inputs of its run.json (its one file that names the run and its time).
     */
    private Map<String, byte[]> release(String name, int threads) throws IOException {
        Path output = temp.resolve(name).resolve("out");
        CliRunner.Result result = new CliRunner(temp.resolve(name)).run(Map.of("peel.threads", threads),
                "extract", "--input", inbox.toString(), "--output", output.toString(), "--max-reject-rate", "0.5");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(output)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path file : paths) {
            String relative = output.relativize(file).toString();
            if (relative.equals("run.json")) {
                JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
                // 13 documents: the two copies share the one staged report of the page they copy, and
                // each is still a document read, named in run.json (issue 17, item 6).
                assertThat(json.path("inputs").size()).as("inputs of run.json").isEqualTo(13);
                assertThat(json.path("counts").path("documents").asInt()).as("documents of run.json").isEqualTo(13);
                files.put("run.json counts and inputs", (json.path("counts").toString() + json.path("inputs"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (relative.equals("manifest-sha256.txt")) {
                // It holds the digests of run.json and index.html, which name the run.
                files.put(relative, Files.readAllLines(file).stream().filter(l -> !l.endsWith("  run.json")
                        && !l.endsWith("  index.html")).toList().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (relative.equals("index.html")) {
                // It names the release and when its run started: compared without that line.
                files.put(relative, SameBytesTest.withoutRunLine(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                files.put(relative, Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void aWorkerWhoseContextAKillLostTakesItsPartitionFromItsStepsName() throws Exception {
        org.springframework.batch.core.job.JobExecution job = new org.springframework.batch.core.job.JobExecution(1,
                new org.springframework.batch.core.job.JobInstance(1, "extractJob"),
                new org.springframework.batch.core.job.parameters.JobParameters());
        org.springframework.batch.core.step.StepExecution restarted =
                new org.springframework.batch.core.step.StepExecution(2, "extractWorker:partition3", job);
        assertThat(DocumentPartitioner.nameOf(restarted)).isEqualTo("partition3");

        restarted.getExecutionContext().putString(DocumentPartitioner.PARTITION, "partition5");
        assertThat(DocumentPartitioner.nameOf(restarted)).as("the context's name, where it is kept").isEqualTo("partition5");

        // The worker's reader reads the documents of the partition its step names.
        org.springframework.batch.core.step.StepExecution lost =
                new org.springframework.batch.core.step.StepExecution(4, "extractWorker:partition3", job);
        org.peelharvest.publish.StagingArea staging = new org.peelharvest.publish.StagingArea(temp.resolve("lost-context"));
        staging.create();
        DocumentRef page = new DocumentRef(temp.resolve("page.html"), -1, "page.html", "1 2 3", null);
        DocumentPartitioner.write(staging, "partition3", List.of(page));
        DocumentReader reader = new DocumentReader(staging, DocumentPartitioner.nameOf(lost));
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        assertThat(reader.read()).isEqualTo(page);
        reader.close();

        org.springframework.batch.core.step.StepExecution other =
                new org.springframework.batch.core.step.StepExecution(3, "publishStep", job);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentPartitioner.nameOf(other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no partition");
    }
}

package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;

/**
 * A document's record and a reject are written to the logs field by field and read back with the
 * streaming parser (issue 18); Jackson's databind, which wrote and read them before, is the
 * reference: the bytes are the ones it writes, and what it wrote is read back as it was.
 */
class StagingAreaLinesTest {

    private static final tools.jackson.databind.ObjectMapper DATABIND = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @JsonPropertyOrder({"kind", "done"})
    record DoneLine(String kind, StagingArea.Done done) {
    }

    @JsonPropertyOrder({"kind", "key", "reject"})
    record RejectLine(String kind, String key, Reject reject) {
    }

    private static final List<StagingArea.Done> DONE = List.of(
            new StagingArea.Done("k1", "a.html", "12 t k", "ab12", false, List.of("derbyshire-2021-22", "kent-2016-effectiveness")),
            StagingArea.Done.rejected("k2", "dir/ün “quoted” \t\n\\.html", "1 2 3", null),
            new StagingArea.Done("k3", "b.pdf", "9 t k", "cd34", false, null, null),
            new StagingArea.Done("k4", "c.html", "9 t k", "ef56", false, List.of("x"), true),
            new StagingArea.Done("k5", "half \ud800 a pair.html", "9", "00", false, List.of()),
            // A reject of a WARC response that named no URL, as a build before 2026-12-07 recorded it.
            StagingArea.Done.rejected("k6", null, "7 t k#120", null));

    private static final List<Reject> REJECTS = List.of(
            new Reject("a.html", "extract", RejectReason.NO_HEADLINE_QUESTION, "no headline \"question\""),
            new Reject("b.pdf", "read", RejectReason.UNREADABLE, null),
            new Reject("c.html", null, RejectReason.TIMED_OUT, "ü\u2028"));

    @Test
    void aDocumentsRecordIsWrittenAsDatabindWritesIt() {
        for (StagingArea.Done done : DONE) {
            assertThat(StagingArea.json(done)).as(done.url()).isEqualTo(DATABIND.writeValueAsBytes(done));
        }
    }

    @Test
    void aRejectIsWrittenAsDatabindWritesIt() {
        for (Reject reject : REJECTS) {
            assertThat(StagingArea.json(reject)).as(reject.sourceUrl()).isEqualTo(DATABIND.writeValueAsBytes(reject));
        }
    }

    @Test
    void recordsWrittenByDatabindAreReadBackAsTheyWere() throws Exception {
        // A log as a build before issue 18's change wrote it: each line its check, a space and databind's JSON.
        Path root = temp.resolve("work");
        StagingArea staging = new StagingArea(root);
        staging.create();
        Path logs = Files.createDirectories(root.resolve("logs"));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < REJECTS.size(); i++) {
            line(log, DATABIND.writeValueAsBytes(new RejectLine("reject", "k" + (i + 1), REJECTS.get(i))));
        }
        for (StagingArea.Done done : DONE) {
            line(log, DATABIND.writeValueAsBytes(new DoneLine("done", done)));
        }
        Files.writeString(logs.resolve("000000000000001-0001.log"), log, StandardCharsets.UTF_8);

        // With no list of the documents kept, every reject staged is published.
        assertThat(new StagingArea(root).staged().rejects()).containsExactlyInAnyOrderElementsOf(REJECTS);

        java.util.Map<String, String> listed = new java.util.LinkedHashMap<>();
        DONE.forEach(d -> listed.put(d.key(), d.fingerprint()));
        staging.putListed(listed);
        assertThat(new StagingArea(root).staged().documentsRead())
                .hasValueSatisfying(read -> assertThat(read).containsExactlyInAnyOrderElementsOf(DONE));
    }

    @Test
    void recordsWrittenNowAreReadBackAsTheyWere() throws Exception {
        Path root = temp.resolve("work");
        StagingArea writer = new StagingArea(root).writingAs(7);
        writer.create();
        java.util.Map<String, String> listed = new java.util.LinkedHashMap<>();
        DONE.forEach(d -> listed.put(d.key(), d.fingerprint()));
        writer.putListed(listed);
        writer.put("k2", REJECTS.get(1));
        DONE.forEach(writer::putDone);
        writer.close();

        StagingArea.Staged staged = new StagingArea(root).staged();

        assertThat(staged.documentsRead()).hasValueSatisfying(read -> assertThat(read).containsExactlyInAnyOrderElementsOf(DONE));
        assertThat(staged.rejects()).containsExactly(REJECTS.get(1));
        assertThat(staged.fromCacheCount()).isEqualTo(1);
    }

    @Test
    void aRecordOfTheWrongShapeEndsItsLogAsDamageDoes() throws Exception {
        Path root = temp.resolve("work");
        new StagingArea(root).create();
        Path logs = Files.createDirectories(root.resolve("logs"));
        StringBuilder log = new StringBuilder();
        line(log, DATABIND.writeValueAsBytes(new DoneLine("done", DONE.get(0))));
        line(log, "{\"kind\":\"done\",\"done\":{\"key\":\"k9\",\"url\":\"x\",\"fingerprint\":\"f\",\"rejected\":\"yes\"}}"
                .getBytes(StandardCharsets.UTF_8));
        line(log, DATABIND.writeValueAsBytes(new DoneLine("done", DONE.get(2))));
        Files.writeString(logs.resolve("000000000000001-0001.log"), log, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("listed.json"), DATABIND.writeValueAsString(java.util.Map.of(
                "k1", DONE.get(0).fingerprint(), "k3", DONE.get(2).fingerprint(), "k9", "f")));

        List<StagingArea.Done> read = new StagingArea(root).staged().documentsRead().orElseThrow();

        assertThat(read).as("the record after the one that does not read is not trusted").containsExactly(DONE.get(0));
    }

    private static void line(StringBuilder log, byte[] json) {
        log.append(StagingArea.checkOf(json, 0, json.length)).append(' ').append(new String(json, StandardCharsets.UTF_8)).append('\n');
    }
}

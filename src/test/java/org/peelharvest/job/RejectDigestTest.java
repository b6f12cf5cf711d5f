package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.validate.ReportValidator;

/**
 * A document read and then rejected is recorded with the SHA-256 of the bytes read, which
 * {@code run.json} gives for it; one that could not be read is recorded without one.
 */
class RejectDigestTest {

    @TempDir
    Path temp;

    @Test
    void aRejectedDocumentIsRecordedWithTheDigestOfWhatWasRead() throws IOException {
        Path inputs = Files.createDirectories(temp.resolve("in"));
        byte[] page = "<html><head><title>About this site</title></head><body><p>Contact us.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(inputs.resolve("about.html"), page);
        Files.write(inputs.resolve("empty.html"), new byte[0]);
        List<DocumentRef> listed = DocumentSource.list(List.of(inputs));
        StagingArea staging = new StagingArea(temp.resolve("work"));
        staging.create();
        staging.putListed(Map.of(listed.get(0).key(), listed.get(0).fingerprint(), listed.get(1).key(), listed.get(1).fingerprint()));
        ExtractProcessor processor = new ExtractProcessor(new DocumentExtractor(), new ReportValidator(), null, false);
        RejectRecorder recorder = new RejectRecorder(staging);

        for (DocumentRef document : listed) {
            Throwable[] failure = new Throwable[1];
            assertThatThrownBy(() -> processor.process(document)).satisfies(e -> failure[0] = e);
            recorder.onSkipInProcess(document, failure[0]);
        }

        Map<String, String> digests = new java.util.TreeMap<>();
        staging.staged().documentsRead().orElseThrow()
                .forEach(done -> digests.put(done.url(), String.valueOf(done.sha256())));
        // The empty file is rejected as empty, read all the same: the digest of no bytes.
        assertThat(digests).containsExactly(Map.entry("about.html", SourceDocument.sha256(page)),
                Map.entry("empty.html", SourceDocument.sha256(new byte[0])));
    }
}

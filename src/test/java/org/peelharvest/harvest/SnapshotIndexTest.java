package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot index as the README describes it: one JSON line per response or revisit (URL, date,
 * status, type, WARC file and offset, SHA-256, content type, validators). The lines here are
 * written by hand in that form.
 */
class SnapshotIndexTest {

    private static final String PAGE = "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/effectiveness/";

    /** A response line as a harvest writes it: fields in this order, an absent validator as null. */
    private static final String RESPONSE = "{\"url\":\"" + PAGE + "\",\"requested\":\"" + PAGE + "\","
            + "\"date\":\"2025-06-01T06:00:03Z\",\"status\":200,\"type\":\"response\","
            + "\"warc\":\"peel-2016-20250601T060000Z-00000.warc.gz\",\"offset\":1234,"
            + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
            + "\"content_type\":\"text/html; charset=utf-8\",\"etag\":\"\\\"abc\\\"\",\"last_modified\":null}";

    @TempDir
    Path temp;

    @Test
    void anIndexLineIsReadIntoItsFieldsAndWrittenBackToTheSameBytes() {
        IndexLine line = IndexLine.parse(RESPONSE).orElseThrow();

        assertThat(line.url()).isEqualTo(PAGE);
        assertThat(line.date()).isEqualTo(Instant.parse("2025-06-01T06:00:03Z"));
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.type()).isEqualTo(IndexLine.Type.RESPONSE);
        assertThat(line.warc()).isEqualTo("peel-2016-20250601T060000Z-00000.warc.gz");
        assertThat(line.offset()).isEqualTo(1234L);
        assertThat(line.validators()).isEqualTo(new PoliteFetcher.Validators("\"abc\"", null));
        assertThat(line.toJson()).isEqualTo(RESPONSE);
    }

    @Test
    void aLineCutShortByAKillIsNotAnIndexLine() {
        assertThat(IndexLine.parse(RESPONSE.substring(0, 80))).isEmpty();
        assertThat(IndexLine.parse("{\"url\":\"" + PAGE + "\"}")).as("no date, type or WARC file").isEmpty();
    }

    @Test
    void aLaterSnapshotsCaptureOfAUrlIsTheOneAskedAgainWithAndARevisitFindsTheCaptureOfItsDate() throws IOException {
        snapshot("20250601T060000Z", RESPONSE);
        snapshot("20250701T060000Z", RESPONSE.replace("2025-06-01T06:00:03Z", "2025-07-01T06:00:09Z")
                .replace("\"etag\":\"\\\"abc\\\"\"", "\"etag\":\"\\\"def\\\"\""));

        SnapshotIndex index = Snapshot.previousIndex(temp);

        assertThat(index.newest(PAGE).orElseThrow().line().etag()).isEqualTo("\"def\"");
        assertThat(index.newest(PAGE).orElseThrow().warc())
                .isEqualTo(temp.resolve("20250701T060000Z/peel-2016-20250601T060000Z-00000.warc.gz"));
        assertThat(index.at(PAGE, Instant.parse("2025-06-01T06:00:03Z")).orElseThrow().snapshot())
                .isEqualTo(temp.resolve("20250601T060000Z"));
        assertThat(index.newest(PAGE + "other/")).isEmpty();
    }

    @Test
    void aSnapshotWithoutItsManifestIsNotAnEarlierSnapshotAndRevisitLinesAreNotCaptures() throws IOException {
        snapshot("20250601T060000Z", RESPONSE.replace("\"type\":\"response\"", "\"type\":\"revisit\""));
        Path interrupted = snapshot("20250701T060000Z", RESPONSE);
        Files.delete(interrupted.resolve(Snapshot.MANIFEST));

        assertThat(Snapshot.previousIndex(temp).isEmpty()).isTrue();
    }

    @Test
    void aDamagedLineInACompleteSnapshotIsAnErrorNamingTheIndexAndTheLine() throws IOException {
        Path snapshot = snapshot("20250601T060000Z", RESPONSE + "\n{\"url\":");

        assertThatThrownBy(() -> Snapshot.previousIndex(temp)).isInstanceOf(IOException.class)
                .hasMessage(snapshot.resolve(Snapshot.INDEX) + ": line 2 is not a whole index line");
    }

    private Path snapshot(String name, String index) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve(Snapshot.INDEX), index + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(Snapshot.MANIFEST), "");
        return folder;
    }
}

package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harvest killed mid-write (issue 9): whatever byte the kill tore in the index or the WARC file,
 * the next harvest cuts it back, resumes in the same snapshot and ends with each page held once.
 */
class TornSnapshotTest {

    @TempDir
    Path temp;

    private SiteMirror mirror;
    private HarvestSettings settings;

    @BeforeEach
    void startTheMirror() throws IOException {
        mirror = new SiteMirror();
        settings = mirror.settings(50, Duration.ofSeconds(2), 2, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    @AfterEach
    void stopTheMirror() {
        mirror.close();
    }

    @ParameterizedTest(name = "WARC file cut to {0}, index cut {1} bytes short")
    @CsvSource(textBlock = """
            # WARC bytes kept (negative: that many short of the end) | index bytes cut from its end
            -1,     0
            -9,     1
            -100,   0
            -400,   3
            -5000,  0
            -12000, 200
            10,     0
            0,      100000
            """)
    void aTornIndexLineOrWarcRecordIsCutBackAndTheHarvestResumesInTheSameSnapshot(long warcKept, int indexCut)
            throws Exception {
        Path first = harvest(Snapshot.start(temp, "peel-2016", Instant.now(), settings.userAgent())).snapshot();
        // What a kill leaves: no log or manifest, and the last bytes written torn off.
        Files.delete(first.resolve(Snapshot.MANIFEST));
        Files.delete(first.resolve(Snapshot.LOG));
        Path warc = WarcDocuments.filesIn(first).get(0);
        cut(warc, warcKept < 0 ? Files.size(warc) + warcKept : warcKept);
        cut(first.resolve(Snapshot.INDEX), Math.max(0, Files.size(first.resolve(Snapshot.INDEX)) - indexCut));

        Harvester.Result resumed = harvest(Snapshot.startOrResume(temp, "peel-2016", Instant.now(), settings.userAgent()));

        assertThat(resumed.snapshot()).isEqualTo(first);
        assertThat(resumed.reports()).isEqualTo(2);
        assertThat(first.resolve(Snapshot.MANIFEST)).exists();
        assertThat(capturedUrls(first)).as("each page once").containsExactlyInAnyOrder(
                mirror.base() + SiteMirror.FORCE, mirror.base() + SiteMirror.PILLAR, mirror.base() + SiteMirror.PDF);
        for (String line : Files.readAllLines(first.resolve(Snapshot.INDEX))) {
            JsonMapper.builder().build().readTree(line);
        }
    }

    private Harvester.Result harvest(Snapshot snapshot) throws Exception {
        try (snapshot) {
            return new Harvester(settings, new PoliteFetcher(settings))
                    .harvest(List.of(mirror.base() + SiteMirror.FORCE), snapshot, SnapshotIndex.none());
        }
    }

    private static void cut(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    /** The URL of every response in every WARC file of the snapshot, each file read to its end. */
    private static List<String> capturedUrls(Path snapshot) throws IOException {
        List<String> urls = new ArrayList<>();
        for (Path warc : WarcDocuments.filesIn(snapshot)) {
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord record : reader) {
                    record.body().consume();
                }
            }
            for (DocumentRef entry : WarcDocuments.entries(warc)) {
                WarcDocuments.payload(entry.file(), entry.offset());
                urls.add(entry.url());
            }
        }
        return urls;
    }
}

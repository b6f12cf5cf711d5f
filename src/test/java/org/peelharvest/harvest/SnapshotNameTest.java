package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's folder is named after the UTC second its harvest started; harvests started in one
 * second (a run of a second or less, run again) each get a folder of their own, and the newest is
 * the one resumed.
 */
class SnapshotNameTest {

    @TempDir
    Path temp;

    @Test
    void aSecondHarvestStartedInTheSameSecondTakesTheNextFreeName() throws IOException {
        Instant start = Instant.parse("2026-11-30T09:15:00.250Z");
        try (Snapshot first = Snapshot.start(temp, "peel", start, "test-agent")) {
            assertThat(first.folder().getFileName()).hasToString("20261130T091500Z");
        }
        try (Snapshot second = Snapshot.start(temp, "peel", start.plusMillis(500), "test-agent")) {
            assertThat(second.folder().getFileName()).hasToString("20261130T091500Z-2");
            assertThat(second.wacz().getFileName()).hasToString("peel-20261130T091500Z-2.wacz");
        }
        try (Snapshot third = Snapshot.start(temp, "peel", start, "test-agent")) {
            assertThat(third.folder().getFileName()).hasToString("20261130T091500Z-3");
        }
        assertThat(Files.exists(temp.resolve("20261130T091500Z").resolve(Snapshot.MANIFEST))).isTrue();
    }

    @Test
    void theNewestOfOneSecondsSnapshotsIsTheOneResumed() throws IOException {
        Instant start = Instant.parse("2026-11-30T09:15:00Z");
        for (int n = 1; n <= 10; n++) {
            try (Snapshot done = Snapshot.start(temp, "peel", start, "test-agent")) {
                assertThat(done.folder().getFileName().toString()).startsWith("20261130T091500Z");
            }
        }
        Snapshot interrupted = Snapshot.start(temp, "peel", start, "test-agent");
        interrupted.leaveResumable();
        interrupted.close();
        assertThat(interrupted.folder().getFileName()).hasToString("20261130T091500Z-11");
        // "-11" sorts before "-2" as text: the place in the second is compared as a number.
        try (Snapshot resumed = Snapshot.startOrResume(temp, "peel", start.plusSeconds(1), "test-agent")) {
            assertThat(resumed.folder()).isEqualTo(interrupted.folder());
        }
    }

    @Test
    void snapshotsAreInTheOrderTheyStartedTheirPlaceInASecondComparedAsANumber() {
        List<Path> folders = java.util.stream.Stream.of("20261130T091501Z", "20261130T091500Z-10", "20261130T091500Z",
                "20261130T091500Z-9", "20261130T091500Z-2").map(temp::resolve).sorted(Snapshot.ORDER).toList();

        assertThat(folders).extracting(f -> f.getFileName().toString()).containsExactly("20261130T091500Z",
                "20261130T091500Z-2", "20261130T091500Z-9", "20261130T091500Z-10", "20261130T091501Z");
    }
}

package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.harvest.MirrorForJobTests;
import org.peelharvest.harvest.Snapshot;

/**
 * SIGTERM in the middle of a harvest (a service manager stopping a long crawl, a Kubernetes
 * CronJob evicted) stops it before its next request, not at its end: the command exits 143 with
 * one line, the snapshot is left as an interrupted harvest (no manifest), and the same command
 * again resumes it without fetching again what it holds. The mirror is asked one page a second,
 * so that the harvest is still going when the signal comes.
 */
class HarvestSignalTest {

    private static final Pattern PAGES = Pattern.compile("harvest: (\\d+) page\\(s\\) requested");
    private static final Map<String, String> EVERY_PAGE = Map.of("peel.progress-interval", "0s");

    @TempDir
    Path temp;

    private MirrorForJobTests mirror;

    @BeforeEach
    void start() throws IOException {
        mirror = new MirrorForJobTests();
    }

    @AfterEach
    void stop() {
        mirror.close();
    }

    @Test
    void sigtermStopsTheHarvestCommandBetweenRequestsAndTheNextRunResumesIt() throws Exception {
        Path snapshots = temp.resolve("snapshots");
        String[] harvest = {"harvest", "--seed", mirror.base() + "/hmicfrs/peel-assessments/peel-2016/",
                "--allow", mirror.base() + "/hmicfrs/", "--snapshot", snapshots.toString(), "--rate", "1", "--timeout", "1"};

        CliProcess running = CliProcess.start(temp, EVERY_PAGE, harvest);
        awaitPages(running, 2);
        running.terminate();
        CliProcess.Result stopped = running.await();
        int requestsBeforeTheStop = mirror.requestCount();

        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(143);
        assertThat(stopped.err().lines().filter(l -> l.startsWith("peel-harvest:")).toList()).as(stopped.err())
                .containsExactly("peel-harvest: harvest stopped by signal (SIGTERM); run the same command again to resume it");
        Path folder = onlySnapshot(snapshots);
        assertThat(folder.resolve(Snapshot.MANIFEST)).as("left as an interrupted harvest").doesNotExist();
        assertThat(folder.resolve(Snapshot.INDEX)).exists();

        CliProcess.Result resumed = CliProcess.start(temp, Map.of(), harvest).await();

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming the interrupted harvest " + folder, "report pages and PDFs: 2");
        assertThat(onlySnapshot(snapshots)).isEqualTo(folder);
        assertThat(folder.resolve(Snapshot.MANIFEST)).exists();
        assertThat(mirror.requestCount()).as("the resumed harvest asked for more than the first had").isGreaterThan(requestsBeforeTheStop);
    }

    @Test
    void sigtermStopsAJobInItsHarvestAndTheNextRunResumesTheJobAndItsHarvest() throws Exception {
        Path job = temp.resolve("weekly.yaml");
        Files.writeString(job, """
                name: weekly
                seed: %s/hmicfrs/peel-assessments/peel-2016/
                allow: %s/hmicfrs/
                snapshot: %s
                rate: 1
                output: %s
                max-reject-rate: 1
                """.formatted(mirror.base(), mirror.base(), temp.resolve("snapshots"), temp.resolve("release")));

        CliProcess running = CliProcess.start(temp, EVERY_PAGE, "run", job.toString());
        awaitPages(running, 2);
        running.terminate();
        CliProcess.Result stopped = running.await();

        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(143);
        assertThat(stopped.err()).contains("stopped by signal (SIGTERM)");
        assertThat(onlySnapshot(temp.resolve("snapshots")).resolve(Snapshot.MANIFEST)).doesNotExist();

        CliProcess.Result resumed = CliProcess.start(temp, Map.of(), "run", job.toString()).await();

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming the interrupted harvest");
        assertThat(Files.readString(temp.resolve("release/latest/reports.csv"))).contains("2016-derbyshire-effectiveness");
    }

    private static void awaitPages(CliProcess run, int pages) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && run.isAlive()) {
            Matcher progress = PAGES.matcher(run.errSoFar());
            int requested = -1;
            while (progress.find()) {
                requested = Integer.parseInt(progress.group(1));
            }
            if (requested >= pages) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the harvest did not reach " + pages + " pages: " + run.errSoFar());
    }

    private static Path onlySnapshot(Path snapshots) throws IOException {
        try (Stream<Path> folders = Files.list(snapshots)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}

package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Issue 18: POI set up beside the start, once, never beside a workbook, with no file written. */
class WorkbookSetUpTest {

    @Test
    void aWorkbookMadeWhileTheSetUpRunsWaitsForItsEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        WorkbookSetUp setUp = new WorkbookSetUp(() -> {
            started.countDown();
            await(release);
            runs.incrementAndGet();
        });
        setUp.begin();
        started.await();
        Thread workbook = new Thread(setUp::awaitOrClaim, "workbook");
        workbook.start();
        while (workbook.getState() != Thread.State.WAITING) {
            assertThat(workbook.isAlive()).as("the workbook went on before the set-up ended").isTrue();
            Thread.onSpinWait();
        }
        assertThat(runs).hasValue(0);
        release.countDown();
        workbook.join();
        assertThat(runs).hasValue(1);
        assertThat(setUp.over()).isTrue();
    }

    @Test
    void aWorkbookMadeFirstClaimsItSoThatNoneBeginsBesideItAndTheWorkbooksAfterItDoNotWait() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        WorkbookSetUp setUp = new WorkbookSetUp(runs::incrementAndGet);
        setUp.awaitOrClaim();
        setUp.begin();
        // A second workbook of the process: it must not wait for a set-up that will never run.
        Thread second = new Thread(setUp::awaitOrClaim, "second workbook");
        second.start();
        second.join(60_000); // a bound for a failure only: it returns at once
        assertThat(second.isAlive()).as("the second workbook waits for a set-up that never runs").isFalse();
        assertThat(runs).hasValue(0);
        assertThat(setUp.over()).isTrue();
    }

    @Test
    void itRunsOnceHoweverOftenItIsBegun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        WorkbookSetUp setUp = new WorkbookSetUp(runs::incrementAndGet);
        setUp.begin();
        setUp.begin();
        setUp.awaitOrClaim();
        setUp.begin();
        setUp.awaitOrClaim();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aSetUpThatFailsLeavesTheWorkbookToGoOn() {
        WorkbookSetUp setUp = new WorkbookSetUp(() -> {
            throw new IllegalStateException("no fonts");
        });
        setUp.begin();
        setUp.awaitOrClaim(); // throws nothing: the workbook meets the problem again on its own path
        assertThat(setUp.over()).isTrue();
    }

    @Test
    void poisSetUpWritesNoFile() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> before = listing(temporary);
        WorkbookSetUp.setUpPoi();
        assertThat(listing(temporary)).isEqualTo(before);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(Path::toString).sorted().toList();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

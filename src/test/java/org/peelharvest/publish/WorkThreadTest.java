package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WorkThreadTest {

    @Test
    void runsTasksInTheOrderGivenOnAThreadOfItsOwn() throws Exception {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (WorkThread thread = new WorkThread("peel-harvest-test")) {
            for (int i = 0; i < 5_000; i++) {
                int task = i;
                thread.submit(() -> {
                    done.add(task);
                    threads.add(Thread.currentThread().getName());
                });
            }
            thread.await();
            assertThat(done).hasSize(5_000).isSorted();
            assertThat(threads).containsOnly("peel-harvest-test");
        }
    }

    @Test
    void aFailureSkipsTheTasksAfterItAndIsThrownToTheGiver() throws Exception {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<String> last = new ArrayList<>();
        CountDownLatch given = new CountDownLatch(1);
        WorkThread thread = new WorkThread("peel-harvest-test");
        thread.submit(() -> {
            await(given);
            done.add(1);
        });
        thread.submit(() -> {
            throw new IOException("disk full");
        });
        thread.submit(() -> done.add(3));
        given.countDown();
        assertThatThrownBy(thread::await).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> thread.submit(() -> done.add(4))).hasMessage("disk full");
        // The last task runs whatever failed before it (temporary files are deleted); the failure, thrown already, is not thrown again.
        thread.close(() -> last.add("closed"));
        assertThat(done).containsExactly(1);
        assertThat(last).containsExactly("closed");
    }

    /** As publishing uses it: the failure thrown by await is the one the caller sees, not one suppressed in itself. */
    @Test
    void aFailureInTryWithResourcesIsThrownOnce() {
        List<String> last = new ArrayList<>();
        IOException full = new IOException("disk full");
        assertThatThrownBy(() -> {
            try (WorkThread thread = new WorkThread("peel-harvest-test")) {
                thread.submit(() -> {
                    throw full;
                });
                thread.await();
            }
        }).isSameAs(full).satisfies(thrown -> assertThat(thrown.getSuppressed()).isEmpty());
        WorkThread closing = new WorkThread("peel-harvest-test");
        assertThatThrownBy(() -> {
            try (closing) {
                closing.submit(() -> {
                    throw full;
                });
                closing.await();
            } finally {
                closing.close(() -> last.add("closed"));
            }
        }).isSameAs(full);
    }

    @Test
    void anUncheckedFailureIsThrownAsItWas() throws Exception {
        WorkThread thread = new WorkThread("peel-harvest-test");
        thread.submit(() -> {
            throw new IllegalStateException("a bug");
        });
        assertThatThrownBy(thread::await).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    /** A failure nobody waited for is thrown by close, after the last task. */
    @Test
    void closeThrowsAFailureNotThrownBefore() throws Exception {
        List<String> last = new ArrayList<>();
        WorkThread thread = new WorkThread("peel-harvest-test");
        thread.submit(() -> {
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> thread.close(() -> last.add("closed"))).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(last).containsExactly("closed");
    }

    @Test
    void theGiverWaitsWhenTheTasksWaitingAreAtTheirBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (WorkThread thread = new WorkThread("peel-harvest-test")) {
            thread.submit(() -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
            AtomicInteger given = new AtomicInteger();
            Thread giver = new Thread(() -> {
                try {
                    for (int i = 0; i < WorkThread.WAITING + 1; i++) {
                        thread.submit(() -> { });
                        given.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            giver.start();
            // The giver fills the bound, then waits for room: the count stops there, whatever the machine's speed.
            while (giver.isAlive() && giver.getState() != Thread.State.WAITING) {
                giver.join(10);
            }
            assertThat(giver.isAlive()).as("the giver waits rather than failing").isTrue();
            assertThat(given.get()).isEqualTo(WorkThread.WAITING);
            release.countDown();
            giver.join();
            assertThat(given.get()).isEqualTo(WorkThread.WAITING + 1);
            thread.await();
        }
    }

    @Test
    void closeEndsTheThreadAndRefusesMoreWork() throws Exception {
        WorkThread thread = new WorkThread("peel-harvest-test");
        Thread[] worker = new Thread[1];
        thread.submit(() -> worker[0] = Thread.currentThread());
        thread.close();
        assertThat(worker[0].isAlive()).isFalse();
        assertThatThrownBy(() -> thread.submit(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

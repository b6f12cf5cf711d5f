package org.peelharvest.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Work done in the order it is given, on a thread of its own, while the thread that gives it goes
 * on: publishing writes the workbook this way beside the CSV and JSON files, on a core that would
 * otherwise wait (issue 18). At most {@value #WAITING} tasks wait; giving one more waits for room.
 * The first task to fail is the failure: the tasks after it are not run, and the next call to
 * {@link #submit}, {@link #await} or {@link #close} throws what it threw.
 */
final class WorkThread implements Closeable {

    /** One piece of work. */
    interface Task {
        void run() throws IOException;
    }

    /** The tasks that may wait to be run: the memory the caller can get ahead by. */
    static final int WAITING = 1024;

    private final BlockingQueue<Task> waiting = new ArrayBlockingQueue<>(WAITING);
    private final Thread thread;
    private volatile Throwable failure;
    /** Whether the failure has been thrown to the giver: {@link #close} does not throw it again (try-with-resources would suppress it in itself). */
    private boolean thrown;
    /** Set by {@link #close}: the tasks still waiting are not run. */
    private volatile boolean closing;
    private boolean closed;

    WorkThread(String name) {
        thread = new Thread(this::runTasks, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Gives {@code task} to the thread, after the tasks given before it. */
    void submit(Task task) throws IOException {
        if (closed) {
            throw new IllegalStateException("the thread's work is closed");
        }
        throwFailure();
        try {
            waiting.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while giving work to " + thread.getName());
        }
    }

    /** Waits until every task given so far has run; throws what the first that failed threw. */
    void await() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        submit(new Always(done::countDown)); // counted down after a failure too, the tasks before it passed over
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
        }
        throwFailure();
    }

    /**
     * Runs {@code last} after the tasks given so far, whether or not one failed (the tasks after a
     * failure, or all those waiting when the caller is interrupted, are passed over; one running
     * finishes first), and ends the thread: the place for what must always be done, such as
     * deleting temporary files. Throws the first failure, {@code last}'s included, unless {@link
     * #submit} or {@link #await} has already thrown it.
     */
    void close(Task last) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    waiting.put(new Last(last));
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    closing = true; // interrupted: what waits is not run, the last task still is
                }
            }
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thrown) {
            throwFailure();
        }
    }

    @Override
    public void close() throws IOException {
        close(() -> { });
    }

    /** A task run whatever failed before it: {@link #await}'s mark. */
    private record Always(Task task) implements Task {
        @Override
        public void run() throws IOException {
            task.run();
        }
    }

    /** The task that ends the thread. */
    private record Last(Task task) implements Task {
        @Override
        public void run() throws IOException {
            task.run();
        }
    }

    private void runTasks() {
        while (true) {
            Task task;
            try {
                task = waiting.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread but to stop it, and it stops only at its last task
            }
            if (task instanceof Last || task instanceof Always || failure == null && !closing) {
                try {
                    task.run();
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (task instanceof Last) {
                return;
            }
        }
    }

    private void throwFailure() throws IOException {
        Throwable failed = failure;
        thrown |= failed != null;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }
}

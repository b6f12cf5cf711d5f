package org.peelharvest.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.listener.ItemProcessListener;


/**
 * Prints "documents done / total, rate, rejects so far" for the first document and then at most
 * every couple of seconds, so a long run shows at once that it is alive without flooding a log.
 * One run's partitions count into the same progress from their own threads: the partitioner
 * {@link #start starts} it with the run's total, each partition's {@link Listener} counts.
 */
class ProgressReporter {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final PrintStream out;
    private final Map<Long, Progress> runs = new ConcurrentHashMap<>();

    ProgressReporter(PrintStream out) {
        this.out = out;
    }

    /** A run (job execution {@code run}) has {@code total} documents to do. */
    void start(long run, int total) {
        runs.put(run, new Progress(total));
    }

    /** What a partition of run {@code run} reports its documents to. */
    Listener listener(long run) {
        return new Listener(this, run);
    }

    synchronized void counted(long run, boolean rejected) {
        Progress progress = runs.get(run);
        if (progress == null) {
            return;
        }
        progress.done++;
        progress.rejects += rejected ? 1 : 0;
        long now = System.nanoTime();
        if (progress.done == 1 || now - progress.lastPrinted >= INTERVAL.toNanos() || progress.done == progress.total) {
            progress.lastPrinted = now;
            double seconds = Math.max((now - progress.started) / 1e9, 1e-3);
            out.printf(Locale.ROOT, "documents %d/%d (%.1f/s), rejects %d%n", progress.done, progress.total,
                    progress.done / seconds, progress.rejects);
        }
        if (progress.done >= progress.total) {
            runs.remove(run);
        }
    }

    private static final class Progress {
        private final int total;
        private final long started = System.nanoTime();
        private long lastPrinted = started;
        private int done;
        private int rejects;

        Progress(int total) {
            this.total = total;
        }
    }

    /** Counts one partition's documents into its run's progress (not final: a step-scoped bean is a subclass proxy). */
    static class Listener implements ItemProcessListener<DocumentRef, ExtractedDocument> {
        private final ProgressReporter reporter;
        private final long run;

        Listener(ProgressReporter reporter, long run) {
            this.reporter = reporter;
            this.run = run;
        }

        @Override
        public void afterProcess(DocumentRef document, ExtractedDocument extracted) {
            reporter.counted(run, false);
        }

        @Override
        public void onProcessError(DocumentRef document, Exception failure) {
            reporter.counted(run, true);
        }
    }
}

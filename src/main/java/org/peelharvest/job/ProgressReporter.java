package org.peelharvest.job;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.listener.ItemProcessListener;

import org.peelharvest.harvest.DocumentRef;

/**
 * Shows "documents done / total, rate, rejects so far" on stderr as a {@link ProgressLine} (at the
 * first document, then as the line's pace allows, and at the last), so a long run shows it is
 * alive without mixing into the summary on stdout or flooding a log. One run's partitions count
 * into the same progress from their own threads: the partitioner {@link #start starts} it with the
 * run's total, each partition's {@link Listener} counts.
 */
class ProgressReporter {

    private final CommandOutput output;
    private final Map<Long, Progress> runs = new ConcurrentHashMap<>();

    ProgressReporter(CommandOutput output) {
        this.output = output;
    }

    /** A run (job execution {@code run}) has {@code total} documents, {@code done} of them done already ({@code rejects} rejected). */
    void start(long run, int total, int done, int rejects) {
        Progress progress = new Progress(total, new ProgressLine(output));
        progress.done = done;
        progress.rejects = rejects;
        runs.put(run, progress);
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
        boolean last = progress.done >= progress.total;
        progress.line.update(() -> String.format(Locale.ROOT, "documents %d/%d (%.1f/s), rejects %d", progress.done,
                progress.total, progress.done / progress.line.seconds(), progress.rejects), last);
        if (last) {
            runs.remove(run);
        }
    }

    private static final class Progress {
        private final int total;
        private final ProgressLine line;
        private int done;
        private int rejects;

        Progress(int total, ProgressLine line) {
            this.total = total;
            this.line = line;
        }
    }

    /** Counts one partition's documents into its run's progress. */
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

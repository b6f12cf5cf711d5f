package org.peelharvest.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import org.springframework.batch.core.listener.ItemProcessListener;


/**
 * Prints "documents done / total, rate, rejects so far" at most every couple of seconds, so a
 * long run shows it is alive without flooding a log.
 */
class ProgressReporter implements ItemProcessListener<DocumentRef, ExtractedDocument> {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final DocumentReader reader;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private int done;
    private int rejects;

    ProgressReporter(DocumentReader reader, PrintStream out) {
        this.reader = reader;
        this.out = out;
    }

    @Override
    public void afterProcess(DocumentRef document, ExtractedDocument extracted) {
        done++;
        maybePrint();
    }

    @Override
    public void onProcessError(DocumentRef document, Exception failure) {
        done++;
        rejects++;
        maybePrint();
    }

    private void maybePrint() {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL.toNanos() || done == reader.total()) {
            lastPrinted = now;
            double seconds = Math.max((now - started) / 1e9, 1e-3);
            out.printf(Locale.ROOT, "documents %d/%d (%.1f/s), rejects %d%n", done, reader.total(), done / seconds, rejects);
        }
    }
}

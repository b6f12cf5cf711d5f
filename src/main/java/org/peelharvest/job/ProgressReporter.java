package org.peelharvest.job;

import java.util.Locale;

import org.springframework.batch.core.listener.ItemProcessListener;

/**
 * Shows "documents done / total, rate, rejects so far" on stderr as a {@link ProgressLine}, so a
 * long run shows it is alive without mixing into the summary on stdout or flooding a log.
 */
class ProgressReporter implements ItemProcessListener<DocumentRef, ExtractedDocument> {

    private final DocumentReader reader;
    private final ProgressLine line;
    private int done;
    private int rejects;

    ProgressReporter(DocumentReader reader, CommandOutput output) {
        this.reader = reader;
        this.line = new ProgressLine(output);
    }

    @Override
    public void afterProcess(DocumentRef document, ExtractedDocument extracted) {
        done++;
        show();
    }

    @Override
    public void onProcessError(DocumentRef document, Exception failure) {
        done++;
        rejects++;
        show();
    }

    private void show() {
        line.update(() -> String.format(Locale.ROOT, "documents %d/%d (%.1f/s), rejects %d", done, reader.total(),
                done / line.seconds(), rejects), done == reader.total());
    }
}

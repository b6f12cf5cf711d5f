package org.peelharvest.job;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.publish.StagingArea;

/**
 * Stages each extracted report, then records its document as done; safe to run twice on the same
 * chunk (the staging area keeps one of each). Opening it creates the run's work area; closing it
 * closes the partition's log.
 */
class StagingWriter implements ItemWriter<ExtractedDocument>, ItemStream {

    private final StagingArea staging;

    StagingWriter(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        staging.create();
    }

    @Override
    public void close() {
        staging.close();
    }

    @Override
    public void write(Chunk<? extends ExtractedDocument> documents) {
        for (ExtractedDocument document : documents) {
            document.reports().forEach(staging::put);
            DocumentRef ref = document.document();
            staging.putDone(new StagingArea.Done(ref.key(), ref.url(), ref.fingerprint(), document.sha256(), false,
                    document.reports().stream().map(r -> r.report().reportId()).distinct().toList(),
                    document.fromCache()));
        }
    }
}

package org.peelharvest.job;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.publish.StagingArea;

/**
 * One partition's documents as a Spring Batch reader: the places {@link DocumentPartitioner} dealt
 * to it (listed by {@link org.peelharvest.harvest.DocumentSource}), handed out one at a time. Only
 * the places are held, never the contents.
 */
class DocumentReader extends AbstractItemCountingItemStreamItemReader<DocumentRef> {

    private final StagingArea staging;
    private final String partition;
    private List<DocumentRef> documents = List.of();
    private int next;

    /** The reader of one partition's documents, as {@link DocumentPartitioner} dealt them. */
    DocumentReader(StagingArea staging, String partition) {
        this.staging = staging;
        this.partition = partition;
        setName("documents");
        // Where to go on is told by what is done (staging), not by a count: the inputs may have changed.
        setSaveState(false);
    }

    @Override
    protected void doOpen() {
        documents = DocumentPartitioner.read(staging, partition);
        next = 0;
    }

    @Override
    protected DocumentRef doRead() {
        return next < documents.size() ? documents.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = Math.min(itemIndex, documents.size());
    }

    @Override
    protected void doClose() {
        documents = List.of();
    }
}

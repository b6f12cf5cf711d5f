package org.peelharvest.job;

import org.springframework.batch.core.step.skip.SkipPolicy;

import org.peelharvest.model.RejectedDocumentException;

/**
 * Skips a document that a stage rejected, however many there are (the quality gate judges the
 * reject rate after the run), and nothing else: an I/O failure of the output or the job
 * repository fails the step so that a restart can finish it. Set explicitly because the
 * builder's defaults changed between Spring Batch 6.0 releases.
 */
class RejectedDocumentSkipPolicy implements SkipPolicy {

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        return failure instanceof RejectedDocumentException;
    }
}

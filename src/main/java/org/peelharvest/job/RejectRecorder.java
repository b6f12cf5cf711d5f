package org.peelharvest.job;

import org.springframework.batch.core.listener.SkipListener;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.publish.StagingArea;

/** Records every skipped document as a reject, with the reason its stage gave, then as done. */
class RejectRecorder implements SkipListener<DocumentRef, ExtractedDocument> {

    private final StagingArea staging;

    RejectRecorder(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public void onSkipInProcess(DocumentRef document, Throwable failure) {
        staging.put(document.key(), rejectOf(document, failure));
        // The digest of the bytes read, where the document was read before it was rejected.
        String sha256 = failure instanceof ExtractProcessor.ReadAndRejected read ? read.sha256() : null;
        StagingArea.Done done = StagingArea.Done.rejected(document.key(), document.url(), document.fingerprint(), sha256);
        staging.putDone(failure instanceof ExtractProcessor.KeptReject ? done.fromCache() : done);
    }

    @Override
    public void onSkipInWrite(ExtractedDocument document, Throwable failure) {
        DocumentRef ref = document.document();
        staging.put(ref.key(), new Reject(document.url(), "write", RejectReason.WRITE_FAILED,
                String.valueOf(failure.getMessage())));
        staging.putDone(StagingArea.Done.rejected(ref.key(), ref.url(), ref.fingerprint(), document.sha256()));
    }

    private static Reject rejectOf(DocumentRef document, Throwable failure) {
        if (failure instanceof RejectedDocumentException rejected) {
            return rejected.reject();
        }
        return new Reject(document.url(), "extract", RejectReason.EXTRACT_FAILED, String.valueOf(failure));
    }
}

package org.peelharvest.job;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.validate.ReportValidator;

/**
 * One document's whole journey before writing: read its bytes (from its source, {@link
 * DocumentSource#read}, never past the size limit), extract its reports, validate each. A document
 * that fails any of these throws {@link RejectedDocumentException}, which the step skips and
 * records; nothing is dropped by returning null. A document an earlier run of the same extractor
 * version already parsed is not parsed again: its outcome comes from the {@link ExtractionCache}
 * (issue 18), unless the run is to read everything ({@code --full}).
 */
class ExtractProcessor implements ItemProcessor<DocumentRef, ExtractedDocument> {

    private final DocumentExtractor extractor;
    private final ReportValidator validator;
    /** Null when this build keeps no outcomes (it cannot name its extractor version). */
    private final ExtractionCache cache;
    private final boolean full;

    ExtractProcessor(DocumentExtractor extractor, ReportValidator validator, ExtractionCache cache, boolean full) {
        this.extractor = extractor;
        this.validator = validator;
        this.cache = cache;
        this.full = full;
    }

    /**
     * A document read and rejected: its reject, and the SHA-256 of the bytes read, which {@code
     * run.json} gives for it (rather than hashing its file again when publishing).
     */
    static class ReadAndRejected extends RejectedDocumentException {

        private final transient String sha256;

        ReadAndRejected(RejectedDocumentException rejected, String sha256) {
            super(rejected.reject(), rejected.getCause() != null ? rejected.getCause() : rejected);
            this.sha256 = sha256;
        }

        ReadAndRejected(Reject reject, String sha256) {
            super(reject);
            this.sha256 = sha256;
        }

        String sha256() {
            return sha256;
        }
    }

    /** A reject an earlier run found, given again: recorded as the document's outcome, counted as from the cache. */
    static final class KeptReject extends ReadAndRejected {
        KeptReject(Reject reject, String sha256) {
            super(reject, sha256);
        }
    }

    @Override
    public ExtractedDocument process(DocumentRef ref) {
        SourceDocument document = DocumentSource.read(ref, extractor.limits().maxBytes());
        String key = cache == null ? null : cache.keyOf(document);
        Optional<ExtractionCache.Entry> kept = key == null || full ? Optional.empty() : cache.get(key);
        if (kept.isPresent() && kept.get().reject() != null) {
            throw new KeptReject(kept.get().reject(), document.sha256());
        }
        return kept.map(entry -> new ExtractedDocument(ref, document.sha256(), entry.reports().stream().map(StagingArea::json).toList(), true))
                .orElseGet(() -> extracted(ref, document, key));
    }

    /** The document parsed: its reports, each valid, kept for the next run under {@code key} (null: not kept). */
    private ExtractedDocument extracted(DocumentRef ref, SourceDocument document, String key) {
        List<Report> reports;
        try {
            reports = extractor.extractAll(document).stream().map(validator::requireValid).toList();
        } catch (RejectedDocumentException e) {
            if (key != null) {
                cache.putReject(key, e.reject());
            }
            throw new ReadAndRejected(e, document.sha256());
        } catch (RuntimeException e) {
            // A parser bug or a document shaped in a way nobody foresaw: reject this one, go on.
            throw new ReadAndRejected(new RejectedDocumentException(new Reject(document.url(), "extract",
                    RejectReason.EXTRACT_FAILED, org.peelharvest.model.InWords.of(e)), e), document.sha256());
        }
        List<StagingArea.ReportJson> staged = reports.stream().map(StagingArea::json).toList();
        if (key != null) {
            cache.putReports(key, staged);
        }
        return new ExtractedDocument(ref, document.sha256(), staged, false);
    }
}

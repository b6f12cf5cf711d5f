package org.peelharvest.job;


import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.validate.ReportValidator;

/**
 * One document's whole journey before writing: read its bytes (from its source, {@link
 * DocumentSource#read}, never past the size limit), extract its reports, validate each. A document
 * that fails any of these throws {@link RejectedDocumentException}, which the step skips and
 * records; nothing is dropped by returning null.
 */
class ExtractProcessor implements ItemProcessor<DocumentRef, ExtractedDocument> {

    private final DocumentExtractor extractor;
    private final ReportValidator validator;

    ExtractProcessor(DocumentExtractor extractor, ReportValidator validator) {
        this.extractor = extractor;
        this.validator = validator;
    }

    @Override
    public ExtractedDocument process(DocumentRef ref) {
        SourceDocument document = DocumentSource.read(ref, extractor.limits().maxBytes());
        try {
            return new ExtractedDocument(ref, document.sha256(),
                    extractor.extractAll(document).stream().map(validator::requireValid).toList());
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug or a document shaped in a way nobody foresaw: reject this one, go on.
            throw new RejectedDocumentException(new Reject(document.url(), "extract", RejectReason.EXTRACT_FAILED,
                    org.peelharvest.model.InWords.of(e)), e);
        }
    }
}

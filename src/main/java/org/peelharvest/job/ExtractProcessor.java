package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.WarcDocuments;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.validate.ReportValidator;

/**
 * One document's whole journey before writing: read its bytes, extract its reports, validate each.
 * A document that fails any of these throws {@link RejectedDocumentException}, which the step
 * skips and records; nothing is dropped by returning null.
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
        SourceDocument document = read(ref);
        try {
            return new ExtractedDocument(document.url(), extractor.extractAll(document).stream().map(validator::requireValid).toList());
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug or a document shaped in a way nobody foresaw: reject this one, go on.
            throw new RejectedDocumentException(new Reject(document.url(), "extract", "extract-failed",
                    e.getClass().getSimpleName() + ": " + e.getMessage()), e);
        }
    }

    private static SourceDocument read(DocumentRef ref) {
        try {
            byte[] content = ref.inWarc() ? WarcDocuments.payload(ref.file(), ref.offset()) : Files.readAllBytes(ref.file());
            return new SourceDocument(ref.url(), content);
        } catch (IOException e) {
            throw new RejectedDocumentException(new Reject(ref.url(), "read", "unreadable",
                    "cannot read " + (ref.inWarc() ? "the WARC record" : "the file") + ": " + e.getMessage()), e);
        }
    }
}

package org.peelharvest.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.harvest.WarcDocuments;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.validate.ReportValidator;

/**
 * One document's whole journey before writing: read its bytes, extract its reports, validate each.
 * A document that fails any of these throws {@link RejectedDocumentException}, which the step
 * skips and records; nothing is dropped by returning null. A document is never read past the
 * size limit: its size is checked before it is read, and the read stops at the limit.
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
        if (ref.problem() != null) {
            throw new RejectedDocumentException(ref.problem());
        }
        SourceDocument document = read(ref);
        try {
            return new ExtractedDocument(ref, document.sha256(),
                    extractor.extractAll(document).stream().map(validator::requireValid).toList());
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug or a document shaped in a way nobody foresaw: reject this one, go on.
            throw new RejectedDocumentException(new Reject(document.url(), "extract", RejectReason.EXTRACT_FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage()), e);
        }
    }

    private SourceDocument read(DocumentRef ref) {
        long maxBytes = extractor.limits().maxBytes();
        try {
            return new SourceDocument(ref.url(), ref.inWarc() ? WarcDocuments.payload(ref.file(), ref.offset(), maxBytes)
                    : readFile(ref, maxBytes));
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (WarcDocuments.TooLargeException e) {
            throw reject(ref, RejectReason.TOO_LARGE, e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw reject(ref, RejectReason.UNREADABLE, "cannot read " + (ref.inWarc() ? "the WARC file: " : "the file: ")
                    + DocumentSource.describe(e), e);
        } catch (IOException | RuntimeException e) {
            if (ref.inWarc()) {
                throw reject(ref, RejectReason.CORRUPT_WARC, "cannot read the WARC record at offset " + ref.offset() + ": "
                        + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
            throw reject(ref, RejectReason.UNREADABLE, "cannot read the file: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A regular file no longer than the limit; a device such as /dev/zero or a pipe is refused unread. */
    private static byte[] readFile(DocumentRef ref, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(ref.file(), BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw reject(ref, RejectReason.UNREADABLE, attributes.isDirectory() ? "a folder, not a file"
                    : "not a regular file (a device, a pipe or a socket), so it may never end", null);
        }
        if (attributes.size() > maxBytes) {
            throw reject(ref, RejectReason.TOO_LARGE, DocumentExtractor.tooLarge(attributes.size(), maxBytes), null);
        }
        try (InputStream in = Files.newInputStream(ref.file())) {
            byte[] content = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 9) + 1);
            if (content.length > maxBytes) {
                // It grew while being read.
                throw reject(ref, RejectReason.TOO_LARGE, DocumentExtractor.tooLarge(content.length, maxBytes), null);
            }
            return content;
        }
    }

    private static RejectedDocumentException reject(DocumentRef ref, RejectReason reason, String detail, Throwable cause) {
        return new RejectedDocumentException(new Reject(ref.url(), "read", reason,
                DocumentRef.withoutMachinePath(detail, ref.file(), ref.url())), cause);
    }
}

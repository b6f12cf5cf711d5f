package org.peelharvest.model;

/**
 * Thrown by any stage that refuses a document; the job skips that one document, records the
 * reject and goes on. The message names the document and the reason.
 */
public class RejectedDocumentException extends RuntimeException {

    private final transient Reject reject;

    public RejectedDocumentException(Reject reject, Throwable cause) {
        super(reject.sourceUrl() + ": " + reject.reason() + " (" + reject.detail() + ")", cause);
        this.reject = reject;
    }

    public RejectedDocumentException(Reject reject) {
        this(reject, null);
    }

    public Reject reject() {
        return reject;
    }
}

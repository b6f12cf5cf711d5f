package org.peelharvest.model;

/**
 * A document that was not published, and why.
 *
 * @param stage  where it failed: {@code read}, {@code extract} or {@code validate}
 * @param reason why, from the closed list of {@link RejectReason}
 * @param detail a sentence for a person
 */
public record Reject(String sourceUrl, String stage, RejectReason reason, String detail) {
}

package org.peelharvest.model;

/**
 * A document that was not published, and why.
 *
 * @param stage  where it failed: {@code read}, {@code extract} or {@code validate}
 * @param reason a short code from a closed list ({@code empty-file}, {@code corrupt-pdf} …)
 * @param detail a sentence for a person
 */
public record Reject(String sourceUrl, String stage, String reason, String detail) {
}

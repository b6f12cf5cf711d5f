package org.peelharvest.model;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a document was not published: the closed list of {@code rejects.csv}'s {@code reason}
 * column, as the README lists it and {@code datapackage.json} declares it.
 */
public enum RejectReason {
    /** A file or folder that cannot be read: permissions, a dangling or looping link, a device or pipe. */
    UNREADABLE("unreadable"),
    /** Over {@code peel.limits.max-document-size}, or an HTML page too big for the heap. */
    TOO_LARGE("too-large"),
    /** Over {@code peel.limits.document-timeout}. */
    TIMED_OUT("timed-out"),
    /** A file named {@code .warc}/{@code .warc.gz} that is not WARC, or breaks off. */
    CORRUPT_WARC("corrupt-warc"),
    EMPTY_FILE("empty-file"),
    /** Neither HTML nor PDF. */
    UNSUPPORTED_FORMAT("unsupported-format"),
    CORRUPT_PDF("corrupt-pdf"),
    /**
     * A PDF that PDFBox could open only by repairing it (cut short, no {@code %%EOF}, its
     * cross-reference not where it says, fewer pages than its page tree): what is missing may hold
     * the grade, so it is not published as a report that states none.
     */
    DAMAGED_PDF("damaged-pdf"),
    ENCRYPTED_PDF("encrypted-pdf"),
    /** A PDF without a text layer. */
    NO_TEXT("no-text"),
    /** A force's overview page: the site's own, met on the way to the reports. */
    FORCE_OVERVIEW("force-overview", true),
    /** The 2018/19 PDF of all three pillars whose three parts were not all found. */
    COMBINED_REPORT("combined-report"),
    /** The document's sources disagree on its force, cycle or pillar. */
    CONFLICTING_IDENTITY("conflicting-identity"),
    /** A year's index of grades: the site's own, met on the way to the reports. */
    YEAR_INDEX("year-index", true),
    /** No PEEL report title and no report address. */
    NOT_A_REPORT("not-a-report"),
    /** A report page put up before its grade ("To be graded"). */
    INTERIM("interim"),
    UNKNOWN_FORCE("unknown-force"),
    UNKNOWN_CYCLE("unknown-cycle"),
    /** An integrated report whose grades cannot all be read. */
    NO_GRADES_STATEMENT("no-grades-statement"),
    GRADES_INCOMPLETE("grades-incomplete"),
    NO_HEADLINE_QUESTION("no-headline-question"),
    NO_PILLAR("no-pillar"),
    /** An unexpected parser error. */
    EXTRACT_FAILED("extract-failed"),
    /** The report broke a rule of validation; the detail names it. */
    INVALID_REPORT("invalid-report"),
    /** Its outcome could not be staged. */
    WRITE_FAILED("write-failed");

    private final String code;
    private final boolean sitePage;

    RejectReason(String code) {
        this(code, false);
    }

    RejectReason(String code, boolean sitePage) {
        this.code = code;
        this.sitePage = sitePage;
    }

    /** The code as published. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Whether it is one of the site's own pages, which the quality gate counts on neither side. */
    public boolean sitePage() {
        return sitePage;
    }

    @JsonCreator
    public static RejectReason ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reject reason '" + code + "'"));
    }

    /**
     * The detail of a {@link #TOO_LARGE} reject, one wording wherever the limit is met (reading a
     * file or a WARC record, or extraction): "120000000 bytes, more than the 52428800 allowed
     * (peel.limits.max-document-size)".
     */
    public static String tooLarge(long size, long maxBytes) {
        return size + " bytes, more than the " + maxBytes + " allowed (peel.limits.max-document-size)";
    }

    @Override
    public String toString() {
        return code;
    }
}

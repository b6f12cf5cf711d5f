package org.peelharvest.extract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Location;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;

/**
 * Turns a document's blocks and evidence, from HTML or PDF alike, into a {@link Report}: first
 * which report it is, from all the evidence it carries ({@link IdentityReader}); then its content,
 * by what each block is ({@link PillarPageReader} for 2014 to 2018/19, {@link IntegratedReportReader}
 * from 2021/22). A document it cannot read honestly is rejected with the reason.
 */
public final class ReportReader {

    static final Pattern NUMBERED_QUESTION = Pattern.compile("(?i)^(?:question\\s+)?(\\d{1,2})[.:)]?\\s+(.+)$");
    private static final Pattern LAST_UPDATED = Pattern.compile(
            "(?i)^(?:last updated|updated|published)\\s*:?\\s*(?<date>\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}\\s+[a-z]+\\s+\\d{4})");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final IdentityReader identities = new IdentityReader();
    private final IntegratedReportReader integrated = new IntegratedReportReader();

    /** @throws RejectedDocumentException when the document is no PEEL report this reader can read, naming why */
    public Report read(DocumentBlocks document, Source source) {
        List<Block> page = PageFurniture.strip(document.blocks());
        IdentityReader.Identity identity = identities.read(page, document.evidence(), source.url());
        if (identity.combined()) {
            throw new RejectedDocumentException(new Reject(source.url(), "extract", "combined-report",
                    "a report of all three pillars in one document (2018/19 PDF); each pillar is read from its own page"));
        }
        if (identity.cycle().hasFivePointScale()) {
            List<Block> content = page.subList(0, PageFurniture.contentEnd(page, identity.titleIndex() + 1));
            return integrated.read(content, identity.titleIndex(), identity.force(), identity.cycle(), source);
        }
        return PillarPageReader.read(page, identity, source);
    }

    /** The date of a "Last updated" line, or null when the line is not one. */
    static LocalDate dateOf(String line) {
        Matcher date = LAST_UPDATED.matcher(line);
        if (!date.find()) {
            return null;
        }
        String text = date.group("date");
        try {
            return LocalDate.parse(text, text.contains("/") ? DAY_FIRST : LONG_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Location locationOf(Block block) {
        return new Location(block.page(), block.path());
    }
}

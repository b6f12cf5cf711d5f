package org.peelharvest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Location;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
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

    /** Blocks between a part's title and its headline: "Force in context" and a paragraph or two (corpus 39). */
    private static final int PART_HEADLINE_WITHIN = 12;

    private final IdentityReader identities = new IdentityReader();
    private final IntegratedReportReader integrated = new IntegratedReportReader();

    /**
     * The report a document holds; the 2018/19 PDF of all three pillars holds three, one from each
     * of its parts ("Effectiveness", "Efficiency", "Legitimacy").
     *
     * @throws RejectedDocumentException when the document is no PEEL report this reader can read, naming why
     */
    public List<Report> read(DocumentBlocks document, Source source) {
        List<Block> page = PageFurniture.strip(document.blocks());
        IdentityReader.Identity identity = identities.read(page, document.evidence(), source.url());
        if (identity.combined()) {
            return readParts(page, identity, source);
        }
        if (identity.cycle().isIntegrated()) {
            // The site's furniture ends the content after the page's statement of its grades, not before
            // (a printed page's navigation can stand above it).
            int from = Math.max(identity.titleIndex(), IntegratedReportReader.statementIndex(page)) + 1;
            List<Block> content = page.subList(0, PageFurniture.contentEnd(page, from));
            return List.of(integrated.read(content, identity.titleIndex(), identity.force(), identity.cycle(), source));
        }
        return List.of(PillarPageReader.read(page, identity, source));
    }

    /**
     * The 2018/19 PDF of all three pillars: each part, from its heading ("Effectiveness") to the
     * next part or an annex, is read as that pillar's report. A document whose parts cannot all
     * be found is rejected: publishing one pillar of three would look like the whole.
     */
    private static List<Report> readParts(List<Block> page, IdentityReader.Identity identity, Source source) {
        List<Integer> starts = new ArrayList<>();
        List<Pillar> pillars = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Optional<Pillar> part = page.get(i).isListItem() ? Optional.empty() : Pillar.fromName(page.get(i).text());
            if (part.isPresent() && !pillars.contains(part.get()) && part.get() != Pillar.LEADERSHIP
                    && headlineFollows(page, i, identity.cycle(), part.get())) {
                starts.add(i);
                pillars.add(part.get());
            }
        }
        if (pillars.size() != 3) {
            throw new RejectedDocumentException(new Reject(source.url(), "extract", RejectReason.COMBINED_REPORT,
                    "a report of all three pillars in one document (2018/19 PDF) whose parts were not all found "
                            + "(found: " + pillars.stream().map(Pillar::label).toList() + ")"));
        }
        List<Report> reports = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int end = p + 1 < 3 ? starts.get(p + 1) : page.size();
            IdentityReader.Identity part = new IdentityReader.Identity(identity.force(), identity.cycle(), pillars.get(p),
                    false, -1, identity.votes());
            reports.add(PillarPageReader.read(page.subList(starts.get(p), end), part, source));
        }
        return reports;
    }

    /**
     * A part's title, however it is set (a heading, a bold line, a plain one), is followed within a
     * few blocks by its pillar's headline ("Effectiveness", "Force in context", "How effectively …?").
     */
    private static boolean headlineFollows(List<Block> page, int partAt, Cycle cycle, Pillar pillar) {
        Optional<QuestionSets.QuestionSet> set = QuestionSets.of(cycle, pillar);
        return set.isPresent() && page.subList(partAt + 1, Math.min(page.size(), partAt + 1 + PART_HEADLINE_WITHIN)).stream()
                .anyMatch(b -> QuestionSets.isHeadline(set.get(), PillarPageReader.headlineText(b.text())));
    }

    /** The date of a "Last updated" line, or null when the line is not one. */
    static LocalDate dateOf(String line) {
        return DateLines.dateOf(line);
    }

    /** Whether a line is a date line, its date a day or only a month. */
    static boolean isDateLine(String line) {
        return DateLines.isDateLine(line);
    }

    static Location locationOf(Block block) {
        return new Location(block.page(), block.path());
    }
}

package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Force;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;

/**
 * Decides which report a document is (force, cycle, and the pillar where a title names it) from
 * all the evidence it carries, each source a vote: the URL, the page and og: titles, the
 * {@code <h1>}s, the PDF's title and subject, title lines and cover lines of the text, then
 * breadcrumbs, bookmarks and title-like lines that may be links. Strong sources must agree: a
 * document whose URL says 2016 and whose title says 2015 is rejected ({@code conflicting-identity}),
 * never published under either. Weak sources count only where no strong source speaks, so a box of
 * links to a force's other PEEL years never moves a report to another year.
 */
final class IdentityReader {

    /** One source's say. */
    record Vote(Evidence source, TitleForms.Claim claim) {
    }

    /**
     * @param pillar     null where no title names the pillar (the page's text then tells it);
     *                   {@link Pillar#INTEGRATED} from 2021/22
     * @param combined   the 2018/19 report of all three pillars in one document
     * @param titleIndex the block of the text that is the report's title, -1 where the text has none
     */
    record Identity(Force force, Cycle cycle, Pillar pillar, boolean combined, int titleIndex, List<Vote> votes) {
    }

    private static final Pattern YEAR_INDEX = Pattern.compile("(?i)\\bThis is an overview of the grades forces");
    /** A force's overview page: "Derbyshire 2017", "Cleveland 2018/19" (no PEEL, no pillar). */
    private static final Pattern FORCE_OVERVIEW = Pattern.compile("^(.+?)\\s+(20\\d\\d)(/\\d\\d)?$");

    Identity read(List<Block> page, List<Evidence> evidence, String url) {
        List<Vote> votes = votes(page, evidence, url);
        boolean named = votes.stream().anyMatch(v -> v.source().kind().strong() && v.claim().force() != null)
                && votes.stream().anyMatch(v -> v.source().kind().strong() && v.claim().year() != null);
        if (votes.stream().anyMatch(v -> v.claim().overview())) {
            throw reject(url, RejectReason.FORCE_OVERVIEW, "the address is a force's overview page (no pillar after the force), not a report");
        }
        if (!named) {
            // A site page links to reports by their titles: what the page is decides before any link.
            sitePage(page, evidence, url).ifPresent(reject -> {
                throw reject;
            });
        }
        Force force = decide(votes, TitleForms.Claim::force, "force", Force::name, url);
        Integer year = decide(votes, TitleForms.Claim::year, "cycle", String::valueOf, url);
        if (force == null || year == null) {
            throw whatItIs(page, votes, url);
        }
        Cycle cycle = Cycle.startingIn(year).orElseThrow(() -> reject(url, RejectReason.UNKNOWN_CYCLE,
                "no PEEL cycle starts in " + year));
        boolean allPillars = votes.stream().anyMatch(v -> v.source().kind().strong() && v.claim().allPillars());
        Pillar pillar = cycle.isIntegrated() ? Pillar.INTEGRATED
                : decide(votes, TitleForms.Claim::pillar, "pillar", Pillar::label, url);
        boolean combined = !cycle.isIntegrated() && allPillars && pillar == null;
        return new Identity(force, cycle, pillar, combined, titleIndex(page, force, year), votes);
    }

    /** Every source's vote, in the order: the document's own evidence, then its text. */
    static List<Vote> votes(List<Block> page, List<Evidence> evidence, String url) {
        List<Vote> votes = new ArrayList<>();
        TitleForms.ofUrl(url).ifPresent(claim -> votes.add(new Vote(new Evidence(Evidence.Kind.URL, url), claim)));
        for (Evidence item : evidence) {
            TitleForms.ofTitle(item.text()).ifPresent(claim -> votes.add(new Vote(item, claim)));
        }
        for (Block block : page) {
            if (!block.isTableRow()) {
                TitleForms.ofTitle(block.text()).or(() -> TitleForms.ofInspectionLine(block.text()))
                        .ifPresent(claim -> votes.add(new Vote(new Evidence(kindOf(block, claim), block.text()), claim)));
            }
        }
        return votes;
    }

    /**
     * A line of the text names the document itself when it is a heading or a cover's "An
     * inspection of" line and names a force; a list item or a plain line may be a link to another
     * report, and a heading without a force ("PEEL 2023–2025") a section about the programme.
     */
    private static Evidence.Kind kindOf(Block block, TitleForms.Claim claim) {
        boolean titleLine = block.isHeading() || claim.year() == null;
        return !block.isListItem() && titleLine && claim.force() != null ? Evidence.Kind.HEADING : Evidence.Kind.TEXT;
    }

    /**
     * The one value the strong sources give; where none speaks, the one value the weak sources
     * give; null where nobody says. Two values among the sources that count: a conflict.
     */
    private static <T> T decide(List<Vote> votes, Function<TitleForms.Claim, T> part, String what,
                                Function<T, String> show, String url) {
        for (boolean strong : new boolean[] {true, false}) {
            Map<T, List<String>> said = new LinkedHashMap<>();
            for (Vote vote : votes) {
                T value = part.apply(vote.claim());
                if (value != null && vote.source().kind().strong() == strong) {
                    said.computeIfAbsent(value, v -> new ArrayList<>()).add(vote.source().kind().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ') + " '" + shorten(vote.source().text()) + "'");
                }
            }
            if (said.size() > 1) {
                List<String> sides = new ArrayList<>();
                said.forEach((value, sources) -> sides.add(show.apply(value) + " (" + String.join(", ", sources) + ")"));
                throw reject(url, RejectReason.CONFLICTING_IDENTITY, "the document's sources disagree on its " + what + ": "
                        + String.join(" versus ", sides));
            }
            if (said.size() == 1) {
                return said.keySet().iterator().next();
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** The first title line of the text that names this report, -1 where the text has none. */
    private static int titleIndex(List<Block> page, Force force, int year) {
        for (int i = 0; i < page.size(); i++) {
            Optional<TitleForms.Claim> claim = TitleForms.ofTitle(page.get(i).text());
            // A title names its force: "PEEL 2023–2025" alone is a section about the programme.
            if (claim.isPresent() && !page.get(i).isListItem() && Objects.equals(claim.get().year(), year)
                    && force.equals(claim.get().force())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why a document without a force or a cycle is no report: one of the site's own pages (a
     * year's index of grades, a force's overview), a title naming no force of the 43, or nothing
     * like a PEEL report at all.
     */
    private static RejectedDocumentException whatItIs(List<Block> page, List<Vote> votes, String url) {
        Optional<RejectedDocumentException> sitePage = sitePage(page, List.of(), url);
        if (sitePage.isPresent()) {
            return sitePage.get();
        }
        Optional<Vote> unnamed = votes.stream().filter(v -> v.claim().force() == null && v.claim().year() != null
                && !v.claim().forceText().isBlank() && v.source().kind().strong()).findFirst();
        if (unnamed.isPresent() && votes.stream().noneMatch(v -> v.claim().force() != null)) {
            return reject(url, RejectReason.UNKNOWN_FORCE, "'" + unnamed.get().claim().forceText()
                    + "' is not one of the 43 police forces of England and Wales (title '" + unnamed.get().source().text() + "')");
        }
        return reject(url, RejectReason.NOT_A_REPORT, "no PEEL report title ('<Force> PEEL <year>', 'PEEL: Police <pillar> <year>', "
                + "'PEEL <year>: An inspection of <Force>') and no report URL names a force and a cycle");
    }

    /** One of the site's own pages: a year's index of grades, or a force's overview ("Derbyshire 2017"). */
    private static Optional<RejectedDocumentException> sitePage(List<Block> page, List<Evidence> evidence, String url) {
        for (Evidence item : evidence) {
            String title = item.text().replaceFirst("\\s*[|\\-\\u2013]\\s*HMICFRS$", "");
            Matcher overview = FORCE_OVERVIEW.matcher(title);
            if ((item.kind() == Evidence.Kind.H1 || item.kind() == Evidence.Kind.HTML_TITLE) && overview.matches()
                    && Forces.find(overview.group(1)).isPresent()) {
                return Optional.of(reject(url, RejectReason.FORCE_OVERVIEW, "'" + title + "' is a force's overview page, not a report"));
            }
        }
        for (Block block : page) {
            if (YEAR_INDEX.matcher(block.text()).find()) {
                return Optional.of(reject(url, RejectReason.YEAR_INDEX, "a year's index of grades, not a report"));
            }
            Matcher overview = FORCE_OVERVIEW.matcher(block.text());
            if (!block.isListItem() && overview.matches() && Forces.find(overview.group(1)).isPresent()) {
                return Optional.of(reject(url, RejectReason.FORCE_OVERVIEW, "'" + block.text() + "' is a force's overview page, not a report"));
            }
        }
        return Optional.empty();
    }

    private static RejectedDocumentException reject(String url, RejectReason reason, String detail) {
        return new RejectedDocumentException(new Reject(url, "extract", reason, detail));
    }
}

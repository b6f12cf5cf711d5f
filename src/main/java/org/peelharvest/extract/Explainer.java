package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Question;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * Why a document gave what it gave, for a person looking at a reject or a warning: the identity
 * evidence and each source's vote, every block with the role it ended up in (title, headline,
 * date, grade, summary, question N, its grade, narrative and findings, furniture, ignored), and
 * the outcome.
 */
public final class Explainer {

    /**
     * What explain found: its lines, and why it stopped short (empty when it did not).
     *
     * @param stopped the one line saying which document limit stopped it and what extract does
     *                with the document; empty when the document was explained whole
     */
    public record Explanation(List<String> lines, String stopped) {
    }

    private final DocumentExtractor extractor;

    public Explainer() {
        this(DocumentExtractor.Limits.DEFAULT);
    }

    /** Explains under {@code limits}, the same limits {@code extract} rejects a document by (issue 17). */
    public Explainer(DocumentExtractor.Limits limits) {
        this.extractor = new DocumentExtractor(limits);
    }

    public Explanation explain(SourceDocument document) {
        List<String> lines = new ArrayList<>();
        lines.add("document: " + document.url() + " (" + document.content().length + " bytes, sha256 " + document.sha256() + ")");
        try {
            lines.addAll(extractor.withinLimits(document, () -> explained(document)));
        } catch (RejectedDocumentException e) {
            if (isLimit(e.reject())) {
                return new Explanation(lines, stopped(e.reject(), extractor.limits()));
            }
            lines.add("outcome: rejected " + e.reject().reason() + ": " + e.reject().detail());
        }
        return new Explanation(lines, "");
    }

    /** Whether {@code reject} is a document limit (size, time, heap) rather than what the document says. */
    public static boolean isLimit(Reject reject) {
        return reject.reason() == RejectReason.TIMED_OUT || reject.reason() == RejectReason.TOO_LARGE;
    }

    /** The line saying that a document limit stopped explain, and what extract does with the document. */
    public static String stopped(Reject reject, DocumentExtractor.Limits limits) {
        String why = reject.reason() == RejectReason.TIMED_OUT
                ? "after " + DocumentExtractor.seconds(limits.timeout()) + " (the document time limit, "
                        + DocumentExtractor.Limits.TIMEOUT_SETTING + ")"
                : "at a document limit: " + reject.detail(); // the size setting, or the heap (-Xmx)
        return "stopped " + why + "; extract rejects this document " + reject.reason().code();
    }

    /** The explanation's lines after the first, worked out in the extractor's parser thread, within its limits. */
    private List<String> explained(SourceDocument document) {
        List<String> lines = new ArrayList<>();
        DocumentBlocks blocks;
        try {
            blocks = extractor.read(document);
        } catch (RejectedDocumentException e) {
            lines.add("outcome: rejected " + e.reject().reason() + ": " + e.reject().detail());
            return lines;
        }
        List<Block> page = PageFurniture.strip(blocks.blocks());
        lines.add("identity evidence (strong sources must agree; weak ones count only where no strong one speaks):");
        for (IdentityReader.Vote vote : IdentityReader.votes(page, blocks.evidence(), document.url())) {
            lines.add(String.format(Locale.ROOT, "  %-6s %-11s %-60s -> %s", vote.source().kind().strong() ? "strong" : "weak",
                    vote.source().kind().name().toLowerCase(Locale.ROOT), quote(vote.source().text(), 58), says(vote.claim())));
        }
        List<Report> reports = List.of();
        String outcome;
        try {
            reports = extractor.reportsOf(document);
            outcome = "outcome: " + reports.size() + " report(s): " + String.join(", ", reports.stream().map(Explainer::summaryOf).toList());
        } catch (RejectedDocumentException e) {
            outcome = "outcome: rejected " + e.reject().reason() + ": " + e.reject().detail();
        }
        for (Report report : reports) {
            lines.add("identity decided: force " + report.force().slug() + ", cycle " + report.cycle().label() + ", pillar "
                    + report.pillar().label() + " (a pillar no source names is read from the text: a pillar label, "
                    + "'Questions for …', the cycle's known headline)");
        }
        lines.add("blocks from " + blocks.origin());
        lines.add("blocks (kind, role, text; then what made the block):");
        Map<Block, String> roles = roles(blocks.blocks(), page, reports);
        for (int i = 0; i < blocks.blocks().size(); i++) {
            Block block = blocks.blocks().get(i);
            lines.add(String.format(Locale.ROOT, "  [%3d] %-12s %-28s %s", i, kindOf(block), roles.get(block), quote(block.text(), 90)));
            String made = madeBy(block);
            if (!made.isEmpty()) {
                lines.add("        from " + made);
            }
        }
        lines.add(outcome);
        return lines;
    }

    /** What made a block: a PDF's tag or geometry rule, or the HTML element it came from. */
    private static String madeBy(Block block) {
        if (block.origin() != null) {
            return block.origin();
        }
        return block.path() == null ? "" : "element " + block.path();
    }

    private static String summaryOf(Report report) {
        return report.reportId() + " (judgment " + (report.judgment() == null ? "none" : report.judgment().label()
                + " from " + report.judgmentSource().name().toLowerCase(Locale.ROOT)) + ", last updated "
                + (report.lastUpdated() == null ? "none" : report.lastUpdated()) + ", " + report.questions().size() + " question(s), "
                + report.areaForImprovementCount() + " area(s) for improvement)";
    }

    private static String says(TitleForms.Claim claim) {
        List<String> parts = new ArrayList<>();
        parts.add("force " + (claim.force() == null ? "?" : claim.force().slug()));
        parts.add("cycle " + (claim.year() == null ? "?"
                : org.peelharvest.model.Cycle.startingIn(claim.year()).map(org.peelharvest.model.Cycle::label).orElse(claim.year().toString())));
        parts.add("pillar " + (claim.allPillars() ? "all three" : claim.pillar() == null ? "?" : claim.pillar().label()));
        return String.join(", ", parts);
    }

    /** Where each block ended up, told from the reports it gave (the first role that fits). */
    private static Map<Block, String> roles(List<Block> all, List<Block> kept, List<Report> reports) {
        Set<Block> content = Collections.newSetFromMap(new IdentityHashMap<>());
        content.addAll(kept);
        Map<Block, String> roles = new IdentityHashMap<>();
        Question question = null;
        Report report = null;
        for (Block block : all) {
            String text = block.text();
            String role;
            if (!content.contains(block)) {
                role = "furniture";
            } else if (TitleForms.ofTitle(text).isPresent() || TitleForms.ofInspectionLine(text).isPresent()) {
                role = "title or link";
            } else {
                Report headlineOf = reports.stream().filter(r -> !r.headlineQuestion().isEmpty()
                        && PillarPageReader.headlineText(text).equals(r.headlineQuestion())).findFirst().orElse(null);
                Question started = reports.stream().flatMap(r -> r.questions().stream())
                        .filter(q -> PillarPageReader.questionText(text).equals(q.question())).findFirst().orElse(null);
                if (headlineOf != null) {
                    report = headlineOf;
                    question = null;
                    role = "headline";
                } else if (started != null) {
                    question = started;
                    role = "question " + started.number();
                } else {
                    role = roleIn(block, report, question, reports);
                }
            }
            roles.put(block, role);
        }
        return roles;
    }

    private static String roleIn(Block block, Report report, Question question, List<Report> reports) {
        String text = block.text();
        if (ReportReader.isDateLine(text)) {
            return "date";
        }
        if (PillarPageReader.QUESTIONS_FOR.matcher(text).matches()) {
            return "questions heading";
        }
        if (PillarPageReader.NUMBER_ONLY.matcher(text).matches()) {
            return "question number";
        }
        if (QuestionBuilder.isFindingsHeading(text)) {
            return "findings heading";
        }
        if (org.peelharvest.model.Pillar.fromName(text).isPresent() || PillarPageReader.LABEL.matcher(text).matches()) {
            return "label";
        }
        if (Grades.fromLine(text).isPresent()) {
            return question == null ? "grade" : "grade of question " + question.number();
        }
        if (question != null) {
            if (findingTexts(question.areasForImprovement()).contains(text)) {
                return "area for improvement (q" + question.number() + ")";
            }
            for (CauseOfConcern cause : question.causesOfConcern()) {
                if (cause.cause().text().equals(text)) {
                    return "cause of concern (q" + question.number() + ")";
                }
                if (findingTexts(cause.recommendations()).contains(text)) {
                    return "recommendation (q" + question.number() + ")";
                }
            }
            if (findingTexts(question.recommendations()).contains(text)) {
                return "recommendation (q" + question.number() + ")";
            }
            if (paragraphs(question.summary()).contains(text)) {
                return "narrative (q" + question.number() + ")";
            }
        }
        Report holder = report != null ? report : reports.isEmpty() ? null : reports.get(0);
        if (holder != null && paragraphs(holder.summary()).contains(text)) {
            return "summary";
        }
        if (block.isTableRow()) {
            return "table row";
        }
        return "ignored";
    }

    /** A summary's paragraphs as written (list items with their bullet dropped). */
    private static List<String> paragraphs(String summary) {
        return java.util.Arrays.stream(summary.split("\n\n")).map(p -> p.startsWith("\u2022 ") ? p.substring(2) : p).toList();
    }

    private static List<String> findingTexts(List<Finding> findings) {
        return findings.stream().map(Finding::text).toList();
    }

    private static String kindOf(Block block) {
        String kind = block.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return block.isHeading() ? kind + "/" + block.level() : kind;
    }

    private static String quote(String text, int width) {
        return text.length() > width ? text.substring(0, width - 3) + "..." : text;
    }
}

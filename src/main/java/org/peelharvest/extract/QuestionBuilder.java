package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.CauseOfConcern;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Folding;
import org.peelharvest.model.Force;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Question;
import org.peelharvest.model.SearchedPattern;
import org.peelharvest.model.SiteChrome;

/**
 * Collects one question's blocks: its grade line, narrative and findings. Findings are read
 * only under their headings ("Areas for improvement", "Cause of concern", "Recommendations");
 * a cause of concern mentioned in prose is narrative.
 */
final class QuestionBuilder {

    static final Pattern AREAS_FOR_IMPROVEMENT = Pattern.compile("(?i)^areas? for improvement:?$");
    /** How an area for improvement is worded: "The force should …", "Derbyshire Constabulary should …". */
    static final SearchedPattern SHOULD = SearchedPattern.of("^(?:\\S+\\s+){1,6}should\\b");
    static final Pattern CAUSES_OF_CONCERN = Pattern.compile("(?i)^(an? )?causes? of concern:?$");
    static final Pattern RECOMMENDATIONS = Pattern.compile("(?i)^recommendations?:?$");
    /** "To address this cause of concern, we recommend that …": the recommendations follow. */
    static final SearchedPattern RECOMMEND_INTRO = SearchedPattern.of("(?i)\\bwe recommend\\b|\\brecommendations?:$");
    /** Last inspection's area for improvement, reported as dealt with (2018/19 pages). */
    static final SearchedPattern RESOLVED = SearchedPattern.of(
            "(?i)\\b(this|these|the) areas? for improvement (has|have) been (dealt with|addressed|resolved|met|completed)"
                    + "|\\bno longer an area for improvement");
    static final SearchedPattern CARRIED_OVER = SearchedPattern.of(
            "(?i)not inspected in (20\\d\\d)|not subject to detailed inspection|has been carried over"
                    + "|still stands?\\b");
    /** "Areas for improvement", "Cause of concern", "Recommendations": a heading that opens a question's findings. */
    static boolean isFindingsHeading(String text) {
        return AREAS_FOR_IMPROVEMENT.matcher(text).matches() || CAUSES_OF_CONCERN.matcher(text).matches()
                || RECOMMENDATIONS.matcher(text).matches();
    }

    private enum Section { NARRATIVE, AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS }

    private final int number;
    private final String question;
    private final Location location;
    private final List<String> narrative = new ArrayList<>();
    private final List<Finding> areasForImprovement = new ArrayList<>();
    private final List<Finding> causes = new ArrayList<>();
    private final List<List<Finding>> causeRecommendations = new ArrayList<>();
    private final List<Finding> recommendations = new ArrayList<>();
    private Judgment badge;
    private Section section = Section.NARRATIVE;
    private boolean bulletedAreas;
    private boolean recommendationsOfCause;
    private boolean findingsSeen;

    private QuestionBuilder(int number, String question, Location location) {
        this.number = number;
        this.question = question;
        this.location = location;
    }

    static QuestionBuilder start(Block block, Integer pendingNumber, int next) {
        Matcher numbered = ReportReader.NUMBERED_QUESTION.matcher(block.text());
        if (numbered.matches()) {
            return new QuestionBuilder(Integer.parseInt(numbered.group(1)), numbered.group(2), ReportReader.locationOf(block));
        }
        return new QuestionBuilder(pendingNumber != null ? pendingNumber : next, block.text(), ReportReader.locationOf(block));
    }

    void add(Block block) {
        String text = block.text();
        Optional<Judgment> grade = Grades.fromLine(text);
        if (grade.isPresent() && badge == null && !findingsSeen) {
            // The question's grade line, wherever it stands before its findings (after a first paragraph too).
            badge = grade.get();
        } else if (PillarPageReader.LABEL.matcher(text).matches()) {
            return;
        } else if (AREAS_FOR_IMPROVEMENT.matcher(text).matches()) {
            findingsSeen = true;
            section = Section.AREAS_FOR_IMPROVEMENT;
            bulletedAreas = false;
        } else if (CAUSES_OF_CONCERN.matcher(text).matches()) {
            findingsSeen = true;
            section = Section.CAUSES_OF_CONCERN;
            recommendationsOfCause = false;
        } else if (RECOMMENDATIONS.matcher(text).matches()) {
            findingsSeen = true;
            // Recommendations right after a cause of concern are that cause's.
            recommendationsOfCause = section == Section.CAUSES_OF_CONCERN && !causes.isEmpty();
            section = Section.RECOMMENDATIONS;
        } else if (SiteChrome.NOT_CONTENT.foundIn(text) || grade.isPresent()) {
            return;
        } else if (!addFinding(block)) {
            addNarrative(block);
        }
    }

    /** True when the block is a finding of the section it stands in. */
    private boolean addFinding(Block block) {
        String text = block.text();
        Finding finding = new Finding(text, ReportReader.locationOf(block));
        switch (section) {
            case AREAS_FOR_IMPROVEMENT -> {
                // Bullets, or, where a page writes them as paragraphs, "The force should …" sentences.
                if (block.isListItem() || !bulletedAreas && SHOULD.find(text)) {
                    bulletedAreas |= block.isListItem();
                    areasForImprovement.add(finding);
                    return true;
                }
            }
            case CAUSES_OF_CONCERN -> {
                if (RECOMMEND_INTRO.find(text) && !causes.isEmpty()) {
                    recommendationsOfCause = true;
                    section = Section.RECOMMENDATIONS;
                    return true;
                }
                causes.add(finding);
                causeRecommendations.add(new ArrayList<>());
                return true;
            }
            case RECOMMENDATIONS -> {
                boolean intro = RECOMMEND_INTRO.find(text);
                if (block.isListItem() || intro || SHOULD.find(text)) {
                    if (intro && !block.isListItem()) {
                        return true;
                    }
                    (recommendationsOfCause ? causeRecommendations.get(causes.size() - 1) : recommendations).add(finding);
                    return true;
                }
            }
            case NARRATIVE -> {
                // A question carried over from last year may list its still-open area for improvement
                // as a bullet with no heading (seen in 2018/19).
                if (block.isListItem() && SHOULD.find(text) && CARRIED_OVER.find(narrativeText())) {
                    areasForImprovement.add(finding);
                    return true;
                }
            }
        }
        return false;
    }

    private void addNarrative(Block block) {
        String text = block.text();
        if (!block.isListItem()) {
            section = Section.NARRATIVE;
        }
        if (!areasForImprovement.isEmpty() && Folding.containsIgnoringCase(text, "for improvement")
                && RESOLVED.find(text)) {
            // Last inspection's area for improvement, now dealt with: narrative, not a current finding.
            areasForImprovement.forEach(area -> narrative.add("\u2022 " + area.text()));
            areasForImprovement.clear();
        }
        narrative.add(block.isListItem() ? "\u2022 " + text : text);
    }

    private String narrativeText() {
        return String.join("\n\n", narrative);
    }

    Question build(Force force) {
        String summary = narrativeText();
        Judgment judgment = badge;
        JudgmentSource source = badge == null ? null : JudgmentSource.BADGE;
        if (judgment == null) {
            judgment = ProseGrades.stated(summary, question, force).orElse(null);
            source = judgment == null ? null : JudgmentSource.SUMMARY;
        }
        List<CauseOfConcern> causesOfConcern = new ArrayList<>();
        for (int i = 0; i < causes.size(); i++) {
            causesOfConcern.add(new CauseOfConcern(causes.get(i), causeRecommendations.get(i)));
        }
        boolean carriedOver = CARRIED_OVER.find(summary);
        return new Question(number, question, judgment, source, carriedOver, summary, areasForImprovement,
                causesOfConcern, recommendations, location);
    }
}

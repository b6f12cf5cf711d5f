package org.peelharvest.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Report;
import org.peelharvest.model.Warning;

/**
 * What a valid report lacks, derived from the report alone: a report is published with what its
 * page states, and each gap is a {@link Warning} rather than a guess. At most one warning of each
 * code, in the order of the codes, so the same report always gives the same warnings.
 */
public final class ReportWarnings {

    /** The first and last cycle in which every pillar report was graded (the 2014 pages are narrative). */
    private static final int FIRST_GRADED_YEAR = 2015;
    private static final int LAST_GRADED_YEAR = 2018;

    public List<Warning> of(Report report) {
        List<Warning> warnings = new ArrayList<>();
        add(warnings, report, Warning.Code.NO_QUESTIONS, noQuestions(report));
        add(warnings, report, Warning.Code.QUESTION_COUNT_DIFFERS, fewerQuestions(report));
        add(warnings, report, Warning.Code.NO_JUDGMENT, noJudgment(report));
        add(warnings, report, Warning.Code.GRADE_IN_PROSE_ONLY, gradesFromProse(report));
        add(warnings, report, Warning.Code.NO_LAST_UPDATED, noLastUpdated(report));
        add(warnings, report, Warning.Code.CONTROL_CHARACTERS_REMOVED, controlCharacters(report));
        add(warnings, report, Warning.Code.NO_HEADLINE, noHeadline(report));
        return warnings;
    }

    private static void add(List<Warning> warnings, Report report, Warning.Code code, Optional<String> detail) {
        detail.ifPresent(d -> warnings.add(new Warning(report.reportId(), report.source().url(), code, d)));
    }

    private static Optional<String> noHeadline(Report report) {
        return report.headlineQuestion().isBlank() && report.pillar() != Pillar.INTEGRATED
                ? Optional.of("the page gives its report (its questions, or its grade line) but not its headline question; the report is published "
                        + "without it, and its grade only from a grade line or summary before the questions")
                : Optional.empty();
    }

    private static Optional<String> noQuestions(Report report) {
        return report.questions().isEmpty()
                ? Optional.of("no questions were found; the report is published with what its page states")
                : Optional.empty();
    }

    /** Only against a whole published list: where the list is partial, a short count proves nothing. */
    private static Optional<String> fewerQuestions(Report report) {
        int found = report.questions().size();
        return QuestionSets.of(report.cycle(), report.pillar())
                .filter(set -> set.complete() && found > 0 && found < set.questions().size())
                .map(set -> "found " + found + " of the " + set.questions().size() + " questions that "
                        + report.cycle().label() + " " + report.pillar().label() + " reports have");
    }

    /**
     * The effectiveness, efficiency and legitimacy reports of 2015 to 2018/19 each carry a grade
     * (shared/corpus/91_…: "They are judged as outstanding, good, requires improvement or
     * inadequate on these categories (or pillars)"); leadership is not one of these pillars, and
     * its 2015 questions are all "Ungraded".
     */
    private static Optional<String> noJudgment(Report report) {
        int year = report.cycle().year();
        boolean graded = year >= FIRST_GRADED_YEAR && year <= LAST_GRADED_YEAR
                && report.pillar() != Pillar.LEADERSHIP && report.pillar() != Pillar.INTEGRATED;
        return graded && report.judgment() == null
                ? Optional.of("no grade was found, though " + report.cycle().label() + " " + report.pillar().label()
                        + " reports were graded")
                : Optional.empty();
    }

    private static Optional<String> gradesFromProse(Report report) {
        List<String> read = new ArrayList<>();
        if (report.judgmentSource() == JudgmentSource.SUMMARY) {
            read.add("the report's judgment");
        }
        List<String> questions = report.questions().stream().filter(q -> q.judgmentSource() == JudgmentSource.SUMMARY)
                .map(Question::number).map(String::valueOf).toList();
        if (!questions.isEmpty()) {
            read.add((questions.size() == 1 ? "question " : "questions ") + String.join(", ", questions));
        }
        return read.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" and ", read) + ": grade read from a sentence, not a grade line");
    }

    private static Optional<String> controlCharacters(Report report) {
        int removed = report.source().controlCharacters();
        return removed == 0 ? Optional.empty()
                : Optional.of(removed + " control character(s) removed from the document's text (a terminal escape "
                        + "or the like, no part of text)");
    }

    private static Optional<String> noLastUpdated(Report report) {
        return report.lastUpdated() == null
                ? Optional.of("the document gives no 'Last updated' date")
                : Optional.empty();
    }
}

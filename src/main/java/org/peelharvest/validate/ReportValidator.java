package org.peelharvest.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.peelharvest.model.Judgment;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SiteChrome;

/**
 * The rules a report must meet before it is published. Each broken rule is one violation, a
 * sentence naming the field; a report with any violation is rejected, never published wrong.
 */
public final class ReportValidator {

    private static final LocalDate FIRST_PUBLICATION = LocalDate.of(2014, 1, 1);
    public List<String> violations(Report report) {
        List<String> violations = new ArrayList<>();
        checkReport(report, violations);
        checkQuestions(report, violations);
        return violations;
    }

    /** @throws RejectedDocumentException listing every violation, when there is any */
    public Report requireValid(Report report) {
        List<String> violations = violations(report);
        if (!violations.isEmpty()) {
            throw new RejectedDocumentException(new Reject(report.source().url(), "validate", RejectReason.INVALID_REPORT,
                    report.reportId() + ": " + String.join("; ", violations)));
        }
        return report;
    }

    private static void checkReport(Report report, List<String> violations) {
        if (report.cycle().isIntegrated() != (report.pillar() == Pillar.INTEGRATED)) {
            violations.add("pillar " + report.pillar().label() + " does not belong to cycle " + report.cycle().label());
        }
        if (report.pillar() == Pillar.INTEGRATED && report.judgment() != null) {
            violations.add("an integrated report has no overall judgment, only its areas' grades");
        }
        checkScale(report, report.judgment(), "judgment", violations);
        LocalDate date = report.lastUpdated();
        if (date != null && (date.isBefore(FIRST_PUBLICATION) || date.isAfter(LocalDate.now().plusDays(1)))) {
            violations.add("last_updated " + date + " is outside the years PEEL has been published");
        }
        if (date != null && date.getYear() < report.cycle().year()) {
            violations.add("last_updated " + date + " is before cycle " + report.cycle().label() + " began");
        }
        if (report.questions().isEmpty() && !statesAnything(report)) {
            violations.add("no questions, grade or summary were found (a pillar page lists its questions under "
                    + "'Questions for …')");
        }
        checkQuestionCount(report, violations);
        if (SiteChrome.inField(report.headlineQuestion() + " " + report.summary())) {
            violations.add("site navigation text leaked into the summary");
        }
    }

    /**
     * A page without its questions (cut short, summary-only, a republished summary) is still worth
     * publishing when it states a grade or a summary; findings are only ever listed under questions.
     * Its missing questions are a warning ({@link ReportWarnings}), not a violation.
     */
    private static boolean statesAnything(Report report) {
        return report.judgment() != null || !report.summary().isBlank();
    }

    /** More questions than the whole published list of the cycle and pillar means one was invented. */
    private static void checkQuestionCount(Report report, List<String> violations) {
        int found = report.questions().size();
        QuestionSets.of(report.cycle(), report.pillar())
                .filter(set -> set.complete() && found > set.questions().size())
                .ifPresent(set -> violations.add(found + " questions, more than the " + set.questions().size()
                        + " that " + report.cycle().label() + " " + report.pillar().label()
                        + " reports have (a phantom question)"));
    }

    private static void checkQuestions(Report report, List<String> violations) {
        Set<Integer> numbers = new HashSet<>();
        int previous = 0;
        for (Question q : report.questions()) {
            String name = "question " + q.number();
            if (!numbers.add(q.number())) {
                violations.add(name + " appears twice");
            } else if (q.number() < previous) {
                violations.add(name + " comes after question " + previous);
            }
            previous = q.number();
            if (!q.question().endsWith("?") && report.pillar() != Pillar.INTEGRATED) {
                violations.add(name + " text does not end with a question mark");
            }
            checkScale(report, q.judgment(), name + " judgment", violations);
            if (SiteChrome.inField(q.summary() + " " + String.join(" ", findingTexts(q)))) {
                violations.add(name + ": site navigation text leaked into the narrative");
            }
        }
    }

    private static List<String> findingTexts(Question question) {
        List<String> texts = new ArrayList<>(question.areaTexts());
        question.causesOfConcern().forEach(c -> {
            texts.add(c.cause().text());
            c.recommendations().forEach(r -> texts.add(r.text()));
        });
        question.recommendations().forEach(r -> texts.add(r.text()));
        return texts;
    }

    /** Adequate exists only on the five-point scale used from 2021/22. */
    private static void checkScale(Report report, Judgment judgment, String field, List<String> violations) {
        if (judgment == Judgment.ADEQUATE && !report.cycle().hasFivePointScale()) {
            violations.add(field + " 'Adequate' is not on the four-point scale of cycle " + report.cycle().label());
        }
    }
}

package org.peelharvest.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One published PEEL report for one force, cycle and pillar: the unit the datasets are made of.
 *
 * @param judgment       null where the report states no grade (never guessed)
 * @param judgmentSource null exactly when judgment is null
 * @param lastUpdated    null where the document gives no date
 * @param summary        the summary paragraphs, separated by blank lines
 */
public record Report(Force force, Cycle cycle, Pillar pillar, String headlineQuestion,
                     Judgment judgment, JudgmentSource judgmentSource, LocalDate lastUpdated,
                     String summary, List<Question> questions, Source source) {

    public Report {
        if ((judgment == null) != (judgmentSource == null)) {
            throw new IllegalArgumentException("a judgment and its source go together");
        }
        questions = List.copyOf(questions);
    }

    /** {@code <year>-<force_slug>-<pillar>}, e.g. {@code 2016-derbyshire-effectiveness}. */
    public String reportId() {
        return cycle.year() + "-" + force.slug() + "-" + pillar.label();
    }

    /** The same report as given by a byte-identical copy of its document, found under {@code url}. */
    public Report withSourceUrl(String url) {
        return new Report(force, cycle, pillar, headlineQuestion, judgment, judgmentSource, lastUpdated, summary,
                questions, new Source(url, source.format(), source.sha256()));
    }

    public int areaForImprovementCount() {
        return questions.stream().mapToInt(q -> q.areasForImprovement().size()).sum();
    }

    public int causeOfConcernCount() {
        return questions.stream().mapToInt(q -> q.causesOfConcern().size()).sum();
    }

    public int recommendationCount() {
        return questions.stream().mapToInt(q -> q.recommendations().size()
                + q.causesOfConcern().stream().mapToInt(c -> c.recommendations().size()).sum()).sum();
    }
}

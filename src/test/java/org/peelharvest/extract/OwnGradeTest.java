package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * A report's overall grade comes only from its own grade statement, never from a question's
 * section. The case measured: a 2017 effectiveness page with no headline, whose third question's
 * heading is wrapped into two blocks; its second half ("those who are vulnerable from harm, and
 * supporting victims?") was taken for the headline, and the question's own sentence ("Cleveland
 * Police requires improvement at protecting…") for the report's grade, which the page does not state.
 * The question wordings are the 2017 effectiveness questions; the sentences are written here.
 */
class OwnGradeTest {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cleveland PEEL 2017</title></head><body>
            <main><h1>Cleveland PEEL 2017</h1>
            <p>Effectiveness</p>
            <p>Last updated 22/03/2018</p>
            <h3>How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?</h3>
            <p>Good</p>
            <p>Cleveland Police is good at preventing crime and keeping people safe.</p>
            <h3>How effective is the force at investigating crime and reducing re-offending?</h3>
            <p>Requires improvement</p>
            <p>Cleveland Police requires improvement in how it investigates crime.</p>
            <h3>How effective is the force at protecting</h3>
            <h3>those who are vulnerable from harm, and supporting victims?</h3>
            <p>Cleveland Police requires improvement at protecting vulnerable people from harm and supporting victims.</p>
            </main></body></html>
            """;

    @Test
    void aPageWithoutItsHeadlineIsPublishedWithAWarningAndItsWrappedQuestionReadWhole() {
        SourceDocument document = new SourceDocument(
                "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/cleveland/effectiveness/",
                PAGE.getBytes(StandardCharsets.UTF_8));

        Report report = new DocumentExtractor().extract(document);

        assertThat(report.judgment()).as("the page states no overall grade").isNull();
        assertThat(report.headlineQuestion()).as("the page has no headline").isEmpty();
        assertThat(new org.peelharvest.validate.ReportWarnings().of(report)).extracting(w -> w.code().label())
                .contains("no-headline");
        // The wrapped heading is one question, the third, with the grade its own section states.
        assertThat(report.questions()).extracting(Question::question, q -> q.judgment() == null ? null : q.judgment().label())
                .containsExactly(
                        tuple("How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?", "Good"),
                        tuple("How effective is the force at investigating crime and reducing re-offending?", "Requires improvement"),
                        tuple("How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
                                "Requires improvement"));
    }

    @Test
    void aQuestionTakenForTheHeadlineBeforeThePillarWasKnownIsNoHeadlineAndGivesNoReportGrade() {
        // A copy that names its pillar nowhere but in its questions' wordings (2015 effectiveness), its headline lost.
        java.util.List<Block> blocks = java.util.List.of(
                Block.heading(1, "Derbyshire PEEL 2015"),
                Block.paragraph("Last updated 25/02/2016"),
                Block.heading(3, "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?"),
                Block.paragraph("Derbyshire Constabulary is good at preventing crime and anti-social behaviour and keeping people safe."),
                Block.heading(3, "How effective is the force at investigating crime and managing offenders?"),
                Block.paragraph("Derbyshire Constabulary requires improvement at investigating crime and managing offenders."));

        Report report = new ReportReader().read(new DocumentBlocks(blocks, java.util.List.of()), new org.peelharvest.model.Source(
                "file:///downloads/derbyshire-2015.pdf", org.peelharvest.model.SourceFormat.PDF, "a".repeat(64))).get(0);

        assertThat(report.headlineQuestion()).as("the first question is no headline").isEmpty();
        assertThat(report.judgment()).as("the page states no overall grade").isNull();
        assertThat(report.questions()).extracting(q -> q.judgment() == null ? null : q.judgment().label())
                .containsExactly("Good", "Requires improvement");
    }

    @Test
    void aPieceOfAKnownQuestionIsToldFromAWholeOne() {
        QuestionSets.QuestionSet set = QuestionSets.ALL.stream()
                .filter(s -> s.cycle().equals("2017") && s.pillar().name().equals("EFFECTIVENESS")).findFirst().orElseThrow();

        assertThat(QuestionSets.isPieceOfKnown(set, "those who are vulnerable from harm, and supporting victims?")).isTrue();
        assertThat(QuestionSets.isPieceOfKnown(set, "How effective is the force at protecting")).isTrue();
        assertThat(QuestionSets.isPieceOfKnown(set,
                "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?")).isFalse();
        assertThat(QuestionSets.isPieceOfKnown(set, "How well does the force treat its workforce?")).isFalse();
        assertThat(QuestionSets.isPieceOfKnown(set, "supporting victims?")).as("two words are too few").isFalse();
    }
}

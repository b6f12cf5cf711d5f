package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;


import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceFormat;

/**
 * An untagged PDF whose bold question heading and the bold grade line under it are read as one
 * block ("How well does the force ensure that its workforce behaves ethically and lawfully? Not
 * being graded", issue 16, writer-untagged kinds): the question is read with its grade, not lost.
 * The questions are Essex's 2017 legitimacy questions (specs/trap-not-being-graded--synthetic.txt).
 */
class GradeRunOnTest {

    private static final String Q1 = "To what extent does the force treat all of the people it serves with fairness and respect?";
    private static final String Q2 = "How well does the force ensure that its workforce behaves ethically and lawfully?";

    /** Whether the pillar is known from the title and URL, or only from the page's label under its title. */
    @org.junit.jupiter.params.ParameterizedTest(name = "pillar in the title: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aQuestionWithItsGradeRunOnIsTheQuestionAndItsGrade(boolean pillarInTitle) {
        List<Block> blocks = List.of(
                Block.heading(1, pillarInTitle ? "PEEL: Police legitimacy 2017 – Essex Police" : "Essex PEEL 2017"),
                Block.paragraph("Legitimacy"),
                Block.heading(2, "How legitimate is the force at keeping people safe and reducing crime? Good"),
                Block.paragraph("Last updated 12/12/2017"),
                Block.paragraph("Essex Police is good at treating the people it serves fairly."),
                Block.heading(2, "Questions for Legitimacy"),
                Block.heading(3, Q1), Block.paragraph("Outstanding"),
                Block.heading(3, Q2 + " Not being graded"),
                Block.paragraph("The force was excused from this part of the inspection this year."));

        Report report = new ReportReader().read(new DocumentBlocks(blocks, List.of()), new Source(
                pillarInTitle ? "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/essex/legitimacy/"
                        : "file:///downloads/essex-2017.pdf",
                SourceFormat.PDF, "f".repeat(64))).get(0);

        assertThat(report.headlineQuestion()).isEqualTo("How legitimate is the force at keeping people safe and reducing crime?");
        assertThat(report.judgment().label()).isEqualTo("Good");
        assertThat(report.questions()).extracting(Question::question, q -> q.judgment().label())
                .containsExactly(tuple(Q1, "Outstanding"), tuple(Q2, "Not graded"));
    }
}

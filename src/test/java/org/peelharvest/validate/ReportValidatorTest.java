package org.peelharvest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;

/** A report is published with what its page states; what cannot be published honestly is rejected. */
class ReportValidatorTest {

    private static final LocalDate UPDATED = LocalDate.of(2016, 11, 3);

    private final ReportValidator validator = new ReportValidator();

    @Test
    void aSummaryOnlyPageWithItsGradeIsValid() {
        Report summaryOnly = TestReports.report("2016", Pillar.EFFICIENCY, JudgmentSource.BADGE, List.of(), UPDATED);

        assertThat(validator.violations(summaryOnly)).isEmpty();
    }

    @Test
    void aPageWithASummaryButNoGradeAndNoQuestionsIsValid() {
        Report summaryOnly = TestReports.report("2016", Pillar.EFFICIENCY, null, List.of(), UPDATED);

        assertThat(validator.violations(summaryOnly)).isEmpty();
    }

    @Test
    void aPageWithNoQuestionsNoGradeAndNoSummaryIsRejected() {
        Report empty = TestReports.report("2016", Pillar.EFFICIENCY, null, List.of(), UPDATED, "");

        assertThat(validator.violations(empty)).containsExactly(
                "no questions, grade or summary were found (a pillar page lists its questions under 'Questions for …')");
    }

    @Test
    void aSixQuestion2016EffectivenessReportHasAPhantomQuestionAndIsRejected() {
        Report sixQuestions = TestReports.report("2016", Pillar.EFFECTIVENESS, JudgmentSource.BADGE,
                TestReports.questions(6), UPDATED);

        assertThatThrownBy(() -> validator.requireValid(sixQuestions))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reject().reason().code()).isEqualTo("invalid-report");
                    assertThat(e.reject().detail()).isEqualTo("2016-derbyshire-effectiveness: 6 questions, more than "
                            + "the 5 that 2016 effectiveness reports have (a phantom question)");
                });
    }

    @Test
    void theWholePublishedListOfQuestionsIsValid() {
        Report five = TestReports.report("2016", Pillar.EFFECTIVENESS, JudgmentSource.BADGE, TestReports.questions(5),
                UPDATED);

        assertThat(validator.violations(five)).isEmpty();
    }

    @Test
    void moreQuestionsThanAPartialListIsNoViolation() {
        // The 2015 leadership list is cut short in the corpus after its third question.
        Report four = TestReports.report("2015", Pillar.LEADERSHIP, null, TestReports.questions(4),
                LocalDate.of(2016, 2, 25));

        assertThat(validator.violations(four)).isEmpty();
    }
}

package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.Judgment;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/** Markup shapes seen in page builders but not in the fixtures, each read to the same fields. */
class MarkupVariantsTest {

    private static final String HEAD = "<html><body><h1>Derbyshire PEEL 2016</h1><p>Effectiveness</p>";

    @Test
    void aBadgeRunOnAfterTheHeadlineAndTheDateIsReadAsTheGrade() {
        Report report = read(HEAD + "<h2>How effective is the force at keeping people safe and reducing crime? "
                + "<span class=\"badge\">Good</span></h2><p>Last updated 02/03/2017</p>"
                + "<h2>Questions for Effectiveness</h2>"
                + "<h3><span>1</span> How effective is the force at preventing crime?</h3>"
                + "<p>Last updated 02/03/2017 <strong>Outstanding</strong></p><p>Narrative.</p></body></html>");

        assertThat(report.headlineQuestion()).isEqualTo("How effective is the force at keeping people safe and reducing crime?");
        assertThat(report.judgment()).isEqualTo(Judgment.GOOD);
        assertThat(report.questions()).extracting(Question::number, Question::question)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "How effective is the force at preventing crime?"));
    }

    @Test
    void areasForImprovementWrittenAsParagraphsAreStillAreasForImprovement() {
        Report report = read(HEAD + "<h2>How effective is the force at keeping people safe and reducing crime?</h2>"
                + "<h2>Questions for Effectiveness</h2><h3>1. How effective is the force at preventing crime?</h3>"
                + "<p>Good</p><p>The force prevents crime well.</p><h4>Areas for improvement</h4>"
                + "<p>The force should evaluate its work.</p><p>Derbyshire Constabulary should share practice.</p>"
                + "<h3>2. How effective is the force at investigating crime?</h3><p>Good</p></body></html>");

        assertThat(report.questions().get(0).areaTexts())
                .containsExactly("The force should evaluate its work.", "Derbyshire Constabulary should share practice.");
        assertThat(report.questions().get(0).summary()).isEqualTo("The force prevents crime well.");
        assertThat(report.questions()).extracting(Question::number).containsExactly(1, 2);
    }

    @Test
    void aParagraphAfterBulletedAreasIsNarrativeNotAnotherArea() {
        Report report = read(HEAD + "<h2>How effective is the force at keeping people safe and reducing crime?</h2>"
                + "<h2>Questions for Effectiveness</h2><h3>How effective is the force at preventing crime?</h3>"
                + "<h4>Areas for improvement</h4><ul><li>The force should evaluate its work.</li></ul>"
                + "<p>The force should also be praised, we found.</p></body></html>");

        assertThat(report.questions().get(0).areaTexts()).containsExactly("The force should evaluate its work.");
        assertThat(report.questions().get(0).summary()).isEqualTo("The force should also be praised, we found.");
    }

    @Test
    void aQuestionInAnAccordionSummaryWithItsGradeInAnAriaLabelIsRead() {
        Report report = read(HEAD + "<h2>How effective is the force at keeping people safe and reducing crime?</h2>"
                + "<div role=\"heading\" aria-level=\"2\">Questions for Effectiveness</div>"
                + "<details><summary>How effective is the force at preventing crime?</summary>"
                + "<div><i class=\"icon\" aria-label=\"Requires improvement\"></i></div>"
                + "<div>It prevents crime.<br>It works with partners.</div>"
                + "<div><b>Areas for improvement</b><ol><li><p>The force should</p><p>evaluate.</p></li></ol></div>"
                + "</details></body></html>");

        Question question = report.questions().get(0);
        assertThat(question.judgment()).isEqualTo(Judgment.REQUIRES_IMPROVEMENT);
        assertThat(question.summary()).isEqualTo("It prevents crime.\n\nIt works with partners.");
        assertThat(question.areaTexts()).containsExactly("The force should evaluate.");
    }

    @Test
    void aTitleThatNamesItsPillarAndARatedLineAreRead() {
        Report report = read("<html><body><h1>Derbyshire PEEL 2016 \u2013 Efficiency</h1>"
                + "<h2>How efficient is the force at keeping people safe and reducing crime?</h2><p>Rated: Good</p>"
                + "<h3>How well does the force understand demand?</h3><p>Rated outstanding</p></body></html>");

        assertThat(report.reportId()).isEqualTo("2016-derbyshire-efficiency");
        assertThat(report.judgment()).isEqualTo(Judgment.GOOD);
        assertThat(report.questions()).extracting(Question::judgment).containsExactly(Judgment.OUTSTANDING);
    }

    private static Report read(String html) {
        return new DocumentExtractor().extract(new SourceDocument("test:page", html.getBytes(StandardCharsets.UTF_8)));
    }
}

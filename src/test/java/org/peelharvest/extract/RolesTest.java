package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.Judgment;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * Each block's role is found by what it is, wherever it stands: the cases of issue 8 §2 that the
 * fixtures' renderers never write. Expected values written by hand from the pages below.
 */
class RolesTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void anIntroductionQuestionBeforeTheHeadlineIsNeitherHeadlineNorSummary() {
        Report report = read("""
                <h1>Derbyshire PEEL 2016</h1>
                <h2>Introduction</h2>
                <h3>What is police effectiveness and why is it important?</h3>
                <p>An effective police force is one which keeps people safe and reduces crime.</p>
                <h2>Overview – How effective is the force at keeping people safe and reducing crime?</h2>
                <p>Overall judgement¹</p><p>Good</p>
                <p>Derbyshire Constabulary is good at keeping people safe and reducing crime.</p>
                <p>¹ Outstanding, Good, Requires improvement or Inadequate.</p>
                """);

        assertThat(report.headlineQuestion()).isEqualTo("How effective is the force at keeping people safe and reducing crime?");
        assertThat(report.judgment()).isEqualTo(Judgment.GOOD);
        assertThat(report.summary()).isEqualTo("Derbyshire Constabulary is good at keeping people safe and reducing crime.");
    }

    @Test
    void aNumberedQuestionInAWordingTheTableLacksIsAQuestionAndAnUnnumberedSubHeadingIsNarrative() {
        Report report = read("""
                <h1>Derbyshire PEEL 2016</h1>
                <h2>How effective is the force at keeping people safe and reducing crime?</h2>
                <p>Good</p>
                <h2>Questions for Effectiveness</h2>
                <p>1</p><h3>How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?</h3>
                <p>Good</p><p>The force works well with partners.</p>
                <h3>What does the public think?</h3><p>Most people are satisfied.</p>
                <h4>Areas for improvement</h4><ul><li>The force should evaluate its work.</li></ul>
                <p>2</p><h3>How well does the force investigate crimes and reduce reoffending by offenders?</h3>
                <p>Requires improvement</p><p>Investigations are too slow.</p>
                <h4>Areas for improvement</h4><ul><li>The force should supervise investigations.</li><li>The force should update victims.</li></ul>
                <h2>Next steps</h2><p>We will check the force's progress.</p>
                """);

        assertThat(report.questions()).extracting(q -> q.number() + " " + q.judgment().label() + " " + q.areasForImprovement().size())
                .containsExactly("1 Good 1", "2 Requires improvement 2");
        assertThat(report.questions().get(0).summary()).contains("What does the public think?");
        assertThat(report.questions().get(1).summary()).doesNotContain("progress");
    }

    @Test
    void aDateAndBadgeBeforeTheHeadlineAndAGradeAfterAFirstParagraphAreRead() {
        Report report = read("""
                <h1>Derbyshire PEEL 2016</h1>
                <p>Last updated 02/03/2017</p><p>Good</p>
                <h2>How effective is the force at keeping people safe and reducing crime?</h2>
                <p>Derbyshire Constabulary is good at keeping people safe and reducing crime.</p>
                <h2>Questions for Effectiveness</h2>
                <h3>How effective are the force’s specialist capabilities?</h3>
                <p>The force has the necessary arrangements in place.</p>
                <p>Ungraded</p>
                <p>It is an active participant in the local resilience forum.</p>
                """);

        assertThat(report.lastUpdated()).hasToString("2017-03-02");
        assertThat(report.judgment()).isEqualTo(Judgment.GOOD);
        assertThat(report.questions()).singleElement().extracting(q -> q.judgment()).isEqualTo(Judgment.UNGRADED);
    }

    private Report read(String main) {
        String html = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Derbyshire PEEL 2016</title></head><body><main>"
                + main + "</main></body></html>";
        return extractor.extract(new SourceDocument("local/page.html", html.getBytes(StandardCharsets.UTF_8)));
    }
}

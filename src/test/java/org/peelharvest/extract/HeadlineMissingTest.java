package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.Question;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.validate.ReportWarnings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A police and crime commissioner's copy of a pillar report re-publishes it under its own title and
 * leaves the headline question out (issue 16): the report is there, and is published with a
 * {@code no-headline} warning, whether the copy holds its questions or, cut short, only its grade
 * line and summary. The texts are shortened from the Humberside 2016 efficiency and Derbyshire 2015
 * leadership fixtures (specs/trap-cause-of-concern-in-prose--humberside-2016-efficiency.txt,
 * specs/trap-other-inspections-label--derbyshire-2015-leadership.txt).
 */
class HeadlineMissingTest {

    private static Report extract(String url, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><main>" + body
                + "</main></body></html>";
        return new DocumentExtractor().extract(new SourceDocument(url, html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCopyWithItsGradeLineAndSummaryButNoHeadlineNorQuestionsIsPublishedWithAWarning() {
        Report report = extract("https://www.humberside-pcc.gov.uk/peel/efficiency-2016/", """
                <h1>PEEL: Police efficiency 2016 – Humberside Police and Crime Commissioner</h1>
                <p>Efficiency</p>
                <p>Last updated 03/11/2016</p>
                <p>Requires improvement</p>
                <p>Humberside Police has been assessed as requires improvement in respect of the efficiency with which it keeps people safe and reduces crime.</p>
                <p>The force has a medium-term financial plan based on sound assumptions.</p>
                """);

        assertThat(report.headlineQuestion()).isEmpty();
        assertThat(report.judgment().label()).isEqualTo("Requires improvement");
        assertThat(report.lastUpdated()).hasToString("2016-11-03");
        assertThat(report.summary()).startsWith("Humberside Police has been assessed as requires improvement");
        assertThat(report.questions()).isEmpty();
        assertThat(new ReportWarnings().of(report)).extracting(w -> w.code().label()).contains("no-headline");
    }

    @Test
    void aCopyWithItsQuestionsHeadingButNoHeadlineIsPublishedAndItsIntroductionIsNoSummary() {
        Report report = extract("https://www.derbyshire-pcc.gov.uk/peel/leadership-2015/", """
                <h1>PEEL: Police leadership 2015 – Derbyshire Police and Crime Commissioner</h1>
                <p>Other inspections</p>
                <p>In addition to the three core PEEL pillars, HMICFRS carries out inspections of a wide range of policing activity throughout the year.</p>
                <p>Findings from these inspections are published separately to the main PEEL reports.</p>
                <p>Last updated 25/02/2016</p>
                <p>As part of HMIC’s annual all-force inspections into police effectiveness, efficiency and legitimacy (PEEL) in 2015, HMIC assessed how well led forces are.</p>
                <h2>Questions for Leadership</h2>
                <h3>How well does the force have a clear understanding of the current state of its leadership at every level?</h3>
                <p>HMIC examined how well forces understand the strengths and weaknesses of leadership.</p>
                """);

        assertThat(report.headlineQuestion()).isEmpty();
        assertThat(report.judgment()).isNull();
        assertThat(report.summary()).startsWith("As part of HMIC’s annual all-force inspections into police");
        assertThat(report.questions()).extracting(Question::question)
                .containsExactly("How well does the force have a clear understanding of the current state of its leadership at every level?");
    }

    @Test
    void aPageWithNeitherHeadlineNorQuestionsNorGradeIsStillRejected() {
        assertThatThrownBy(() -> extract("https://www.humberside-pcc.gov.uk/peel/efficiency-2016/", """
                <h1>PEEL: Police efficiency 2016 – Humberside Police and Crime Commissioner</h1>
                <p>Efficiency</p>
                <p>Last updated 03/11/2016</p>
                <p>The commissioner welcomes the inspectorate's report, which can be read on its website.</p>
                """)).isInstanceOf(RejectedDocumentException.class).hasMessageContaining("headline");
    }
}

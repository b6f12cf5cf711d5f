package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.model.SourceFormat;

/**
 * A pillar report whose question grades are given only in a summary before the questions ("Our
 * judgments at a glance", issue 16): each question takes the grade the summary pairs with its own
 * words; the summary is neither the report's summary nor its grade. The questions are Essex's 2017
 * legitimacy questions (specs/trap-not-being-graded--synthetic.txt); grades and sentences are written here.
 */
class QuestionGradesTableTest {

    private static final String URL = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/essex/legitimacy/";
    private static final String Q1 = "To what extent does the force treat all of the people it serves with fairness and respect?";
    private static final String Q2 = "How well does the force ensure that its workforce behaves ethically and lawfully?";

    private static String page(String grade, String glance) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Essex PEEL 2017</title></head><body>
                <main><h1>Essex PEEL 2017</h1>
                <p>Legitimacy</p>
                <h2>How legitimate is the force at keeping people safe and reducing crime?</h2>
                <p>Last updated 12/12/2017</p>
                %s
                <p>The force has made progress since last year.</p>
                <h4>Our judgments at a glance</h4>
                %s
                <h2>Questions for Legitimacy</h2>
                <h3>%s</h3>
                <p>The force treats people fairly.</p>
                <h3>%s</h3>
                <p>The force was excused from this part of the inspection this year.</p>
                </main></body></html>
                """.formatted(grade, glance, Q1, Q2);
    }

    private static Report extract(String html) {
        return new DocumentExtractor().extract(new SourceDocument(URL, html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> grades(Report report) {
        return report.questions().stream().map(q -> q.judgment() == null ? null : q.judgment().label()).toList();
    }

    @Test
    void aTableOfQuestionsAndGradesGradesEachQuestionAndIsNotTheReportsSummary() {
        Report report = extract(page("<p>Good</p>", """
                <table><tr><th>Question</th><th>Grade</th></tr>
                <tr><td>%s</td><td>Outstanding</td></tr>
                <tr><td>%s</td><td>Not being graded</td></tr></table>
                """.formatted(Q1, Q2)));

        assertThat(report.judgment().label()).isEqualTo("Good");
        assertThat(grades(report)).containsExactly("Outstanding", "Not graded");
        assertThat(report.summary()).isEqualTo("The force has made progress since last year.");
    }

    @Test
    void aReportWithoutItsOwnGradeTakesNoneFromAQuestionsRow() {
        Report report = extract(page("", """
                <dl><dt>%s</dt><dd>Good</dd><dt>%s</dt><dd>Requires improvement</dd></dl>
                """.formatted(Q1, Q2)));

        assertThat(report.judgment()).as("the page states no overall grade").isNull();
        assertThat(grades(report)).containsExactly("Good", "Requires improvement");
        assertThat(report.summary()).isEqualTo("The force has made progress since last year.");
    }

    @Test
    void gradesReadBeforeTheirQuestionsArePairedWithTheQuestionAfterThem() {
        Report report = extract(page("<p>Good</p>", """
                <ul><li><strong>Requires improvement</strong> %s</li><li><strong>Inadequate</strong> %s</li></ul>
                """.formatted(Q1, Q2)));

        assertThat(report.judgment().label()).isEqualTo("Good");
        assertThat(grades(report)).containsExactly("Requires improvement", "Inadequate");
    }

    @Test
    void aRowWhoseWordsAreNotTheQuestionsOwnGradesNothing() {
        Report report = extract(page("<p>Good</p>", """
                <table><tr><td>Treating people fairly</td><td>Outstanding</td></tr>
                <tr><td>How well does the force behave?</td><td>Inadequate</td></tr></table>
                """));

        assertThat(grades(report)).as("no grade is guessed").containsExactly(null, null);
    }

    @Test
    void anUntaggedPdfsRowWithItsGradeAmongTheWrappedLinesOfItsQuestionIsRead() {
        // As an office suite's untagged export reads: the grade cell's text falls among the question cell's lines.
        List<Block> blocks = List.of(
                Block.heading(1, "Essex PEEL 2017"), Block.paragraph("Legitimacy"),
                Block.heading(2, "How legitimate is the force at keeping people safe and reducing crime?"),
                Block.paragraph("Last updated 12/12/2017"),
                Block.paragraph("The force has made progress since last year."),
                Block.heading(4, "Our judgments at a glance"),
                new Block(Block.Kind.TABLE_ROW, 0, "Question\tGrade", 1, null),
                Block.paragraph("To what extent does the force treat all of the people it serves with Good"),
                Block.paragraph("fairness and respect?"),
                Block.paragraph("How well does the force ensure that its workforce behaves ethically Adequate and lawfully?"),
                Block.heading(2, "Questions for Legitimacy"),
                Block.heading(3, Q1), Block.paragraph("The force treats people fairly."),
                Block.heading(3, Q2), Block.paragraph("The force has a code of ethics."));

        Report report = new ReportReader().read(new DocumentBlocks(blocks, List.of()),
                new Source(URL, SourceFormat.PDF, "e".repeat(64))).get(0);

        assertThat(report.judgment()).as("the page states no overall grade").isNull();
        assertThat(report.questions()).extracting(Question::question, q -> q.judgment().label())
                .containsExactly(tuple(Q1, "Good"), tuple(Q2, "Adequate"));
        assertThat(report.summary()).isEqualTo("The force has made progress since last year.");
    }
}

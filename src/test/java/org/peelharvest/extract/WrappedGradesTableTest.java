package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * An integrated report's grades table as an office suite's untagged PDF export reads it (issue 16,
 * writer-untagged kinds of the producer variants): a long area's cell wraps, and its grade's text
 * falls on the cell's first line ("Police powers and treating the public fairly and Good" /
 * "respectfully"). The lines after it carry on the area where, with them, it is the cycle's wording.
 * The Cleveland 2023–25 fixture's table is rewritten so; the grades and areas expected are its spec's
 * ({@code specs/trap-graded-areas-table--cleveland-2023-25-integrated.txt}), written out by hand.
 */
class WrappedGradesTableTest {

    private static final Path PAGE = Path.of(
            "src/test/resources/fixtures/trap-graded-areas-table--cleveland-2023-25-integrated.semantic.html");

    @Test
    void anAreaWrappedOverLinesWithItsGradeOnTheFirstIsReadWhole() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf("<table>");
        int end = page.indexOf("</table>") + "</table>".length();
        String lines = """
                <p>Area of policing Grade</p>
                <p>Police powers and treating the public fairly and Good</p>
                <p>respectfully</p>
                <p>Preventing and deterring crime Good</p>
                <p>and anti-social behaviour, and</p>
                <p>reducing vulnerability</p>
                <p>Responding to the public Adequate</p>
                <p>Investigating crime Requires improvement</p>
                <p>Protecting vulnerable people Requires improvement</p>
                <p>Managing offenders and Good</p>
                <p>suspects</p>
                <p>Building, supporting and protecting the workforce Good</p>
                <p>Leadership and force Adequate</p>
                <p>management</p>
                """;
        String variant = page.substring(0, start) + lines + page.substring(end);

        Report report = new DocumentExtractor().extract(new SourceDocument(
                "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cleveland-2023-25/",
                variant.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.questions()).extracting(Question::question, q -> q.judgment() == null ? null : q.judgment().label())
                .startsWith(
                        tuple("Police powers and treating the public fairly and respectfully", "Good"),
                        tuple("Preventing and deterring crime and anti-social behaviour, and reducing vulnerability", "Good"),
                        tuple("Responding to the public", "Adequate"),
                        tuple("Investigating crime", "Requires improvement"),
                        tuple("Protecting vulnerable people", "Requires improvement"),
                        tuple("Managing offenders and suspects", "Good"),
                        tuple("Building, supporting and protecting the workforce", "Good"),
                        tuple("Leadership and force management", "Adequate"));
    }
}

package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * An integrated report's grades graphic read in source order: each grade badge may stand before its
 * area ("Good" / "Police powers and treating the public fairly and respectfully") or after it. The
 * Cleveland 2023–25 fixture's grades table is rewritten as such a graphic both ways; the grades
 * expected are those of its spec ({@code specs/trap-graded-areas-table--cleveland-2023-25-integrated.txt}),
 * written out here by hand.
 */
class GradesBeforeAreasTest {

    private static final Path PAGE = Path.of(
            "src/test/resources/fixtures/trap-graded-areas-table--cleveland-2023-25-integrated.semantic.html");
    private static final Pattern ROW = Pattern.compile("<tr><td>([^<]+)</td><td>([^<]+)</td></tr>");

    /** How a tile of the graphic is written: %1$s is the grade, %2$s the area. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<div class=\"tile\"><p class=\"badge\"><strong>%1$s</strong></p><p class=\"area\">%2$s</p></div>",
            "<div class=\"tile\"><p class=\"area\">%2$s</p><p class=\"badge\"><strong>%1$s</strong></p></div>",
            // A GOV.UK tag inside the list item that names the area: one line, the grade first.
            "<li><strong class=\"govuk-tag\">%1$s</strong> %2$s</li>",
            // A tile whose grade is set large, as a heading, before its area.
            "<h4>%1$s</h4><p>%2$s</p>"})
    void eachAreaHasItsOwnGradeWhicheverStandsFirst(String tile) throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf("<table>");
        int end = page.indexOf("</table>") + "</table>".length();
        StringBuilder graphic = new StringBuilder("<div class=\"grades-graphic\"><ul>\n");
        Matcher row = ROW.matcher(page.substring(start, end));
        while (row.find()) {
            graphic.append(tile.formatted(row.group(2), row.group(1))).append('\n');
        }
        String variant = page.substring(0, start) + graphic + "</ul></div>" + page.substring(end);

        Report report = new DocumentExtractor().extract(new SourceDocument(
                "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cleveland-2023-25/",
                variant.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.questions()).extracting(Question::question, q -> q.judgment() == null ? null : q.judgment().label())
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("Police powers and treating the public fairly and respectfully", "Good"),
                        org.assertj.core.groups.Tuple.tuple("Preventing and deterring crime and anti-social behaviour, and reducing vulnerability", "Good"),
                        org.assertj.core.groups.Tuple.tuple("Responding to the public", "Adequate"),
                        org.assertj.core.groups.Tuple.tuple("Investigating crime", "Requires improvement"),
                        org.assertj.core.groups.Tuple.tuple("Protecting vulnerable people", "Requires improvement"),
                        org.assertj.core.groups.Tuple.tuple("Managing offenders and suspects", "Good"),
                        org.assertj.core.groups.Tuple.tuple("Building, supporting and protecting the workforce", "Good"),
                        org.assertj.core.groups.Tuple.tuple("Leadership and force management", "Adequate"));
    }
}

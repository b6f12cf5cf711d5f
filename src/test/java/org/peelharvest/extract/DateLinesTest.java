package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * Dates in every form UK public bodies write them, after each label, and a label and its value
 * set apart in any container and either order. Expected dates are written by hand from each line.
 */
class DateLinesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Last updated 02/05/2019            | 2019-05-02
            Last updated: 2/5/2019             | 2019-05-02
            Last updated 2 May 2019            | 2019-05-02
            Last updated: 2nd May 2019         | 2019-05-02
            Updated 21st September 2018        | 2018-09-21
            Published 3 Sept 2018              | 2018-09-03
            Published on 3 Sep. 2018           | 2018-09-03
            Last reviewed 23rd March 2020      | 2020-03-23
            Last updated 2019-05-02            | 2019-05-02
            last updated 12 february 2016      | 2016-02-12
            Last updated Thursday 2 May 2019   | 2019-05-02
            Published: Fri, 27 September 2019  | 2019-09-27
            Last updated Wednesday 12th November 2014 | 2014-11-12
            Last updated 31/02/2019            |
            Last updated May 2019              |
            Last updated 2 Maybe 2019          |
            Updated guidance was published     |
            This page was updated on 2 March 2023 with our findings. |
            """)
    void aDateLineGivesItsDayOrNone(String line, String expected) {
        assertThat(DateLines.dateOf(line)).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }

    @Test
    void aLabelAndItsValueSetApartAreOneLineInEitherOrder() {
        List<Block> paired = DateLines.pairLabels(List.of(Block.paragraph("Published"), Block.paragraph("1 March 2019"),
                Block.paragraph("Last updated:"), Block.paragraph("2 May 2019"), Block.paragraph("3 June 2019"),
                Block.paragraph("Last reviewed"), Block.paragraph("Good")));

        assertThat(paired).extracting(Block::text).containsExactly("Published: 1 March 2019", "Last updated: 2 May 2019",
                "Last reviewed: 3 June 2019", "Good");
        assertThat(DateLines.best(paired)).as("'Last updated' says more than 'Published'").isEqualTo(LocalDate.of(2019, 5, 2));
    }

    @Test
    void aMonthWithoutItsDayIsADateLineThatGivesNoDate() {
        assertThat(DateLines.isDateLine("Last updated March 2017")).isTrue();
        assertThat(DateLines.dateOf("Last updated March 2017")).isNull();
        assertThat(DateLines.isDateLine("Last updated 2 March 2017")).isTrue();
        assertThat(DateLines.isDateLine("Updated guidance 2017")).isFalse();
    }

    @Test
    void aMonthWithoutItsDayBesideItsLabelIsOneDateLine() {
        List<Block> paired = DateLines.pairLabels(List.of(Block.paragraph("Last updated"), Block.paragraph("May 2019"),
                Block.paragraph("The force is good.")));

        assertThat(paired).extracting(Block::text).containsExactly("Last updated: May 2019", "The force is good.");
        assertThat(DateLines.isDateLine(paired.get(0).text())).isTrue();
        assertThat(DateLines.best(paired)).isNull();
    }

    @Test
    void aDateThatIsNoDayOfTheCalendarIsNotPaired() {
        List<Block> blocks = List.of(Block.paragraph("Last updated"), Block.paragraph("30 February 2019"));

        assertThat(DateLines.pairLabels(blocks)).isEqualTo(blocks);
    }

    /**
     * The Derbyshire 2016 sample page with its date line written as the UK government's design system
     * writes it: a summary list of label and value, the value a {@code <time datetime>} in the long form;
     * then as a table row, then with the value before its label, then with "Published" beside it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            summary list  | <dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Last updated</dt><dd class="govuk-summary-list__value"><time datetime="2017-03-02">2 March 2017</time></dd></div></dl>
            table row     | <table class="govuk-table"><tr><th scope="row">Last updated</th><td>2nd March 2017</td></tr></table>
            value first   | <p><span class="date">02/03/2017</span></p><p class="label">Last updated</p>
            both dates    | <dl><dt>Published</dt><dd>1 February 2017</dd><dt>Last updated</dt><dd>2 March 2017</dd></dl>
            weekday       | <dl><dt>Last updated</dt><dd><time datetime="2017-03-02">Thursday 2 March 2017</time></dd></dl>
            """)
    void theSamplePageGivesItsDateWhateverTheMarkupOfItsDateLine(String form, String markup) throws IOException {
        Path sample = Path.of("input/sample/derbyshire-2016-effectiveness.html");
        String page = Files.readString(sample, StandardCharsets.UTF_8);
        String line = "<p><time>Last updated 02/03/2017</time></p>";
        assertThat(page).contains(line);

        Report report = new DocumentExtractor().extract(new SourceDocument("file:///variant/" + form.replace(' ', '-') + ".html",
                page.replace(line, markup).getBytes(StandardCharsets.UTF_8)));

        assertThat(report.lastUpdated()).isEqualTo(LocalDate.of(2017, 3, 2));
        assertThat(report.summary()).doesNotContain("Last updated", "2017");
        assertThat(report.reportId()).isEqualTo("2016-derbyshire-effectiveness");
    }
}

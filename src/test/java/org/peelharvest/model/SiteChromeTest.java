package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one table of the site's own words, read the three ways extraction and validation read it. */
class SiteChromeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # line                                                     | page end | not content | misread in a field
            © Crown copyright 2024                                     | true     | false       | true
            Crown copyright                                            | true     | false       | false
            Contact us                                                 | true     | false       | false
            Contact usage figures rose                                 | false    | false       | false
            We use cookies to make the site work                       | true     | false       | true
            Cookie settings                                            | true     | false       | true
            Privacy notice                                             | true     | false       | false
            Privacy matters to victims of crime                        | false    | false       | false
            Accessibility                                              | true     | false       | false
            The force improved the accessibility of its services      | false    | false       | false
            Back to top                                                | true     | false       | false
            Skip to main content                                       | false    | true        | true
            The force should not skip to content it has not assessed   | false    | false       | true
            Derbyshire PEEL 2016 (PDF document)                        | false    | true        | false
            Cymraeg                                                    | false    | true        | true
            Darllenwch yr adroddiad yn Gymraeg                         | false    | true        | false
            Download the full report                                   | false    | true        | false
            Detailed findings for question 3                           | false    | true        | false
            English                                                    | false    | true        | false
            English is the language of most reports                    | false    | false       | false
            The force is good at preventing crime                      | false    | false       | false
            """)
    void eachPhraseIsReadWhereItStands(String line, boolean pageEnd, boolean notContent, boolean misread) {
        assertThat(SiteChrome.PAGE_END.foundIn(line)).as("page end").isEqualTo(pageEnd);
        assertThat(SiteChrome.NOT_CONTENT.foundIn(line)).as("not content").isEqualTo(notContent);
        assertThat(SiteChrome.IN_FIELD.matcher(line).find()).as("misread in a field").isEqualTo(misread);
    }
}

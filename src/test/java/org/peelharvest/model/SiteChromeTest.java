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
        assertThat(SiteChrome.inField(line)).as("misread in a field").isEqualTo(misread);
    }

    /** Fields that hold the phrases' words in every case and place: found as the pattern alone finds them. */
    @org.junit.jupiter.api.Test
    void aFieldIsReadAsThePatternAloneReadsIt() {
        java.util.Random random = new java.util.Random(18);
        String[] pieces = {"\u00a9 Crown copyright", "\u00a9 CROWN", " copyright", "We use cookies", "we USE", " cookies",
            "cookie policy", "Cookies Settings", "cookie", " settings", "skip to content", "Skip to main content", "skip to",
            "main ", "Cymraeg", "xcymraeg", "Cymraegs", "this site uses cookies", "\u0130", "\u212a", " ", ".", "the force"};
        for (int sample = 0; sample < 5000; sample++) {
            StringBuilder field = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                field.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = field.toString();
            assertThat(SiteChrome.inField(text)).as(text).isEqualTo(SiteChrome.IN_FIELD.pattern().matcher(text).find());
        }
    }

    /** Lines that hold the phrases' words in every case and place: found as the phrases' patterns alone find them. */
    @org.junit.jupiter.api.Test
    void aLineIsReadAsThePatternsAloneReadIt() {
        java.util.Random random = new java.util.Random(18);
        String[] pieces = {"Cymraeg", "CYMRAEG", "cymraegs", "xCymraeg", "(PDF document)", "(pdf DOCUMENT)", "(PDF document",
            "PDF document)", "Gymraeg", "English", "\u0130", "\u212a", " ", ".", "the force"};
        for (int sample = 0; sample < 5000; sample++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = line.toString();
            // Each phrase alone, where it stands: its pattern searched for in the whole line.
            boolean byPatterns = SiteChrome.PHRASES.stream().filter(p -> p.role() == SiteChrome.Role.NOT_CONTENT)
                    .anyMatch(p -> java.util.regex.Pattern.compile("(?i)" + switch (p.place()) {
                        case LINE_START -> "^(?:" + p.regex() + ")";
                        case WHOLE_LINE -> "^(?:" + p.regex() + ")$";
                        case LINE_END -> "(?:" + p.regex() + ")$";
                        case ANYWHERE -> "(?:" + p.regex() + ")";
                    }).matcher(text).find());
            assertThat(SiteChrome.NOT_CONTENT.foundIn(text)).as(text).isEqualTo(byPatterns);
        }
    }
}

package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words a pattern needs, looked for as a {@code (?i)} pattern compares letters: ASCII in either case. */
class TextTest {

    @ParameterizedTest(name = "[{0}] holds [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Derbyshire PEEL 2016                | peel             | true
            peel                                | peel             | true
            Peeling paint                       | peel             | true
            P E E L                             | peel             | false
            PEE                                 | peel             | false
            ''                                  | peel             | false
            AN INSPECTION OF Kent Police        | an inspection of | true
            An  inspection of Kent Police       | an inspection of | false
            \u00c0N INSPECTION OF Kent Police   | an inspection of | false
            'Contact Us, Privacy'               | contact us       | true
            """)
    void aTextHoldsWordsInEitherCaseOfTheirAsciiLetters(String text, String words, boolean holds) {
        assertThat(Text.containsIgnoringCase(text, words)).isEqualTo(holds);
    }
}

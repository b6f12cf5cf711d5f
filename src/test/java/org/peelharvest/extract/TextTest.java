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

    /** Random texts of the needles' letters in every case: held exactly where a case-insensitive pattern of the needle finds it. */
    @org.junit.jupiter.api.Test
    void aTextHoldsANeedleWhereACaseInsensitivePatternFindsIt() {
        java.util.Random random = new java.util.Random(18);
        String[] needles = {"peel", "an inspection of", "for improvement", "crown copyright", "p", "?x"};
        String[] pieces = {"p", "P", "e", "E", "l", "L", "pee", "PEEL", "an ", "AN", "inspection", " of", "for", " Improvement",
            "crown", " copyright", "?", "x", "X", " ", "\u0130", "\u212a", "\u00e9"};
        for (String needle : needles) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("(?i)" + java.util.regex.Pattern.quote(needle));
            for (int sample = 0; sample < 3000; sample++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(10); n >= 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                String each = text.toString();
                assertThat(Text.containsIgnoringCase(each, needle)).as(needle + " in " + each)
                        .isEqualTo(pattern.matcher(each).find());
            }
        }
    }
}

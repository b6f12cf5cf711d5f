package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "'  How   effective  '|How effective",
            "'a\u00a0\u00a0b'|a b",
            "'a\tb\nc\r\nd'|a b c d",
            "'a\u2007b\u202fc\u200bd'|a b c d",
            "'\u200b lead and trail \u00a0'|lead and trail",
            "'already single'|already single",
            "'Ynys M\u00f4n’s'|Ynys M\u00f4n’s",
            "'\u2003em spaces stay inside\u2003and are trimmed\u2003'|em spaces stay inside\u2003and are trimmed",
            "''|''"})
    void everyRunOfWhiteSpaceIsOneSpaceAndTheEndsAreTrimmed(String text, String folded) {
        assertThat(Folding.spaces(text)).isEqualTo(folded);
    }

    @Test
    void theLoopFoldsAsTheRegularExpressionThatDefinesItDoes() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000b', '\u00a0', '\u2007', '\u202f', '\u200b',
                '\u2003', '\u3000', '\u001c', '\u00e9', '’'};
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String expected = Folding.SPACES.matcher(text).replaceAll(" ").strip();
            assertThat(Folding.spaces(text.toString())).as("[%s]", text).isEqualTo(expected);
        }
    }

    // Whether a text holds words, as a (?i) pattern compares letters: ASCII in either case.

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
        assertThat(Folding.containsIgnoringCase(text, words)).isEqualTo(holds);
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
                assertThat(Folding.containsIgnoringCase(each, needle)).as(needle + " in " + each)
                        .isEqualTo(pattern.matcher(each).find());
            }
        }
    }
}

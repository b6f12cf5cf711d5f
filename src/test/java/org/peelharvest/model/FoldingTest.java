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
}

package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchedPatternTest {

    /** The plain text every match holds: the longest run of plain characters in the pattern's own sequence (none: empty). */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            \\bCymraeg\\b                          => 'cymraeg'
            \\(PDF document\\)                     => '(pdf document)'
            Detailed findings for question \\d+    => 'detailed findings for question '
            cookies? (policy|settings)             => 'cookie'
            skip to (main )?content                => 'skip to '
            \u00a9 crown copyright                  => '\u00a9 crown copyright'
            colou?r                                => 'colo'
            (privacy) policy                       => ' policy'
            ^(?:\\S+\\s+){1,6}should\\b            => 'should'
            x{2}yz                                 => 'yz'
            ab+c                                   => 'ab'
            [a-z]+ing [?]                          => 'ing '
            \\d+ \\s*                              => ' '
            (?i)\\d+                               => ''
            privacy|cookies                        => ''
            (?x)skip to                            => ''
            (?iu)stands                            => ''
            """)
    void aPatternGivesTheTextEveryMatchOfItHolds(String regex, String text) {
        // Free spacing: a space in the pattern matches none; Unicode case: \u017f matches s. Neither reads plain text.
        assertThat(SearchedPattern.requiredText(regex)).isEqualTo(text.isEmpty() ? null : text);
    }

    @Test
    void eachAlternativeAtTheTopGivesItsText() {
        assertThat(SearchedPattern.requiredTexts("(?i)not inspected in (20\\d\\d)|still stands?\\b|has been carried over"))
                .containsExactly("not inspected in ", "still stand", "has been carried over");
        assertThat(SearchedPattern.requiredTexts("(?i)\\bwe recommend\\b|\\d+")).isNull();
    }

    /** A pattern that is one group of alternatives, boundaries and flags around it: each alternative's text. */
    @Test
    void aGroupAloneGivesItsAlternativesTexts() {
        assertThat(SearchedPattern.requiredTexts("(?i)\\b(good|requires improvement|not (being )?graded)\\b"))
                .containsExactly("good", "requires improvement", "graded");
        assertThat(SearchedPattern.requiredTexts("^(?:yes|no)$")).containsExactly("yes", "no");
        assertThat(SearchedPattern.requiredTexts("(good|bad)+")).as("repeated: not alone").isNull();
        assertThat(SearchedPattern.requiredTexts("(good)(bad)")).as("two groups: not read").isNull();
        assertThat(SearchedPattern.requiredTexts("(?<grade>good|bad)")).as("a named group is not read").isNull();
        assertThat(SearchedPattern.requiredTexts("(?=good)(bad|ok)")).as("a look-ahead before it").isNull();
        assertThat(SearchedPattern.requiredTexts("(good|\\d+)")).isNull();
    }

    /** Texts made of the patterns' own words in every case and place: found where the pattern alone finds them. */
    @Test
    void aTextIsSearchedAsThePatternAloneSearchesIt() {
        List<String> regexes = List.of(
                "(?i)\\b(this|these|the) areas? for improvement (has|have) been (dealt with|addressed)|\\bno longer an area for improvement",
                "(?i)not inspected in (20\\d\\d)|not subject to detailed inspection|has been carried over|still stands?\\b",
                "(?i)\\bwe recommend\\b|\\brecommendations?:$", "^(?:\\S+\\s+){1,6}should\\b", "colou?r{2}s+x",
                "(?i)\u00a9 crown copyright|we use cookies|cookies? (policy|settings)|skip to (main )?content|\\bCymraeg\\b",
                "(?i)\\b(outstanding|good|adequate|requires improvement|inadequate|ungraded|not being graded|not graded)\\b");
        String[] pieces = {"this", "THESE", "the", " ", "area", "Areas", " for improvement ", "For Improvement", " has", "have",
            " been ", "dealt with", "addressed", "no longer an area for improvement", "not inspected in ", "2019", "Not Subject",
            " to detailed inspection", "has been carried over", "still stand", "s", "we recommend", "WE", " recommend",
            "recommendations:", "recommendation", ":", "the force", "should", "Should", "colo", "u", "r", "rr", "x", "\u00a9",
            " crown copyright", "We use cookies", "cookie", " policy", "skip to ", "main ", "content", "Cymraeg", "\u0130",
            "\u212a", "\u017f", ".", "\n", "good", "Good", "GOODS", "outstanding", "requires", " improvement", "Requires Improvement",
            "inadequate", "un", "graded", "not being graded", "not ", "Not Graded", "adequate"};
        Random random = new Random(18);
        for (String regex : regexes) {
            SearchedPattern searched = SearchedPattern.of(regex);
            for (int sample = 0; sample < 4000; sample++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(8); n >= 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                String each = text.toString();
                assertThat(searched.find(each)).as(regex + " in " + each).isEqualTo(searched.pattern().matcher(each).find());
            }
        }
    }
}

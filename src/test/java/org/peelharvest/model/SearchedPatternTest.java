package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SearchedPatternTest {

    /** The plain text every match holds: the longest run of plain characters in the pattern's own sequence. */
    @Test
    void aPatternGivesTheTextEveryMatchOfItHolds() {
        assertThat(SearchedPattern.requiredText("\\bCymraeg\\b")).isEqualTo("cymraeg");
        assertThat(SearchedPattern.requiredText("\\(PDF document\\)")).isEqualTo("(pdf document)");
        assertThat(SearchedPattern.requiredText("Detailed findings for question \\d+")).isEqualTo("detailed findings for question ");
        assertThat(SearchedPattern.requiredText("cookies? (policy|settings)")).isEqualTo("cookie");
        assertThat(SearchedPattern.requiredText("skip to (main )?content")).isEqualTo("skip to ");
        assertThat(SearchedPattern.requiredText("\u00a9 crown copyright")).isEqualTo("\u00a9 crown copyright");
        assertThat(SearchedPattern.requiredText("colou?r")).isEqualTo("colo");
        assertThat(SearchedPattern.requiredText("(privacy) policy")).isEqualTo(" policy");
        assertThat(SearchedPattern.requiredText("^(?:\\S+\\s+){1,6}should\\b")).isEqualTo("should");
        assertThat(SearchedPattern.requiredText("x{2}yz")).isEqualTo("yz");
        assertThat(SearchedPattern.requiredText("ab+c")).isEqualTo("ab");
        assertThat(SearchedPattern.requiredText("[a-z]+ing [?]")).isEqualTo("ing ");
        assertThat(SearchedPattern.requiredText("\\d+ \\s*")).isEqualTo(" ");
        assertThat(SearchedPattern.requiredText("(?i)\\d+")).isNull();
        assertThat(SearchedPattern.requiredText("privacy|cookies")).isNull();
        assertThat(SearchedPattern.requiredText("(?x)skip to")).as("free spacing: the space matches none").isNull();
        assertThat(SearchedPattern.requiredText("(?iu)stands")).as("Unicode case: \u017f matches s").isNull();
        assertThat(SearchedPattern.requiredTexts("(?i)not inspected in (20\\d\\d)|still stands?\\b|has been carried over"))
                .containsExactly("not inspected in ", "still stand", "has been carried over");
        assertThat(SearchedPattern.requiredTexts("(?i)\\bwe recommend\\b|\\d+")).isNull();
    }

    /** Texts made of the patterns' own words in every case and place: found where the pattern alone finds them. */
    @Test
    void aTextIsSearchedAsThePatternAloneSearchesIt() {
        List<String> regexes = List.of(
                "(?i)\\b(this|these|the) areas? for improvement (has|have) been (dealt with|addressed)|\\bno longer an area for improvement",
                "(?i)not inspected in (20\\d\\d)|not subject to detailed inspection|has been carried over|still stands?\\b",
                "(?i)\\bwe recommend\\b|\\brecommendations?:$", "^(?:\\S+\\s+){1,6}should\\b", "colou?r{2}s+x",
                "(?i)\u00a9 crown copyright|we use cookies|cookies? (policy|settings)|skip to (main )?content|\\bCymraeg\\b");
        String[] pieces = {"this", "THESE", "the", " ", "area", "Areas", " for improvement ", "For Improvement", " has", "have",
            " been ", "dealt with", "addressed", "no longer an area for improvement", "not inspected in ", "2019", "Not Subject",
            " to detailed inspection", "has been carried over", "still stand", "s", "we recommend", "WE", " recommend",
            "recommendations:", "recommendation", ":", "the force", "should", "Should", "colo", "u", "r", "rr", "x", "\u00a9",
            " crown copyright", "We use cookies", "cookie", " policy", "skip to ", "main ", "content", "Cymraeg", "\u0130",
            "\u212a", "\u017f", ".", "\n"};
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

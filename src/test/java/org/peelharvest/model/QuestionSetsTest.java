package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuestionSetsTest {

    @Test
    void copiesOfOneWordingMatchWhateverTheirCaseHyphensAndQuotes() {
        assertThat(QuestionSets.sameWording("How effective is the force at investigating crime and reducing re-offending?",
                "HOW EFFECTIVE IS THE FORCE AT INVESTIGATING CRIME AND REDUCING REOFFENDING")).isTrue();
        assertThat(QuestionSets.sameWording("How effective are the force\u2019s specialist capabilities?",
                "How effective are the force's specialist capabilities?")).isTrue();
    }

    @Test
    void aWordingWithAWordSeveralTimesIsItsOwnWording() {
        // The 2023-25 area has "and" three times; its words counted once each, it differed from itself by two.
        String area = "Preventing and deterring crime and anti-social behaviour, and reducing vulnerability";
        QuestionSets.QuestionSet set = QuestionSets.ALL.stream().filter(s -> s.cycle().equals("2023-25")).findFirst().orElseThrow();

        assertThat(QuestionSets.sameWording(area, area)).isTrue();
        assertThat(QuestionSets.questionNumber(set, area)).contains(2);
        assertThat(QuestionSets.sameWording(area, "Preventing and deterring crime and anti-social behaviour")).isFalse();
    }

    @Test
    void headlinesOfTwoPillarsNeverMatchThoughTheyDifferByOneWord() {
        assertThat(QuestionSets.sameWording("How effective is the force at keeping people safe and reducing crime?",
                "How efficient is the force at keeping people safe and reducing crime?")).isFalse();
        assertThat(QuestionSets.withHeadline("How legitimate is the force at keeping people safe and reducing crime?"))
                .extracting(QuestionSets.QuestionSet::pillar).containsOnly(Pillar.LEGITIMACY);
    }

    @Test
    void aTwentyTwentyOneSetHasItsAreasAndASixteenEffectivenessSetItsFiveQuestions() {
        assertThat(QuestionSets.of(Cycle.startingIn(2016).orElseThrow(), Pillar.EFFECTIVENESS).orElseThrow().questions()).hasSize(5);
        assertThat(QuestionSets.questionNumber(QuestionSets.of(Cycle.startingIn(2018).orElseThrow(), Pillar.EFFICIENCY).orElseThrow(),
                "How well does the force plan for the future?")).contains(2);
    }

    @Test
    void aWordingFoldsToItsWordsInLowerCaseWithHyphensInsideAWordJoined() {
        // Written by hand.
        assertThat(QuestionSets.fold("  How well does the force re-offend -- and (why)?  ")).isEqualTo("how well does the force reoffend and why");
        assertThat(QuestionSets.fold("A-b-c 1,000 don't")).isEqualTo("abc 1 000 don't");
        assertThat(QuestionSets.fold("Ynys M\u00f4n\u2019s re\u2011offending")).isEqualTo("ynys mon's reoffending");
        assertThat(QuestionSets.fold("?!")).isEmpty();
    }

    @Test
    void theOnePassFoldOfAsciiTextFoldsAsThePatternsThatDefineItDo() {
        char[] alphabet = {'a', 'Z', 'q', '-', '-', ' ', ' ', '\t', '\n', '\'', '0', '9', '?', '(', '_', '\u000b', '\u001c', '~'};
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(QuestionSets.foldAscii(text.toString())).as("[%s]", text)
                    .isEqualTo(QuestionSets.foldByPatterns(text.toString()));
        }
    }

    @Test
    void textWithCurlyQuotesDashesAndSpecialSpacesFoldsAsThePatternsDo() {
        char[] alphabet = {'a', 'Z', '-', ' ', '\'', '0', '\u2018', '\u2019', '\u201c', '\u201d', '\u2013', '\u2014',
            '\u00a0', '\u2026', '\u2022', '\u00a3', '\u2009', '\u202f', '\u00ad', '\u00e9', '\u2011'};
        Random random = new Random(12);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(QuestionSets.fold(text.toString())).as("[%s]", text)
                    .isEqualTo(QuestionSets.foldByPatterns(text.toString()));
        }
    }
}

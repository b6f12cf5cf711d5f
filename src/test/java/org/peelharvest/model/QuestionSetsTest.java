package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}

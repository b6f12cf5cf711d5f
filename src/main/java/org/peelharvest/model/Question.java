package org.peelharvest.model;

import java.util.List;

/**
 * One numbered question of a report, with its grade, narrative and areas for improvement.
 *
 * @param judgment       null where the page states no grade for the question
 * @param judgmentSource null exactly when judgment is null
 * @param carriedOver    the question was not re-inspected and last inspection's grade stands
 * @param summary        the narrative paragraphs, separated by blank lines
 */
public record Question(int number, String question, Judgment judgment, JudgmentSource judgmentSource,
                       boolean carriedOver, String summary, List<String> areasForImprovement) {

    public Question {
        if (number < 1) {
            throw new IllegalArgumentException("question number must be 1 or more: " + number);
        }
        if ((judgment == null) != (judgmentSource == null)) {
            throw new IllegalArgumentException("a judgment and its source go together");
        }
        areasForImprovement = List.copyOf(areasForImprovement);
    }
}

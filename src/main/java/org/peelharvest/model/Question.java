package org.peelharvest.model;

import java.util.List;

/**
 * One numbered question of a report (from 2021/22, one graded area of policing), with its grade,
 * narrative and findings.
 *
 * @param judgment            null where the page states no grade for the question
 * @param judgmentSource      null exactly when judgment is null
 * @param carriedOver         the question was not re-inspected and last inspection's grade stands
 * @param summary             the narrative paragraphs, separated by blank lines
 * @param causesOfConcern     each with its recommendations
 * @param recommendations     recommendations not tied to a cause of concern
 * @param location            where the question itself was read
 */
public record Question(int number, String question, Judgment judgment, JudgmentSource judgmentSource,
                       boolean carriedOver, String summary, List<Finding> areasForImprovement,
                       List<CauseOfConcern> causesOfConcern, List<Finding> recommendations, Location location) {

    public Question {
        if (number < 1) {
            throw new IllegalArgumentException("question number must be 1 or more: " + number);
        }
        if ((judgment == null) != (judgmentSource == null)) {
            throw new IllegalArgumentException("a judgment and its source go together");
        }
        areasForImprovement = List.copyOf(areasForImprovement);
        causesOfConcern = List.copyOf(causesOfConcern);
        recommendations = List.copyOf(recommendations);
    }

    public Question withJudgment(Judgment newJudgment, JudgmentSource newSource) {
        return new Question(number, question, newJudgment, newSource, carriedOver, summary, areasForImprovement,
                causesOfConcern, recommendations, location);
    }

    /** The texts of the areas for improvement, in page order. */
    public List<String> areaTexts() {
        return areasForImprovement.stream().map(Finding::text).toList();
    }
}

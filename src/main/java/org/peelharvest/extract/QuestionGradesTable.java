package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Question;
import org.peelharvest.model.QuestionSets;
import org.peelharvest.model.SearchedPattern;

/**
 * A summary of question grades before a pillar report's questions ("Our judgments at a glance"):
 * each question's own words paired with a grade, as a table row ("How well …? | Good"), a list item
 * or graphic read grade first ("Good How well …?"), a label and its value ({@code dt}/{@code dd}),
 * or an untagged PDF's row whose cells' lines run into each other ("How well does the force use its
 * resources to meet the Good" / "demand it faces?"). A pair counts only when, the grade taken out,
 * what is left is word for word one of the page's own questions: no grade is guessed, and the
 * report's overall grade is never read from a question's row (issue 16).
 *
 * @param grades each question's words (folded) to the grade the summary gives it
 * @param blocks the indices of the blocks the summary is made of, its heading and header row included
 */
record QuestionGradesTable(Map<String, Judgment> grades, Set<Integer> blocks) {

    /** A grade phrase inside a line, as the inspectorate words it. */
    private static final SearchedPattern GRADE = SearchedPattern.of(
            "(?i)\\b(" + Grades.GRADE_WORDS + "|ungraded|not being graded|not graded)\\b");
    /** An untagged PDF's table row wraps its question over a few lines (three seen on A5 pages). */
    private static final int MAX_LINES = 5;
    /** Longer than this, the blocks are prose, not a question and its grade (questions seen run to 30 words). */
    private static final int MAX_CHARS = 400;

    QuestionGradesTable {
        grades = Map.copyOf(grades);
        blocks = Set.copyOf(blocks);
    }

    /**
     * The question grades stated between {@code from} and {@code to} for the page's own questions.
     * Where a grade stands on a line of its own, the summary is read both ways, each question before
     * its grade and each grade before its question (a graphic read in source order); the reading that
     * pairs more is taken, the question first where they tie, so that the report's own grade line
     * standing just before the summary is not taken for its first question's.
     */
    static QuestionGradesTable read(List<Block> page, int from, int to, List<Question> questions) {
        if (questions.isEmpty()) {
            return new QuestionGradesTable(Map.of(), Set.of()); // nothing can pair: no question's words to leave
        }
        Set<String> wordings = new HashSet<>();
        questions.forEach(q -> wordings.add(QuestionSets.fold(q.question())));
        // Whether each block is a grade on a line of its own, asked once a block, not once a pair tried.
        boolean[] gradeLines = new boolean[Math.max(0, to)];
        for (int i = Math.max(0, from); i < to; i++) {
            gradeLines[i] = isGradeLine(page.get(i));
        }
        QuestionGradesTable questionFirst = read(page, from, to, wordings, false, gradeLines);
        QuestionGradesTable gradeFirst = read(page, from, to, wordings, true, gradeLines);
        return gradeFirst.grades().size() > questionFirst.grades().size() ? gradeFirst : questionFirst;
    }

    private static QuestionGradesTable read(List<Block> page, int from, int to, Set<String> wordings, boolean gradeFirst,
                                            boolean[] gradeLines) {
        Map<String, Judgment> grades = new LinkedHashMap<>();
        Set<Integer> blocks = new HashSet<>();
        for (int i = Math.max(0, from); i < to; i++) {
            int end = pairAt(page, i, to, wordings, gradeFirst, gradeLines, grades);
            if (end > i) {
                blocks.addAll(range(i, end));
                i = end - 1;
            }
        }
        if (!blocks.isEmpty()) {
            blocks.addAll(furnitureBefore(page, from, blocks.stream().min(Integer::compare).orElseThrow()));
        }
        return new QuestionGradesTable(grades, blocks);
    }

    /** The questions with the grade this summary gives them where their own section gives none as a grade line. */
    List<Question> applyTo(List<Question> questions) {
        return questions.stream().map(q -> {
            Judgment grade = grades.get(QuestionSets.fold(q.question()));
            boolean ownLine = q.judgmentSource() == JudgmentSource.BADGE;
            return grade == null || ownLine ? q : q.withJudgment(grade, JudgmentSource.BADGE);
        }).toList();
    }

    /** Where a question and its grade starting at block {@code i} end (exclusive), or {@code i} when none starts there. */
    private static int pairAt(List<Block> page, int i, int to, Set<String> wordings, boolean gradeFirst,
                              boolean[] gradeLines, Map<String, Judgment> grades) {
        StringBuilder text = new StringBuilder();
        for (int j = i; j < Math.min(to, i + MAX_LINES); j++) {
            Block block = page.get(j);
            if (block.isHeading() && j > i) {
                break;
            }
            text.append(text.isEmpty() ? "" : " ").append(String.join(" ", block.cells()));
            if (text.length() > MAX_CHARS) {
                break;
            }
            if (j > i && gradeLines[gradeFirst ? j : i]) {
                // A grade on its own line ends a pair read question first, and starts one read grade first.
                break;
            }
            Optional<Map.Entry<String, Judgment>> pair = pairIn(text.toString(), wordings);
            if (pair.isPresent()) {
                grades.putIfAbsent(pair.get().getKey(), pair.get().getValue());
                return j + 1;
            }
        }
        return i;
    }

    private static boolean isGradeLine(Block block) {
        return Grades.fromLine(String.join(" ", block.cells())).isPresent();
    }

    /** A grade phrase which, taken out of the text, leaves one of the questions' own words. */
    private static Optional<Map.Entry<String, Judgment>> pairIn(String text, Set<String> wordings) {
        if (!GRADE.mayBeIn(text)) {
            return Optional.empty();
        }
        Matcher grade = GRADE.pattern().matcher(text);
        while (grade.find()) {
            String rest = QuestionSets.fold(text.substring(0, grade.start()) + " " + text.substring(grade.end()));
            Optional<Judgment> judgment = Grades.fromLine(grade.group(1));
            if (wordings.contains(rest) && judgment.isPresent()) {
                return Optional.of(Map.entry(rest, judgment.get()));
            }
        }
        return Optional.empty();
    }

    /** The summary's heading ("Our judgments at a glance") and header row ("Question | Grade") just before it. */
    private static List<Integer> furnitureBefore(List<Block> page, int from, int first) {
        List<Integer> out = new ArrayList<>();
        int i = first - 1;
        if (i >= from && page.get(i).isTableRow() && page.get(i).cells().stream().allMatch(c -> c.split("\\s+").length <= 3)) {
            out.add(i--);
        }
        if (i >= from && page.get(i).isHeading()) {
            out.add(i);
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }
}

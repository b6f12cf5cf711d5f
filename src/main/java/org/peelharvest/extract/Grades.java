package org.peelharvest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Judgment;

/**
 * Recognises a grade stated on its own: a badge line ("Good"), a labelled line ("Overall
 * judgement: Good"; the PDFs spell it "judgement"), an image's alt text or a class name.
 * Interim states ("To be graded", "not yet graded") are not grades and are not recognised here.
 */
public final class Grades {

    /** The five grade words as a regular-expression alternation, for patterns that find a grade within a line. */
    static final String GRADE_WORDS = "outstanding|good|adequate|requires improvement|inadequate";

    private static final java.util.regex.Pattern NOT_A_LETTER = java.util.regex.Pattern.compile("[^a-z]+");
    private static final Pattern GRADE_LINE = Pattern.compile(
            "(?i)^(?:(?:overall\\s+)?(?:judge?ment|grade|rating|rated)"
                    // "Overall judgement¹ Good", "Overall judgement 1: Good": a footnote marker on the label.
                    + "(?:\\s*[\\u00b9\\u00b2\\u00b3]|\\s*\\d(?=\\s*[:\\-\\u2013]?\\s*[a-z]))?"
                    + "\\s*(?:[:\\-\\u2013]\\s*|\\s+|(?<=[\\u00b9\\u00b2\\u00b3\\d])))?"
                    + "(" + GRADE_WORDS + "|ungraded|not graded|not being graded)"
                    + "\\.?$");
    private static final List<String> CLASS_MARKERS = List.of("grade", "judgment", "judgement", "rating", "badge");

    private Grades() {
    }

    /** The grade a line states when the line is nothing but a grade, optionally labelled. */
    public static Optional<Judgment> fromLine(String line) {
        Matcher m = GRADE_LINE.matcher(Text.clean(line));
        if (!m.matches()) {
            return Optional.empty();
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        // "Not being graded": a force excused from that part of the inspection.
        return word.equals("not being graded") ? Optional.of(Judgment.NOT_GRADED) : Judgment.fromLabel(word);
    }

    /** A grade given as an attribute ({@code alt}, {@code aria-label}, {@code title}). */
    public static Optional<Judgment> fromBadge(String attribute) {
        return attribute == null || attribute.isBlank() ? Optional.empty() : fromLine(attribute);
    }

    /**
     * A grade carried only by class names, e.g. {@code class="judgment judgment--requires-improvement"}.
     * A grade word counts only next to a marker word (grade, judgment, rating, badge), so that a
     * class such as {@code good-practice} is not read as a grade.
     */
    public static Optional<Judgment> fromClassNames(String classNames) {
        String words = " " + NOT_A_LETTER.matcher(classNames.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        if (CLASS_MARKERS.stream().noneMatch(marker -> words.contains(" " + marker + " "))) {
            return Optional.empty();
        }
        for (String phrase : List.of("requires improvement", "inadequate", "outstanding", "adequate",
                "good", "ungraded", "not graded")) {
            if (words.contains(" " + phrase + " ")) {
                return Judgment.fromLabel(phrase);
            }
        }
        return Optional.empty();
    }
}

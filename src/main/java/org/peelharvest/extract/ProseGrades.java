package org.peelharvest.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.model.Folding;
import org.peelharvest.model.Force;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;

/**
 * Finds a grade stated in prose ("Derbyshire Constabulary is good at keeping people safe and
 * reducing crime."), for pages that show no grade line. A sentence counts only when it is in
 * the present tense, its subject is this force, and it speaks of the question at hand; a grade
 * quoted from an earlier year ("In 2016, we judged…", "…the same as last year") never counts,
 * and "needs to improve" is not a grade.
 */
final class ProseGrades {

    private static final Pattern OVERALL = Pattern.compile("^overall,?\\s+");
    private static final Pattern THE_FORCE = Pattern.compile("^(the force|the constabulary|the service|it)\\b.*");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\u2018\u201c'\"(])");
    private static final Pattern PAST = Pattern.compile(
            "(?i)\\b(last year|previous|previously|in (19|20)\\d\\d|was|were|had been|we judged|since our)\\b");
    private static final Pattern STATED = Pattern.compile("(?i)\\b(?:"
            + "(?:is|are|remains|has been (?:assessed|judged|graded|rated) (?:as|to be)"
            + "|is (?:assessed|judged|graded|rated) (?:as|to be))\\s+(" + Grades.GRADE_WORDS + ")"
            + "|(requires improvement|(?:is judged )?to require improvement)"
            + "|cannot be judged (?:any )?higher than (inadequate|requires improvement))\\b");
    private static final Pattern NEGATED = Pattern.compile("(?i)\\bnot\\s+(?:\\w+\\s+){0,2}$");
    private static final Set<String> STOP_WORDS = Set.of(
            "how", "effective", "effectively", "efficient", "efficiently", "legitimate", "legitimately",
            "is", "are", "the", "force", "forces", "at", "and", "to", "what", "extent", "does", "do", "of",
            "in", "its", "it", "a", "an", "for", "with", "well", "by", "on", "from", "that", "this",
            "which", "who", "good", "constabulary", "service", "police", "respect", "way");

    private ProseGrades() {
    }

    /** The grade that the first qualifying sentence of {@code text} states for {@code question}. */
    static Optional<Judgment> stated(String text, String question, Force force) {
        Set<String> wanted = stems(question);
        for (String sentence : SENTENCE_END.split(text)) {
            Optional<Judgment> grade = gradeOf(sentence.strip(), wanted, force);
            if (grade.isPresent()) {
                return grade;
            }
        }
        return Optional.empty();
    }

    private static Optional<Judgment> gradeOf(String sentence, Set<String> wanted, Force force) {
        // A sentence with none of a grade's words states none: most sentences are passed over at that (issue 18).
        if (!mayStateAGrade(sentence) || !aboutThisForce(sentence, force) || PAST.matcher(sentence).find()) {
            return Optional.empty();
        }
        Matcher m = STATED.matcher(sentence);
        if (!m.find() || NEGATED.matcher(sentence.substring(0, m.start())).find()) {
            return Optional.empty();
        }
        if (!relevant(stems(sentence), wanted)) {
            return Optional.empty();
        }
        String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? "requires improvement" : m.group(3);
        return Judgment.fromLabel(word.toLowerCase(Locale.ROOT));
    }

    /** Every wording {@link #STATED} matches holds one of these, in either case. */
    private static final List<String> IN_EVERY_GRADE = List.of("good", "outstanding", "adequate", "improvement");

    private static boolean mayStateAGrade(String sentence) {
        for (String word : IN_EVERY_GRADE) {
            if (Folding.containsIgnoringCase(sentence, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean aboutThisForce(String sentence, Force force) {
        String start = OVERALL.matcher(sentence.toLowerCase(Locale.ROOT)).replaceFirst("");
        if (THE_FORCE.matcher(start).matches()) {
            return true;
        }
        return Forces.spellings(force).stream()
                .anyMatch(name -> start.startsWith(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * At least three in five of the question's content words appear in the sentence: a 2014 page's
     * grade sentence restates its question, some words in another form (the stem below), while a
     * sentence about another question of the page shares a word or two of it.
     */
    private static boolean relevant(Set<String> sentence, Set<String> wanted) {
        if (wanted.isEmpty()) {
            return false;
        }
        long found = wanted.stream().filter(sentence::contains).count();
        return found * 5 >= wanted.size() * 3L;
    }

    /** Content words cut to four letters, a crude stem that matches "keeps" with "keeping". */
    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : NOT_A_LETTER.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                stems.add(word.length() > 4 ? word.substring(0, 4) : word);
            }
        }
        return stems;
    }
}

package org.peelharvest.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern searched for in a text only when the text holds one of the plain texts its matches
 * must hold: most of the texts a reader asks hold none, and trying the pattern at every character
 * of every paragraph was much of reading a small page (issues 11 and 18). The plain texts are read
 * from the pattern itself, so the two cannot disagree: {@link #find} says what the pattern alone says.
 */
public final class SearchedPattern {

    /** A flag of free spacing (x) or of Unicode case folding (u): the plain texts are not read then. */
    private static final Pattern FREE_SPACING_OR_UNICODE_CASE = Pattern.compile("\\(\\?[a-zA-Z-]*[xu]");

    private final Pattern pattern;
    /** ASCII letters small; null when some match need hold no plain text (then every text is searched). */
    private final List<String> texts;

    private SearchedPattern(Pattern pattern) {
        this.pattern = pattern;
        this.texts = requiredTexts(pattern.pattern());
    }

    /** {@code regex} compiled as it is, its flags (such as {@code (?i)}) written in it. */
    public static SearchedPattern of(String regex) {
        return new SearchedPattern(Pattern.compile(regex));
    }

    public Pattern pattern() {
        return pattern;
    }

    /** False only when the pattern cannot be found in {@code text}: it holds none of the plain texts. */
    public boolean mayBeIn(CharSequence text) {
        return mayHold(text, texts);
    }

    /** Whether the pattern is found in {@code text}, as {@code pattern().matcher(text).find()} says. */
    public boolean find(CharSequence text) {
        return mayHold(text, texts) && pattern.matcher(text).find();
    }

    /**
     * Whether {@code text} holds one of {@code texts} ({@link Folding#containsIgnoringCase}): false
     * only when no case-insensitive match of them can stand in it. True when {@code texts} is null.
     */
    public static boolean mayHold(CharSequence text, List<String> texts) {
        if (texts == null) {
            return true;
        }
        String whole = text.toString();
        for (String each : texts) {
            if (Folding.containsIgnoringCase(whole, each)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plain texts (ASCII letters small) of which every match of {@code regex} holds one: one for each of
     * its alternatives at the top ({@code a|b}), each alternative's {@link #requiredText}; null
     * when an alternative has none.
     */
    public static List<String> requiredTexts(String regex) {
        if (FREE_SPACING_OR_UNICODE_CASE.matcher(regex).find()) {
            return null; // spaces in the pattern that match none, or letters folded beyond ASCII: not plain text
        }
        List<String> texts = new ArrayList<>();
        for (String alternative : topLevelAlternatives(regex)) {
            String text = requiredText(alternative);
            String group = text == null ? soleGroup(alternative) : null;
            List<String> inGroup = group == null ? null : requiredTexts(group);
            if (text != null) {
                texts.add(text);
            } else if (inGroup != null) {
                texts.addAll(inGroup); // "\\b(good|adequate)\\b": each of the group's alternatives
            } else {
                return null;
            }
        }
        return List.copyOf(texts);
    }

    /** An inline flag group at the start, such as {@code (?i)}. */
    private static final Pattern FLAGS = Pattern.compile("^\\(\\?[a-zA-Z-]+\\)");

    /**
     * The inside of the one group an alternative is made of, with nothing around it but flags,
     * word boundaries and anchors ({@code (?i)\\b(good|adequate)\\b}), a plain or non-capturing
     * group with no repetition after it; null for any other alternative.
     */
    static String soleGroup(String alternative) {
        String rest = alternative;
        while (true) {
            java.util.regex.Matcher flags = FLAGS.matcher(rest);
            if (flags.find()) {
                rest = rest.substring(flags.end());
            } else if (rest.startsWith("\\b") || rest.startsWith("^")) {
                rest = rest.substring(rest.startsWith("^") ? 1 : 2);
            } else {
                break;
            }
        }
        while (rest.endsWith("\\b") && !rest.endsWith("\\\\b") || rest.endsWith("$") && !rest.endsWith("\\$")) {
            rest = rest.substring(0, rest.length() - (rest.endsWith("$") ? 1 : 2));
        }
        if (!rest.startsWith("(") || !rest.endsWith(")") || closingOf(rest) != rest.length() - 1) {
            return null;
        }
        String inside = rest.substring(1, rest.length() - 1);
        if (inside.startsWith("?:")) {
            return inside.substring(2);
        }
        return inside.startsWith("?") ? null : inside; // a look-around or a named group: not read
    }

    /** Where the group opened at 0 closes. */
    private static int closingOf(String regex) {
        return walk(regex, (at, c, depth) -> c == ')' && depth == 0);
    }

    /** What {@link #walk} asks of each character: whether to stop there. */
    private interface Step {
        boolean stopAt(int at, char c, int depth);
    }

    /**
     * Walks the pattern's characters outside escapes and classes, each with the depth of groups it
     * stands at (a group's parentheses at the depth around it), until {@code step} stops it; returns
     * where it stopped, or -1.
     */
    private static int walk(String regex, Step step) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else {
                if (c == ')') {
                    depth--;
                }
                if (step.stopAt(i, c, depth)) {
                    return i;
                }
                if (c == '(') {
                    depth++;
                }
            }
        }
        return -1;
    }

    /**
     * The longest plain text (ASCII letters small) that every match of {@code regex} holds, or null when
     * there is none or the pattern has alternatives at its top. Read from the pattern's own
     * sequence: a run of plain characters (escaped ones included, word boundaries passed over) not
     * inside a group or a class; a character made optional ({@code ?}, {@code *}, {@code {…}}) is
     * left out and ends its run, as does one repeated ({@code +}, kept) or anything not plain. A
     * case-insensitive match holds the text with its ASCII letters in some case.
     */
    public static String requiredText(String regex) {
        if (topLevelAlternatives(regex).size() > 1 || FREE_SPACING_OR_UNICODE_CASE.matcher(regex).find()) {
            return null;
        }
        String longest = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (depth > 0 || inClass) {
                    continue;
                }
                if (next == 'b') {
                    continue; // a boundary: no character
                }
                if (Character.isLetterOrDigit(next)) {
                    longest = longer(longest, run); // a class (\d, \s) or another construct
                    continue;
                }
                run.append(next);
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                longest = longer(longest, run);
            } else if (c == '(') {
                depth++;
                longest = longer(longest, run);
            } else if (c == ')') {
                depth--;
            } else if (depth > 0) {
                continue;
            } else if (c == '?' || c == '*' || c == '{') {
                run.setLength(Math.max(0, run.length() - 1)); // the character before may be absent
                longest = longer(longest, run);
                if (c == '{') {
                    i = Math.max(i, regex.indexOf('}', i));
                }
            } else if (c == '+' || c == '.' || c == '^' || c == '$' || c == '|') {
                longest = longer(longest, run);
            } else {
                run.append(c);
            }
        }
        longest = longer(longest, run);
        return longest.isEmpty() ? null : asciiLowerCase(longest);
    }

    /** ASCII capitals made small, every other character as written: what a {@code (?i)} pattern folds. */
    private static String asciiLowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    /** The longer of {@code longest} and the run, the run emptied. */
    private static String longer(String longest, StringBuilder run) {
        String text = run.toString();
        run.setLength(0);
        return text.length() > longest.length() ? text : longest;
    }

    /** The pattern's alternatives at its top: the pieces between the | outside any group or class. */
    static List<String> topLevelAlternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        int[] start = {0};
        walk(regex, (at, c, depth) -> {
            if (c == '|' && depth == 0) {
                alternatives.add(regex.substring(start[0], at));
                start[0] = at + 1;
            }
            return false;
        });
        alternatives.add(regex.substring(start[0]));
        return alternatives;
    }
}

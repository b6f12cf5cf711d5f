package org.peelharvest.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How text is folded before it is compared, one definition for every comparison: a force's name
 * ({@link Forces}), a question's wording ({@link QuestionSets}), two documents' values of one field
 * (conflicts) and a block's text (extraction).
 */
public final class Folding {

    /**
     * White space as pages write it: non-breaking, figure, narrow and zero-width spaces included.
     * The definition {@link #spaces} follows; FoldingTest holds the two to the same results.
     */
    static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Folding() {
    }

    /**
     * Every run of white space one space, trimmed; everything else as published. A loop rather
     * than {@code replaceAll}: every block of every page is cleaned, and the regular expression was
     * the largest single cost of extraction after PDFBox (issue 11's profile); text that needs no
     * change is returned as it is.
     */
    public static String spaces(String text) {
        StringBuilder folded = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (folded != null) {
                    folded.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < length && isSpace(text.charAt(end))) {
                end++;
            }
            if (folded == null && (c != ' ' || end > i + 1)) {
                folded = new StringBuilder(length).append(text, 0, i);
            }
            if (folded != null) {
                folded.append(' ');
            }
            i = end - 1;
        }
        return (folded == null ? text : folded.toString()).strip();
    }

    /** What {@link #SPACES} matches: Java's {@code \s} and the spaces pages use besides. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r'
                || c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u200b';
    }

    /** Whether every character of the text is ASCII: nothing to decompose, no mark, no curly quote. */
    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Accents taken off (compatibility decomposition, marks dropped) and lower case: "Ynys Môn" is "ynys mon". */
    public static String plain(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT); // NFKD leaves ASCII as it is and it has no marks
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code text} holds {@code needle} (its ASCII letters small, any other character
     * as written) with ASCII letters in either case, as a pattern compiled with {@code (?i)} compares
     * them, found without copying the text: a pattern that needs the words
     * cannot match a text without them, so a pattern run on every block is run only where this is
     * true (issue 11's profile: the patterns' search of long paragraphs).
     */
    public static boolean containsIgnoringCase(String text, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        // Only where the first letter stands, in either case, is the rest compared: String.indexOf
        // finds those places in a tight loop, where comparing at every place was a twentieth of
        // reading a small page (issue 18's profile).
        char first = needle.charAt(0);
        char capital = first >= 'a' && first <= 'z' ? (char) (first - ('a' - 'A')) : first;
        int last = text.length() - needle.length();
        int lower = text.indexOf(first);
        int upper = capital == first ? -1 : text.indexOf(capital);
        while (lower >= 0 || upper >= 0) {
            int at = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
            if (at > last) {
                return false;
            }
            if (holdsAt(text, at, needle)) {
                return true;
            }
            if (at == lower) {
                lower = text.indexOf(first, at + 1);
            } else {
                upper = text.indexOf(capital, at + 1);
            }
        }
        return false;
    }

    /** Whether {@code needle} stands at {@code at}, the text's ASCII capitals taken as small letters. */
    private static boolean holdsAt(String text, int at, String needle) {
        for (int j = 1; j < needle.length(); j++) {
            char c = text.charAt(at + j);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}

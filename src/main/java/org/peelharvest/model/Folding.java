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
}

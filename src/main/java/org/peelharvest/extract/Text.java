package org.peelharvest.extract;

import java.util.regex.Pattern;

/** Text clean-up shared by the HTML and PDF block readers. */
public final class Text {

    /** Bullet glyphs that start a list item when a document writes lists as plain lines. */
    private static final String GLYPHS = "[\\u2022\\u00b7\\u25aa\\u25cf\\u2023\\u2043\\u25e6]";
    private static final Pattern BULLET_GLYPH = Pattern.compile("^" + GLYPHS + "\\s*");
    /** A glyph or a dash: how a text copy of a page writes a list ("- The force should…"). */
    private static final Pattern BULLET = Pattern.compile("^(" + GLYPHS + "|[-\\u2013*]\\s)\\s*");

    private Text() {
    }

    /**
     * Folds every run of white space (including non-breaking and zero-width spaces) into one
     * space, drops soft hyphens and trims. Curly quotes and dashes are kept as published.
     */
    public static String clean(String text) {
        return org.peelharvest.model.Folding.spaces(text.replace("\u00ad", ""));
    }

    /**
     * Whether {@code text} holds {@code needle} (lower case ASCII) with ASCII letters in either
     * case, as a pattern compiled with {@code (?i)} compares them: a pattern that needs the words
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

    /** Whether {@code needle} (lower case ASCII) stands at {@code at}, the text's ASCII capitals taken as small letters. */
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

    /** True when a paragraph starts like a list item: a bullet glyph, or a dash and a space. */
    public static boolean startsWithBullet(String line) {
        return BULLET.matcher(line).find();
    }

    /**
     * True when a line starts with a bullet glyph. A dash is not enough in a laid-out PDF line,
     * where a wrapped sentence can go on with "– to continually improve…".
     */
    public static boolean startsWithBulletGlyph(String line) {
        return BULLET_GLYPH.matcher(line).find();
    }

    public static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("");
    }
}

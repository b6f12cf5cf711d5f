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

package org.peelharvest.extract;

import java.util.regex.Pattern;

/** Text clean-up shared by the HTML and PDF block readers. */
public final class Text {

    /** Bullet glyphs that start a list item when a document writes lists as plain lines. */
    private static final Pattern BULLET = Pattern.compile("^[\\u2022\\u00b7\\u25aa\\u25cf\\u2023\\u2043\\u25e6\\-\\u2013*]\\s+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");

    private Text() {
    }

    /**
     * Folds every run of white space (including non-breaking and zero-width spaces) into one
     * space, drops soft hyphens and trims. Curly quotes and dashes are kept as published.
     */
    public static String clean(String text) {
        return SPACES.matcher(text.replace("\u00ad", "")).replaceAll(" ").strip();
    }

    /** True when the line starts with a bullet glyph followed by space. */
    public static boolean startsWithBullet(String line) {
        return BULLET.matcher(line).find();
    }

    public static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("");
    }
}

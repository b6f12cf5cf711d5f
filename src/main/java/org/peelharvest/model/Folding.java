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

    /** White space as pages write it: non-breaking, figure, narrow and zero-width spaces included. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Folding() {
    }

    /** Every run of white space one space, trimmed; everything else as published. */
    public static String spaces(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Accents taken off (compatibility decomposition, marks dropped) and lower case: "Ynys Môn" is "ynys mon". */
    public static String plain(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}

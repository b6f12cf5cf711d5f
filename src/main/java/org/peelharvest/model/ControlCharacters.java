package org.peelharvest.model;

import java.util.Locale;

/**
 * Control characters are no part of text (issue 17): C0 (U+0000 to U+001F) but tab, line feed
 * and carriage return, DEL (U+007F) and C1 (U+0080 to U+009F). A report's text that held one is
 * published without it, {@code validate} names one in a release, and the command line shows one
 * escaped ({@code \x1b}) rather than letting it retitle or clear a user's terminal (ECMA-48's
 * ESC and CSI sequences start with U+001B and U+009B).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code c} is a control character that is no part of text. */
    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** How many control characters {@code text} holds (every block of every document is asked: a loop, not a stream). */
    public static int count(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /** {@code text} without its control characters; the same string when it has none. */
    public static String removed(String text) {
        if (count(text) == 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** The first control character of {@code text} as a person reads it ({@code U+001B}), or null when it has none. */
    public static String first(String text) {
        return text.chars().filter(ControlCharacters::isControl).mapToObj(ControlCharacters::named).findFirst()
                .orElse(null);
    }

    /** {@code U+001B}: how a control character is named in a message. */
    public static String named(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /** {@code \x1b}: how a control character is shown on a terminal, in place of itself. */
    public static String escaped(int c) {
        return String.format(Locale.ROOT, "\\x%02x", c);
    }
}

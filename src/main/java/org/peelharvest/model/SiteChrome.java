package org.peelharvest.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The site's own words, one table: the phrases of the inspectorate's pages (and of their printed
 * copies) that belong to the site, not to a report, each with where in a line it stands, what it
 * tells the reader of a page, and whether finding it inside a published field means the page was
 * misread. Extraction drops or stops at these lines; validation rejects a report that holds one.
 */
public final class SiteChrome {

    /** Where in a line the phrase stands when it is the site's. */
    enum Place { LINE_START, WHOLE_LINE, LINE_END, ANYWHERE }

    /** What the phrase tells extraction. */
    enum Role {
        /** Site furniture after a page's content (a footer): the report's text has ended. */
        PAGE_END,
        /** A link or label among the content that is not part of any field: dropped. */
        NOT_CONTENT
    }

    /**
     * @param regex        the phrase, case-insensitive
     * @param misreadIfInField whether a published field holding it anywhere means the page was
     *                     misread (the phrases no report sentence uses)
     */
    record Phrase(String regex, Place place, Role role, boolean misreadIfInField) {
    }

    static final List<Phrase> PHRASES = List.of(
            // The footer, as the site and browser print-outs show it (shared/corpus pages, FORMATS.md).
            new Phrase("\u00a9", Place.LINE_START, Role.PAGE_END, false),
            new Phrase("\u00a9 crown copyright", Place.LINE_START, Role.PAGE_END, true),
            new Phrase("crown copyright", Place.LINE_START, Role.PAGE_END, false),
            new Phrase("contact us\\b", Place.LINE_START, Role.PAGE_END, false),
            new Phrase("we use cookies", Place.LINE_START, Role.PAGE_END, true),
            new Phrase("this site uses cookies", Place.LINE_START, Role.PAGE_END, true),
            new Phrase("cookies? (policy|settings)", Place.LINE_START, Role.PAGE_END, true),
            new Phrase("privacy( policy| notice)?", Place.WHOLE_LINE, Role.PAGE_END, false),
            new Phrase("accessibility( statement)?", Place.WHOLE_LINE, Role.PAGE_END, false),
            new Phrase("back to top", Place.WHOLE_LINE, Role.PAGE_END, false),
            // Links and labels among the content.
            new Phrase("skip to (main )?content", Place.WHOLE_LINE, Role.NOT_CONTENT, true),
            new Phrase("\\(PDF document\\)", Place.LINE_END, Role.NOT_CONTENT, false),
            new Phrase("\\bCymraeg\\b", Place.ANYWHERE, Role.NOT_CONTENT, true),
            new Phrase("\\bGymraeg\\b", Place.ANYWHERE, Role.NOT_CONTENT, false),
            new Phrase("Download the full report", Place.WHOLE_LINE, Role.NOT_CONTENT, false),
            new Phrase("Detailed findings for question \\d+", Place.WHOLE_LINE, Role.NOT_CONTENT, false),
            new Phrase("English", Place.WHOLE_LINE, Role.NOT_CONTENT, false));

    /** A line that is site furniture after the content. */
    public static final LinePhrases PAGE_END = new LinePhrases(Role.PAGE_END);
    /** A line that is a link or label, not part of any field. */
    public static final LinePhrases NOT_CONTENT = new LinePhrases(Role.NOT_CONTENT);
    /** Site words anywhere in a field's text: the page was misread. */
    public static final SearchedPattern IN_FIELD = SearchedPattern.of("(?i)" + PHRASES.stream()
            .filter(Phrase::misreadIfInField).map(Phrase::regex).collect(Collectors.joining("|")));

    /** Whether a field's text holds site words ({@link #IN_FIELD}). */
    public static boolean inField(String text) {
        return IN_FIELD.find(text);
    }

    private SiteChrome() {
    }

    /**
     * The phrases of one role as two patterns: those that stand at a line's start (or are the
     * whole line), tried there only, and those that stand anywhere or at its end, searched for.
     * One pattern of them all, searched for, says the same, but tries every phrase at every
     * character of every paragraph (issue 11's profile).
     */
    public static final class LinePhrases {
        private final Pattern atStart;
        private final Pattern elsewhere;
        /**
         * The texts (ASCII letters small) of which a line must hold one for {@link #elsewhere} to be found in
         * it, so that a paragraph holding none is not searched: null when a phrase has none. Read
         * from each phrase alone ({@link #elsewhere} wraps each in a group, where none is read).
         */
        private final List<String> elsewhereWords;

        private LinePhrases(Role role) {
            atStart = pattern(role, EnumSet.of(Place.LINE_START, Place.WHOLE_LINE));
            elsewhere = pattern(role, EnumSet.of(Place.LINE_END, Place.ANYWHERE));
            List<String> texts = PHRASES.stream().filter(p -> p.role() == role
                    && EnumSet.of(Place.LINE_END, Place.ANYWHERE).contains(p.place()))
                    .map(p -> SearchedPattern.requiredText(p.regex())).toList();
            elsewhereWords = texts.contains(null) ? null : texts;
        }

        /** Whether one of the phrases stands where it stands in the line. */
        public boolean foundIn(String line) {
            return atStart != null && atStart.matcher(line).lookingAt() || elsewhere != null && mayHoldElsewhere(line)
                    && elsewhere.matcher(line).find();
        }

        private boolean mayHoldElsewhere(String line) {
            return SearchedPattern.mayHold(line, elsewhereWords);
        }

        private static Pattern pattern(Role role, Set<Place> places) {
            List<String> phrases = PHRASES.stream().filter(p -> p.role() == role && places.contains(p.place()))
                    .map(SiteChrome::inLine).toList();
            return phrases.isEmpty() ? null : Pattern.compile("(?i)" + String.join("|", phrases));
        }
    }

    private static String inLine(Phrase phrase) {
        return switch (phrase.place()) {
            case LINE_START -> "^(?:" + phrase.regex() + ")";
            case WHOLE_LINE -> "^(?:" + phrase.regex() + ")$";
            case LINE_END -> "(?:" + phrase.regex() + ")$";
            case ANYWHERE -> "(?:" + phrase.regex() + ")";
        };
    }
}

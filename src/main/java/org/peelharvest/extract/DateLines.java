package org.peelharvest.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's date line: "Last updated", "Updated", "Published" or "Last reviewed" and a date in a form
 * UK public bodies write ({@code 02/05/2019}, {@code 2 May 2019}, {@code 2nd May 2019},
 * {@code 2 Sept 2019}, {@code 2019-05-02} as a {@code <time datetime>} gives it). A label and its value
 * set apart, as a design system's summary list does ({@code <dt>Last updated</dt><dd>2 May 2019</dd>}),
 * in a table row, or with the value before its label, are read as one line.
 *
 * <p>A month without its day ("May 2019") is no date: the day would be invented.
 */
final class DateLines {

    private static final String LABEL = "last updated|last reviewed|updated|published";
    /** A day's name before a long-form date ("Thursday 2 May 2019", "Thu, 2 May 2019"): said, not checked. */
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?,?\\s+)?";
    private static final String DATE = "\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}"
            + "|" + WEEKDAY + "\\d{1,2}(?:st|nd|rd|th)?\\s+[a-z]{3,9}\\.?,?\\s+\\d{4}";
    private static final String MONTH_YEAR = "(?<month>[a-z]{3,9})\\.?,?\\s+\\d{4}";
    private static final Pattern LINE = Pattern.compile(
            "(?i)^(?<label>" + LABEL + ")\\s*(?:on\\s+)?:?\\s*(?<date>" + DATE + ")");
    /** A date line that gives only the month ("Last updated March 2017"): a date line, but no day. */
    private static final Pattern MONTH_ONLY_LINE = Pattern.compile(
            "(?i)^(?:" + LABEL + ")\\s*(?:on\\s+)?:?\\s*" + MONTH_YEAR + "\\s*$");
    private static final Pattern LABEL_ONLY = Pattern.compile("(?i)^(?:" + LABEL + ")\\s*:?$");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^(?:" + DATE + ")$");
    private static final Pattern MONTH_ONLY = Pattern.compile("(?i)^" + MONTH_YEAR + "$");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LONG = Pattern.compile("(?i)" + WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private DateLines() {
    }

    /** The date of a date line, or null when the line is not one (or its date is no day of the calendar). */
    static LocalDate dateOf(String line) {
        Matcher matcher = LINE.matcher(line);
        return matcher.find() ? parse(matcher.group("date")) : null;
    }

    /**
     * Whether a line is a date line, with a day or only its month: either way it is no part of a
     * summary or a headline.
     */
    static boolean isDateLine(String line) {
        if (dateOf(line) != null) {
            return true;
        }
        Matcher month = MONTH_ONLY_LINE.matcher(line.strip());
        return month.matches() && month(month.group("month")) > 0;
    }

    /**
     * How much a line's date says of when the page last changed: "Last updated" first, "Published"
     * last; {@link Integer#MAX_VALUE} for a line that is no date line.
     */
    static int rank(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.find() || parse(matcher.group("date")) == null) {
            return Integer.MAX_VALUE;
        }
        return switch (matcher.group("label").toLowerCase(Locale.ROOT)) {
            case "last updated" -> 0;
            case "updated" -> 1;
            case "last reviewed" -> 2;
            default -> 3;
        };
    }

    /** The date the best-ranked date line of {@code blocks} gives (the first of equals), or null. */
    static LocalDate best(List<Block> blocks) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Block block : blocks) {
            int rank = block.isListItem() ? Integer.MAX_VALUE : rank(block.text());
            if (rank < bestRank) {
                best = block.text();
                bestRank = rank;
            }
        }
        return best == null ? null : dateOf(best);
    }

    /**
     * Joins a label block and the date block beside it, in either order, into one paragraph
     * {@code "Last updated: 2 May 2019"} where the label stood (a label takes the date after it
     * before one before it). Other blocks pass unchanged.
     */
    static List<Block> pairLabels(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (i + 1 < blocks.size() && isLabel(block) && isDate(blocks.get(i + 1))) {
                out.add(joined(block, blocks.get(i + 1)));
                i++;
            } else if (i + 1 < blocks.size() && isDate(block) && isLabel(blocks.get(i + 1))
                    && !(i + 2 < blocks.size() && isDate(blocks.get(i + 2)))) {
                out.add(joined(blocks.get(i + 1), block));
                i++;
            } else {
                out.add(block);
            }
        }
        return out;
    }

    private static Block joined(Block label, Block date) {
        String name = label.text().strip();
        name = name.endsWith(":") ? name.substring(0, name.length() - 1).strip() : name;
        return label.withText(Block.Kind.PARAGRAPH, 0, name + ": " + date.text().strip());
    }

    private static boolean isLabel(Block block) {
        return !block.isListItem() && !block.isTableRow() && LABEL_ONLY.matcher(block.text().strip()).matches();
    }

    /** A block that is a date alone, a whole one or a month without its day ("May 2019"). */
    private static boolean isDate(Block block) {
        if (block.isListItem() || block.isTableRow()) {
            return false;
        }
        String text = block.text().strip();
        if (DATE_ONLY.matcher(text).matches()) {
            return parse(text) != null;
        }
        Matcher month = MONTH_ONLY.matcher(text);
        return month.matches() && month(month.group("month")) > 0;
    }

    /** A date in one of the forms, or null when it names no day of the calendar. */
    static LocalDate parse(String text) {
        try {
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return date(dayFirst.group(3), Integer.parseInt(dayFirst.group(2)), dayFirst.group(1));
            }
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return date(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
            }
            Matcher long_ = LONG.matcher(text);
            if (long_.matches()) {
                int month = month(long_.group(2));
                return month == 0 ? null : date(long_.group(3), month, long_.group(1));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate date(String year, int month, String day) {
        return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    }

    /** 1 to 12 for a month's name or its abbreviation of three letters or more ("Sep", "Sept"); 0 for any other word. */
    private static int month(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int m = 0; m < MONTHS.size(); m++) {
            if (MONTHS.get(m).startsWith(lower)) {
                return m + 1;
            }
        }
        return 0;
    }
}

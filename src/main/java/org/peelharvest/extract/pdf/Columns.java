package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts the lines of a page set in two columns into reading order: the left column, then the right.
 * Sorting by position (which single-column reports need for running headers and footnotes) runs
 * the two columns' lines of one height together; here each such line is split at the gutter.
 *
 * <p>The cut between the columns is found from the pages' white space, whatever made them (issue
 * 16): a word that starts at one x in the middle of the page (between {@value #BAND_FROM} and
 * {@value #BAND_TO} of its width) after a gap wider than a word space proposes a right column; the
 * cut is the least-covered strip of the page's width left of it (the vertical cut of an X–Y cut),
 * so that a justified line's wide space near the gutter does not move it. A cut is kept when the
 * text on both sides of it is prose (a grades table, whose second column is one or two words, is no
 * second column of text) and few lines run across it from where the right column starts down the
 * page (a label and its value on one line have prose under them that runs across).
 */
final class Columns {

    /** Compiled once: String#split compiles its pattern on every call, here once a line. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Where a gutter can be: the middle two fifths of a page. Two columns of a report split a page
     * near its middle (0.48–0.52 in the two-column fixtures and layout variants); a gap nearer an
     * edge is a table's cell gap or an indent.
     */
    static final float BAND_FROM = 0.3f;
    static final float BAND_TO = 0.7f;
    /** A gap this many times the font size is no word space (a word space is about a quarter of it). */
    static final float GUTTER_GAP = 0.8f;
    /** How far past the gutter (share of the page width) a right column's lines start: its indents. */
    private static final float COLUMN_START = 0.06f;
    /**
     * Lines that must start a right column at one x for the document to count as two columns: a
     * short report's right column may hold a single line (seen in the two-column layout variants),
     * so one is enough when the text on both sides of the gap is prose.
     */
    private static final int MIN_LINES = 1;
    /** The share of a page's lines that may run across the gutter (titles, headings) on a page of two columns. */
    private static final float MAX_ACROSS = 0.3f;
    /** Words a side of a split line has, at the median, when both sides are prose. */
    private static final int PROSE_WORDS = 3;
    /**
     * The same for the left side, whose lines may be mostly a page's title and headings ("Question 1",
     * "Good"): a grades table or a contents page is told by its right side, one or two words, or none.
     */
    private static final int LEFT_WORDS = 2;
    /** Sentences wrapped inside the right side that make it prose though most of its lines are short. */
    private static final int MIN_WRAPPED = 2;

    private Columns() {
    }

    static List<PdfLine> readingOrder(List<PdfLine> lines) {
        Float gutter = gutter(lines);
        if (gutter == null) {
            return lines;
        }
        Map<Integer, List<PdfLine>> pages = lines.stream()
                .collect(Collectors.groupingBy(PdfLine::page, TreeMap::new, Collectors.toList()));
        List<PdfLine> ordered = new ArrayList<>(lines.size());
        pages.values().forEach(page -> ordered.addAll(page(page, gutter)));
        return ordered;
    }

    /**
     * A page of the document's two-column layout: a line at least has prose in the right column
     * after a gap (the last page of a section may hold one line there; a contents page's page
     * numbers and dotted leaders are no column).
     */
    private static List<PdfLine> page(List<PdfLine> page, float gutter) {
        long rightProse = page.stream().filter(line -> {
            int split = splitAt(line, gutter);
            return split >= 0 && wordCount(line.part(split, line.words().size(), 2).text()) >= PROSE_WORDS;
        }).count();
        // A page of one column has most of its lines running across the gutter: it is left as it is.
        long across = page.stream().filter(line -> splitAt(line, gutter) < 0 && line.x() < gutter && line.endX() > gutter).count();
        if (rightProse < 1 || across > page.size() * MAX_ACROSS) {
            return page;
        }
        List<PdfLine> above = new ArrayList<>();
        List<PdfLine> left = new ArrayList<>();
        List<PdfLine> right = new ArrayList<>();
        List<PdfLine> below = new ArrayList<>();
        for (PdfLine line : page) {
            int split = splitAt(line, gutter);
            if (split == 0) {
                right.add(line.inColumn(2));
            } else if (split > 0) {
                left.add(line.part(0, split, 1));
                right.add(line.part(split, line.words().size(), 2));
            } else if (line.endX() < gutter) {
                left.add(line.inColumn(1));
            } else {
                (left.isEmpty() && right.isEmpty() ? above : below).add(line);
            }
        }
        List<PdfLine> ordered = new ArrayList<>(above);
        left.sort(Comparator.comparing(PdfLine::y));
        right.sort(Comparator.comparing(PdfLine::y));
        ordered.addAll(left);
        ordered.addAll(right);
        ordered.addAll(below);
        return ordered;
    }

    /**
     * The x where the document's right column starts, or null for a document of one column. The
     * gutter is found over the whole document, so that a page whose right column holds only a few
     * lines is read as two columns like the others.
     */
    private static Float gutter(List<PdfLine> page) {
        Map<Integer, Integer> starts = new TreeMap<>();
        float pageWidth = page.isEmpty() ? 0 : page.get(0).pageWidth();
        for (PdfLine line : page) {
            for (int i = 0; i < line.words().size(); i++) {
                PdfLine.Word word = line.words().get(i);
                boolean inBand = word.x() > line.pageWidth() * BAND_FROM && word.x() < line.pageWidth() * BAND_TO;
                boolean afterGap = i == 0 || gapBefore(line, i);
                if (inBand && afterGap) {
                    starts.merge(Math.round(word.x() / 2), 1, Integer::sum);
                }
            }
        }
        // Starts a point or two apart (a glyph's side bearing) count together: buckets of 2 pt, with their
        // neighbours. The commonest start may be a table's column; the first whose sides are prose wins.
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Integer bucket : starts.keySet()) {
            counts.put(bucket, starts.getOrDefault(bucket - 1, 0) + starts.get(bucket) + starts.getOrDefault(bucket + 1, 0));
        }
        List<Integer> candidates = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_LINES)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        int[] coverage = coverage(page);
        for (Integer bucket : candidates) {
            // The column's left edge may stand left of its commonest start (indented list text, a hanging
            // bullet): the gutter is the white space left of that start, where the fewest words stand.
            float common = bucket * 2;
            float gutter = whitest(coverage, common - COLUMN_START * pageWidth, common);
            if (proseOnBothSides(page, gutter) && clearBesideRightColumn(page, gutter)) {
                return gutter;
            }
        }
        return null;
    }

    /**
     * How many words (runs) of the document cover each point of a page's width: the vertical
     * white space between columns is where it is least (an X–Y cut's vertical cut, made once over
     * the document so that a page with a short right column is cut like the others). A
     * difference array: linear in words and page width.
     */
    private static int[] coverage(List<PdfLine> lines) {
        int width = (int) Math.ceil(lines.stream().mapToDouble(PdfLine::pageWidth).max().orElse(0)) + 2;
        int[] delta = new int[width + 1];
        for (PdfLine line : lines) {
            for (PdfLine.Word word : line.words()) {
                int from = clamp((int) Math.floor(word.x()), 0, width);
                int to = clamp((int) Math.ceil(word.endX()), from, width);
                delta[from]++;
                delta[to]--;
            }
        }
        int[] coverage = new int[width];
        int sum = 0;
        for (int x = 0; x < width; x++) {
            sum += delta[x];
            coverage[x] = sum;
        }
        return coverage;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * The widest run of least-covered points between {@code from} and {@code to}
     * (the right column's start): where a cut between the columns crosses the fewest words.
     */
    private static float whitest(int[] coverage, float from, float to) {
        int start = clamp((int) Math.floor(from), 0, coverage.length - 1);
        int end = clamp((int) Math.floor(to) - 1, start, coverage.length - 1);
        int least = Integer.MAX_VALUE;
        for (int x = start; x <= end; x++) {
            least = Math.min(least, coverage[x]);
        }
        int bestFrom = end;
        int bestLength = 0;
        for (int x = start; x <= end; x++) {
            if (coverage[x] == least) {
                int runFrom = x;
                while (x + 1 <= end && coverage[x + 1] == least) {
                    x++;
                }
                if (x - runFrom + 1 >= bestLength) {
                    bestFrom = runFrom;
                    bestLength = x - runFrom + 1;
                }
            }
        }
        // Its right end, just before the right column's text: a right column's indents are measured from there.
        return bestFrom + bestLength - 1;
    }

    /**
     * Whether the text on both sides of the cut is prose: the lines (or parts of lines) wholly on
     * each side have a few words at the median. A table's grade column has one or two, a contents
     * page's page numbers none; or, on the right, its sentences wrap ({@link #flows}).
     */
    private static boolean proseOnBothSides(List<PdfLine> page, float gutter) {
        List<Integer> leftWords = new ArrayList<>();
        List<PdfLine> right = new ArrayList<>();
        for (PdfLine line : page) {
            int split = splitAt(line, gutter);
            if (split > 0) {
                leftWords.add(wordCount(line.part(0, split, 1).text()));
                right.add(line.part(split, line.words().size(), 2));
            } else if (split == 0) {
                right.add(line);
            } else if (line.endX() < gutter) {
                leftWords.add(wordCount(line.text()));
            }
        }
        List<Integer> rightWords = right.stream().map(line -> wordCount(line.text())).toList();
        return median(leftWords) >= LEFT_WORDS && (median(rightWords) >= PROSE_WORDS || flows(right));
    }

    /**
     * Whether sentences wrap inside the right side: a line of prose there is followed, one line
     * below, by one that goes on in lower case ("protecting those who are" / "vulnerable from
     * harm"). A column of questions under short headings ("Question 4", "Good") has most of its
     * lines short but its sentences wrap; a grades table's cells ("Not being graded") do not.
     */
    private static boolean flows(List<PdfLine> right) {
        int wrapped = 0;
        for (int i = 1; i < right.size() && wrapped < MIN_WRAPPED; i++) {
            PdfLine before = right.get(i - 1);
            PdfLine line = right.get(i);
            float gap = line.y() - before.y();
            if (line.page() == before.page() && gap > 0 && gap < 2 * line.fontSize()
                    && wordCount(before.text()) >= PROSE_WORDS && Character.isLowerCase(line.text().charAt(0))) {
                wrapped++;
            }
        }
        return wrapped >= MIN_WRAPPED;
    }

    /**
     * Whether the cut runs through white space down the page from where the right column starts:
     * below that, few lines run across it (a heading over both columns, a section of one column
     * after them). A label and its value on one line ("Overall judgement   To be graded") have
     * prose under them running across. A right column of one line (the end of a text that flowed
     * over) must have nothing at all running across beside and below it.
     */
    private static boolean clearBesideRightColumn(List<PdfLine> lines, float gutter) {
        Map<Integer, Float> columnTop = new HashMap<>();
        int rightLines = 0;
        for (PdfLine line : lines) {
            if (splitAt(line, gutter) >= 0) {
                rightLines++;
                columnTop.merge(line.page(), line.y(), Math::min);
            }
        }
        int beside = 0;
        int across = 0;
        for (PdfLine line : lines) {
            Float top = columnTop.get(line.page());
            if (top != null && line.y() >= top) {
                beside++;
                if (splitAt(line, gutter) < 0 && line.x() < gutter && line.endX() > gutter) {
                    across++;
                }
            }
        }
        return across <= (rightLines >= 2 ? beside * MAX_ACROSS : 0);
    }

    /** A gap before the line's {@code i}th run wider than a word space of the run before it (a title's spaces are wide). */
    private static boolean gapBefore(PdfLine line, int i) {
        PdfLine.Word before = line.words().get(i - 1);
        return line.words().get(i).x() - before.endX() > GUTTER_GAP * before.fontSize();
    }

    /**
     * The index of the line's first word in the right column (0 when the whole line is there),
     * -1 when the line does not reach it or runs across it without a gap.
     */
    private static int splitAt(PdfLine line, float gutter) {
        for (int i = 0; i < line.words().size(); i++) {
            PdfLine.Word word = line.words().get(i);
            if (word.x() >= gutter) {
                boolean afterGap = i == 0 || gapBefore(line, i);
                // Text far right of the gutter after a gap (a contents page's page number) starts no column.
                boolean atColumn = i == 0 || word.x() - gutter < COLUMN_START * line.pageWidth();
                return afterGap && atColumn ? i : -1;
            }
        }
        return -1;
    }

    /** Words with a letter in them: dotted leaders and page numbers are none. */
    private static int wordCount(String text) {
        return (int) java.util.Arrays.stream(SPACES.split(text.strip())).filter(w -> w.chars().anyMatch(Character::isLetter)).count();
    }

    private static int median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

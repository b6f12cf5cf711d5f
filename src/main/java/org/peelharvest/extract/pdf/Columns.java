package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Puts the lines of a page set in two columns into reading order: the left column, then the right.
 * Sorting by position (which single-column reports need for running headers and footnotes) runs
 * the two columns' lines of one height together; here each such line is split at the gutter.
 *
 * <p>A page has two columns when many of its lines have a word that starts at one x in the middle
 * of the page (between {@value #BAND_FROM} and {@value #BAND_TO} of its width) after a gap wider
 * than a word space, and the text on both sides of it is prose (a grades table, whose second
 * column is one or two words, is no second column of text).
 */
final class Columns {

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
        List<Float> xs = new ArrayList<>();
        float pageWidth = page.isEmpty() ? 0 : page.get(0).pageWidth();
        for (PdfLine line : page) {
            for (int i = 0; i < line.words().size(); i++) {
                PdfLine.Word word = line.words().get(i);
                boolean inBand = word.x() > line.pageWidth() * BAND_FROM && word.x() < line.pageWidth() * BAND_TO;
                boolean afterGap = i == 0 || word.x() - line.words().get(i - 1).endX() > GUTTER_GAP * line.fontSize();
                if (inBand && afterGap) {
                    starts.merge(Math.round(word.x() / 2), 1, Integer::sum);
                    xs.add(word.x());
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
        for (Integer bucket : candidates) {
            // The column's left edge may stand left of its commonest start (indented list text): a bullet hangs there.
            float common = bucket * 2;
            float gutter = xs.stream().filter(x -> x >= common - COLUMN_START * pageWidth && x <= common + 2)
                    .min(Float::compare).orElse(common) - 1;
            if (proseOnBothSides(page, gutter)) {
                return gutter;
            }
        }
        return null;
    }

    private static boolean proseOnBothSides(List<PdfLine> page, float gutter) {
        List<Integer> leftWords = new ArrayList<>();
        List<Integer> rightWords = new ArrayList<>();
        for (PdfLine line : page) {
            int split = splitAt(line, gutter);
            if (split > 0) {
                leftWords.add(wordCount(line.part(0, split, 1).text()));
                rightWords.add(wordCount(line.part(split, line.words().size(), 2).text()));
            }
        }
        return median(leftWords) >= PROSE_WORDS && median(rightWords) >= PROSE_WORDS;
    }

    /**
     * The index of the line's first word in the right column (0 when the whole line is there),
     * -1 when the line does not reach it or runs across it without a gap.
     */
    private static int splitAt(PdfLine line, float gutter) {
        for (int i = 0; i < line.words().size(); i++) {
            PdfLine.Word word = line.words().get(i);
            if (word.x() >= gutter) {
                boolean afterGap = i == 0 || word.x() - line.words().get(i - 1).endX() > GUTTER_GAP * line.fontSize();
                // Text far right of the gutter after a gap (a contents page's page number) starts no column.
                boolean atColumn = i == 0 || word.x() - gutter < COLUMN_START * line.pageWidth();
                return afterGap && atColumn ? i : -1;
            }
        }
        return -1;
    }

    /** Words with a letter in them: dotted leaders and page numbers are none. */
    private static int wordCount(String text) {
        return (int) java.util.Arrays.stream(text.strip().split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetter)).count();
    }

    private static int median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peelharvest.extract.Block;
import org.peelharvest.extract.Text;

/**
 * Turns laid-out PDF lines into blocks: drops running headers, footers and page numbers, tells
 * headings from body text by size and weight, joins wrapped lines (and words hyphenated across
 * them) into paragraphs and list items, and carries a paragraph over a page break.
 */
final class PdfLayout {

    /** Page numbers ("7", "Page 7 of 20", "7/20", "vii") and the address line a browser prints under a page. */
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "(?i)^((page\\s+)?(\\d{1,4}|[ivxlc]{1,7})((\\s+of\\s+|/)\\d{1,4})?"
                    + "|(https?|file):/\\S*(\\s+\\d{1,4}(/\\d{1,4})?)?)$");
    private static final Pattern DOTTED_LEADER = Pattern.compile("(\\.\\s?){4,}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!:;]['\u2019\u201d)]?$");

    /** Prefixes written with a hyphen ("re-offending", "anti-social"): a line break after one keeps it. */
    private static final Set<String> HYPHENATED_PREFIXES = Set.of("re", "co", "non", "pre", "post", "anti", "multi",
            "cross", "self", "well", "inter", "long", "short", "high", "low", "full", "part", "half", "cyber", "e",
            "sub", "mid", "under", "over", "out", "ex", "semi", "counter", "socio");
    private static final Pattern HYPHENATED_WORD = Pattern.compile("\\b\\p{L}+-\\p{L}+\\b");
    // Compiled once (String#replaceAll and #split compile theirs on every call, here once a line).
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}-]+");

    private final List<PdfLine> lines;
    private final float bodySize;
    /** The left edge of body text and the right edge of the text, by column (0: single column, 1 left, 2 right). */
    private final Map<Integer, Float> bodyLeft = new HashMap<>();
    private final Map<Integer, Float> columnRight = new HashMap<>();
    /** The document's words, read at its first hyphen at a line end (most documents have none). */
    private Set<String> hyphenatedWords;
    private Set<String> words;
    /** What the document's own words say its line-end hyphens are, read with them. */
    private LineEnds lineEnds;
    private final Hyphenation hyphenation;
    private final List<Float> headingSizes;
    /** Baseline distance over font size for wrapped lines of this document (1.2 in most PDFs). */
    private final float leading;

    private PdfLayout(List<PdfLine> lines, Hyphenation hyphenation) {
        this.lines = lines;
        this.hyphenation = hyphenation;
        this.bodySize = bodyFontSize(lines);
        this.headingSizes = headingSizes(lines, bodySize);
        this.leading = leadingRatio(lines);
        for (int column = 0; column <= 2; column++) {
            int c = column;
            List<PdfLine> inColumn = lines.stream().filter(l -> l.column() == c).toList();
            bodyLeft.put(column, bodyLeft(inColumn, bodySize));
            // A contents page's dotted leaders, a table's last column and a cover's odd line run past a
            // narrow column's text: the edge most full lines reach, not the furthest one.
            columnRight.put(column, rightEdge(inColumn.stream().filter(l -> Math.abs(l.fontSize() - bodySize) < 0.6f)
                    .filter(l -> !DOTTED_LEADER.matcher(l.text()).find() && !isTableRow(l)).toList()));
        }
    }

    /** What a PDF's producer does with a word that does not fit at a line end, unless told otherwise. */
    enum Hyphenation {
        /** Browsers print pages without breaking words (CSS {@code hyphens: manual}): a line-end hyphen is the word's own. */
        NEVER,
        /**
         * Word processors (LibreOffice Writer, Microsoft Word) break words only in paragraphs set to
         * hyphenate, which is off by default: a line-end hyphen the document's words say nothing
         * about is the word's own ("problem-" / "solving").
         */
        OFF_BY_DEFAULT,
        /** Typesetters, and producers not known: the document's words decide, and a break is joined. */
        MAY
    }

    /**
     * @param hyphenates whether the PDF's producer may break words with a hyphen at a line end
     *                   (false: a browser's print, {@link Hyphenation#NEVER})
     */
    static List<Block> blocks(List<PdfLine> laidOut, boolean hyphenates) {
        return blocks(laidOut, hyphenates ? Hyphenation.MAY : Hyphenation.NEVER);
    }

    /** @param hyphenation what the PDF's producer does with words at a line end when not told otherwise */
    static List<Block> blocks(List<PdfLine> laidOut, Hyphenation hyphenation) {
        return new PdfLayout(TableCells.aligned(Columns.readingOrder(withoutRunningText(laidOut))), hyphenation).group();
    }

    /**
     * Lines in the page margins that repeat on several pages (running headers and footers, with
     * digits ignored so "Page 3" matches "Page 4") or that are bare page numbers.
     */
    static List<PdfLine> withoutRunningText(List<PdfLine> lines) {
        Map<String, Set<Integer>> pagesByText = new HashMap<>();
        for (PdfLine line : lines) {
            if (line.inMargin()) {
                pagesByText.computeIfAbsent(marginKey(line), k -> new HashSet<>()).add(line.page());
            }
        }
        long pageCount = lines.stream().mapToInt(PdfLine::page).distinct().count();
        // A running header or footer repeats on most pages (every page, or every other one when left and right
        // pages differ); text in the margin on fewer than two pages in five is a page's own (a table's last row).
        long repeatsOn = Math.max(2, Math.round(pageCount * 0.4));
        List<PdfLine> kept = new ArrayList<>();
        for (PdfLine line : lines) {
            boolean running = line.inMargin()
                    && (PAGE_FURNITURE.matcher(line.text()).matches()
                    || pagesByText.get(marginKey(line)).size() >= repeatsOn);
            if (!running) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String marginKey(PdfLine line) {
        return (line.y() < line.pageHeight() / 2 ? "top:" : "bottom:")
                + DIGITS.matcher(line.text()).replaceAll("#").toLowerCase(Locale.ROOT);
    }

    private List<Block> group() {
        List<Block> blocks = new ArrayList<>();
        Builder current = null;
        PdfLine previous = null;
        // The lines of the current table's first row: a table broken over a column or page repeats them there.
        List<String> header = new ArrayList<>();
        Builder headerRow = null;
        for (int i = 0; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            if (current != null && current.kind == Block.Kind.TABLE_ROW && current != headerRow
                    && (line.page() != previous.page() || line.column() != previous.column()) && repeats(header, i)) {
                // The repeated header is left out, so that a cell wrapped over the break still joins its row.
                i += header.size() - 1;
                continue;
            }
            if (current != null && continues(current, previous, line)) {
                current.add(line);
                if (current == headerRow) {
                    header.add(line.text());
                }
            } else {
                if (current != null) {
                    blocks.add(current.build());
                }
                boolean newTable = current == null || current.kind != Block.Kind.TABLE_ROW;
                current = new Builder(line, kindOf(line), levelOf(line));
                if (current.kind == Block.Kind.TABLE_ROW && newTable) {
                    headerRow = current;
                    header = new ArrayList<>(List.of(line.text()));
                }
            }
            previous = line;
        }
        if (current != null) {
            blocks.add(current.build());
        }
        return blocks;
    }

    /** Whether the lines from {@code from} on are the table's header lines again. */
    private boolean repeats(List<String> header, int from) {
        if (header.isEmpty() || from + header.size() > lines.size()) {
            return false;
        }
        for (int k = 0; k < header.size(); k++) {
            if (!lines.get(from + k).text().equals(header.get(k))) {
                return false;
            }
        }
        return true;
    }

    private boolean continues(Builder block, PdfLine previous, PdfLine line) {
        if (block.kind == Block.Kind.TABLE_ROW) {
            // A row's cells differ in weight (a bold grade), so its style is not the wrapped cell's.
            return !Text.startsWithBulletGlyph(line.text()) && wrapsCell(block, previous, line);
        }
        if (!previous.sameStyle(line) || Text.startsWithBulletGlyph(line.text()) || startsDashItem(block, previous, line)) {
            return false;
        }
        if (isTableRow(line)) {
            return false;
        }
        if (block.kind == Block.Kind.HEADING && (line.text().length() > 200 || kindOf(line) != Block.Kind.HEADING
                || SENTENCE_END.matcher(previous.text()).find())) {
            // A heading's wrapped lines are one heading; one that has ended ("…lawfully?") is followed by
            // another block of its style (a grade set like it: "Not being graded").
            return false;
        }
        if (line.page() != previous.page() || line.column() != previous.column()) {
            // A paragraph carried over a page break or from the foot of one column to the top of the next;
            // a heading only when its line there was full (broken because the next word did not fit), so that
            // a short heading at the foot of a page (a label) is not run into the next page's first heading.
            return !SENTENCE_END.matcher(previous.text()).find()
                    && (block.kind != Block.Kind.HEADING || roomLeft(previous) < widthOfFirstWord(line));
        }
        float gap = line.y() - previous.y();
        // Wider than the document's usual line spacing (scaled to this line's size): a new paragraph.
        if (gap <= 0 || gap > line.fontSize() * leading * 1.3f) {
            return false;
        }
        // A line broken where the next line's first word would still have fitted was broken on
        // purpose: it ends its paragraph, item or table row. This tells apart blocks set with no
        // space between them, as browsers print list items and table rows.
        if (block.kind != Block.Kind.HEADING && roomLeft(previous) > widthOfFirstWord(line)) {
            return false;
        }
        if (block.kind != Block.Kind.LIST_ITEM) {
            return true;
        }
        if (Text.startsWithBulletGlyph(block.first.text())) {
            // A list item's wrapped lines are indented under its text, not under its bullet (and line up
            // with each other after the item has moved on to another column or page).
            return line.x() > block.first.x() + 1f
                    || previous != block.first && previous.page() == line.page() && Math.abs(line.x() - previous.x()) < 1f;
        }
        // Items whose bullets are drawn: a finished sentence followed by a capital starts the next
        // item, and so does anything after an item of a list written as one sentence ("…recorded;").
        String before = previous.text();
        boolean nextItem = SENTENCE_END.matcher(before).find() && Character.isUpperCase(line.text().charAt(0))
                || before.endsWith(";") || before.endsWith("; and") || before.endsWith("; or");
        return Math.abs(line.x() - block.first.x()) < 1f && !nextItem;
    }

    /**
     * A line that starts with a dash and a space ("– The force should…") is the next item of a list
     * written with dashes when the line before it ended a sentence, or when it stands where the
     * item's own dash stood (an item's wrapped lines stand under its text). Otherwise the dash may
     * go on a wrapped sentence ("… – to continually improve").
     */
    private static boolean startsDashItem(Builder block, PdfLine previous, PdfLine line) {
        return Text.startsWithBullet(line.text())
                && (SENTENCE_END.matcher(previous.text()).find()
                || Text.startsWithBullet(block.first.text()) && Math.abs(line.x() - block.first.x()) < 1f);
    }

    /**
     * A table cell wrapped onto a line of its own ("Disrupting serious organised" / "crime", or
     * "Requires" / "improvement" in the grade column): set right under the cell's start, in the
     * row's size, closer than a paragraph gap, and ending before the row's next cell starts.
     */
    private boolean wrapsCell(Builder row, PdfLine previous, PdfLine line) {
        if (Math.abs(line.fontSize() - row.first.fontSize()) >= 0.6f) {
            return false;
        }
        if (isTableRow(line)) {
            return wrapsCells(row, previous, line);
        }
        if (line.page() != previous.page() || line.column() != previous.column()) {
            // A cell wrapped over a column or page break: the line heads its column, under the cell's
            // start as far from the column's left edge as the cell is from its own.
            return cellUnder(row.first, line, bodyLeft.get(line.column()) - bodyLeft.get(row.first.column())) >= 0;
        }
        float gap = line.y() - previous.y();
        return gap > 0 && gap <= line.fontSize() * leading * 1.3f && cellUnder(row.first, line, 0) >= 0;
    }

    /**
     * Two or more cells wrapped onto one line of their own, in narrow columns ("Investigating" /
     * "crime" beside "Requires" / "improvement"): the line is one line's leading below, and each of
     * its cells stands under a cell of the row and goes on in lower case (a new row starts with
     * capitals: an area's name, a grade).
     */
    private boolean wrapsCells(Builder row, PdfLine previous, PdfLine line) {
        float gap = line.y() - previous.y();
        if (line.page() != previous.page() || line.column() != previous.column()
                || gap <= 0 || gap > line.fontSize() * leading * 1.3f) {
            return false;
        }
        for (PdfLine cell : cellsOf(line)) {
            if (!Character.isLowerCase(cell.text().charAt(0)) || cellUnder(row.first, cell, 0) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A line's cells: its words parted where a tab stands between them. */
    private static List<PdfLine> cellsOf(PdfLine line) {
        List<PdfLine> cells = new ArrayList<>();
        int from = 0;
        for (int w = 1; w <= line.words().size(); w++) {
            if (w == line.words().size() || line.text().substring(0, line.words().get(w).offset()).endsWith("\t")) {
                cells.add(line.part(from, w, line.column()));
                from = w;
            }
        }
        return cells;
    }

    /**
     * The cell of {@code row} whose start {@code line} stands under and that it fits in, -1 for
     * none; {@code shift} is how far right of the row's column the line's column stands.
     */
    private static int cellUnder(PdfLine row, PdfLine line, float shift) {
        if (row.words().size() < 2) {
            return -1;
        }
        int cell = 0;
        for (int w = 0; w < row.words().size(); w++) {
            PdfLine.Word word = row.words().get(w);
            boolean startsCell = w == 0 || row.text().substring(0, word.offset()).endsWith("\t");
            if (w > 0 && startsCell) {
                cell++;
            }
            if (startsCell && Math.abs(line.x() - shift - word.x()) < 2f) {
                float nextCell = nextCellStart(row, w);
                return line.endX() - shift < nextCell ? cell : -1;
            }
        }
        return -1;
    }

    private static float nextCellStart(PdfLine row, int fromWord) {
        for (int w = fromWord + 1; w < row.words().size(); w++) {
            PdfLine.Word word = row.words().get(w);
            if (row.text().substring(0, word.offset()).endsWith("\t")) {
                return word.x();
            }
        }
        return Float.MAX_VALUE;
    }

    private float roomLeft(PdfLine line) {
        return columnRight.get(line.column()) - line.endX();
    }

    /** The next line's first word and a space, measured with that line's mean character width, and a margin. */
    private static float widthOfFirstWord(PdfLine line) {
        String text = line.text();
        float charWidth = (line.endX() - line.x()) / Math.max(1, text.length());
        int firstWord = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        return charWidth * (firstWord + 3);
    }

    private static boolean isTableRow(PdfLine line) {
        return TableCells.isRow(line);
    }

    private Block.Kind kindOf(PdfLine line) {
        if (isTableRow(line)) {
            return Block.Kind.TABLE_ROW;
        }
        if (Text.startsWithBulletGlyph(line.text())) {
            return Block.Kind.LIST_ITEM;
        }
        // Body text indented from the body's left edge: a list whose bullets are drawn, not written.
        boolean indented = Math.abs(line.fontSize() - bodySize) < 0.6f && line.x() > bodyLeft.get(line.column()) + bodySize
                && !line.bold();
        boolean larger = line.fontSize() >= bodySize + 0.9f;
        boolean boldLabel = line.bold() && !SENTENCE_END.matcher(line.text()).find()
                && line.text().split(" ").length <= 20;
        if (larger || boldLabel || (line.bold() && line.text().endsWith("?"))) {
            return Block.Kind.HEADING;
        }
        return indented ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
    }

    private int levelOf(PdfLine line) {
        for (int i = 0; i < headingSizes.size(); i++) {
            if (Math.abs(headingSizes.get(i) - line.fontSize()) < 0.6f) {
                return i + 1;
            }
        }
        return headingSizes.size() + 1;
    }

    /**
     * The left edge of body text: the leftmost edge that at least a tenth of the body lines start
     * at (not the commonest, which on a page of lists is the lists' indent).
     */
    private static float bodyLeft(List<PdfLine> lines, float bodySize) {
        Map<Float, Integer> starts = new TreeMap<>();
        lines.stream().filter(l -> Math.abs(l.fontSize() - bodySize) < 0.6f)
                .forEach(l -> starts.merge((float) Math.round(l.x()), 1, Integer::sum));
        int total = starts.values().stream().mapToInt(Integer::intValue).sum();
        return starts.entrySet().stream().filter(e -> e.getValue() * 10 >= total).map(Map.Entry::getKey)
                .findFirst().orElse(0f);
    }

    /**
     * The right edge of a column's text: the line end that a tenth of its lines reach or pass
     * (full lines end within a few points of each other; a paragraph's last line ends short).
     */
    private static float rightEdge(List<PdfLine> lines) {
        List<Float> ends = lines.stream().map(PdfLine::endX).sorted(java.util.Comparator.reverseOrder()).toList();
        return ends.isEmpty() ? 0 : ends.get(ends.size() / 10);
    }

    /** Words the document writes with a hyphen inside a line, lower-cased: "re-offending". */
    private static Set<String> hyphenatedWords(List<PdfLine> lines) {
        Set<String> words = new HashSet<>();
        for (PdfLine line : lines) {
            Matcher m = HYPHENATED_WORD.matcher(line.text());
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Every whole word of the document, lower-cased, to tell "victim-orientated" from "organ-ised":
     * the pieces of a word broken at a line end are left out, or every piece would pass for a word.
     */
    private static Set<String> words(List<PdfLine> lines) {
        Set<String> words = new HashSet<>();
        boolean afterBreak = false;
        for (PdfLine line : lines) {
            List<String> tokens = new ArrayList<>(List.of(NOT_A_WORD.split(line.text().toLowerCase(Locale.ROOT))));
            boolean breaks = line.text().endsWith("-");
            if (breaks && !tokens.isEmpty()) {
                tokens.remove(tokens.size() - 1);
            }
            if (afterBreak && !tokens.isEmpty()) {
                tokens.remove(0);
            }
            for (String token : tokens) {
                words.addAll(List.of(token.split("-")));
            }
            afterBreak = breaks;
        }
        return words;
    }

    /**
     * Whether a hyphen at a line end belongs to the word ("re-offending", "victim-orientated") or
     * only breaks it ("organ-ised"). The document decides first: a word it writes with the hyphen,
     * or joined; then a known prefix; then two halves that are both words of the document.
     */
    private boolean keepsHyphen(String before, String after) {
        String prefix = lastWord(before);
        String rest = firstWord(after);
        if (words == null) {
            hyphenatedWords = hyphenatedWords(lines);
            words = words(lines);
            lineEnds = lineEnds();
        }
        if (hyphenation == Hyphenation.NEVER || hyphenatedWords.contains(prefix + "-" + rest)) {
            return true;
        }
        if (words.contains(prefix + rest)) {
            return false;
        }
        if (lineEnds == LineEnds.COMPOUNDS_ONLY
                || lineEnds == LineEnds.UNKNOWN && hyphenation == Hyphenation.OFF_BY_DEFAULT) {
            // The document's line-end hyphens are compounds' own and none breaks a word it writes whole
            // elsewhere, or its words say nothing and its producer does not hyphenate unless told to:
            // it does not hyphenate, so "problem-" / "solving" keeps its hyphen.
            return true;
        }
        return HYPHENATED_PREFIXES.contains(prefix)
                || prefix.length() >= 3 && rest.length() >= 3 && words.contains(prefix) && words.contains(rest);
    }

    /**
     * Whether the document breaks words at line ends: a line-end hyphen joins two pieces into a word
     * the document writes whole elsewhere ("organ-" / "ised" and "organised"), not one it writes with
     * its hyphen; or only ends lines in compounds' own hyphens (one it writes with the hyphen inside
     * a line, "anti-social", or after a prefix written with one). Told from the document's own
     * words, whoever made it; a document with neither says nothing.
     */
    private LineEnds lineEnds() {
        boolean compounds = false;
        for (int i = 1; i < lines.size(); i++) {
            String before = lines.get(i - 1).text();
            String after = lines.get(i).text();
            if (endsInBreak(before) && !after.isEmpty() && Character.isLowerCase(after.charAt(0))) {
                String prefix = lastWord(before);
                String rest = firstWord(after);
                boolean compound = hyphenatedWords.contains(prefix + "-" + rest) || HYPHENATED_PREFIXES.contains(prefix);
                if (words.contains(prefix + rest) && !compound) {
                    return LineEnds.BREAKS_WORDS;
                }
                compounds |= compound;
            }
        }
        return compounds ? LineEnds.COMPOUNDS_ONLY : LineEnds.UNKNOWN;
    }

    /** A line (or a block's text so far) ending in a letter and a hyphen. */
    private static boolean endsInBreak(CharSequence text) {
        int end = text.length();
        return end > 1 && text.charAt(end - 1) == '-' && Character.isLetter(text.charAt(end - 2));
    }

    /** The word a line ends in, before its hyphen, lower-cased. */
    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1, text.length() - 1).toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String text) {
        return text.split("[^\\p{L}]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** The size most of the text is set in, counted by characters. */
    private static float bodyFontSize(List<PdfLine> lines) {
        Map<Float, Integer> chars = new TreeMap<>();
        lines.forEach(l -> chars.merge(Math.round(l.fontSize() * 2) / 2f, l.text().length(), Integer::sum));
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    private static List<Float> headingSizes(List<PdfLine> lines, float bodySize) {
        List<Float> sizes = new ArrayList<>();
        lines.stream().map(PdfLine::fontSize).filter(s -> s >= bodySize + 0.9f).sorted((a, b) -> Float.compare(b, a))
                .forEach(size -> {
                    if (sizes.isEmpty() || sizes.get(sizes.size() - 1) - size >= 0.6f) {
                        sizes.add(size);
                    }
                });
        return sizes;
    }

    /**
     * The distance between baselines of wrapped lines, as a multiple of their font size: the
     * smallest such ratio between lines of one style that occurs more than once. Measured as a
     * ratio, so that a table set small and tight does not pass for the body's spacing. A short
     * document may have no wrapped line at all, so that its smallest gap is already a paragraph
     * gap; a ratio that wide (over 1.45) is not taken as the leading, and the usual 1.2 stands in.
     */
    private static float leadingRatio(List<PdfLine> lines) {
        Map<Float, Integer> ratios = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            PdfLine a = lines.get(i - 1);
            PdfLine b = lines.get(i);
            float gap = b.y() - a.y();
            // Under half the font size two lines overlap (sub- and superscripts); over three it is a paragraph or a
            // section gap: neither is the distance between a paragraph's lines.
            if (a.page() == b.page() && a.sameStyle(b) && gap > a.fontSize() * 0.5f && gap < a.fontSize() * 3) {
                ratios.merge(Math.round(gap / a.fontSize() * 20) / 20f, 1, Integer::sum);
            }
        }
        float leading = ratios.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).findFirst()
                .orElse(1.2f);
        return leading > 1.45f ? 1.2f : leading;
    }

    private enum LineEnds { BREAKS_WORDS, COMPOUNDS_ONLY, UNKNOWN }

    private final class Builder {
        private final PdfLine first;
        private final Block.Kind kind;
        private final int level;
        private final StringBuilder text;
        private int lines = 1;
        private boolean overABreak;

        Builder(PdfLine first, Block.Kind kind, int level) {
            this.first = first;
            this.kind = kind;
            this.level = kind == Block.Kind.HEADING ? level : kind == Block.Kind.LIST_ITEM ? 1 : 0;
            this.text = new StringBuilder(first.text());
        }

        /** Joins a wrapped line; a word hyphenated at the line end is joined without its hyphen. */
        void add(PdfLine line) {
            lines++;
            overABreak |= line.page() != first.page() || line.column() != first.column();
            String next = line.text();
            if (kind == Block.Kind.TABLE_ROW) {
                // The wrapped words go to the end of the cell they stand under, each cell's when
                // several cells wrapped onto the line.
                for (PdfLine cell : isTableRow(line) ? cellsOf(line) : List.of(line)) {
                    addToCell(cell, bodyLeft.get(line.column()) - bodyLeft.get(first.column()));
                }
                return;
            }
            int end = text.length();
            if (end > 1 && text.charAt(end - 1) == '\u00ad') {
                // A soft hyphen written out at the break is only ever a break.
                text.setLength(end - 1);
                text.append(next);
                return;
            }
            boolean hyphenated = endsInBreak(text) && !next.isEmpty() && Character.isLowerCase(next.charAt(0));
            if (hyphenated && keepsHyphen(text.toString(), next)) {
                text.append(next);
                return;
            }
            if (hyphenated) {
                text.setLength(end - 1);
            } else {
                text.append(' ');
            }
            text.append(next);
        }

        private void addToCell(PdfLine wrapped, float shift) {
            int cell = Math.max(0, cellUnder(first, wrapped, shift));
            int end = -1;
            for (int c = 0; c <= cell; c++) {
                end = text.indexOf("\t", end + 1);
                if (end < 0) {
                    break;
                }
            }
            text.insert(end < 0 ? text.length() : end, " " + wrapped.text());
        }

        Block build() {
            return new Block(kind, level, text.toString(), first.page(), null, rule());
        }

        /** The geometry rule that made this block, in a reader's words (explain). */
        private String rule() {
            String over = overABreak ? " over a page or column break" : "";
            return "geometry: " + switch (kind) {
                case HEADING -> "a heading, set larger or bolder than the text"
                        + (lines == 1 ? "" : ", " + lines + " lines of one size and weight" + over);
                case LIST_ITEM -> "a list item, from its bullet"
                        + (lines == 1 ? "" : ", with " + (lines - 1) + " line(s) aligned with its text" + over);
                case TABLE_ROW -> "a table row, its cells parted by their gaps" + (lines == 1 ? "" : ", " + lines + " lines joined" + over);
                case PARAGRAPH -> "a paragraph" + (lines == 1 ? ", one line" : ", " + lines + " lines joined" + over
                        + " by their leading and indent");
            };
        }
    }
}

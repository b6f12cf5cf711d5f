package org.peelharvest.extract.pdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs drawn so far on a page, to tell a glyph drawn again over itself (word processors
 * draw a character two or three times, a fraction of a point apart, to make it look bold) from
 * a new one.
 *
 * <p>The rule is PDFBox's own ({@code PDFTextStripper}'s duplicate-overlapping-text check): a
 * glyph repeats an earlier one when the earlier one has the same text and lies at an x in
 * {@code [x - t, x + t)} and a y in {@code [y - t, y + t)}, where {@code t} is a third of the
 * glyph's width a character, compared as {@code Float.compare} compares. PDFBox keeps, for each
 * text, a sorted map of x to the sorted y at that x, and looks at every x in range; on a page of
 * body text one x is shared by a glyph on almost every line, so each look walks a column of the
 * page: issue 11's profile found this check to be about two thirds of PDFBox's text extraction
 * of a report. Here the glyphs are kept in a grid of {@link #CELL}-point squares and a look visits
 * only the squares its range touches: a table of squares keyed by text and place, in plain
 * arrays, as a glyph is looked up about a thousand times a page. {@code OverprintsTest} shows it agrees with PDFBox's check
 * on every PDF of the fixtures and the benchmark's generator.
 *
 * <p>Where PDFBox's check would fail the page (a negative width makes an empty range with its
 * ends reversed, which a sorted map refuses) nothing repeats.
 */
final class Overprints {

    /**
     * The side of a grid square, in points. A look's range is two thirds of a glyph's width on each
     * side, two to four points for body text, so most looks visit one or two squares; squares of 8
     * points made a third fewer table look-ups than squares of 4 on the benchmark's reports.
     */
    private static final float CELL = 8f;

    /** Beyond this many squares a look reads every glyph of the page instead (huge glyphs). */
    private static final long MOST_SQUARES = 64;

    private static final int NONE = -1;

    /** Each text of the page as a number. */
    private final Map<String, Integer> texts = new HashMap<>();

    /** The glyphs recorded: their text's number, place, and the glyph before them in their square. */
    private int[] textOf = new int[256];
    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int[] before = new int[256];
    private int glyphs;

    /** Glyphs at no finite place, in no square: always looked at. */
    private int[] elsewhere = new int[4];
    private int elsewhereCount;

    /** Squares by key (open addressing): a square's last glyph; a slot is empty unless stamped with the page. */
    private long[] keys = new long[512];
    private int[] last = new int[512];
    private int[] stamps = new int[512];
    private int page = 1;
    private int squares;

    /** Forgets the page's glyphs: a page's text never repeats another page's. */
    void clear() {
        texts.clear();
        glyphs = 0;
        elsewhereCount = 0;
        squares = 0;
        page++;
    }

    /** {@link #repeats(String, float, float, float)} with PDFBox's tolerance: a third of the glyph's width a character. */
    boolean repeats(TextPosition glyph) {
        String text = glyph.getUnicode();
        return repeats(text, glyph.getX(), glyph.getY(), glyph.getWidth() / text.length() / 3.0f);
    }

    /**
     * Whether a glyph repeats one already drawn on the page; a glyph that does not is recorded,
     * one that does is not (as in PDFBox).
     */
    boolean repeats(String text, float x, float y, float tolerance) {
        float fromX = x - tolerance;
        float toX = x + tolerance;
        float fromY = y - tolerance;
        float toY = y + tolerance;
        if (Float.compare(fromX, toX) > 0 || Float.compare(fromY, toY) > 0) {
            return false;
        }
        int textNumber = texts.computeIfAbsent(text, any -> texts.size());
        if (any(textNumber, fromX, toX, fromY, toY)) {
            return true;
        }
        add(textNumber, x, y);
        return false;
    }

    private boolean any(int text, float fromX, float toX, float fromY, float toY) {
        for (int i = 0; i < elsewhereCount; i++) {
            if (within(elsewhere[i], text, fromX, toX, fromY, toY)) {
                return true;
            }
        }
        if (!Float.isFinite(fromX) || !Float.isFinite(toX) || !Float.isFinite(fromY) || !Float.isFinite(toY)) {
            return anyOfAll(text, fromX, toX, fromY, toY);
        }
        long firstX = square(fromX);
        long lastX = square(toX);
        long firstY = square(fromY);
        long lastY = square(toY);
        if ((lastX - firstX + 1) * (lastY - firstY + 1) > MOST_SQUARES) {
            return anyOfAll(text, fromX, toX, fromY, toY);
        }
        for (long sx = firstX; sx <= lastX; sx++) {
            for (long sy = firstY; sy <= lastY; sy++) {
                for (int glyph = lastOf(key(text, sx, sy)); glyph != NONE; glyph = before[glyph]) {
                    if (within(glyph, text, fromX, toX, fromY, toY)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean anyOfAll(int text, float fromX, float toX, float fromY, float toY) {
        for (int glyph = 0; glyph < glyphs; glyph++) {
            if (within(glyph, text, fromX, toX, fromY, toY)) {
                return true;
            }
        }
        return false;
    }

    /** PDFBox's comparison: its sorted map and set order floats as {@code Float.compare} does. */
    private boolean within(int glyph, int text, float fromX, float toX, float fromY, float toY) {
        float x = xs[glyph];
        float y = ys[glyph];
        return textOf[glyph] == text && Float.compare(x, fromX) >= 0 && Float.compare(x, toX) < 0
                && Float.compare(y, fromY) >= 0 && Float.compare(y, toY) < 0;
    }

    private void add(int text, float x, float y) {
        if (glyphs == xs.length) {
            int size = glyphs * 2;
            textOf = Arrays.copyOf(textOf, size);
            xs = Arrays.copyOf(xs, size);
            ys = Arrays.copyOf(ys, size);
            before = Arrays.copyOf(before, size);
        }
        int glyph = glyphs++;
        textOf[glyph] = text;
        xs[glyph] = x;
        ys[glyph] = y;
        before[glyph] = NONE;
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            if (elsewhereCount == elsewhere.length) {
                elsewhere = Arrays.copyOf(elsewhere, elsewhereCount * 2);
            }
            elsewhere[elsewhereCount++] = glyph;
            return;
        }
        long key = key(text, square(x), square(y));
        int slot = slotOf(key);
        if (stamps[slot] == page) {
            before[glyph] = last[slot];
        } else {
            stamps[slot] = page;
            keys[slot] = key;
            if (++squares * 2 > keys.length) {
                last[slot] = glyph;
                grow();
                return;
            }
        }
        last[slot] = glyph;
    }

    private int lastOf(long key) {
        int slot = slotOf(key);
        return stamps[slot] == page ? last[slot] : NONE;
    }

    /** The slot holding a key, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (stamps[slot] == page && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLast = last;
        int[] oldStamps = stamps;
        keys = new long[oldKeys.length * 2];
        last = new int[oldKeys.length * 2];
        stamps = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStamps[i] == page) {
                int slot = slotOf(oldKeys[i]);
                stamps[slot] = page;
                keys[slot] = oldKeys[i];
                last[slot] = oldLast[i];
            }
        }
    }

    private static long square(float coordinate) {
        return (long) Math.floor(coordinate / CELL);
    }

    /**
     * A square's key: two squares may share one (far off the page, or a page of a great many
     * texts); each glyph of a square is still compared exactly, its text included.
     */
    private static long key(int text, long sx, long sy) {
        return ((long) text << 44) ^ ((sx & 0x3FFFFFL) << 22) ^ (sy & 0x3FFFFFL);
    }
}

package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * only the squares its range touches. {@code OverprintsTest} shows it agrees with PDFBox's check
 * on every PDF of the fixtures and the benchmark's generator.
 *
 * <p>Where PDFBox's check would fail the page (a negative width makes an empty range with its
 * ends reversed, which a sorted map refuses) nothing repeats.
 */
final class Overprints {

    /** The side of a grid square, in points: a third of a body glyph's width is one to two. */
    private static final float CELL = 4f;

    /** Beyond this many squares a look reads every glyph of the text instead (huge glyphs). */
    private static final long MOST_SQUARES = 64;

    private final Map<String, Glyphs> byText = new HashMap<>();

    /** Forgets the page's glyphs: a page's text never repeats another page's. */
    void clear() {
        byText.clear();
    }

    /**
     * Whether a glyph repeats one already drawn on the page; a glyph that does not is recorded,
     * one that does is not (as in PDFBox).
     */
    boolean repeats(String text, float x, float y, float tolerance) {
        Glyphs glyphs = byText.computeIfAbsent(text, any -> new Glyphs());
        float fromX = x - tolerance;
        float toX = x + tolerance;
        float fromY = y - tolerance;
        float toY = y + tolerance;
        if (Float.compare(fromX, toX) > 0 || Float.compare(fromY, toY) > 0) {
            return false;
        }
        if (glyphs.any(fromX, toX, fromY, toY)) {
            return true;
        }
        glyphs.add(x, y);
        return false;
    }

    /** The glyphs of one text on the page, by grid square; glyphs at no finite place apart. */
    private static final class Glyphs {
        private final Map<Long, Square> squares = new HashMap<>();
        private final List<Square> all = new ArrayList<>();
        private final Square elsewhere = new Square();

        void add(float x, float y) {
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                elsewhere.add(x, y);
                return;
            }
            squares.computeIfAbsent(key(square(x), square(y)), any -> {
                Square square = new Square();
                all.add(square);
                return square;
            }).add(x, y);
        }

        boolean any(float fromX, float toX, float fromY, float toY) {
            if (elsewhere.any(fromX, toX, fromY, toY)) {
                return true;
            }
            if (!Float.isFinite(fromX) || !Float.isFinite(toX) || !Float.isFinite(fromY) || !Float.isFinite(toY)) {
                return anyOfAll(fromX, toX, fromY, toY);
            }
            long firstX = square(fromX);
            long lastX = square(toX);
            long firstY = square(fromY);
            long lastY = square(toY);
            if ((lastX - firstX + 1) * (lastY - firstY + 1) > Math.min(MOST_SQUARES, all.size())) {
                return anyOfAll(fromX, toX, fromY, toY);
            }
            for (long sx = firstX; sx <= lastX; sx++) {
                for (long sy = firstY; sy <= lastY; sy++) {
                    Square square = squares.get(key(sx, sy));
                    if (square != null && square.any(fromX, toX, fromY, toY)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean anyOfAll(float fromX, float toX, float fromY, float toY) {
            for (Square square : all) {
                if (square.any(fromX, toX, fromY, toY)) {
                    return true;
                }
            }
            return false;
        }

        private static long square(float coordinate) {
            return (long) Math.floor(coordinate / CELL);
        }

        /** Two squares may share a key (far off the page); each glyph is still compared exactly. */
        private static long key(long sx, long sy) {
            return (sx << 32) ^ (sy & 0xFFFFFFFFL);
        }
    }

    /** The glyphs of one text in one square, as x, y pairs. */
    private static final class Square {
        private float[] places = new float[4];
        private int size;

        void add(float x, float y) {
            if (size + 2 > places.length) {
                places = java.util.Arrays.copyOf(places, places.length * 2);
            }
            places[size++] = x;
            places[size++] = y;
        }

        boolean any(float fromX, float toX, float fromY, float toY) {
            for (int i = 0; i < size; i += 2) {
                float x = places[i];
                float y = places[i + 1];
                if (Float.compare(x, fromX) >= 0 && Float.compare(x, toX) < 0
                        && Float.compare(y, fromY) >= 0 && Float.compare(y, toY) < 0) {
                    return true;
                }
            }
            return false;
        }
    }
}

package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the cell gap in a table row whose first cell is filled almost to its edge: the gap is then
 * no wider than a wide word space, but the next cell starts where the cells of the rows beside it
 * start. Such a line is made a row like them (its gap becomes a tab), so that its cells are read
 * as cells, wherever the producer put its table (issue 16: "a cell's lines are one cell").
 */
final class TableCells {

    /** How far (points) a cell may start from its neighbour row's cell and still be in its column. */
    private static final float ALIGNED = 1.5f;
    /**
     * The narrowest cell gap, as a share of the font size: wider than a ragged line's word space
     * (about a quarter); a justified line's wider spaces rarely fall where a cell starts.
     */
    private static final float MIN_GAP = 0.5f;
    /** How close (points) to its column's right edge a line ends that is taken as reaching it. */
    private static final float EDGE = 1f;
    /** How many lines above and below a line its neighbour rows may stand (a cell wrapped onto three lines between). */
    private static final int NEIGHBOURS = 4;

    private TableCells() {
    }

    static List<PdfLine> aligned(List<PdfLine> lines) {
        Map<String, Float> rightEdges = new HashMap<>();
        for (PdfLine line : lines) {
            rightEdges.merge(columnKey(line), line.endX(), Math::max);
        }
        List<PdfLine> out = new ArrayList<>(lines);
        for (int i = 0; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            // A line that reaches its column's right edge is justified prose, whose wide spaces may fall anywhere.
            if (isRow(line) || line.words().size() < 2 || line.endX() > rightEdges.get(columnKey(line)) - EDGE) {
                continue;
            }
            // Rows found here count for the lines after them: a table whose every first cell is full.
            List<Float> cellStarts = neighbourCellStarts(out, i);
            if (!cellStarts.isEmpty()) {
                out.set(i, withCellGaps(line, cellStarts));
            }
        }
        return out;
    }

    private static String columnKey(PdfLine line) {
        return line.page() + ":" + line.column();
    }

    private static List<Float> neighbourCellStarts(List<PdfLine> lines, int at) {
        PdfLine line = lines.get(at);
        List<Float> starts = new ArrayList<>();
        int from = Math.max(0, at - NEIGHBOURS);
        int to = Math.min(lines.size() - 1, at + NEIGHBOURS);
        for (int j = from; j <= to; j++) {
            PdfLine other = lines.get(j);
            if (j != at && isRow(other) && other.page() == line.page() && other.column() == line.column()) {
                starts.addAll(cellStarts(other));
            }
        }
        return starts;
    }

    /** Where each cell but the first of a row starts. */
    private static List<Float> cellStarts(PdfLine row) {
        List<Float> starts = new ArrayList<>();
        for (PdfLine.Word word : row.words()) {
            if (word.offset() > 0 && row.text().charAt(word.offset() - 1) == '\t') {
                starts.add(word.x());
            }
        }
        return starts;
    }

    /** The line with a tab before each word that starts after a gap wider than a word space, under a cell start. */
    private static PdfLine withCellGaps(PdfLine line, List<Float> cellStarts) {
        StringBuilder text = new StringBuilder(line.text());
        for (int w = 1; w < line.words().size(); w++) {
            PdfLine.Word word = line.words().get(w);
            boolean afterGap = word.x() - line.words().get(w - 1).endX() > MIN_GAP * line.fontSize();
            int before = word.offset() - 1;
            if (afterGap && before > 0 && text.charAt(before) == ' '
                    && cellStarts.stream().anyMatch(x -> Math.abs(x - word.x()) < ALIGNED)) {
                text.setCharAt(before, '\t');
            }
        }
        return text.toString().equals(line.text()) ? line : line.withText(text.toString());
    }

    /** A line whose words stand in columns, apart by more than a word space: a row of a table. */
    static boolean isRow(PdfLine line) {
        return line.text().indexOf('\t') > 0;
    }
}

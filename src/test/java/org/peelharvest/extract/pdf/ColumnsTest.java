package org.peelharvest.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines of a page in reading order: a page of two columns left column first, a page of one column as it is. */
class ColumnsTest {

    private static final float WIDTH = 595;
    private static final float HEIGHT = 842;

    @Test
    void aPageOfTwoColumnsIsReadLeftColumnFirst() {
        List<PdfLine> page = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float y = 100 + i * 14;
            page.add(twoRuns("left column line number " + i + " of prose", 62, 280, "right column line number " + i + " of prose",
                    307, 530, y));
        }

        List<String> order = Columns.readingOrder(page).stream().map(PdfLine::text).toList();

        assertThat(order).hasSize(12);
        assertThat(order.subList(0, 6)).allMatch(text -> text.startsWith("left column"));
        assertThat(order.subList(6, 12)).allMatch(text -> text.startsWith("right column"));
        assertThat(order.get(6)).isEqualTo("right column line number 0 of prose");
    }

    @Test
    void aPageOfOneColumnWithOneLooseLineKeepsItsOrder() {
        List<PdfLine> page = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            page.add(oneRun("a full line of body text running across the whole width of the page " + i, 62, 530, 100 + i * 14));
        }
        // A justified line whose spaces opened wide enough to look like a gutter.
        page.set(3, twoRuns("a loosely justified line of", 62, 270, "body text with wide spaces", 307, 530, 142));

        List<String> order = Columns.readingOrder(page).stream().map(PdfLine::text).toList();

        assertThat(order).containsExactlyElementsOf(page.stream().map(PdfLine::text).toList());
    }

    private static PdfLine oneRun(String text, float x, float endX, float y) {
        return new PdfLine(text, 1, x, endX, y, 10, false, HEIGHT, WIDTH, List.of(new PdfLine.Word(0, x, endX, y, 10, false)), 0);
    }

    private static PdfLine twoRuns(String left, float leftX, float leftEnd, String right, float rightX, float rightEnd, float y) {
        String text = left + "\t" + right;
        return new PdfLine(text, 1, leftX, rightEnd, y, 10, false, HEIGHT, WIDTH, List.of(
                new PdfLine.Word(0, leftX, leftEnd, y, 10, false),
                new PdfLine.Word(left.length() + 1, rightX, rightEnd, y, 10, false)), 0);
    }
}

package org.peelharvest.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.extract.Block;

/**
 * The geometry of untagged PDFs (issue 16, "geometry second, producer-independent"): lines laid
 * out as the office suite's and a typesetter's untagged exports set them, read into blocks.
 * Positions are in points on an A4 page; a character of size s is taken as s/2 wide.
 */
class PdfGeometryTest {

    private static final float WIDTH = 595;
    private static final float HEIGHT = 842;
    private static final float LEFT = 50;
    private static final float BODY = 11;
    private static final String FULL_BODY_LINE = "The force has a clear plan for neighbourhood policing and officers know it well.";

    @Test
    void aQuestionHeadingBrokenAcrossAPageBreakIsOneHeading() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 20));
        lines.add(line("To what extent does the force treat all of the people it", 1, LEFT, 700, 18, true));
        lines.add(line("serves with fairness and respect?", 2, LEFT, 80, 18, true));
        lines.addAll(bodyLines(2, 110, 20));

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(headings(blocks)).containsExactly(
                "To what extent does the force treat all of the people it serves with fairness and respect?");
    }

    @Test
    void aShortHeadingAtTheFootOfAPageIsNotRunIntoTheNextPagesHeading() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 20));
        lines.add(line("Areas for improvement", 1, LEFT, 700, 18, true));
        lines.add(line("Question 2", 2, LEFT, 80, 18, true));
        lines.addAll(bodyLines(2, 110, 20));

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(headings(blocks)).containsExactly("Areas for improvement", "Question 2");
    }

    @Test
    void aHeadingEndedByItsQuestionMarkIsNotJoinedToTheGradeSetLikeIt() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 20));
        lines.add(line("How well does the force ensure that its workforce behaves ethically?", 1, LEFT, 400, 13, true));
        lines.add(line("Not being graded", 1, LEFT, 415, 13, true));

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(headings(blocks)).containsExactly(
                "How well does the force ensure that its workforce behaves ethically?", "Not being graded");
    }

    @Test
    void aTableRowWhoseFirstCellFillsItsWidthIsReadAsCellsLikeTheRowsBesideIt() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 10));
        // The grade column starts at 337; the first cell of the middle row ends 8 points before it.
        lines.add(row("Managing offenders and suspects", "Good", 337, 260));
        lines.add(row("Building, supporting and protecting the workforce", "Good", 337, 292));
        lines.add(row("Leadership and force management", "Adequate", 337, 320));
        rowsAsTheCollectorGivesThem(lines);

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(blocks).filteredOn(Block::isTableRow).extracting(Block::text).containsExactly(
                "Managing offenders and suspects\tGood",
                "Building, supporting and protecting the workforce\tGood",
                "Leadership and force management\tAdequate");
    }

    @Test
    void aTableBrokenOverAColumnWithItsHeaderRepeatedKeepsTheWrappedCellInItsRow() {
        List<PdfLine> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(inColumn(line("Left column text, line " + i, 1, LEFT, 100 + i * 14, BODY, false), 1));
        }
        lines.add(cells("Area of policing", 54, "Grade", 160, 170, 1));
        lines.add(cells("Responding to the public", 54, "Good", 160, 190, 1));
        lines.add(cells("Protecting vulnerable", 54, "Adequate", 160, 210, 1));
        // The right column: the office suite repeats the header row, then the last row's cell goes on.
        lines.add(cells("Area of policing", 224, "Grade", 330, 80, 2));
        lines.add(inColumn(line("people", 1, 224, 94, BODY, false), 2));
        lines.add(cells("Disrupting serious organised crime", 224, "Good", 330, 114, 2));
        for (int i = 0; i < 4; i++) {
            lines.add(inColumn(line("Right column text, line " + i, 1, 220, 140 + i * 14, BODY, false), 2));
        }

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(blocks).filteredOn(Block::isTableRow).extracting(Block::text).containsExactly(
                "Area of policing\tGrade", "Responding to the public\tGood", "Protecting vulnerable people\tAdequate",
                "Disrupting serious organised crime\tGood");
    }

    @Test
    void listItemsWrittenWithEnDashesAreItemsOfTheirOwn() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 10));
        lines.add(line("Areas for improvement", 1, LEFT, 260, 12, true));
        lines.add(line("\u2013 The force should ensure that the quality of investigations handed over between units is high.",
                1, LEFT + 5, 278, BODY, false));
        lines.add(line("\u2013 The force should ensure that it complies with the Code of Practice.", 1, LEFT + 5, 292, BODY, false));

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(blocks.subList(blocks.size() - 2, blocks.size())).extracting(Block::text).containsExactly(
                "\u2013 The force should ensure that the quality of investigations handed over between units is high.",
                "\u2013 The force should ensure that it complies with the Code of Practice.");
    }

    @Test
    void aDashGoingOnAWrappedSentenceStaysInItsParagraph() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 10));
        lines.add(line("The force should evaluate and share effective practice routinely with its partner organisations",
                1, LEFT, 260, BODY, false));
        lines.add(line("\u2013 to continually improve its approach.", 1, LEFT, 274, BODY, false));

        List<Block> blocks = PdfLayout.blocks(lines, true);

        assertThat(blocks.get(blocks.size() - 1).text()).isEqualTo(
                "The force should evaluate and share effective practice routinely with its partner organisations"
                        + " \u2013 to continually improve its approach.");
    }

    @Test
    void aDocumentWhoseLineEndHyphensAreAllCompoundsKeepsThemAll() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 10));
        lines.add(line("It reduces anti-social behaviour in the town centre and in the parks.", 1, LEFT, 250, BODY, false));
        lines.add(line("The force is good at working with its partners and at preventing crime and at tackling anti-",
                1, LEFT, 280, BODY, false));
        lines.add(line("social behaviour in the places people live.", 1, LEFT, 294, BODY, false));
        lines.add(line("The force should make sure, with its partners in the council and the health service, its problem-",
                1, LEFT, 320, BODY, false));
        lines.add(line("solving plans are reviewed and their results shared.", 1, LEFT, 334, BODY, false));

        String text = String.join(" ", PdfLayout.blocks(lines, true).stream().map(Block::text).toList());

        assertThat(text).contains("tackling anti-social behaviour", "its problem-solving plans");
    }

    @Test
    void aDocumentThatBreaksWordsLosesTheHyphenOfABreak() {
        List<PdfLine> lines = new ArrayList<>(bodyLines(1, 100, 10));
        lines.add(line("The force has organised its teams well and they work well together.", 1, LEFT, 250, BODY, false));
        lines.add(line("Its response teams in the north and in the south of the county are both very well organ-",
                1, LEFT, 280, BODY, false));
        lines.add(line("ised and the force is, as the rest of this report says in more detail than here, inadequ-",
                1, LEFT, 294, BODY, false));
        lines.add(line("ate at nothing it was asked about in this inspection.", 1, LEFT, 308, BODY, false));

        String text = String.join(" ", PdfLayout.blocks(lines, true).stream().map(Block::text).toList());

        assertThat(text).contains("very well organised and the force", "here, inadequate at nothing");
    }

    @Test
    void aLabelAndItsValueOnOneLineAreNoSecondColumn() {
        List<PdfLine> lines = new ArrayList<>();
        lines.add(row("Overall judgement", "To be graded", 270, 180));
        lines.add(line("The effectiveness inspection findings will be published in March 2018, with the others.", 1, LEFT, 200, BODY, false));
        lines.add(line("Questions for Effectiveness", 1, LEFT, 236, 15, true));
        lines.add(line("How effective is the force at preventing crime, tackling anti-social behaviour and", 1, LEFT, 294, 14, true));
        lines.add(line("keeping people safe?", 1, LEFT, 313, 14, true));
        rowsAsTheCollectorGivesThem(lines);

        List<String> order = Columns.readingOrder(lines).stream().map(PdfLine::text).toList();

        assertThat(order).containsExactlyElementsOf(lines.stream().map(PdfLine::text).toList());
    }

    @Test
    void aRightColumnIsFoundFromTheWhiteSpaceEvenWhenAJustifiedWordStartsNearIt() {
        List<PdfLine> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float y = 100 + i * 14;
            lines.add(twoColumns("left column prose of line " + i + " here", "right column prose of line " + i + " here", y));
        }
        // A justified left-column line whose last word starts after a wide space, near the right column's start.
        lines.add(new PdfLine("left words spaced out", 1, LEFT, 286, 212, BODY, false, HEIGHT, WIDTH, List.of(
                new PdfLine.Word(0, LEFT, 250, 212, BODY, false), new PdfLine.Word(18, 280, 286, 212, BODY, false)), 0));

        List<PdfLine> order = Columns.readingOrder(lines);

        assertThat(order).extracting(PdfLine::column).containsOnly(1, 2);
        assertThat(order.get(8).text()).isEqualTo("left words spaced out");
        assertThat(order.get(9).text()).isEqualTo("right column prose of line 0 here");
    }

    private static List<String> headings(List<Block> blocks) {
        return blocks.stream().filter(Block::isHeading).map(Block::text).toList();
    }

    /** Body lines that fill the column (so that a line is full or short by comparison). */
    private static List<PdfLine> bodyLines(int page, float top, int count) {
        List<PdfLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(FULL_BODY_LINE + (i % 3 == 2 ? "" : " More"), page, LEFT, top + i * 14, BODY, false));
        }
        return lines;
    }

    /** A line of one run per word, each character half its size wide, one such space between words. */
    private static PdfLine line(String text, int page, float x, float y, float size, boolean bold) {
        List<PdfLine.Word> words = new ArrayList<>();
        int offset = 0;
        for (String word : text.split(" ")) {
            float start = x + offset * size / 2;
            words.add(new PdfLine.Word(offset, start, start + word.length() * size / 2, y, size, bold));
            offset += word.length() + 1;
        }
        float endX = x + text.length() * size / 2;
        return new PdfLine(text, page, x, endX, y, size, bold, HEIGHT, WIDTH, words, 0);
    }

    /** A table row of two cells, its second cell starting at {@code cellX}, parted by a space. */
    private static PdfLine row(String first, String second, float cellX, float y) {
        PdfLine left = line(first, 1, LEFT + 4, y, BODY, false);
        List<PdfLine.Word> words = new ArrayList<>(left.words());
        words.add(new PdfLine.Word(first.length() + 1, cellX, cellX + second.length() * BODY / 2, y, BODY, false));
        return new PdfLine(first + " " + second, 1, LEFT + 4, cellX + second.length() * BODY / 2, y, BODY, false, HEIGHT,
                WIDTH, words, 0);
    }

    /** The line collector parts cells with a tab where the gap is wider than 2.5 times the size (here: rows 1 and 3). */
    private static void rowsAsTheCollectorGivesThem(List<PdfLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            List<PdfLine.Word> words = line.words();
            for (int w = 1; w < words.size(); w++) {
                if (words.get(w).x() - words.get(w - 1).endX() > 2.5f * line.fontSize()) {
                    char[] text = line.text().toCharArray();
                    text[words.get(w).offset() - 1] = '\t';
                    lines.set(i, line.withText(new String(text)));
                    line = lines.get(i);
                }
            }
        }
    }

    private static PdfLine inColumn(PdfLine line, int column) {
        return line.inColumn(column);
    }

    /** A row of two cells as the line collector gives it: parted by a tab, in {@code column}. */
    private static PdfLine cells(String first, float firstX, String second, float secondX, float y, int column) {
        float firstEnd = firstX + first.length() * BODY / 2;
        float secondEnd = secondX + second.length() * BODY / 2;
        return new PdfLine(first + "\t" + second, 1, firstX, secondEnd, y, BODY, false, HEIGHT, WIDTH, List.of(
                new PdfLine.Word(0, firstX, firstEnd, y, BODY, false),
                new PdfLine.Word(first.length() + 1, secondX, secondEnd, y, BODY, false)), column);
    }

    private static PdfLine twoColumns(String left, String right, float y) {
        String text = left + "\t" + right;
        return new PdfLine(text, 1, LEFT, 545, y, BODY, false, HEIGHT, WIDTH, List.of(
                new PdfLine.Word(0, LEFT, 286, y, BODY, false),
                new PdfLine.Word(left.length() + 1, 308, 545, y, BODY, false)), 0);
    }
}

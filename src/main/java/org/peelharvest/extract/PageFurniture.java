package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a document that are never a report's content, wherever they sit: a PDF's contents
 * page, a cover's imprint lines (month and year, copyright, ISBN, web address), the footnote that
 * explains a grade scale, and the site furniture a printed page keeps after its content.
 */
final class PageFurniture {

    private static final Pattern CONTENTS = Pattern.compile("(?i)^(table of )?contents$");
    /** A contents entry: a heading and its page, with or without dotted leaders ("Summary ........ 4"). */
    private static final Pattern PAGE_REF = Pattern.compile("(\\s\\d{1,3}|(\\s*[.\\u2026]\\s*){3,}\\d{1,3})$");
    /** A contents page extracted as one run of text: "Contents What this report contains 1 Force in context 3 …". */
    private static final Pattern CONTENTS_RUN = Pattern.compile("(?i)^contents\\b.*\\s\\d{1,3}(\\s|$)");
    private static final Pattern IMPRINT = Pattern.compile("(?i)^(isbn[:\\s].*|(www\\.|https?://)\\S+"
            + "|(january|february|march|april|may|june|july|august|september|october|november|december)\\s+20\\d\\d"
            + "|\u00a9\\s*(hmic|hmicfrs)\\b.{0,40})$");
    /** "¹ Outstanding, Good, Requires improvement or Inadequate.": a scale explained, not a grade. */
    private static final Pattern SCALE_LEGEND = Pattern.compile("(?i)^[\\u00b9\\u00b2\\u00b3*\\d]?\\s*"
            + "(outstanding|good|adequate|requires improvement|inadequate)(\\s*(,|or|and)\\s*"
            + "(outstanding|good|adequate|requires improvement|inadequate)){2,}\\.?$");
    /** Site furniture after a page's content that a printed page keeps as plain lines. */
    private static final Pattern PAGE_END = Pattern.compile(
            "(?i)^(\u00a9|crown copyright|contact us\\b|we use cookies|this site uses cookies|cookies? (policy|settings)"
                    + "|privacy( policy| notice)?$|accessibility( statement)?$|back to top$)");

    private PageFurniture() {
    }

    /** The blocks less a contents page, imprint lines and scale footnotes. */
    static List<Block> strip(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        boolean inContents = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            if (CONTENTS.matcher(text).matches() || CONTENTS_RUN.matcher(text).find()) {
                inContents = true;
                continue;
            }
            // An entry wrapped over two lines has its page number on the second.
            boolean wrappedEntry = i + 1 < blocks.size() && !blocks.get(i + 1).isHeading()
                    && PAGE_REF.matcher(blocks.get(i + 1).text()).find();
            if (inContents && (PAGE_REF.matcher(text).find() || wrappedEntry)) {
                continue;
            }
            inContents = false;
            if (!IMPRINT.matcher(text).matches() && !SCALE_LEGEND.matcher(text).matches()) {
                kept.add(block);
            }
        }
        return kept;
    }

    /** Where the content ends: at the site furniture at its foot after {@code from}, else at the last block. */
    static int contentEnd(List<Block> page, int from) {
        for (int i = Math.max(0, from); i < page.size(); i++) {
            if (PAGE_END.matcher(page.get(i).text()).find()) {
                return i;
            }
        }
        return page.size();
    }
}

package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.peelharvest.model.Folding;
import org.peelharvest.model.SiteChrome;

/**
 * The parts of a document that are never a report's content, wherever they sit: a PDF's contents
 * page, a cover's imprint lines (month and year, copyright, ISBN, web address), the footnote that
 * explains a grade scale, the site's boilerplate introductions, and the site furniture a printed
 * page keeps after its content.
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
    /** A site footer printed as one line: "Accessibility Privacy notice Contact us © Crown copyright". */
    private static final Pattern FOOTER_LINE = Pattern.compile("(?i)\u00a9 crown copyright|\\bcontact us\\b.*\\bprivacy\\b"
            + "|\\bprivacy\\b.*\\bcontact us\\b");
    /** A footer line names four or five links (11 words with "© Crown copyright"); a sentence that mentions them runs longer. */
    private static final int MAX_FOOTER_WORDS = 15;
    /**
     * The introduction every force's 2015 "Other inspections" page opens with (shared/corpus/10_…):
     * the same two paragraphs for every force, about the inspections, never the force's summary.
     */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(In addition to the three core PEEL pillars, HMICFRS carries out inspections"
                    + "|Findings from these inspections are published separately to the main PEEL reports)");

    private PageFurniture() {
    }

    /** The blocks less a contents page, imprint lines and scale footnotes. */
    static List<Block> strip(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        boolean inContents = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            // lookingAt: the patterns start at the text's start (^), and find() would try every place.
            if (CONTENTS.matcher(text).matches() || CONTENTS_RUN.matcher(text).lookingAt()) {
                inContents = true;
                continue;
            }
            // An entry wrapped over two lines has its page number on the second.
            if (inContents && (PAGE_REF.matcher(text).find() || !block.isHeading() && i + 1 < blocks.size()
                    && !blocks.get(i + 1).isHeading() && PAGE_REF.matcher(blocks.get(i + 1).text()).find())) {
                continue;
            }
            inContents = false;
            if (!IMPRINT.matcher(text).matches() && !SCALE_LEGEND.matcher(text).matches() && !BOILERPLATE.matcher(text).lookingAt()) {
                kept.add(block);
            }
        }
        return kept;
    }

    /** The words {@link #FOOTER_LINE} needs: "crown copyright", or both "contact us" and "privacy". */
    private static boolean mayBeFooter(String text) {
        return Folding.containsIgnoringCase(text, "crown copyright")
                || Folding.containsIgnoringCase(text, "contact us") && Folding.containsIgnoringCase(text, "privacy");
    }

    /** {@code text.split(" ").length} counted without splitting: a long paragraph is no footer, asked first. */
    static int spaceSeparatedParts(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return text.isEmpty() ? 1 : 0;
        }
        int parts = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == ' ') {
                parts++;
            }
        }
        return parts;
    }

    /** Where the content ends: at the site furniture at its foot after {@code from}, else at the last block. */
    static int contentEnd(List<Block> page, int from) {
        for (int i = Math.max(0, from); i < page.size(); i++) {
            String text = page.get(i).text();
            if (SiteChrome.PAGE_END.foundIn(text) || spaceSeparatedParts(text) <= MAX_FOOTER_WORDS && mayBeFooter(text)
                    && FOOTER_LINE.matcher(text).find()) {
                return i;
            }
        }
        return page.size();
    }
}

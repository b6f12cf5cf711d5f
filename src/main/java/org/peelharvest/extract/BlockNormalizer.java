package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of every format's block reader: cleans the text, turns bullet-glyph paragraphs
 * into list items (divs and PDFs write lists as lines starting with "•"), splits a grade badge
 * run on after a question or date into its own line, joins a date's label and value set apart
 * ({@link DateLines}), and drops empty blocks.
 */
public final class BlockNormalizer {

    /** A question or "Last updated" line with a grade word run on after it. */
    private static final Pattern TRAILING_GRADE = Pattern.compile(
            "(?i)^(.{10,}\\?|last updated:?\\s*\\d{1,2}/\\d{1,2}/\\d{4})\\s+"
                    + "(" + Grades.GRADE_WORDS + "|ungraded)$");

    private BlockNormalizer() {
    }

    public static List<Block> normalize(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.isTableRow()) {
                String row = String.join("\t", block.cells().stream().map(Text::clean).toList());
                if (!row.isBlank()) {
                    out.add(block.withText(block.kind(), 0, row));
                }
                continue;
            }
            String text = Text.clean(block.text());
            Block.Kind kind = block.kind();
            int level = block.level();
            if (kind == Block.Kind.PARAGRAPH && Text.startsWithBullet(text)) {
                text = Text.clean(Text.stripBullet(text));
                kind = Block.Kind.LIST_ITEM;
                level = 1;
            } else if (kind == Block.Kind.LIST_ITEM) {
                text = Text.clean(Text.stripBullet(text));
            }
            if (text.isEmpty()) {
                continue;
            }
            Matcher trailing = kind == Block.Kind.LIST_ITEM || !mayTrailAGrade(text) ? null : TRAILING_GRADE.matcher(text);
            if (trailing != null && trailing.matches()) {
                // A badge set inline after the question or the date: "How effective…? Good".
                out.add(block.withText(kind, level, trailing.group(1)));
                out.add(block.withText(Block.Kind.PARAGRAPH, 0, trailing.group(2)));
            } else {
                out.add(block.withText(kind, level, text));
            }
        }
        return DateLines.pairLabels(out);
    }

    /**
     * Whether {@link #TRAILING_GRADE} may match: only a text with a question mark, or one starting
     * "last updated" (in any case), can. Most blocks are neither, and the pattern tried every one
     * (issue 18's profile: a twentieth of reading a small page).
     */
    private static boolean mayTrailAGrade(String text) {
        return text.indexOf('?') >= 0 || text.regionMatches(true, 0, "last updated", 0, "last updated".length());
    }
}

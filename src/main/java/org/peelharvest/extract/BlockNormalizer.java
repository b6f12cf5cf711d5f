package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of every format's block reader: cleans the text, turns bullet-glyph paragraphs
 * into list items (divs and PDFs write lists as lines starting with "•") and drops empty blocks.
 */
public final class BlockNormalizer {

    private BlockNormalizer() {
    }

    public static List<Block> normalize(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
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
            if (!text.isEmpty()) {
                out.add(new Block(kind, level, text, block.page(), block.path()));
            }
        }
        return out;
    }
}

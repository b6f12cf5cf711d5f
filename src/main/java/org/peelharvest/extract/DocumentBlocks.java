package org.peelharvest.extract;

import java.util.ArrayList;
import java.util.List;

import org.peelharvest.model.ControlCharacters;
import org.peelharvest.model.Folding;

/**
 * What a format's block reader gives: the text as blocks in reading order, and the document's own evidence of what it is.
 *
 * @param controlCharacters how many control characters were removed from the blocks' text
 * @param origin            where the blocks came from, in a reader's words: the HTML's elements, a PDF's
 *                          structure tree, or a PDF's page geometry (and why)
 */
public record DocumentBlocks(List<Block> blocks, List<Evidence> evidence, int controlCharacters, String origin) {

    public DocumentBlocks {
        blocks = List.copyOf(blocks);
        evidence = evidence.stream().filter(e -> !e.text().isEmpty()).toList();
    }

    public DocumentBlocks(List<Block> blocks, List<Evidence> evidence, String origin) {
        this(blocks, evidence, 0, origin);
    }

    /** Blocks made by hand (tests). */
    public DocumentBlocks(List<Block> blocks, List<Evidence> evidence) {
        this(blocks, evidence, 0, "given");
    }

    /**
     * These blocks with no control character in their text (issue 17: an area for improvement
     * holding {@code ESC ]0;PWNED BEL} retitled the terminal of whoever printed it), counted; a
     * block that was nothing else is dropped. The white space around a removed character is folded
     * again, but in a table row, whose cells are separated by tabs.
     */
    DocumentBlocks withoutControlCharacters() {
        int found = blocks.stream().mapToInt(block -> ControlCharacters.count(block.text())).sum();
        if (found == 0) {
            return this;
        }
        List<Block> kept = new ArrayList<>();
        for (Block block : blocks) {
            String text = ControlCharacters.removed(block.text());
            if (text != block.text()) {
                text = block.kind() == Block.Kind.TABLE_ROW ? text : Folding.spaces(text);
            }
            if (!text.isBlank()) {
                kept.add(block.withText(block.kind(), block.level(), text));
            }
        }
        return new DocumentBlocks(kept, evidence, controlCharacters + found, origin);
    }
}

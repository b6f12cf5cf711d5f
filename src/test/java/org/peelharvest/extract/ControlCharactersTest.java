package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Control characters are taken out of a document's blocks and counted (issue 17): the text beside
 * them is kept, white space folded again but in a table row's tab-separated cells, and a block that
 * held nothing else is dropped.
 */
class ControlCharactersTest {

    @Test
    void aTerminalEscapeIsRemovedAndCounted() {
        DocumentBlocks blocks = new DocumentBlocks(List.of(
                Block.listItem("The force should improve \u001b]0;PWNED\u0007\u001b[2J its data."),
                Block.paragraph("Clean text \u2013 with a dash and a tab\tkept.")), List.of());

        DocumentBlocks clean = blocks.withoutControlCharacters();

        assertThat(clean.blocks()).extracting(Block::text).containsExactly(
                "The force should improve ]0;PWNED[2J its data.", "Clean text \u2013 with a dash and a tab\tkept.");
        assertThat(clean.controlCharacters()).isEqualTo(3);
    }

    @Test
    void aTableRowKeepsItsTabsAndABlockOfControlsOnlyIsDropped() {
        DocumentBlocks blocks = new DocumentBlocks(List.of(
                new Block(Block.Kind.TABLE_ROW, 0, "Grade\t\u009bGood\t", 0, null),
                Block.paragraph("\u0001\u0002\u0085")), List.of());

        DocumentBlocks clean = blocks.withoutControlCharacters();

        assertThat(clean.blocks()).extracting(Block::text).containsExactly("Grade\tGood\t");
        assertThat(clean.controlCharacters()).isEqualTo(4);
    }

    @Test
    void blocksWithoutControlsAreTheSame() {
        DocumentBlocks blocks = new DocumentBlocks(List.of(Block.paragraph("Line one\nline two")), List.of());

        assertThat(blocks.withoutControlCharacters()).isSameAs(blocks);
    }
}

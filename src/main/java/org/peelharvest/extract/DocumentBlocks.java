package org.peelharvest.extract;

import java.util.List;

/** What a format's block reader gives: the text as blocks in reading order, and the document's own evidence of what it is. */
public record DocumentBlocks(List<Block> blocks, List<Evidence> evidence) {

    public DocumentBlocks {
        blocks = List.copyOf(blocks);
        evidence = evidence.stream().filter(e -> !e.text().isEmpty()).toList();
    }
}

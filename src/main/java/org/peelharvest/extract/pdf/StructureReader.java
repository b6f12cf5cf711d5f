package org.peelharvest.extract.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

import org.peelharvest.extract.Block;

/**
 * A tagged PDF's blocks from its structure tree: what the producer (a browser, a word processor,
 * desktop publishing) says each piece of text is ({@code H1}–{@code H6}, {@code P}, {@code LI},
 * {@code TR} with {@code TH}/{@code TD}, a {@code Figure}'s alternate text) and in what order it is
 * read, whatever the columns, the line wrapping and the page breaks. Used only where the tagged text
 * holds at least {@value #MIN_COVERAGE} of the text the pages show (running headers and other
 * artifacts aside); otherwise the page's geometry is read instead.
 *
 * <p>The tree is walked with bounds on its depth and size, and each element once: a hostile file's
 * tree may be deep, huge, or loop back on itself.
 */
final class StructureReader {

    static final double MIN_COVERAGE = 0.95;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 200_000;
    private static final Set<String> HEADINGS = Set.of("H", "H1", "H2", "H3", "H4", "H5", "H6");
    private static final Set<String> PARAGRAPHS = Set.of("P", "Caption", "BlockQuote", "Note", "TOCI", "Quote", "Code");
    private static final Set<String> FIGURES = Set.of("Figure", "Formula");

    /** The blocks a tagged PDF's structure gives, with how much of the page text they hold. */
    record Tagged(List<Block> blocks, double coverage) {
        boolean usable() {
            return coverage >= MIN_COVERAGE && !blocks.isEmpty();
        }
    }

    private final Map<COSBase, Integer> pageNumbers = new IdentityHashMap<>();
    /** Text by page and marked-content id, each taken once. */
    private final MarkedText marked;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<COSBase> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The page the block being read starts on: that of its first marked content. */
    private int blockPage;
    private long usedChars;

    private StructureReader(MarkedText marked) {
        this.marked = marked;
    }

    /** Whether the PDF has a structure tree to read: only then is its marked content gathered ({@link MarkedText}). */
    static boolean isTagged(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        return root != null && root.getK() != null;
    }

    /**
     * @param marked    the text of the PDF's marked content, gathered as its pages were read
     *                  ({@link LineCollector}); null for an untagged PDF
     * @param pageChars the characters the pages show, less white space, as the geometry reads them;
     *                  counted only for a tagged PDF
     * @return empty for an untagged PDF
     */
    static Optional<Tagged> read(PDDocument document, MarkedText marked, LongSupplier pageChars) {
        if (marked == null || !isTagged(document)) {
            return Optional.empty();
        }
        StructureReader reader = new StructureReader(marked);
        reader.numberPages(document);
        reader.visit(document.getDocumentCatalog().getStructureTreeRoot(), 0, 0, 0);
        long shown = Math.max(1, pageChars.getAsLong() - marked.artifactChars());
        double coverage = Math.min(1.0, reader.usedChars / (double) shown);
        return Optional.of(new Tagged(reader.blocks, coverage));
    }

    /** Numbers the pages (1 for the first) as the structure tree's page references are told by. */
    private void numberPages(PDDocument document) {
        int number = 0;
        for (PDPage page : document.getPages()) {
            pageNumbers.put(page.getCOSObject(), ++number);
        }
    }

    /** Walks the tree in its order: block elements become blocks, groups are entered. */
    private void visit(PDStructureNode node, int depth, int page, int listDepth) {
        if (depth > MAX_DEPTH || visited.size() > MAX_ELEMENTS || !visited.add(node.getCOSObject())) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                element(element, depth + 1, pageOf(element, page), listDepth);
            } else {
                // Text set straight in a group, beside its elements.
                add(Block.Kind.PARAGRAPH, 0, textOfKid(kid, page), page, "");
            }
        }
    }

    private void element(PDStructureElement element, int depth, int page, int listDepth) {
        String type = String.valueOf(element.getStandardStructureType());
        if (HEADINGS.contains(type)) {
            add(Block.Kind.HEADING, type.length() == 1 ? 1 : type.charAt(1) - '0', text(element, depth, page), page, type);
        } else if (PARAGRAPHS.contains(type)) {
            add(Block.Kind.PARAGRAPH, 0, text(element, depth, page), page, type);
        } else if ("LI".equals(type)) {
            listItem(element, depth, page, listDepth + 1);
        } else if ("TR".equals(type)) {
            add(Block.Kind.TABLE_ROW, 0, row(element, depth, page), page, "TR");
        } else if (FIGURES.contains(type)) {
            // A figure says what it shows in its alternate text (a grade badge: "Good"); its own text is read too.
            String alt = element.getAlternateDescription() != null ? element.getAlternateDescription() : element.getActualText();
            String drawn = text(element, depth, page);
            add(Block.Kind.PARAGRAPH, 0, alt == null || alt.isBlank() ? drawn : alt, page,
                    alt == null || alt.isBlank() ? type : type + " alternate text");
        } else if ("L".equals(type)) {
            visit(element, depth, page, listDepth);
        } else if ("Lbl".equals(type) || "Artifact".equals(type)) {
            text(element, depth, page);
            blockPage = 0;
        } else if (hasElementKids(element)) {
            visit(element, depth, page, listDepth);
        } else {
            // Inline text standing alone (a Span, a Link, NonStruct holding text): a paragraph of its own.
            add(Block.Kind.PARAGRAPH, 0, text(element, depth, page), page, type);
        }
    }

    /** A list item's body, without its label (the bullet or number); a list inside it follows as its own items. */
    private void listItem(PDStructureElement item, int depth, int page, int listDepth) {
        StringBuilder body = new StringBuilder();
        List<PDStructureElement> nestedLists = new ArrayList<>();
        for (Object kid : item.getKids()) {
            if (kid instanceof PDStructureElement part) {
                String type = String.valueOf(part.getStandardStructureType());
                if ("Lbl".equals(type)) {
                    text(part, depth + 1, page);
                } else if ("L".equals(type)) {
                    nestedLists.add(part);
                } else {
                    appendText(body, part, depth + 1, pageOf(part, page), nestedLists);
                }
            } else {
                append(body, textOfKid(kid, page));
            }
        }
        add(Block.Kind.LIST_ITEM, listDepth, body.toString(), page, "LI");
        for (PDStructureElement list : nestedLists) {
            visit(list, depth + 1, page, listDepth);
        }
    }

    /** An element's text, with lists found inside it kept apart for their own items. */
    private void appendText(StringBuilder into, PDStructureElement element, int depth, int page,
                            List<PDStructureElement> lists) {
        if (depth > MAX_DEPTH || visited.size() > MAX_ELEMENTS || !visited.add(element.getCOSObject())) {
            return;
        }
        for (Object kid : element.getKids()) {
            if (kid instanceof PDStructureElement part) {
                if ("L".equals(String.valueOf(part.getStandardStructureType()))) {
                    lists.add(part);
                } else {
                    appendText(into, part, depth + 1, pageOf(part, page), lists);
                }
            } else {
                append(into, textOfKid(kid, page));
            }
        }
    }

    private String row(PDStructureElement row, int depth, int page) {
        List<String> cells = new ArrayList<>();
        for (Object kid : row.getKids()) {
            if (kid instanceof PDStructureElement cell) {
                cells.add(text(cell, depth + 1, pageOf(cell, page)).replace('\t', ' '));
            }
        }
        return String.join("\t", cells);
    }

    /** All the text under an element, in the tree's order. */
    private String text(PDStructureElement element, int depth, int page) {
        StringBuilder text = new StringBuilder();
        appendText(text, element, depth, page, new ArrayList<>());
        return text.toString();
    }

    private String textOfKid(Object kid, int page) {
        if (kid instanceof Integer mcid) {
            return use(page, mcid);
        }
        if (kid instanceof PDMarkedContentReference reference) {
            PDPage on = reference.getPage();
            return use(on == null ? page : pageNumbers.getOrDefault(on.getCOSObject(), page), reference.getMCID());
        }
        return "";
    }

    /** A sequence's text, once: a tree that names one sequence twice does not repeat it. */
    private String use(int page, int mcid) {
        Map<Integer, String> onPage = marked.onPage(page);
        String text = onPage == null ? null : onPage.remove(mcid);
        if (text == null) {
            return "";
        }
        usedChars += visibleChars(text);
        if (blockPage == 0) {
            blockPage = page;
        }
        return text;
    }

    private void add(Block.Kind kind, int level, String text, int page, String tag) {
        String clean = text.strip();
        if (!clean.isEmpty()) {
            blocks.add(new Block(kind, level, clean, Math.max(1, blockPage > 0 ? blockPage : page), null,
                    tag.isEmpty() ? "tagged text outside any element" : "tag " + tag));
        }
        blockPage = 0;
    }

    private int pageOf(PDStructureElement element, int inherited) {
        PDPage page = element.getPage();
        return page == null ? inherited : pageNumbers.getOrDefault(page.getCOSObject(), inherited);
    }

    private static boolean hasElementKids(PDStructureElement element) {
        return element.getKids().stream().anyMatch(PDStructureElement.class::isInstance);
    }

    private static void append(StringBuilder into, String text) {
        if (text.isEmpty()) {
            return;
        }
        int end = into.length();
        // A word broken after its own hyphen at a line's end, the line a sequence of its own ("multi-" / "agency").
        boolean brokenAtHyphen = end > 1 && into.charAt(end - 1) == '-' && Character.isLetter(into.charAt(end - 2))
                && Character.isLowerCase(text.charAt(0));
        boolean closing = ",.;:!?)\u2019\u201d".indexOf(text.charAt(0)) >= 0;
        if (end > 0 && !Character.isWhitespace(into.charAt(end - 1)) && !Character.isWhitespace(text.charAt(0))
                && !brokenAtHyphen && !closing) {
            into.append(' ');
        }
        into.append(text);
    }

    static long visibleChars(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }
}

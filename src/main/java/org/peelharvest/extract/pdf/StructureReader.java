package org.peelharvest.extract.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

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
    /** Text by page and marked-content id. */
    private final Map<Integer, Map<Integer, String>> marked = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();
    private final Set<COSBase> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The page the block being read starts on: that of its first marked content. */
    private int blockPage;
    private long usedChars;

    private StructureReader() {
    }

    /**
     * @param pageChars the characters the pages show, less white space, as the geometry reads them;
     *                  counted only for a tagged PDF
     * @return empty for an untagged PDF
     */
    static Optional<Tagged> read(PDDocument document, LongSupplier pageChars) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null || root.getK() == null) {
            return Optional.empty();
        }
        StructureReader reader = new StructureReader();
        long artifactChars = reader.collectMarkedContent(document);
        reader.visit(root, 0, 0, 0);
        long shown = Math.max(1, pageChars.getAsLong() - artifactChars);
        double coverage = Math.min(1.0, reader.usedChars / (double) shown);
        return Optional.of(new Tagged(reader.blocks, coverage));
    }

    /** The text of every marked-content sequence with an id, page by page; returns the artifacts' characters. */
    private long collectMarkedContent(PDDocument document) throws IOException {
        long artifacts = 0;
        int number = 0;
        Overprints overprints = new Overprints();
        for (PDPage page : document.getPages()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("stopped: the document took longer than its time limit");
            }
            number++;
            pageNumbers.put(page.getCOSObject(), number);
            overprints.clear();
            PDFMarkedContentExtractor extractor = new MarkedContentExtractor(overprints);
            extractor.processPage(page);
            Map<Integer, String> byId = marked.computeIfAbsent(number, n -> new HashMap<>());
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                artifacts += collect(content, byId);
            }
        }
        return artifacts;
    }

    /**
     * PDFBox's marked-content extractor with glyphs drawn over themselves dropped by
     * {@link Overprints}, as the page's geometry drops them, instead of PDFBox's own check here,
     * which compares each glyph with every earlier glyph of the same letter on the page: on the
     * benchmark's tagged reports that check was 30% of the extract job's CPU samples (issue 16's
     * performance line).
     */
    private static final class MarkedContentExtractor extends PDFMarkedContentExtractor {
        private final Overprints overprints;

        MarkedContentExtractor(Overprints overprints) {
            this.overprints = overprints;
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            if (!overprints.repeats(glyph)) {
                super.processTextPosition(glyph);
            }
        }
    }

    /** Keeps a sequence's text under its id (nested sequences with ids under theirs); returns the artifacts' characters. */
    private long collect(PDMarkedContent content, Map<Integer, String> byId) {
        if ("Artifact".equals(content.getTag())) {
            return visibleChars(textOf(content));
        }
        List<TextPosition> own = new ArrayList<>();
        long artifacts = gather(content, own, byId, 0);
        if (content.getMCID() >= 0) {
            String text = content.getActualText() != null ? content.getActualText() : GlyphText.of(own);
            byId.merge(content.getMCID(), text, (a, b) -> a + " " + b);
        }
        return artifacts;
    }

    /** A sequence's glyphs, with those of sequences inside it that have no id of their own. */
    private long gather(PDMarkedContent content, List<TextPosition> own, Map<Integer, String> byId, int depth) {
        long artifacts = 0;
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition glyph) {
                own.add(glyph);
            } else if (part instanceof PDMarkedContent nested && depth < MAX_DEPTH) {
                if ("Artifact".equals(nested.getTag()) || nested.getMCID() >= 0) {
                    artifacts += collect(nested, byId);
                } else {
                    artifacts += gather(nested, own, byId, depth + 1);
                }
            }
        }
        return artifacts;
    }

    private static String textOf(PDMarkedContent content) {
        List<TextPosition> glyphs = new ArrayList<>();
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition glyph) {
                glyphs.add(glyph);
            } else if (part instanceof PDMarkedContent nested) {
                glyphs.addAll(nested.getContents().stream().filter(TextPosition.class::isInstance)
                        .map(TextPosition.class::cast).toList());
            }
        }
        return GlyphText.of(glyphs);
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
                add(Block.Kind.PARAGRAPH, 0, textOfKid(kid, page), page);
            }
        }
    }

    private void element(PDStructureElement element, int depth, int page, int listDepth) {
        String type = String.valueOf(element.getStandardStructureType());
        if (HEADINGS.contains(type)) {
            add(Block.Kind.HEADING, type.length() == 1 ? 1 : type.charAt(1) - '0', text(element, depth, page), page);
        } else if (PARAGRAPHS.contains(type)) {
            add(Block.Kind.PARAGRAPH, 0, text(element, depth, page), page);
        } else if ("LI".equals(type)) {
            listItem(element, depth, page, listDepth + 1);
        } else if ("TR".equals(type)) {
            add(Block.Kind.TABLE_ROW, 0, row(element, depth, page), page);
        } else if (FIGURES.contains(type)) {
            // A figure says what it shows in its alternate text (a grade badge: "Good"); its own text is read too.
            String alt = element.getAlternateDescription() != null ? element.getAlternateDescription() : element.getActualText();
            String drawn = text(element, depth, page);
            add(Block.Kind.PARAGRAPH, 0, alt == null || alt.isBlank() ? drawn : alt, page);
        } else if ("L".equals(type)) {
            visit(element, depth, page, listDepth);
        } else if ("Lbl".equals(type) || "Artifact".equals(type)) {
            text(element, depth, page);
            blockPage = 0;
        } else if (hasElementKids(element)) {
            visit(element, depth, page, listDepth);
        } else {
            // Inline text standing alone (a Span, a Link, NonStruct holding text): a paragraph of its own.
            add(Block.Kind.PARAGRAPH, 0, text(element, depth, page), page);
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
        add(Block.Kind.LIST_ITEM, listDepth, body.toString(), page);
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
        Map<Integer, String> onPage = marked.get(page);
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

    private void add(Block.Kind kind, int level, String text, int page) {
        String clean = text.strip();
        if (!clean.isEmpty()) {
            blocks.add(new Block(kind, level, clean, Math.max(1, blockPage > 0 ? blockPage : page), null));
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

    /** Text from glyphs in drawing order: a space where a gap or a new line stands between two. */
    static final class GlyphText {
        private GlyphText() {
        }

        static String of(List<TextPosition> glyphs) {
            StringBuilder text = new StringBuilder();
            TextPosition previous = null;
            for (TextPosition glyph : glyphs) {
                String unicode = glyph.getUnicode();
                if (unicode == null) {
                    continue;
                }
                if (previous != null && text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))
                        && !unicode.isBlank() && separated(previous, glyph)
                        && !(text.charAt(text.length() - 1) == '-' && newLine(previous, glyph))) {
                    // A hyphen at a line's end joins the word it ends ("re-" / "offending"): tagged
                    // producers (browsers, word processors) set hyphens that belong to the word.
                    text.append(' ');
                }
                // Soft hyphens are no part of the text; neither is NUL.
                text.append(unicode.replace("\u00ad", "").replace("\u0000", ""));
                previous = glyph;
            }
            return text.toString();
        }

        private static boolean newLine(TextPosition previous, TextPosition glyph) {
            float size = Math.max(1f, Math.max(previous.getFontSizeInPt(), glyph.getFontSizeInPt()));
            return Math.abs(glyph.getYDirAdj() - previous.getYDirAdj()) > size * 0.5f;
        }

        private static boolean separated(TextPosition previous, TextPosition glyph) {
            float size = Math.max(1f, Math.max(previous.getFontSizeInPt(), glyph.getFontSizeInPt()));
            if (newLine(previous, glyph)) {
                return true;
            }
            float gap = glyph.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
            float space = previous.getWidthOfSpace() > 0 ? previous.getWidthOfSpace() : size * 0.25f;
            return gap > space * 0.5f || gap < -size;
        }
    }
}

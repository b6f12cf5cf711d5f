package org.peelharvest.extract.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

import org.peelharvest.extract.Block;
import org.peelharvest.extract.Grades;
import org.peelharvest.model.Judgment;

/**
 * Collects inline text into lines and ends a line at every block element boundary and at
 * {@code <br>}. The kind of a line comes from its nearest heading or list-item ancestor. Inside
 * a list item, paragraphs and breaks join into one item, so one bullet stays one finding.
 */
final class HtmlBlockWalker implements NodeFilter {

    private static final Evaluator LAYOUT_CONTENT = QueryParser.parse(
            "h1, h2, h3, h4, h5, h6, ul, ol, table, main, article, section, [role=heading]");
    private static final Evaluator PARAGRAPH_CHILD = QueryParser.parse("> p, > div");
    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "button");

    private static final int INTERRUPT_CHECK = 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z][\\w-]*");

    private final List<Block> blocks = new ArrayList<>();
    private final Map<Element, Siblings> siblings = new IdentityHashMap<>();
    private long siblingsCounted;
    private long visited;
    private final Deque<Element> open = new ArrayDeque<>();
    private final StringBuilder line = new StringBuilder();
    private Element lineOwner;
    private boolean lineHasText;

    List<Block> blocks() {
        flush();
        return blocks;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (++visited % INTERRUPT_CHECK == 0 && Thread.currentThread().isInterrupted()) {
            // The document's time is up (DocumentExtractor's limit): stop rather than run on unseen.
            throw new CancellationException("stopped: the document took longer than its time limit");
        }
        if (node instanceof TextNode text) {
            append(text.text());
        } else if (node instanceof Element element && element.normalName().equals("tr") && !isLayoutRow(element)) {
            tableRow(element);
            return FilterResult.SKIP_ENTIRELY;
        } else if (node instanceof Element element) {
            enter(element);
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && isBlock(element)) {
            boundary();
            open.pop();
        }
        return FilterResult.CONTINUE;
    }

    /**
     * A row of a table used for layout, not data: a cell holds headings, lists, a table, page
     * sections or several paragraphs. Its content is read as the page's own blocks.
     */
    private static boolean isLayoutRow(Element row) {
        if (!row.select(LAYOUT_CONTENT).isEmpty()) {
            return true;
        }
        return row.children().stream().anyMatch(cell -> cell.select(PARAGRAPH_CHILD).size() > 1);
    }

    /**
     * A table row is one block of its cells, tab-separated, empty cells kept: in a grades table
     * the column can be what says the grade. A cell showing its grade only as a badge reads as
     * the grade.
     */
    private void tableRow(Element row) {
        flush();
        List<String> cells = new ArrayList<>();
        for (Element cell : row.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                cells.add(cellText(cell));
            }
        }
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            blocks.add(new Block(Block.Kind.TABLE_ROW, 0, String.join("\t", cells), 0, path(row)));
        }
    }

    private static String cellText(Element cell) {
        String text = cell.text().replace('\t', ' ');
        if (!text.isBlank()) {
            return text;
        }
        return cell.getAllElements().stream().map(HtmlBlockWalker::badgeGrade).flatMap(Optional::stream)
                .findFirst().map(Judgment::label).orElse("");
    }

    /** The grade an element shows without text: its alt, aria-label or title, or its class names. */
    private static Optional<Judgment> badgeGrade(Element element) {
        return Grades.fromBadge(element.attr("alt"))
                .or(() -> Grades.fromBadge(element.attr("aria-label")))
                .or(() -> Grades.fromBadge(element.attr("title")))
                .or(() -> Grades.fromClassNames(element.className()));
    }

    private void enter(Element element) {
        if (element.normalName().equals("br")) {
            boundary();
            return;
        }
        if (isBlock(element)) {
            boundary();
            open.push(element);
        }
        if (!element.hasText()) {
            badge(element);
        }
    }

    /**
     * A grade shown only as an image or a styled empty element: its {@code alt}, {@code aria-label}
     * or {@code title}, or a class name such as {@code judgment--good}. Only grade words are kept,
     * so decorative images and icons add nothing.
     */
    private void badge(Element element) {
        Optional<Judgment> grade = badgeGrade(element);
        grade.ifPresent(judgment -> {
            boundary();
            lineOwner = element;
            line.append(judgment.label());
            lineHasText = true;
            boundary();
        });
    }

    private void append(String text) {
        if (text.isBlank()) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            return;
        }
        if (!lineHasText) {
            // Kept as a flag, not read back from the line: a line of many inline pieces stays linear.
            lineOwner = open.peek();
            lineHasText = true;
        }
        line.append(text);
    }

    /** A block boundary ends the line, except inside a list item, where it only separates words. */
    private void boundary() {
        if (insideListItem()) {
            line.append(' ');
        } else {
            flush();
        }
    }

    private boolean insideListItem() {
        for (Element element : open) {
            String tag = element.normalName();
            if (tag.equals("li")) {
                return true;
            }
            if (tag.equals("ul") || tag.equals("ol")) {
                return false;
            }
        }
        return false;
    }

    private void flush() {
        String text = line.toString().strip();
        line.setLength(0);
        lineHasText = false;
        if (!text.isEmpty() && lineOwner != null) {
            blocks.add(blockOf(text, lineOwner));
        }
        lineOwner = null;
    }

    private Block blockOf(String text, Element owner) {
        for (Element e = owner; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                return new Block(Block.Kind.HEADING, tag.charAt(1) - '0', text, 0, path(owner));
            }
            if ("heading".equals(e.attr("role"))) {
                int level = parseLevel(e.attr("aria-level"));
                return new Block(Block.Kind.HEADING, level, text, 0, path(owner));
            }
            if (tag.equals("li")) {
                return new Block(Block.Kind.LIST_ITEM, listDepth(e), text, 0, path(owner));
            }
        }
        return new Block(Block.Kind.PARAGRAPH, 0, text, 0, path(owner));
    }

    private static int parseLevel(String ariaLevel) {
        return ariaLevel.matches("[1-6]") ? Integer.parseInt(ariaLevel) : 2;
    }

    private static int listDepth(Element item) {
        int depth = 0;
        for (Element e = item; e != null; e = e.parent()) {
            if (e.normalName().equals("ul") || e.normalName().equals("ol")) {
                depth++;
            }
        }
        return Math.max(depth, 1);
    }

    /**
     * A short CSS path: tag names with their position among siblings, the position only where a
     * sibling has the same tag. Each element's step is worked out once from its parent's
     * children, counted once per parent, so a page's paths cost time linear in its size (issue 9:
     * counting the siblings again for each of 80,000 paragraphs took 82 s).
     */
    String path(Element element) {
        Deque<String> parts = new ArrayDeque<>();
        for (Element e = element; e != null && !e.normalName().equals("body") && !e.normalName().equals("#root");
             e = e.parent()) {
            String tag = e.normalName();
            if (!e.id().isEmpty() && ID.matcher(e.id()).matches()) {
                parts.push(tag + "#" + e.id());
                break;
            }
            parts.push(step(e));
        }
        return String.join(" > ", parts).toLowerCase(Locale.ROOT);
    }

    private String step(Element element) {
        Element parent = element.parent();
        if (parent == null) {
            return element.normalName();
        }
        Siblings known = siblings.get(parent);
        if (known == null) {
            known = Siblings.of(parent);
            siblingsCounted += known.positions().size();
            siblings.put(parent, known);
        }
        return known.step(element);
    }

    /** How many elements were looked at to place elements among their siblings: at most one visit each. */
    long siblingsCounted() {
        return siblingsCounted;
    }

    /** The children of one element: each one's place, and how many share each tag. */
    private record Siblings(Map<Element, Integer> positions, Map<String, Integer> tagCounts) {

        static Siblings of(Element parent) {
            Map<Element, Integer> positions = new IdentityHashMap<>();
            Map<String, Integer> tagCounts = new HashMap<>();
            List<Element> children = parent.children();
            for (int i = 0; i < children.size(); i++) {
                positions.put(children.get(i), i);
                tagCounts.merge(children.get(i).normalName(), 1, Integer::sum);
            }
            return new Siblings(positions, tagCounts);
        }

        String step(Element child) {
            String tag = child.normalName();
            return tagCounts.getOrDefault(tag, 1) > 1 ? tag + ":nth-child(" + (positions.get(child) + 1) + ")" : tag;
        }
    }

    private static boolean isBlock(Element element) {
        return BLOCK_TAGS.contains(element.normalName());
    }
}

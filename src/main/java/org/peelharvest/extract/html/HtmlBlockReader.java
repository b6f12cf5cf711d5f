package org.peelharvest.extract.html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

import org.peelharvest.extract.BlockNormalizer;
import org.peelharvest.extract.DocumentBlocks;
import org.peelharvest.extract.Evidence;

/**
 * Reads an HTML page into text blocks in reading order: headings, paragraphs and list items.
 * Works from the element structure (h1–h6, p, li, block containers, {@code <br>} breaks) so that
 * semantic HTML and nested-div page builders give the same blocks; site chrome (navigation,
 * footers, cookie notices) is removed first.
 */
public final class HtmlBlockReader {

    /** Words that mark site chrome in class names and ids across page builders, not one site's names. */
    // The selectors, parsed once (parsing one on each use was a tenth of a page's reading).
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title], meta[name=og:title]");
    private static final Evaluator TOP_HEADING = QueryParser.parse("h1, [role=heading][aria-level=1]");
    private static final Evaluator BREADCRUMB = QueryParser.parse(
            "[aria-label~=(?i)breadcrumb], [class~=(?i)breadcrumb], [id~=(?i)breadcrumb]");
    private static final Evaluator SVG = QueryParser.parse("svg");
    private static final Evaluator NOT_TEXT = QueryParser.parse("script, style, noscript, template, iframe, object, form, "
            + "nav, footer, [role=navigation], [role=contentinfo], [role=search]");
    private static final Evaluator NAMED = QueryParser.parse("[class], [id]");
    private static final Evaluator PAGE_ITSELF = QueryParser.parse("h1, main, [role=main], article");
    private static final Evaluator TITLE = QueryParser.parse("title");
    private static final Evaluator MAIN = QueryParser.parse("main, [role=main]");

    private static final Set<String> CHROME_WORDS = Set.of(
            "cookie", "cookies", "consent", "breadcrumb", "breadcrumbs", "footer", "navbar", "nav",
            "navigation", "menu", "sidebar", "share", "social", "skip", "skiplink");

    /**
     * @param content the page bytes; the charset comes from a byte-order mark or the page's
     *                {@code <meta charset>}, UTF-8 when neither says
     * @param url     the page's address, used to resolve relative links
     */
    public DocumentBlocks read(byte[] content, String url) {
        Document page = parse(content, url);
        Marked marked = Marked.in(page);
        List<Evidence> evidence = evidence(page, marked);
        removeChrome(marked);
        Element root = contentRoot(page);
        HtmlBlockWalker walker = new HtmlBlockWalker();
        NodeTraversor.filter(walker, root);
        return new DocumentBlocks(BlockNormalizer.normalize(walker.blocks()), evidence,
                "the page's HTML elements (headings, paragraphs, lists and tables by their tags and roles)");
    }

    /**
     * What the page says of itself outside its text, read before the chrome is removed: its
     * {@code <title>}, {@code og:title}, every {@code <h1>} wherever it sits (in or outside
     * {@code <main>}), and its breadcrumbs.
     */
    private static List<Evidence> evidence(Document page, Marked marked) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(Evidence.Kind.HTML_TITLE, page.title()));
        for (Element meta : marked.ogTitles) {
            evidence.add(new Evidence(Evidence.Kind.OG_TITLE, meta.attr("content")));
        }
        for (Element h1 : marked.topHeadings) {
            evidence.add(new Evidence(Evidence.Kind.H1, h1.text()));
        }
        for (Element trail : marked.breadcrumbs) {
            if (trail.parents().stream().noneMatch(p -> p.hasClass("breadcrumb") || p.hasClass("breadcrumbs"))) {
                evidence.add(new Evidence(Evidence.Kind.BREADCRUMB, trail.text()));
            }
        }
        return evidence;
    }

    /**
     * The elements the evidence and the chrome's removal work on, found in one walk of the page
     * before either changes it, each list in document order (as a selector for each would find
     * them, in six walks: a tenth of a page's reading, issue 18's profile).
     */
    private static final class Marked implements NodeVisitor {
        private final Document page;
        private final Element body;
        private final List<Element> ogTitles = new ArrayList<>();
        private final List<Element> topHeadings = new ArrayList<>();
        private final List<Element> breadcrumbs = new ArrayList<>();
        private final List<Element> graphics = new ArrayList<>();
        private final List<Element> notText = new ArrayList<>();
        /** The elements of the body with a class or an id, the body among them. */
        private final List<Element> named = new ArrayList<>();
        private boolean inBody;

        private Marked(Document page) {
            this.page = page;
            this.body = page.body();
        }

        static Marked in(Document page) {
            Marked marked = new Marked(page);
            NodeTraversor.traverse(marked, page);
            return marked;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            inBody |= element == body;
            addIf(OG_TITLE, element, ogTitles);
            addIf(TOP_HEADING, element, topHeadings);
            addIf(BREADCRUMB, element, breadcrumbs);
            addIf(SVG, element, graphics);
            addIf(NOT_TEXT, element, notText);
            if (inBody) {
                addIf(NAMED, element, named);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            inBody &= node != body;
        }

        private void addIf(Evaluator evaluator, Element element, List<Element> into) {
            if (evaluator.matches(page, element)) {
                into.add(element);
            }
        }
    }

    private static Document parse(byte[] content, String url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(content), null, url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse HTML of " + url, e);
        }
    }

    /**
     * Graphics first (each keeps its name in a span of its class), then what is not text, then the
     * body's elements named as chrome. An element found inside one removed before it is no longer
     * in the page, and removing it again changes nothing.
     */
    private static void removeChrome(Marked marked) {
        List<Element> named = new ArrayList<>(marked.named);
        for (Element svg : marked.graphics) {
            Element span = replaceGraphic(svg);
            if (span.parent() != null && isIn(span, marked.body)) {
                named.add(span);
            }
        }
        marked.notText.forEach(Element::remove);
        for (Element element : named) {
            if (element.parent() != null && isChrome(element) && !holdsContent(element)) {
                element.remove();
            }
        }
    }

    private static boolean isIn(Element element, Element ancestor) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A wrapper named for a menu or sidebar that holds the page itself stays (class "has-sidebar"). */
    private static boolean holdsContent(Element element) {
        return element.normalName().equals("body") || element.selectFirst(PAGE_ITSELF) != null;
    }

    private static boolean isChrome(Element element) {
        String names = (element.className() + " " + element.id()).toLowerCase(java.util.Locale.ROOT);
        // Its words: the runs of a-z and 0-9 (a pattern's split, without the pattern: issue 18's profile).
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean inWord = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (CHROME_WORDS.contains(names.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /**
     * An inline SVG graphic keeps only its accessible name (aria-label, else its title), so a
     * grade drawn as a graphic still reads as a grade and chart labels do not leak into text.
     */
    private static Element replaceGraphic(Element svg) {
        Element title = svg.selectFirst(TITLE);
        String name = svg.hasAttr("aria-label") ? svg.attr("aria-label") : title != null ? title.text() : "";
        Element span = new Element("span").attr("aria-label", name).attr("class", svg.className());
        if (svg.parent() != null) {
            svg.replaceWith(span);
        }
        return span;
    }

    /** The main content when the page marks it ({@code main}, role=main), otherwise the body. */
    private static Element contentRoot(Document page) {
        Element main = page.selectFirst(MAIN);
        return main != null ? main : page.body();
    }
}

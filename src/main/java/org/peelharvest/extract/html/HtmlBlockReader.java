package org.peelharvest.extract.html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
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
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9]+");

    /**
     * @param content the page bytes; the charset comes from a byte-order mark or the page's
     *                {@code <meta charset>}, UTF-8 when neither says
     * @param url     the page's address, used to resolve relative links
     */
    public DocumentBlocks read(byte[] content, String url) {
        Document page = parse(content, url);
        List<Evidence> evidence = evidence(page);
        removeChrome(page);
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
    private static List<Evidence> evidence(Document page) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(Evidence.Kind.HTML_TITLE, page.title()));
        for (Element meta : page.select(OG_TITLE)) {
            evidence.add(new Evidence(Evidence.Kind.OG_TITLE, meta.attr("content")));
        }
        for (Element h1 : page.select(TOP_HEADING)) {
            evidence.add(new Evidence(Evidence.Kind.H1, h1.text()));
        }
        for (Element trail : page.select(BREADCRUMB)) {
            if (trail.parents().stream().noneMatch(p -> p.hasClass("breadcrumb") || p.hasClass("breadcrumbs"))) {
                evidence.add(new Evidence(Evidence.Kind.BREADCRUMB, trail.text()));
            }
        }
        return evidence;
    }

    private static Document parse(byte[] content, String url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(content), null, url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse HTML of " + url, e);
        }
    }

    private static void removeChrome(Document page) {
        page.select(SVG).forEach(HtmlBlockReader::replaceGraphic);
        page.select(NOT_TEXT).remove();
        for (Element element : page.body().select(NAMED)) {
            if (element.parent() != null && isChrome(element) && !holdsContent(element)) {
                element.remove();
            }
        }
    }

    /** A wrapper named for a menu or sidebar that holds the page itself stays (class "has-sidebar"). */
    private static boolean holdsContent(Element element) {
        return element.normalName().equals("body") || element.selectFirst(PAGE_ITSELF) != null;
    }

    private static boolean isChrome(Element element) {
        String names = (element.className() + " " + element.id()).toLowerCase(java.util.Locale.ROOT);
        for (String word : WORD_SPLIT.split(names)) {
            if (CHROME_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An inline SVG graphic keeps only its accessible name (aria-label, else its title), so a
     * grade drawn as a graphic still reads as a grade and chart labels do not leak into text.
     */
    private static void replaceGraphic(Element svg) {
        Element title = svg.selectFirst(TITLE);
        String name = svg.hasAttr("aria-label") ? svg.attr("aria-label") : title != null ? title.text() : "";
        svg.replaceWith(new Element("span").attr("aria-label", name).attr("class", svg.className()));
    }

    /** The main content when the page marks it ({@code main}, role=main), otherwise the body. */
    private static Element contentRoot(Document page) {
        Element main = page.selectFirst(MAIN);
        return main != null ? main : page.body();
    }
}

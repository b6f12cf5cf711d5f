package org.peelharvest.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.extract.Block;
import org.peelharvest.extract.DocumentBlocks;
import org.peelharvest.extract.Evidence;

/**
 * What a page says of itself is read before its chrome is taken out, and the chrome goes whatever
 * order graphics, what is not text and named wrappers come in (issue 18 found them in one walk of
 * the page, where six selectors each walked it). The pages are made by hand; what they must give
 * is written from the HTML alone.
 */
class ChromeAndEvidenceTest {

    private static DocumentBlocks read(String html) {
        return new HtmlBlockReader().read(html.getBytes(StandardCharsets.UTF_8), "page.html");
    }

    private static List<String> texts(DocumentBlocks blocks) {
        return blocks.blocks().stream().map(Block::text).toList();
    }

    @Test
    void aHeadingInsideTheNavigationIsEvidenceButNotText() {
        DocumentBlocks page = read("""
                <html><head><title>Kent PEEL 2021/22</title><meta property="og:title" content="Kent, PEEL 2021/22"></head>
                <body><nav class="menu"><h1>Site menu</h1><p>Home</p></nav>
                <main><h1>Kent PEEL 2021/22</h1><p>The report.</p>
                <div role="heading" aria-level="1">Also the top heading</div></main>
                <footer><p>Crown copyright</p></footer></body></html>""");

        assertThat(page.evidence()).containsExactly(
                new Evidence(Evidence.Kind.HTML_TITLE, "Kent PEEL 2021/22"),
                new Evidence(Evidence.Kind.OG_TITLE, "Kent, PEEL 2021/22"),
                new Evidence(Evidence.Kind.H1, "Site menu"),
                new Evidence(Evidence.Kind.H1, "Kent PEEL 2021/22"),
                new Evidence(Evidence.Kind.H1, "Also the top heading"));
        assertThat(texts(page)).containsExactly("Kent PEEL 2021/22", "The report.", "Also the top heading");
    }

    @Test
    void aGraphicKeepsItsNameUnlessItIsNamedAsChrome() {
        DocumentBlocks page = read("""
                <html><body><main>
                <p>Grade: <svg aria-label="Good" class="grade-badge"><title>ignored title</title></svg></p>
                <p>Share <svg class="social-icon"><title>Twitter</title></svg></p>
                <svg class="chart"><title>Chart</title><style>p { color: red }</style><svg class="menu"><title>Inner</title></svg></svg>
                <p>After the chart.</p>
                </main></body></html>""");

        assertThat(texts(page)).containsExactly("Grade:", "Good", "Share", "After the chart.");
    }

    @Test
    void aWrapperNamedAsChromeThatHoldsThePageStays() {
        DocumentBlocks page = read("""
                <html><body class="has-sidebar">
                <div class="sidebar"><p>Related reports</p></div>
                <div id="cookie-banner"><p>We use cookies.</p></div>
                <div class="menu"><article><h2>Summary</h2><p>Inside the article.</p></article></div>
                <form><p>Search this site</p><div class="content"><p>in a form</p></div></form>
                <p class="skip-link2">Skip</p>
                <p id="NavMain">Nav by id</p>
                <p class="navigation-note">Not a word of chrome alone</p>
                </body></html>""");

        // "skip-link2" holds the word "skip"; "NavMain" is one word, "navmain"; "navigation-note" holds "navigation".
        assertThat(texts(page)).containsExactly("Summary", "Inside the article.", "Nav by id");
    }

    @Test
    void breadcrumbsAreEvidenceOnceWhereTheyNest() {
        DocumentBlocks page = read("""
                <html><body><div class="breadcrumbs"><ol aria-label="Breadcrumb"><li>Home</li><li>Kent</li></ol></div>
                <main><p>Text</p></main></body></html>""");

        // No title, so no title's evidence; the trail once, from its outer element.
        assertThat(page.evidence()).containsExactly(new Evidence(Evidence.Kind.BREADCRUMB, "Home Kent"));
        assertThat(texts(page)).containsExactly("Text");
    }
}

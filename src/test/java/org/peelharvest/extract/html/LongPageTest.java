package org.peelharvest.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

import org.peelharvest.extract.Block;

/**
 * Work per page is linear in its size (issue 9, item 3): each block's element was placed among
 * its siblings by counting them all again, so 80,000 paragraphs (a 1.4 MB page) took 82 s.
 */
class LongPageTest {

    private static final int PARAGRAPHS = 80_000;

    @Test
    void eachElementIsLookedAtOnceToPlaceTheBlocksOfEightyThousandParagraphs() {
        Document page = Jsoup.parse(new String(pageOf(PARAGRAPHS), StandardCharsets.UTF_8), "https://example.org/long");
        HtmlBlockWalker walker = new HtmlBlockWalker();

        NodeTraversor.filter(walker, page.body());
        List<Block> blocks = walker.blocks();

        assertThat(blocks).hasSize(PARAGRAPHS + 1);
        assertThat(blocks.get(PARAGRAPHS).path()).isEqualTo("p:nth-child(" + (PARAGRAPHS + 1) + ")");
        // Quadratic placing looked at 80,001 siblings for each of 80,001 blocks: 6.4 billion.
        assertThat(walker.siblingsCounted()).isLessThanOrEqualTo(page.getAllElements().size());
    }

    @Test
    void aPageOfEightyThousandParagraphsIsReadInSeconds() {
        byte[] page = pageOf(PARAGRAPHS);

        long start = System.nanoTime();
        List<Block> blocks = new HtmlBlockReader().read(page, "https://example.org/long").blocks();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(blocks).hasSize(PARAGRAPHS + 1);
        // Generous for a cold JVM on a slow machine (about 1 s when warm); the quadratic walk took 82 s.
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void blocksAreNamedByTheirPlaceAmongSiblingsOfTheSameTag() {
        byte[] page = "<html><body><h1>Title</h1><div><p>one</p><p>two</p><ul><li>item</li></ul></div><p>three</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        List<Block> blocks = new HtmlBlockReader().read(page, "https://example.org/").blocks();

        assertThat(blocks).extracting(Block::path).containsExactly("h1", "div > p:nth-child(1)",
                "div > p:nth-child(2)", "div > ul > li", "p");
    }

    private static byte[] pageOf(int paragraphs) {
        StringBuilder html = new StringBuilder("<html><head><title>Long</title></head><body><h1>A long page</h1>\n");
        for (int i = 0; i < paragraphs; i++) {
            html.append("<p>Paragraph ").append(i).append(" of a long page.</p>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}

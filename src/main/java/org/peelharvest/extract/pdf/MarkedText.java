package org.peelharvest.extract.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a tagged PDF's marked-content sequences, by page and marked-content id, gathered in
 * the same pass through each page's content stream that reads its lines ({@link LineCollector}),
 * for {@link StructureReader} to hang on the structure tree. A second pass with PDFBox's
 * {@code PDFMarkedContentExtractor} read every content stream again: about a seventh of the
 * extract job's CPU samples on the benchmark's tagged reports (issue 16's performance line).
 *
 * <p>A page's sequences are kept as glyphs only while the page is read, then as text: a report of
 * 80 pages is never all its glyphs in memory.
 */
final class MarkedText {

    private static final int MAX_DEPTH = 64;

    /** A glyph as it was drawn: PDFBox's stripper may later merge a diacritic into it, changing its text. */
    private record Glyph(TextPosition position, String text) {
    }

    /** One marked-content sequence: its tag, id and actual text (PDFBox's), and its glyphs and sequences in order. */
    private record Sequence(PDMarkedContent content, List<Object> parts) {
    }

    /** Text by page and marked-content id. */
    private final Map<Integer, Map<Integer, String>> byPage = new HashMap<>();
    private final List<Sequence> page = new ArrayList<>();
    private final Deque<Sequence> open = new ArrayDeque<>();
    private long artifactChars;

    void startPage() {
        page.clear();
        open.clear();
    }

    /** A sequence begins ({@code BMC}, {@code BDC}): inside the one open, or at the page's top. */
    void begin(COSName tag, COSDictionary properties) {
        Sequence sequence = new Sequence(PDMarkedContent.create(tag, properties), new ArrayList<>());
        if (open.isEmpty()) {
            page.add(sequence);
        } else {
            open.peek().parts().add(sequence);
        }
        open.push(sequence);
    }

    /** The open sequence ends ({@code EMC}); an unbalanced end is ignored, as PDFBox does. */
    void end() {
        open.poll();
    }

    /** A glyph drawn (not over itself): part of the innermost open sequence; outside any it is not tagged. */
    void glyph(TextPosition glyph) {
        if (!open.isEmpty()) {
            open.peek().parts().add(new Glyph(glyph, glyph.getUnicode()));
        }
    }

    /** The page read is done: its sequences become text, kept under their ids. */
    void endPage(int number) {
        Map<Integer, String> ids = byPage.computeIfAbsent(number, n -> new HashMap<>());
        for (Sequence sequence : page) {
            artifactChars += collect(sequence, ids);
        }
        page.clear();
        open.clear();
    }

    /** The text of each sequence with an id on a page (1 for the first), by id: taken by whoever uses it. */
    Map<Integer, String> onPage(int number) {
        return byPage.get(number);
    }

    /** The characters, less white space, of the sequences marked as artifacts (running headers, page numbers). */
    long artifactChars() {
        return artifactChars;
    }

    /** Keeps a sequence's text under its id (nested sequences with ids under theirs); returns the artifacts' characters. */
    private long collect(Sequence sequence, Map<Integer, String> ids) {
        PDMarkedContent content = sequence.content();
        if ("Artifact".equals(content.getTag())) {
            return StructureReader.visibleChars(textOf(sequence));
        }
        List<Glyph> own = new ArrayList<>();
        long artifacts = gather(sequence, own, ids, 0);
        if (content.getMCID() >= 0) {
            String text = content.getActualText() != null ? content.getActualText() : GlyphText.of(own);
            ids.merge(content.getMCID(), text, (a, b) -> a + " " + b);
        }
        return artifacts;
    }

    /** A sequence's glyphs, with those of sequences inside it that have no id of their own. */
    private long gather(Sequence sequence, List<Glyph> own, Map<Integer, String> ids, int depth) {
        long artifacts = 0;
        for (Object part : sequence.parts()) {
            if (part instanceof Glyph glyph) {
                own.add(glyph);
            } else if (part instanceof Sequence nested && depth < MAX_DEPTH) {
                if ("Artifact".equals(nested.content().getTag()) || nested.content().getMCID() >= 0) {
                    artifacts += collect(nested, ids);
                } else {
                    artifacts += gather(nested, own, ids, depth + 1);
                }
            }
        }
        return artifacts;
    }

    /** An artifact's text: its glyphs and those of the sequences directly inside it. */
    private static String textOf(Sequence sequence) {
        List<Glyph> glyphs = new ArrayList<>();
        for (Object part : sequence.parts()) {
            if (part instanceof Glyph glyph) {
                glyphs.add(glyph);
            } else if (part instanceof Sequence nested) {
                nested.parts().stream().filter(Glyph.class::isInstance).map(Glyph.class::cast).forEach(glyphs::add);
            }
        }
        return GlyphText.of(glyphs);
    }

    /** Text from glyphs in drawing order: a space where a gap or a new line stands between two. */
    private static final class GlyphText {
        private GlyphText() {
        }

        static String of(List<Glyph> glyphs) {
            StringBuilder text = new StringBuilder();
            TextPosition previous = null;
            for (Glyph drawn : glyphs) {
                String unicode = drawn.text();
                TextPosition glyph = drawn.position();
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

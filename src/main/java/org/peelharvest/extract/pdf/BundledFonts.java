package org.peelharvest.extract.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * The fonts PDFBox is told it has: only the one it bundles (Liberation Sans), for every font a PDF
 * names without embedding it. PDFBox's own mapper looks for a system font that matches, and to
 * know them scans every font folder of the machine the first time a PDF needs one (seconds on a
 * machine with many fonts; then a cache file in the home folder, checked against every font
 * file at each start: issue 18). Extraction reads text, not glyph shapes: the widths come from the
 * PDF's own /Widths or, for the standard 14 fonts, from PDFBox's bundled metrics, whatever font
 * stands in; the stand-in only draws glyphs, which nothing here renders.
 */
final class BundledFonts implements FontMapper {

    /** PDFBox's own last resort, bundled in its jar. */
    private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TrueTypeFont font;

    private BundledFonts(TrueTypeFont font) {
        this.font = font;
    }

    /** Tells PDFBox its fonts, once for the JVM (PDFBox keeps one mapper for all). */
    static void install() {
        Holder.INSTALLED.hashCode();
    }

    /** Installed when first asked for, by the class loader's own once-only initialisation. */
    private static final class Holder {
        static final BundledFonts INSTALLED = installed();

        private static BundledFonts installed() {
            BundledFonts fonts = new BundledFonts(liberationSans());
            FontMappers.set(fonts);
            return fonts;
        }
    }

    private static TrueTypeFont liberationSans() {
        try (InputStream in = FontMapper.class.getResourceAsStream(LIBERATION_SANS)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's jar holds no " + LIBERATION_SANS);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PDFBox's bundled font " + LIBERATION_SANS, e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font, true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font, true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
        return new CIDFontMapping(null, font, true);
    }
}

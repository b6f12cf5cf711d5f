package org.peelharvest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An archive of realistic size made from the project's own documents (issue 11): {@code n} HTML
 * report pages, each a sample or fixture page wrapped in site chrome (navigation, footer, scripts
 * and styles, which extraction removes) to 60–120 KB, and {@code n} PDF reports of 40–80 pages,
 * each a sample or fixture PDF followed by annex pages of text written with PDFBox. Every copy
 * differs from every other (its chrome or annex text is drawn from a seeded generator), and the
 * same seed gives the same files. The documents are laid out in four quarters, {@code q1} to
 * {@code q4}, so that the first quarter, the first half and the whole can be measured apart.
 */
public final class SyntheticArchive {

    public static final long SEED = 20261130L;
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final String[] WORDS = ("the force has improved how it understands demand and plans its workforce "
            + "officers staff victims crime response neighbourhood policing vulnerable people safeguarding partners "
            + "inspection evidence data performance public confidence resources budget savings investment training "
            + "supervision standards ethical behaviour complaints integrity leadership wellbeing calls incidents").split(" ");

    private SyntheticArchive() {
    }

    /** The archive of {@code n} pages and {@code n} PDFs under {@code folder}, made unless it is already there. */
    static Path make(Path folder, int n) throws IOException {
        Path archive = folder.resolve("archive-" + n + "-" + SEED);
        if (Files.isRegularFile(archive.resolve("complete"))) {
            return archive;
        }
        List<Path> pages = sources("html");
        List<Path> pdfs = sources("pdf");
        Random random = new Random(SEED);
        for (int i = 0; i < n; i++) {
            Path quarter = archive.resolve(quarter(i, n));
            byte[] page = Files.readAllBytes(pages.get(i % pages.size()));
            write(quarter.resolve("html").resolve(name(i, pages.get(i % pages.size()))), withChrome(page, i, random));
            Path pdf = pdfs.get(i % pdfs.size());
            write(quarter.resolve("pdf").resolve(name(i, pdf)), withAnnex(Files.readAllBytes(pdf), i, random));
        }
        Files.writeString(archive.resolve("complete"), n + " pages and " + n + " PDFs, seed " + SEED + "\n");
        return archive;
    }

    /** The folders of the first {@code quarters} quarters. */
    static List<Path> quarters(Path archive, int quarters) {
        List<Path> folders = new ArrayList<>();
        for (int q = 1; q <= quarters; q++) {
            folders.add(archive.resolve("q" + q));
        }
        return folders;
    }

    private static String quarter(int i, int n) {
        return "q" + (1 + Math.min(3, i * 4 / Math.max(n, 1)));
    }

    private static String name(int i, Path source) {
        return String.format(Locale.ROOT, "%05d-%s", i, source.getFileName());
    }

    /** The sample documents and the test fixtures of one format, in name order. */
    private static List<Path> sources(String extension) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : List.of(Path.of("input/sample"), Path.of("src/test/resources/fixtures"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith("." + extension)).sorted().forEach(found::add);
            }
        }
        return found;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** The page inside a site's chrome, 60–120 KB in all. */
    static byte[] withChrome(byte[] page, int copy, Random random) {
        String html = new String(page, StandardCharsets.UTF_8);
        int size = 60_000 + random.nextInt(60_001);
        StringBuilder top = new StringBuilder("\n<!-- copy " + copy + " -->\n<script>var copy = " + copy + ";</script>\n"
                + "<style>.site-nav a { color: #003; }</style>\n<nav class=\"site-nav\"><ul>\n");
        StringBuilder bottom = new StringBuilder("\n<footer class=\"site-footer\"><ul>\n");
        int link = 0;
        while (html.length() + top.length() + bottom.length() < size - 400) {
            StringBuilder side = link % 3 == 0 ? bottom : top;
            side.append("<li><a href=\"/peel-assessments/").append(word(random)).append('-').append(link)
                    .append("/\">").append(sentence(random, 3 + random.nextInt(5))).append("</a></li>\n");
            link++;
        }
        top.append("</ul></nav>\n");
        bottom.append("</ul><p>© Crown copyright</p></footer>\n");
        int bodyStart = html.indexOf('>', Math.max(html.indexOf("<body"), 0)) + 1;
        int bodyEnd = html.lastIndexOf("</body>") < 0 ? html.length() : html.lastIndexOf("</body>");
        String chromed = html.substring(0, bodyStart) + top + html.substring(bodyStart, bodyEnd) + bottom
                + html.substring(bodyEnd);
        return chromed.getBytes(StandardCharsets.UTF_8);
    }

    /** The PDF followed by pages of annex text, 40–80 pages in all. */
    public static byte[] withAnnex(byte[] pdf, int copy, Random random) throws IOException {
        int pages = 40 + random.nextInt(41);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = document.getNumberOfPages(); page < pages; page++) {
                PDPage annex = new PDPage(PDRectangle.A4);
                document.addPage(annex);
                try (PDPageContentStream text = new PDPageContentStream(document, annex)) {
                    text.beginText();
                    text.setFont(FONT, 10);
                    text.setLeading(14);
                    text.newLineAtOffset(62, 780);
                    text.showText("Annex " + (page + 1) + " of copy " + copy + ": about the data");
                    for (int line = 0; line < 48; line++) {
                        text.newLine();
                        text.showText(sentence(random, 10 + random.nextInt(4)));
                    }
                    text.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sentence.append(i == 0 ? "" : " ").append(word(random));
        }
        return sentence.toString();
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}

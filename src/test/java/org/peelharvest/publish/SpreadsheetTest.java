package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.model.Cycle;
import org.peelharvest.model.Finding;
import org.peelharvest.model.Forces;
import org.peelharvest.model.Judgment;
import org.peelharvest.model.JudgmentSource;
import org.peelharvest.model.Location;
import org.peelharvest.model.Pillar;
import org.peelharvest.model.Question;
import org.peelharvest.model.Report;
import org.peelharvest.model.Source;
import org.peelharvest.model.SourceFormat;
import org.peelharvest.testing.Programs;

/**
 * The published CSV opened in a real spreadsheet program, LibreOffice Calc (headless, converting
 * the sheet it loaded to HTML, which holds each cell's text as displayed): the exact text shown
 * for a guarded cell, for accents and curly quotes, for a number column and for an empty cell,
 * and the rows and columns as written. The guard keeps a formula from running, and LibreOffice
 * shows the guard's apostrophe: Calc's CSV import keeps a leading apostrophe as part of the text
 * (it hides one only when typed into a cell). No other leading character was found that Calc
 * both hides and treats as text: a tab, a space, a zero-width space or a byte-order mark all stay
 * in the cell's text, and a quoted field is computed like an unquoted one unless the reader
 * ticks "Format quoted field as text" in the import dialog.
 */
class SpreadsheetTest {

    private static final String ACCENTS = "Zo\u00eb\u2019s \u201cplan\u201d \u2013 agreed";
    private static final String FORMULA = "=1+1";

    @TempDir
    Path temp;

    @Test
    void aSpreadsheetShowsAccentsAndCurlyQuotesAsWrittenAndAGuardedFormulaAsTextWithItsApostrophe() throws Exception {
        Path sheet = openInCalc(publish(CsvStyle.SPREADSHEET), "areas_for_improvement.csv");

        List<List<String>> rows = rows(sheet);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(rows.get(0)).containsExactly("report_id", "question_number", "position", "text");
        assertThat(rows.get(1)).containsExactly("2016-dyfed-powys-effectiveness", "1", "1", "Zo\u00eb\u2019s \u201cplan\u201d \u2013 agreed");
        assertThat(rows.get(2)).containsExactly("2016-dyfed-powys-effectiveness", "1", "2", "'=1+1");
    }

    @Test
    void aSpreadsheetShowsNumbersAsWrittenAndAnEmptyCellAsEmpty() throws Exception {
        Path sheet = openInCalc(publish(CsvStyle.SPREADSHEET), "reports.csv");

        List<List<String>> rows = rows(sheet);
        Map<String, String> report = new LinkedHashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            report.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        assertThat(report).containsEntry("year", "2016").containsEntry("judgment_rank", "2")
                .containsEntry("question_count", "1").containsEntry("area_for_improvement_count", "2")
                .containsEntry("last_updated", "").containsEntry("judgment", "Good");
    }

    @Test
    void withoutTheGuardTheSameCellWouldBeComputed() throws Exception {
        Path sheet = openInCalc(publish(CsvStyle.PLAIN), "areas_for_improvement.csv");

        assertThat(rows(sheet).get(2).get(3)).isEqualTo("2");
    }

    /** Why the guard is the apostrophe, shown: every other leading character tried stays in the text too. */
    @Test
    void calcHidesNoLeadingCharacterOfACsvCell() throws Exception {
        Path csv = temp.resolve("candidates.csv");
        Files.writeString(csv, "case,text\r\napostrophe,'=1+1\r\ntab,\"\t=1+1\"\r\nspace, =1+1\r\n"
                + "zero-width space,\u200b=1+1\r\nbyte-order mark,\ufeff=1+1\r\nquoted,\"=1+1\"\r\n", StandardCharsets.UTF_8);

        Path sheet = openInCalc(csv);

        Map<String, String> shown = new LinkedHashMap<>();
        for (Element tr : Jsoup.parse(sheet.toFile()).select("table tr")) {
            shown.put(tr.select("td").get(0).text(), tr.select("td").get(1).wholeText().replace("\n", ""));
        }
        assertThat(shown).containsEntry("apostrophe", "'=1+1").containsEntry("tab", "\t=1+1")
                .containsEntry("space", " =1+1").containsEntry("zero-width space", "\u200b=1+1")
                .containsEntry("byte-order mark", "\ufeff=1+1").containsEntry("quoted", "2");
    }

    private Path publish(CsvStyle style) throws IOException {
        Question question = new Question(1, "How effective is it?", Judgment.GOOD, JudgmentSource.BADGE, false, "",
                List.of(new Finding(ACCENTS, Location.UNKNOWN), new Finding(FORMULA, Location.UNKNOWN)), List.of(), List.of(),
                Location.UNKNOWN);
        Report report = new Report(Forces.bySlug("dyfed-powys").orElseThrow(), Cycle.startingIn(2016).orElseThrow(),
                Pillar.EFFECTIVENESS, "How effective?", Judgment.GOOD, JudgmentSource.BADGE, null, "",
                List.of(question), new Source("file:///dyfed-powys.html", SourceFormat.HTML, "e".repeat(64)));
        Path out = temp.resolve(style.label());
        new DatasetPublisher(style).publish(out, List.of(List.of(report)), List.of(), new RunInfo("t", "t", 1, 1, null, null));
        return out;
    }

    private Path openInCalc(Path release, String csv) throws Exception {
        return openInCalc(release.resolve(csv));
    }

    private Path openInCalc(Path csv) throws Exception {
        Path soffice = Programs.require("soffice", "libreoffice");
        Path converted = temp.resolve("converted-" + csv.getParent().getFileName() + "-" + csv.getFileName());
        // CSV import options: comma separated, double-quoted, UTF-8 (76), data from line 1.
        Programs.Result result = Programs.run(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + temp.resolve("lo-profile").toUri(), "--infilter=CSV:44,34,76,1",
                "--convert-to", "html", "--outdir", converted.toString(), csv.toString()), temp, 180);
        Path sheet = converted.resolve(csv.getFileName().toString().replace(".csv", ".html"));
        assertThat(sheet).as(result.out() + result.err()).exists();
        return sheet;
    }

    private static List<List<String>> rows(Path sheet) throws IOException {
        Document html = Jsoup.parse(sheet.toFile());
        return html.select("table tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList()).toList();
    }
}

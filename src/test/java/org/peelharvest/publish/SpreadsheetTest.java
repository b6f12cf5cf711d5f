package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
 * the sheet it loaded to HTML): accents and curly quotes intact, a cell that would be a formula
 * stays text in the spreadsheet style (and is computed in the plain style, which is why the
 * guard is there), and the rows and columns are those written.
 */
class SpreadsheetTest {

    private static final String ACCENTS = "Zo\u00eb\u2019s \u201cplan\u201d \u2013 agreed";
    private static final String FORMULA = "=1+1";

    @TempDir
    Path temp;

    @Test
    void aSpreadsheetOpensTheCsvWithAccentsIntactAndAFormulaAsText() throws Exception {
        Path sheet = openInCalc(publish(CsvStyle.SPREADSHEET), "areas_for_improvement.csv");

        List<List<String>> rows = rows(sheet);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(rows.get(0)).containsExactly("report_id", "question_number", "position", "text");
        assertThat(rows.get(1).get(3)).isEqualTo(ACCENTS);
        assertThat(rows.get(2).get(3)).endsWith(FORMULA).isNotEqualTo("2");
    }

    @Test
    void withoutTheGuardTheSameCellWouldBeComputed() throws Exception {
        Path sheet = openInCalc(publish(CsvStyle.PLAIN), "areas_for_improvement.csv");

        assertThat(rows(sheet).get(2).get(3)).isEqualTo("2");
    }

    private Path publish(CsvStyle style) throws IOException {
        Question question = new Question(1, "How effective is it?", Judgment.GOOD, JudgmentSource.BADGE, false, "",
                List.of(new Finding(ACCENTS, Location.UNKNOWN), new Finding(FORMULA, Location.UNKNOWN)), List.of(), List.of(),
                Location.UNKNOWN);
        Report report = new Report(Forces.bySlug("dyfed-powys").orElseThrow(), Cycle.startingIn(2016).orElseThrow(),
                Pillar.EFFECTIVENESS, "How effective?", Judgment.GOOD, JudgmentSource.BADGE, LocalDate.of(2017, 3, 2), "",
                List.of(question), new Source("file:///dyfed-powys.html", SourceFormat.HTML, "e".repeat(64)));
        Path out = temp.resolve(style.label());
        new DatasetPublisher(style).publish(out, List.of(List.of(report)), List.of(), new RunInfo("t", "t", 1, 1, null, null));
        return out;
    }

    private Path openInCalc(Path release, String csv) throws Exception {
        Path soffice = Programs.require("soffice", "libreoffice");
        Path converted = temp.resolve("converted-" + release.getFileName());
        // CSV import options: comma separated, double-quoted, UTF-8 (76), data from line 1.
        Programs.Result result = Programs.run(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + temp.resolve("lo-profile").toUri(), "--infilter=CSV:44,34,76,1",
                "--convert-to", "html", "--outdir", converted.toString(), release.resolve(csv).toString()), temp, 180);
        Path sheet = converted.resolve(csv.replace(".csv", ".html"));
        assertThat(sheet).as(result.out() + result.err()).exists();
        return sheet;
    }

    private static List<List<String>> rows(Path sheet) throws IOException {
        Document html = Jsoup.parse(sheet.toFile());
        return html.select("table tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList()).toList();
    }
}

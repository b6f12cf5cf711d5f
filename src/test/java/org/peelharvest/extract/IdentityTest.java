package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.Report;
import org.peelharvest.model.SourceDocument;

/**
 * Which report a document is, decided from all its evidence: strong sources must agree, weak
 * ones (links, breadcrumbs) count only where no strong one speaks. Expected values written by hand.
 */
class IdentityTest {

    private static final String PAGE_URL = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/derbyshire/effectiveness/";
    private static final String BODY = """
            <h2>How effective is the force at keeping people safe and reducing crime?</h2>
            <p>Last updated 02/03/2017</p><p>Good</p>
            <p>Derbyshire Constabulary is good at keeping people safe and reducing crime.</p>
            """;

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void aUrlAndATitleThatDisagreeOnTheCycleRejectTheDocument() {
        String html = page("Derbyshire PEEL 2015 | HMICFRS", "<h1>Derbyshire PEEL 2015</h1>" + BODY);

        assertThatThrownBy(() -> extractor.extract(new SourceDocument(PAGE_URL, bytes(html))))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reject().reason().code()).isEqualTo("conflicting-identity");
                    assertThat(e.reject().detail()).contains("cycle").contains("2016 (url").contains("2015 (html title");
                });
    }

    @Test
    void twoTitlesThatDisagreeOnTheForceRejectTheDocument() {
        String html = page("Derbyshire PEEL 2016 | HMICFRS", "<h1>Lancashire PEEL 2016</h1>" + BODY);

        assertThatThrownBy(() -> extractor.extract(new SourceDocument("local/page.html", bytes(html))))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reject().reason().code()).isEqualTo("conflicting-identity"));
    }

    @Test
    void linksToTheForcesOtherYearsBeforeTheReportDoNotMoveItToAnotherYear() {
        String links = "<ul><li><a href='/2014/'>Derbyshire PEEL 2014</a></li><li><a href='/2015/'>Derbyshire PEEL 2015</a></li>"
                + "<li><a href='/2017/'>Derbyshire PEEL 2017</a></li></ul>";
        String html = page("Derbyshire PEEL 2016 | HMICFRS", links + "<h1>Derbyshire PEEL 2016</h1><p>Effectiveness</p>" + BODY);

        Report report = extractor.extract(new SourceDocument("local/page.html", bytes(html)));

        assertThat(report.reportId()).isEqualTo("2016-derbyshire-effectiveness");
    }

    @Test
    void aRepublishedCopyNamesItsForceInsideALongerTitle() {
        String title = "PEEL: Police effectiveness 2016 – Derbyshire Police and Crime Commissioner";
        String html = page(title, "<h1>" + title + "</h1>" + BODY);

        Report report = extractor.extract(new SourceDocument("https://www.derbyshire-pcc.gov.uk/peel-2016/", bytes(html)));

        assertThat(report.reportId()).isEqualTo("2016-derbyshire-effectiveness");
    }

    @Test
    void anIntegratedPageWithNoTitleLineIsKnownByItsAddress() {
        String html = "<html><head><title>Report</title></head><body><main><h2>Overall summary</h2>"
                + "<p>Our inspection assessed how good Cleveland Police is in two areas of policing. "
                + "We make graded judgments in two of these two as follows:</p>"
                + "<table><tr><th>Area of policing</th><th>Grade</th></tr><tr><td>Responding to the public</td><td>Good</td></tr>"
                + "<tr><td>Investigating crime</td><td>Adequate</td></tr></table>"
                + "<p>We set out our detailed findings in the rest of this report.</p></main></body></html>";

        Report report = extractor.extract(new SourceDocument(
                "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cleveland-2023-25/", bytes(html)));

        assertThat(report.reportId()).isEqualTo("2023-cleveland-integrated");
        assertThat(report.questions()).extracting(q -> q.question() + ": " + q.judgment().label())
                .containsExactly("Responding to the public: Good", "Investigating crime: Adequate");
    }

    @Test
    void aForceOverviewAddressIsAnOverviewWhateverItsLinksSay() {
        String html = page("Derbyshire | HMICFRS", "<p><a href='e/'>PEEL: Police effectiveness 2016 – Derbyshire Constabulary</a></p>" + BODY);

        assertThatThrownBy(() -> extractor.extract(new SourceDocument(
                "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/derbyshire/", bytes(html))))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reject().reason().code()).isEqualTo("force-overview"));
    }

    private static String page(String title, String main) {
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title></head><body><main>" + main
                + "</main></body></html>";
    }

    private static byte[] bytes(String html) {
        return html.getBytes(StandardCharsets.UTF_8);
    }
}

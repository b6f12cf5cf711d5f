package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/cases/canonical-urls.csv", numLinesToSkip = 1, delimiter = '|')
    void everyAddressOfAPageHasOneCanonicalForm(String address, String canonical) {
        assertThat(UrlCanonicalizer.canonical(address).orElse("")).isEqualTo(canonical == null ? "" : canonical);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/|derbyshire/|https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/",
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/|/hmicfrs/peel-assessments/peel-2016/derbyshire/efficiency|https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/efficiency/",
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/|#content|",
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/|mailto:x@y.uk|"})
    void aLinkIsResolvedAgainstItsPageThenCanonicalised(String page, String href, String canonical) {
        assertThat(UrlCanonicalizer.resolve(page, href).orElse("")).isEqualTo(canonical == null ? "" : canonical);
    }
}

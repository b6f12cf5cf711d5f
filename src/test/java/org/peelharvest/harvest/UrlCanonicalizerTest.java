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
            "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/derbyshire/|mailto:x@y.uk|",
            // outside ASCII, as a browser requests it: UTF-8, percent-encoded (é is C3 A9, ’ is E2 80 99)
            "http://127.0.0.1:8080/site/|caf\u00e9/|http://127.0.0.1:8080/site/caf%C3%A9/",
            "http://127.0.0.1:8080/site/|/site/caf%C3%A9/|http://127.0.0.1:8080/site/caf%C3%A9/",
            "http://127.0.0.1:8080/site/|force\u2019s-report/?q=\u00e9|http://127.0.0.1:8080/site/force%E2%80%99s-report/?q=%C3%A9"})
    void aLinkIsResolvedAgainstItsPageThenCanonicalised(String page, String href, String canonical) {
        assertThat(UrlCanonicalizer.resolve(page, href).orElse("")).isEqualTo(canonical == null ? "" : canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/site/../outside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/%2e%2e/outside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/%2E./outside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/./a/./b/../c/|http://127.0.0.1:8080/site/a/c/",
            "http://127.0.0.1:8080/../../etc/passwd|http://127.0.0.1:8080/etc/passwd/",
            "http://127.0.0.1:8080/site/..|http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/site/a..b/|http://127.0.0.1:8080/site/a..b/"})
    void dotSegmentsAreRemovedAfterEncodedDotsAreDecoded(String address, String canonical) {
        assertThat(UrlCanonicalizer.canonical(address)).hasValue(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/site/..%2foutside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/..%5Coutside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/..;x=1/outside/|http://127.0.0.1:8080/outside/",
            "http://127.0.0.1:8080/site/a%2Fb/|http://127.0.0.1:8080/site/a/b/"})
    void aLenientServerMayReadEncodedSlashesAndPathParameters(String canonical, String asRead) {
        assertThat(UrlCanonicalizer.asServersMayRead(canonical)).isEqualTo(asRead);
    }
}

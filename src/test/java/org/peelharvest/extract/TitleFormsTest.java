package org.peelharvest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import org.peelharvest.model.Force;
import org.peelharvest.model.Pillar;

class TitleFormsTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/cases/title-forms.csv", delimiter = ';', nullValues = "")
    void aTitleFormSaysItsForceCycleAndPillar(String text, String force, Integer year, String pillar) {
        TitleForms.Claim claim = TitleForms.ofTitle(text).orElseThrow();

        assertThat(claim.force() == null ? null : claim.force().slug()).isEqualTo(force);
        assertThat(claim.year()).isEqualTo(year);
        assertThat(claim.allPillars()).isEqualTo("all".equals(pillar));
        assertThat(claim.pillar() == null ? null : claim.pillar().label()).isEqualTo("all".equals(pillar) ? null : pillar);
    }

    @Test
    void sentencesAndOtherLinesAreNoTitles() {
        assertThat(TitleForms.ofTitle("In 2014, we introduced our police efficiency, effectiveness and legitimacy (PEEL) "
                + "inspections, which assess the performance of all 43 police forces in England and Wales.")).isEmpty();
        assertThat(TitleForms.ofTitle("Derbyshire 2017")).isEmpty();
        assertThat(TitleForms.ofTitle("How effective is the force at keeping people safe and reducing crime?")).isEmpty();
    }

    @Test
    void theSiteUrlPathsSayForceCycleAndPillar() {
        TitleForms.Claim pillarPage = TitleForms.ofUrl(
                "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2016/derbyshire/effectiveness/").orElseThrow();
        TitleForms.Claim detailed = TitleForms.ofUrl(
                "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/norfolk/efficiency/detailed-findings/").orElseThrow();
        TitleForms.Claim integrated = TitleForms.ofUrl(
                "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/avon-and-somerset-2023-25/").orElseThrow();

        assertThat(pillarPage).extracting(c -> c.force().slug(), TitleForms.Claim::year, TitleForms.Claim::pillar)
                .containsExactly("derbyshire", 2016, Pillar.EFFECTIVENESS);
        assertThat(detailed).extracting(c -> c.force().slug(), TitleForms.Claim::year, TitleForms.Claim::pillar)
                .containsExactly("norfolk", 2018, Pillar.EFFICIENCY);
        assertThat(integrated).extracting(TitleForms.Claim::force).extracting(Force::slug).isEqualTo("avon-and-somerset");
        assertThat(integrated.year()).isEqualTo(2023);
        assertThat(TitleForms.ofUrl("fixtures/derbyshire-2016-effectiveness.html")).isEmpty();
    }
}

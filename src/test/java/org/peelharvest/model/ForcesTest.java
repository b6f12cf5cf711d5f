package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForcesTest {

    @Test
    void theTableHoldsTheFortyThreeTerritorialForcesOnceEach() {
        assertThat(Forces.ALL).hasSize(43);
        assertThat(Forces.ALL.stream().map(Force::slug).distinct()).hasSize(43);
        assertThat(Forces.ALL.stream().map(Force::name).distinct()).hasSize(43);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "Derbyshire, derbyshire",
            "Avon and Somerset, avon-and-somerset",
            "Avon & Somerset, avon-and-somerset",
            "avon-and-somerset, avon-and-somerset",
            "Dyfed-Powys Police, dyfed-powys",
            "DYFED POWYS, dyfed-powys",
            "Metropolitan, metropolitan",
            "Metropolitan Police Service, metropolitan",
            "Hampshire Constabulary, hampshire",
            "City of London, city-of-london"})
    void aForceIsFoundByAnyOfItsSpellings(String name, String slug) {
        assertThat(Forces.find(name)).map(Force::slug).hasValue(slug);
    }

    @ParameterizedTest(name = "\"{0}\" is no force")
    @CsvSource({"Gotham", "Police Scotland", "British Transport Police", "Derby"})
    void aNameOutsideTheTableIsNoForce(String name) {
        assertThat(Forces.find(name)).isEmpty();
    }
}

package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNamesTests {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "The Station Hotel|station hotel",
            "  station   HOTEL. |station hotel",
            "Fish & Chips Co|fish and chips co",
            "McDonald's|mcdonalds",
            "Café Nero|café nero",
            "...|"})
    void whenNamesDifferOnlyInCaseSpacingOrPunctuationThenKeysMatch(String name, String key) {
        assertThat(PlaceNames.key(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {"co11aa|CO1 1AA", "CO1   1AA|CO1 1AA", "ss14 1qd|SS14 1QD", "EC1A 1BB|EC1A 1BB",
            "not a postcode|", "|"})
    void whenPostcodeTypedAnyhowThenUsualForm(String typed, String usual) {
        assertThat(PlaceNames.postcode(typed)).isEqualTo(usual);
    }

    @Test
    void whenFreeTextNamesAPlaceThenNameAndPostcodeAreTakenOut() {
        PlaceNames.Place place = PlaceNames.fromText("Found at Travelodge Colchester Central, Colchester co4 9pw").orElseThrow();

        assertThat(place.name()).isEqualTo("Travelodge Colchester Central");
        assertThat(place.nameKey()).isEqualTo("travelodge colchester central");
        assertThat(place.postcode()).isEqualTo("CO4 9PW");
        assertThat(place.area()).isEqualTo("CO4");
    }

    @Test
    void whenFreeTextStartsWithAHouseNumberThenThePlaceHasNoName() {
        assertThat(PlaceNames.fromText("12 High Street, Colchester CO1 1AA").orElseThrow().nameKey()).isNull();
        assertThat(PlaceNames.fromText("12 High Street, Colchester")).isEmpty();
        assertThat(PlaceNames.fromText("   ")).isEmpty();
    }
}

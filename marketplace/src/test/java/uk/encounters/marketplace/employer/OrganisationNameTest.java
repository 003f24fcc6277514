package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNameTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme Engineering Ltd|acme engineering",
                "ACME Engineering Limited|acme engineering",
                "Acme Engineering Ltd.|acme engineering",
                "The Acme Engineering Co.|acme engineering",
                "Smith & Sons Group plc|smith and sons",
                "Café Délice LLP|cafe delice",
                "O'Brien's Bakery|obriens bakery",
                "Derby County Community Trust CIC|derby county community trust",
                "Limited Editions Ltd|limited editions"
            })
    void setsAsideCaseAccentsPunctuationAndLegalSuffixes(String typed, String expected) {
        assertThat(OrganisationName.normalise(typed)).isEqualTo(expected);
    }

    @Test
    void aNameMadeOnlyOfLegalWordsIsKeptRatherThanEmptied() {
        assertThat(OrganisationName.normalise("Group Ltd")).isEqualTo("group");
    }

    @Test
    void nearlyEqualAllowsATypoOnlyInNamesLongEnoughForItNotToBeChance() {
        assertThat(OrganisationName.nearlyEqual("acme engineering", "acme engineerin"))
                .isTrue();
        assertThat(OrganisationName.nearlyEqual("riverside precision engineering", "riversid precison engineering"))
                .isTrue();
        assertThat(OrganisationName.nearlyEqual("acme", "acne"))
                .as("short names differ by one letter by chance")
                .isFalse();
        assertThat(OrganisationName.nearlyEqual("acme engineering", "apex engineering"))
                .isFalse();
        assertThat(OrganisationName.nearlyEqual("derby plumbing", "derby plumbing"))
                .isTrue();
    }

    @Test
    void editDistanceStopsEarlyPastItsLimit() {
        assertThat(OrganisationName.editDistance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(OrganisationName.editDistance("kitten", "sitting", 1)).isEqualTo(2);
    }
}

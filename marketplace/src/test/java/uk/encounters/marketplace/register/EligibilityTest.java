package uk.encounters.marketplace.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "Academy converter, Secondary, Open, -, -, SECONDARY",
                "Foundation school, All-through, Open, -, -, ALL_THROUGH",
                "Academy converter, Middle deemed secondary, Open, -, -, MIDDLE",
                "Academy 16-19 converter, 16 plus, Open, -, -, SIXTH_FORM",
                "Sixth form centres, Not applicable, Open, -, -, SIXTH_FORM",
                "Further education, 16 plus, Open, -, -, FURTHER_EDUCATION",
                "Academy special converter, Not applicable, Open, -, -, SPECIAL",
                "Other independent special school, Not applicable, Open, -, -, SPECIAL",
                "Pupil referral unit, Not applicable, Open, -, -, ALTERNATIVE_PROVISION",
                "Free schools alternative provision, Not applicable, 'Open, but proposed to close', -, -, ALTERNATIVE_PROVISION",
                "Other independent school, Not applicable, Open, 11, 18, SECONDARY",
                "Other independent school, Not applicable, Open, 3, 18, ALL_THROUGH",
            })
    void secondaryAgeSchoolsAndCollegesCanJoin(
            String type, String phase, String status, Integer low, Integer high, String kind) {
        assertThat(Eligibility.of(type, phase, status, low, high))
                .isInstanceOfSatisfying(
                        Eligibility.Addable.class,
                        a -> assertThat(a.phase().name()).isEqualTo(kind));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "Community school, Secondary, Closed, -, -, closed",
                "Academy converter, Secondary, Proposed to open, -, -, not opened yet",
                "Community school, Primary, Open, -, -, primary school",
                "Local authority nursery school, Nursery, Open, -, -, nursery school",
                "Higher education institutions, Not applicable, Open, -, -, university",
                "Welsh establishment, Not applicable, Open, -, -, not a school in England",
                "British schools overseas, Not applicable, Open, -, -, not a school in England",
                "Other independent school, Not applicable, Open, 4, 11, aged 4 to 11",
                "Other independent school, Not applicable, Open, -, -, does not say",
            })
    void othersAreRefusedWithTheReason(
            String type, String phase, String status, Integer low, Integer high, String reason) {
        assertThat(Eligibility.of(type, phase, status, low, high))
                .isInstanceOfSatisfying(
                        Eligibility.Refused.class, r -> assertThat(r.reason()).contains(reason));
    }
}

package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodeDistrictTest {

    @Test
    void writesPostcodesOneWayHoweverTheyAreTyped() {
        assertThat(PostcodeDistrict.normalisePostcode("de248by")).hasValue("DE24 8BY");
        assertThat(PostcodeDistrict.normalisePostcode(" DE24   8BY ")).hasValue("DE24 8BY");
        assertThat(PostcodeDistrict.normalisePostcode("sw1a1aa")).hasValue("SW1A 1AA");
        assertThat(PostcodeDistrict.normalisePostcode("M1 1AE")).hasValue("M1 1AE");
    }

    @Test
    void refusesWhatIsNotShapedLikeAUkPostcode() {
        assertThat(PostcodeDistrict.normalisePostcode("12345")).isEmpty();
        assertThat(PostcodeDistrict.normalisePostcode("DE24")).isEmpty();
        assertThat(PostcodeDistrict.normalisePostcode("")).isEmpty();
        assertThat(PostcodeDistrict.normalisePostcode("DE24 8BY; drop table")).isEmpty();
    }

    @Test
    void theDistrictIsTheOutwardCode() {
        assertThat(PostcodeDistrict.of("DE24 8BY")).isEqualTo("DE24");
        assertThat(PostcodeDistrict.of("de248by")).isEqualTo("DE24");
        assertThat(PostcodeDistrict.of("SW1A 1AA")).isEqualTo("SW1A");
        assertThat(PostcodeDistrict.of("DE1")).isEqualTo("DE1");
        // a district goes into LIKE patterns: nothing but letters and digits survives
        assertThat(PostcodeDistrict.of("de%_4 x")).isEqualTo("DE4");
    }

    @Test
    void aTypedDistrictIsAWholePostcodeOrItsFirstHalf() {
        assertThat(PostcodeDistrict.typedDistrict("de23 6aa")).hasValue("DE23");
        assertThat(PostcodeDistrict.typedDistrict(" de23 ")).hasValue("DE23");
        assertThat(PostcodeDistrict.typedDistrict("SW1A")).hasValue("SW1A");
        assertThat(PostcodeDistrict.typedDistrict("DE23 6")).isEmpty();
        assertThat(PostcodeDistrict.typedDistrict("%")).isEmpty();
        assertThat(PostcodeDistrict.typedDistrict("")).isEmpty();
    }

    @Test
    void freeMailDomainsIdentifyNoOrganisation() {
        assertThat(EmailDomains.organisationDomain("priya@Riverside-Precision.example"))
                .hasValue("riverside-precision.example");
        assertThat(EmailDomains.organisationDomain("priya@gmail.com")).isEmpty();
        assertThat(EmailDomains.organisationDomain("priya@OUTLOOK.com")).isEmpty();
        assertThat(EmailDomains.organisationDomain("priya@btinternet.com")).isEmpty();
        assertThat(EmailDomains.organisationDomain("no-at-sign")).isEmpty();
    }
}

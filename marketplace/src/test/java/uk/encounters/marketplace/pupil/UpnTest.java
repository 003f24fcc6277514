package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnTest {

    @Test
    void aPermanentUpnWithTheRightCheckLetterIsReadUpperCasedAndTrimmed() {
        assertThat(Upn.parse(" b801200005001 ")).contains(new Upn("B801200005001"));
        assertThat(Upn.parse("W831412524001")).isPresent();
    }

    @Test
    void aTemporaryUpnEndsInALetterCountedInTheCheck() {
        assertThat(Upn.parse("V83141252401A")).isPresent();
        assertThat(Upn.parse("W83141252401A")).isEmpty();
    }

    @Test
    void aWrongCheckLetterIsRefused() {
        assertThat(Upn.parse("A801200005001")).isEmpty();
        assertThat(Upn.parse("B207000016049"))
                .as("the DfE's own example of a wrong check letter")
                .isEmpty();
        assertThat(Upn.parse("P207000016049")).isPresent();
    }

    @Test
    void theWrongLengthLettersInsideOrIOAndSAtTheEndAreRefused() {
        assertThat(Upn.parse("B80120000500")).isEmpty();
        assertThat(Upn.parse("B8012000050012")).isEmpty();
        assertThat(Upn.parse("X80120000A001")).isEmpty();
        assertThat(Upn.parse("")).isEmpty();
        for (char last : new char[] {'I', 'O', 'S'}) {
            for (char check = 'A'; check <= 'Z'; check++) {
                assertThat(Upn.parse(check + "83141252401" + last)).isEmpty();
            }
        }
    }
}

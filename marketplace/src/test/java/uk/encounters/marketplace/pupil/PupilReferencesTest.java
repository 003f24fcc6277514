package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PupilReferencesTest {

    static final PupilReferences REFERENCES =
            new PupilReferences("a key of thirty-two characters...".getBytes(StandardCharsets.UTF_8));
    static final Upn UPN = new Upn("W831412524001");

    @Test
    void theSameUpnAtTheSameSchoolAlwaysGivesTheSameShortReadableReference() {
        String reference = REFERENCES.of(7, UPN);

        assertThat(reference).matches("U-[A-Z2-7]{16}").hasSizeLessThanOrEqualTo(40);
        assertThat(new PupilReferences("a key of thirty-two characters...".getBytes(StandardCharsets.UTF_8))
                        .of(7, Upn.parse(" w831412524001").orElseThrow()))
                .isEqualTo(reference);
        assertThat(reference).doesNotContain("831412524001");
    }

    @Test
    void anotherSchoolGetsAnotherReferenceForTheSameUpn() {
        assertThat(REFERENCES.of(8, UPN)).isNotEqualTo(REFERENCES.of(7, UPN));
    }

    @Test
    void anotherKeyGivesAnotherReference() {
        PupilReferences other =
                new PupilReferences("another key of thirty-two chars.".getBytes(StandardCharsets.UTF_8));

        assertThat(other.of(7, UPN)).isNotEqualTo(REFERENCES.of(7, UPN));
    }

    @Test
    void differentUpnsGetDifferentReferences() {
        assertThat(REFERENCES.of(7, new Upn("K831412524002"))).isNotEqualTo(REFERENCES.of(7, UPN));
    }

    @Test
    void admissionNumbersMatchWithOrWithoutSimsLeadingZeros() {
        String padded = REFERENCES.ofAdmissionNumber(7, "001234");

        assertThat(padded).matches("A-[A-Z2-7]{16}");
        assertThat(REFERENCES.ofAdmissionNumber(7, " 1234 ")).isEqualTo(padded);
        assertThat(REFERENCES.ofAdmissionNumber(7, "1235")).isNotEqualTo(padded);
        assertThat(REFERENCES.ofAdmissionNumber(8, "1234")).isNotEqualTo(padded);
    }
}

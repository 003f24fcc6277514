package uk.encounters.marketplace.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.placement.PaperworkStanding.State;
import uk.encounters.marketplace.testing.SamplePaperwork;

/** Whether paperwork holds on a day: the insurance to its last day of cover, a risk assessment for a year. */
class PaperworkStandingTest {

    static final LocalDate INSURED_UNTIL = LocalDate.of(2027, 1, 5);
    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 9, 1);

    static Optional<Declaration> declared(LocalDate insuredUntil, LocalDate assessedOn) {
        StoredDocument certificate = new StoredDocument(
                1, DocumentKind.INSURANCE_CERTIFICATE, DocumentType.PDF, "insurance.pdf", 900, Instant.EPOCH);
        return Optional.of(new Declaration(
                1,
                1,
                "Zurich Insurance",
                "EL-123456",
                insuredUntil,
                certificate,
                null,
                SamplePaperwork.answers(),
                assessedOn,
                "Our statement",
                null,
                "Dan Price",
                "01332 123456",
                "9:00 to 15:30",
                "Own clothes",
                "Ash",
                Instant.EPOCH));
    }

    @Test
    void nothingDeclaredIsMissing() {
        PaperworkStanding standing = PaperworkStanding.of(Optional.empty(), LocalDate.of(2026, 11, 2));

        assertThat(standing.state()).isEqualTo(State.MISSING);
        assertThat(standing.holds()).isFalse();
        assertThat(standing.summary()).isEqualTo("needed before hosting a placement");
    }

    @Test
    void paperworkMoreThanAMonthFromItsEndIsCurrentUntilItsFirstPartEnds() {
        PaperworkStanding standing =
                PaperworkStanding.of(declared(INSURED_UNTIL, ASSESSED_ON), LocalDate.of(2026, 11, 2));

        assertThat(standing.state()).isEqualTo(State.CURRENT);
        assertThat(standing.holds()).isTrue();
        assertThat(standing.currentUntil()).isEqualTo(INSURED_UNTIL);
        assertThat(standing.summary()).isEqualTo("current until Tue 5 Jan 2027");
    }

    @Test
    void insuranceEndingWithinThirtyDaysIsExpiringSoonAndStillHolds() {
        PaperworkStanding standing =
                PaperworkStanding.of(declared(INSURED_UNTIL, ASSESSED_ON), LocalDate.of(2026, 12, 6));
        PaperworkStanding dayBefore =
                PaperworkStanding.of(declared(INSURED_UNTIL, ASSESSED_ON), LocalDate.of(2026, 12, 5));

        assertThat(standing.state()).isEqualTo(State.EXPIRING_SOON);
        assertThat(standing.holds()).isTrue();
        assertThat(standing.reasons()).containsExactly("insurance expires on Tue 5 Jan 2027");
        assertThat(standing.summary()).isEqualTo("current until Tue 5 Jan 2027: renew it before then");
        assertThat(dayBefore.state()).isEqualTo(State.CURRENT);
    }

    @Test
    void insuranceHoldsOnItsLastDayAndHasExpiredTheDayAfter() {
        assertThat(PaperworkStanding.of(declared(INSURED_UNTIL, ASSESSED_ON), INSURED_UNTIL)
                        .state())
                .isEqualTo(State.EXPIRING_SOON);

        PaperworkStanding after = PaperworkStanding.of(declared(INSURED_UNTIL, ASSESSED_ON), INSURED_UNTIL.plusDays(1));

        assertThat(after.state()).isEqualTo(State.EXPIRED);
        assertThat(after.holds()).isFalse();
        assertThat(after.summary()).isEqualTo("insurance expired on Tue 5 Jan 2027");
    }

    @Test
    void aRiskAssessmentOlderThanAYearHasExpired() {
        LocalDate assessed = LocalDate.of(2025, 11, 3);
        LocalDate insured = LocalDate.of(2027, 6, 30);

        assertThat(PaperworkStanding.of(declared(insured, assessed), LocalDate.of(2026, 11, 2))
                        .state())
                .as("its last day")
                .isEqualTo(State.EXPIRING_SOON);
        PaperworkStanding standing = PaperworkStanding.of(declared(insured, assessed), LocalDate.of(2026, 11, 3));

        assertThat(standing.state()).isEqualTo(State.EXPIRED);
        assertThat(standing.currentUntil()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(standing.summary()).isEqualTo("risk assessment older than a year (made on Mon 3 Nov 2025)");
    }

    @Test
    void bothPartsOutOfDateAreBothNamed() {
        PaperworkStanding standing =
                PaperworkStanding.of(declared(INSURED_UNTIL, LocalDate.of(2025, 9, 1)), LocalDate.of(2027, 2, 1));

        assertThat(standing.reasons())
                .containsExactly(
                        "insurance expired on Tue 5 Jan 2027",
                        "risk assessment older than a year (made on Mon 1 Sep 2025)");
    }
}

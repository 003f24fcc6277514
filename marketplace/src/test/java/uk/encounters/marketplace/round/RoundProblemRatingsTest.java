package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.MatchingProblem;

/** What a round's problem knows of how schools rated each employer, for the well-rated preference. */
class RoundProblemRatingsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    final TestData data = new TestData(db.dsl());

    @Test
    void anEmployerCarriesSchoolsAverageRatingInTenthsAndAnUnratedOneNone() {
        RoundHub hub = RoundHub.create(db.dsl(), "Ratings " + System.nanoTime());
        long school = data.school(hub.id(), "Rated School");
        long rated = data.employer(hub.id(), "Rated Ltd");
        long unrated = data.employer(hub.id(), "Unrated Ltd");
        long offer = data.offer(rated, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        data.offer(unrated, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        // schools said 5 and 4; the employer's own 1 about one of them is not the schools' rating
        for (int rating : new int[] {5, 4}) {
            long booking = data.booking(
                    data.request(school, 9, RequestStatus.MATCHED, LocalDate.of(2026, 10, 1)),
                    offer,
                    null,
                    LocalDate.of(2026, 10, 5),
                    BookingStatus.DELIVERED);
            db.dsl()
                    .insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING)
                    .values(booking, "school", (short) rating)
                    .values(booking, "employer", (short) 1)
                    .execute();
        }

        MatchingProblem problem = hub.problem(db.dsl());

        assertThat(employer(problem, rated).ratingTenths()).isEqualTo(45);
        assertThat(employer(problem, rated).ratingAboveMiddle()).isEqualTo(15);
        assertThat(employer(problem, unrated).ratingTenths()).isZero();
        assertThat(RoundProblem.ratingTenths(new BigDecimal("4.26"))).isEqualTo(43);
    }

    private static Employer employer(MatchingProblem problem, long id) {
        return problem.employers().stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }
}

package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;

/** What a round's problem knows for planning placements: hosts' paperwork and the sectors a year group met. */
class RoundProblemPlacementsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    final TestData data = new TestData(db.dsl());

    @Test
    void aPlacementOfferCarriesTheLastDayItsHostsDeclarationInForceHolds() {
        RoundHub hub = RoundHub.create(db.dsl(), "Paperwork " + System.nanoTime());
        long declared = data.employer(hub.id(), "Declared Ltd");
        long declaredAgain = data.employer(hub.id(), "Declared Again Ltd");
        long none = data.employer(hub.id(), "No Paperwork Ltd");
        long declaredPlaces = data.workExperienceOffer(declared, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        long declaredTalk = data.offer(declared, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        long againPlaces = data.workExperienceOffer(declaredAgain, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        long nonePlaces = data.workExperienceOffer(none, OfferStatus.ACTIVE, LocalDate.of(2027, 5, 1));
        // insured to the end of 2027, but the risk assessment's year ends first
        SamplePaperwork.declared(
                db.dsl(), declared, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 10, 1));
        // the newest declaration is in force, even when it holds for less long
        SamplePaperwork.declared(
                db.dsl(), declaredAgain, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), LocalDate.of(2026, 9, 1));
        SamplePaperwork.declared(
                db.dsl(),
                declaredAgain,
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2027, 1, 15),
                LocalDate.of(2026, 11, 2));

        MatchingProblem problem = hub.problem(db.dsl());

        assertThat(offer(problem, declaredPlaces).paperworkHoldsUntil()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(offer(problem, againPlaces).paperworkHoldsUntil()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(offer(problem, nonePlaces).paperworkHoldsUntil()).isNull();
        assertThat(offer(problem, declaredTalk).paperworkHoldsUntil())
                .as("only placements rely on it")
                .isNull();
    }

    @Test
    void aYearGroupKnowsTheSectorsOfTheEmployersThatCameThisYear() {
        RoundHub hub = RoundHub.create(db.dsl(), "Sectors " + System.nanoTime());
        long offer = data.offer(hub.talkEmployer(), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        long earlier = data.request(hub.northSchool(), 9, RequestStatus.MATCHED, LocalDate.of(2026, 10, 1));
        data.booking(earlier, offer, null, LocalDate.of(2026, 10, 6), BookingStatus.DELIVERED);

        MatchingProblem problem = hub.problem(db.dsl());

        Cohort north9 = problem.cohorts().stream()
                .filter(c -> c.school().id() == hub.northSchool() && c.yearGroup() == 9)
                .findFirst()
                .orElseThrow();
        assertThat(north9.sawSectorThisYear("Manufacturing")).isTrue();
        assertThat(north9.sawSectorThisYear("Health")).isFalse();
    }

    private static Offer offer(MatchingProblem problem, long id) {
        return problem.offers().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }
}

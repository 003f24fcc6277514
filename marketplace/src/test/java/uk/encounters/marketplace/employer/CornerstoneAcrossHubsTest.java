package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.MatchingProblem;

/**
 * A cornerstone working with two hubs is one organisation with a presence in each: each hub's
 * cornerstone mark, cap and rounds are its own, and its people and volunteers are shared.
 */
class CornerstoneAcrossHubsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    final TestData data = new TestData(db.dsl());

    @Test
    void eachHubsRoundSeesOnlyTheOffersMadeToItAndItsOwnMarkAndCap() {
        RoundHub derby = RoundHub.create(db.dsl(), "Derby " + System.nanoTime());
        RoundHub nottingham = RoundHub.create(db.dsl(), "Nottingham " + System.nanoTime());
        long shared = derby.talkEmployer();
        Actor cora = coordinator(nottingham.id());
        EmployerStanding standing = new EmployerStanding(db.dsl());

        assertThat(standing.addToHub(cora, shared, nottingham.id())).isTrue();
        assertThat(standing.addToHub(cora, shared, nottingham.id()))
                .as("already there")
                .isFalse();
        standing.setCornerstone(cora, shared, nottingham.id(), true);
        long nottinghamOffer = data.offer(shared, nottingham.id(), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));

        Employer employer = new EmployerRepository(db.dsl()).findById(shared).orElseThrow();
        assertThat(employer.presences()).extracting(HubPresence::hubId).containsExactly(derby.id(), nottingham.id());
        assertThat(employer.cornerstoneIn(nottingham.id())).isTrue();
        assertThat(employer.cornerstoneIn(derby.id()))
                .as("Derby's mark is Derby's")
                .isFalse();

        MatchingProblem inDerby = derby.problem(db.dsl());
        MatchingProblem inNottingham = nottingham.problem(db.dsl());
        assertThat(inDerby.offers()).extracting(o -> o.id()).doesNotContain(nottinghamOffer);
        assertThat(inNottingham.offers()).extracting(o -> o.id()).contains(nottinghamOffer);
        assertThat(inNottingham.offers())
                .filteredOn(o -> o.employer().id() == shared)
                .extracting(o -> o.id())
                .as("Derby's offers stay Derby's")
                .containsExactly(nottinghamOffer);
        assertThat(capOf(inNottingham, shared))
                .as("a cornerstone in Nottingham")
                .isEqualTo(uk.encounters.matcher.domain.Employer.NO_CAP);
        assertThat(capOf(inDerby, shared))
                .as("capped in Derby")
                .isLessThan(uk.encounters.matcher.domain.Employer.NO_CAP);
    }

    @Test
    void aVolunteerBookedByOneHubIsNotPlannedByTheOtherOnThatDay() {
        RoundHub derby = RoundHub.create(db.dsl(), "Derby " + System.nanoTime());
        RoundHub nottingham = RoundHub.create(db.dsl(), "Nottingham " + System.nanoTime());
        long shared = derby.talkEmployer();
        data.present(shared, nottingham.id());
        var derbyOffer =
                db.dsl().fetchSingle(OFFER, OFFER.EMPLOYER_ID.eq(shared).and(OFFER.HUB_ID.eq(derby.id())));
        long volunteer = derbyOffer.getVolunteerId();
        long nottinghamOffer = data.offer(shared, nottingham.id(), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));
        db.dsl()
                .update(OFFER)
                .set(OFFER.VOLUNTEER_ID, volunteer)
                .set(OFFER.MAX_SESSIONS, 6)
                .set(OFFER.TRAVEL_RADIUS_KM, java.math.BigDecimal.valueOf(25))
                .where(OFFER.ID.eq(nottinghamOffer))
                .execute();
        db.dsl()
                .insertInto(
                        OFFER_AVAILABILITY,
                        OFFER_AVAILABILITY.OFFER_ID,
                        OFFER_AVAILABILITY.WEEKDAY,
                        OFFER_AVAILABILITY.PERIOD)
                .values(nottinghamOffer, (short) 2, "morning")
                .execute();
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        data.booking(derby.northTalks(), derbyOffer.getId(), volunteer, tuesday, BookingStatus.PUBLISHED);

        assertThat(nottingham.problem(db.dsl()).slots())
                .filteredOn(slot -> slot.offer().id() == nottinghamOffer)
                .extracting(slot -> slot.startsOn())
                .as("every Tuesday morning of the horizon but the one Derby booked")
                .containsExactlyInAnyOrder(
                        LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15));
    }

    @Test
    void anOfferCanOnlyBeMadeToAHubTheOrganisationWorksWith() {
        long derby = data.hub("Derby " + System.nanoTime());
        long leicester = data.hub("Leicester " + System.nanoTime());
        long firm = data.employer(derby, "Only Derby Ltd");

        assertThatThrownBy(() -> data.offer(firm, leicester, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31)))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("offer_presence_fk");
    }

    @Test
    void aBankListNamingAnotherHubsOrganisationBringsItInWithoutACopy() {
        long nottingham = data.hub("Nottingham " + System.nanoTime());
        long derby = data.hub("Derby " + System.nanoTime());
        data.school(derby, "Northside Academy");
        EmployerRepository employers = new EmployerRepository(db.dsl());
        long rolls = employers.create(
                nottingham, "Trent Aero Engines Ltd", "", "NG7 2RD", "large", "Manufacturing", true, 4);
        db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(rolls, "Ash Engineer", "ash@trentaero.example")
                .execute();
        EmployerBankImport bank = new EmployerBankImport(db.dsl(), Clock.systemUTC(), EmployerBankImportTest.MAIL);
        List<BankLine> lines = List.of(
                EmployerBankImportTest.line(
                        2, "Trent Aero Engines Limited", "NG7 2RD", "", "ash@trentaero.example", ""),
                EmployerBankImportTest.line(3, "Trent Aero Engines Ltd", "NG7 2RD", "", "sam@trentaero.example", ""));

        BankPlan plan = bank.plan(derby, lines);
        assertThat(plan.hasProblems()).isFalse();
        assertThat(plan.organisations()).singleElement().satisfies(o -> {
            assertThat(o.match()).isEqualTo(BankPlan.Match.IN_ANOTHER_HUB);
            assertThat(o.existing().id()).isEqualTo(rolls);
            assertThat(o.elsewhereHub()).startsWith("Nottingham");
        });
        assertThat(plan.lines())
                .extracting(BankPlan.Planned::volunteer)
                .containsExactly(BankPlan.VolunteerMatch.KNOWN, BankPlan.VolunteerMatch.NEW);

        EmployerBankImport.Imported imported = bank.save(coordinator(derby), derby, lines, 0);

        assertThat(imported.organisationsAdded()).isZero();
        assertThat(imported.organisationsFromOtherHubs()).isEqualTo(1);
        assertThat(db.dsl()
                        .fetchCount(
                                EMPLOYER,
                                EMPLOYER.NORMALISED_NAME.eq(OrganisationName.normalise("Trent Aero Engines"))))
                .as("one organisation, not a copy")
                .isEqualTo(1);
        Employer shared = employers.findById(rolls).orElseThrow();
        assertThat(shared.presentIn(derby)).isTrue();
        assertThat(shared.cornerstoneIn(derby))
                .as("not a cornerstone here until Derby marks it")
                .isFalse();
        assertThat(shared.cornerstoneIn(nottingham))
                .as("Nottingham's mark untouched")
                .isTrue();
        assertThat(shared.in(nottingham).orElseThrow().maxAsksPerMonth()).isEqualTo(4);
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(rolls)))
                .isEqualTo(2);
    }

    @Test
    void mergingJoinsTheHubsBothRecordsWorkedWithAndRefusesRecordsWithNoHubInCommon() {
        long derby = data.hub("Derby " + System.nanoTime());
        long leicester = data.hub("Leicester " + System.nanoTime());
        long kept = data.employer(derby, "Acme Engineering Ltd");
        long dup = data.employer(leicester, "ACME Engineering Limited");
        long leicesterOffer = data.offer(dup, leicester, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));
        long admin = new AccountRepository(db.dsl())
                .create("admin" + System.nanoTime() + "@example.org", "Ada", null, Scope.admin());

        assertThatThrownBy(() ->
                        db.dsl().transaction(c -> new EmployerMerge(c.dsl()).merge(dup, kept, admin, "192.0.2.1")))
                .isInstanceOf(EmployerMerge.Refused.class)
                .hasMessageContaining("same Careers Hub");

        data.present(dup, derby);
        data.presence(dup, leicester, true, 3);
        db.dsl().transaction(c -> new EmployerMerge(c.dsl()).merge(dup, kept, admin, "192.0.2.1"));

        Employer survivor = new EmployerRepository(db.dsl()).findById(kept).orElseThrow();
        assertThat(survivor.presences()).extracting(HubPresence::hubId).containsExactlyInAnyOrder(derby, leicester);
        assertThat(survivor.cornerstoneIn(leicester)).isTrue();
        assertThat(db.dsl().fetchSingle(OFFER, OFFER.ID.eq(leicesterOffer))).satisfies(o -> {
            assertThat(o.getEmployerId()).isEqualTo(kept);
            assertThat(o.getHubId()).as("still Leicester's offer").isEqualTo(leicester);
        });
        assertThat(db.dsl().fetchCount(EMPLOYER_HUB_PRESENCE, EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(kept)))
                .isEqualTo(2);
    }

    private static int capOf(MatchingProblem problem, long employerId) {
        return problem.employers().stream()
                .filter(e -> e.id() == employerId)
                .findFirst()
                .orElseThrow()
                .sessionCap();
    }

    private Actor coordinator(long hubId) {
        long id = new AccountRepository(db.dsl())
                .create(
                        "coord" + hubId + "-" + System.nanoTime() + "@hub.example",
                        "Cora",
                        null,
                        Scope.coordinator(hubId));
        return new Actor(id, "192.0.2.1");
    }
}

package uk.encounters.marketplace.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.demo.SharedData;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * Four school weeks of 2026/27 on a small generated hub, one-second rounds, with employers and
 * pupils let down more often than by default so that declines, no-shows and absences all happen.
 */
class SchoolYearSimulationTest {

    @RegisterExtension
    static final TestDatabase solverDb = new TestDatabase();
    @RegisterExtension
    static final TestDatabase fcfsDb = new TestDatabase();

    static final Behaviour OFTEN_LET_DOWN = new Behaviour(0.4, 0.5, 0.15, 0.2, 0.3, 1.5, 0.5);
    static final int WEEKS = 4;

    static SimulationReport report;

    @BeforeAll
    static void play() {
        var sharedData = SharedData.locate();
        // the smallest real hub when the public data is here; the parametric Derby-like hub otherwise
        String area = sharedData.isPresent() ? "west-somerset" : "derby";
        var settings = new SchoolYearSimulation.Settings(area, 5, new AcademicYear(2026), Optional.of(WEEKS), 1,
                OFTEN_LET_DOWN, sharedData, "http://localhost:8080", "Employer Encounters");
        report = new SchoolYearSimulation(settings).play(solverDb.database(), fcfsDb.database(), line -> { });
    }

    @Test
    void bothBrokersFaceTheSameRequestsPostedWeekByWeek() {
        var columns = List.of(REQUEST.ID, REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP, REQUEST.ENCOUNTER_TYPE, REQUEST.PUPILS,
                REQUEST.SESSIONS, REQUEST.WINDOW_START, REQUEST.WINDOW_END, REQUEST.MORNING, REQUEST.AFTERNOON,
                REQUEST.IN_SCHOOL, REQUEST.AT_WORKPLACE, REQUEST.ONLINE, REQUEST.PREFERRED_SECTORS);
        var solverRequests = solverDb.dsl().select(columns).from(REQUEST).orderBy(REQUEST.ID).fetch().intoArrays();
        var fcfsRequests = fcfsDb.dsl().select(columns).from(REQUEST).orderBy(REQUEST.ID).fetch().intoArrays();

        assertThat(solverRequests).isNotEmpty();
        assertThat(fcfsRequests).isDeepEqualTo(solverRequests);
        // the generated hub's own requests plus those posted during play
        int seeded = solverDb.dsl().fetchCount(REQUEST, REQUEST.CREATED_AT.le(
                solverDb.dsl().select(DSL.min(MATCHING_ROUND.SOLVE_STARTED_AT)).from(MATCHING_ROUND).asField()));
        assertThat(solverRequests.length).isGreaterThan(seeded);
        assertThat(report.solver().requests()).isEqualTo(solverRequests.length);
    }

    @Test
    void bothBrokersGetTheSameOffersPostedDuringTheYear() {
        var columns = List.of(OFFER.ID, OFFER.EMPLOYER_ID, OFFER.VOLUNTEER_ID, OFFER.ENCOUNTER_TYPE, OFFER.STATUS,
                OFFER.PUPILS_MAX, OFFER.MAX_SESSIONS, OFFER.AVAILABLE_FROM, OFFER.AVAILABLE_UNTIL);
        var solverOffers = solverDb.dsl().select(columns).from(OFFER).orderBy(OFFER.ID).fetch().intoArrays();
        assertThat(fcfsDb.dsl().select(columns).from(OFFER).orderBy(OFFER.ID).fetch().intoArrays())
                .isDeepEqualTo(solverOffers);
        var availability = List.of(OFFER_AVAILABILITY.OFFER_ID, OFFER_AVAILABILITY.AVAILABLE_ON,
                OFFER_AVAILABILITY.WEEKDAY, OFFER_AVAILABILITY.PERIOD);
        assertThat(fcfsDb.dsl().select(availability).from(OFFER_AVAILABILITY).orderBy(OFFER_AVAILABILITY.ID).fetch()
                .intoArrays()).isDeepEqualTo(solverDb.dsl().select(availability).from(OFFER_AVAILABILITY)
                .orderBy(OFFER_AVAILABILITY.ID).fetch().intoArrays());
        int seeded = solverDb.dsl().fetchCount(OFFER, OFFER.CREATED_AT.le(
                solverDb.dsl().select(DSL.min(MATCHING_ROUND.SOLVE_STARTED_AT)).from(MATCHING_ROUND).asField()));
        assertThat(solverOffers.length).isGreaterThan(seeded);
    }

    @Test
    void eachBrokerPublishesOneRoundAWeek() {
        for (DSLContext dsl : List.of(solverDb.dsl(), fcfsDb.dsl())) {
            assertThat(dsl.fetchCount(MATCHING_ROUND, MATCHING_ROUND.STATUS.eq("published"))).isEqualTo(WEEKS);
            // published on the simulated Fridays, which the contact cap counts from
            assertThat(dsl.selectDistinct(MATCHING_ROUND.PUBLISHED_AT).from(MATCHING_ROUND)
                    .fetch(r -> r.value1().toLocalDate().getDayOfWeek().getValue())).containsOnly(5);
        }
        assertThat(report.solver().sessionsMatched()).isPositive();
        assertThat(report.firstComeFirstServed().sessionsMatched()).isPositive();
    }

    @Test
    void theSolverAsksEachEmployerAtMostOnceARoundWhileFirstComeFirstServedCountsEveryBooking() {
        DSLContext dsl = solverDb.dsl();
        // one digest per employer and round: the employer's recipients get one email from the round at most
        var digests = dsl.select(OUTBOX.IDEMPOTENCY_KEY).from(OUTBOX).where(OUTBOX.KIND.eq("round_digest_employer"))
                .fetch(OUTBOX.IDEMPOTENCY_KEY);
        var roundsAndEmployers = digests.stream().map(key -> key.replaceAll("^round:(\\d+):employer:(\\d+)$", "$1/$2"))
                .toList();
        assertThat(roundsAndEmployers).doesNotHaveDuplicates().allMatch(k -> k.matches("\\d+/\\d+"));
        assertThat(report.solver().maxAsks()).isEqualTo(1);
        assertThat(report.solver().totalAsks()).isEqualTo(askedPairs(dsl)).isGreaterThanOrEqualTo(digests.size());

        long fcfsBookings = fcfsDb.dsl().fetchCount(BOOKING, BOOKING.ROUND_ID.isNotNull());
        assertThat(report.firstComeFirstServed().totalAsks()).isEqualTo(fcfsBookings);
        assertThat(report.firstComeFirstServed().asksPerEmployerRound()).hasSize((int) askedPairs(fcfsDb.dsl()));
    }

    private static long askedPairs(DSLContext dsl) {
        return dsl.fetchCount(dsl.selectDistinct(BOOKING.ROUND_ID, OFFER.EMPLOYER_ID).from(BOOKING)
                .join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)).where(BOOKING.ROUND_ID.isNotNull()));
    }

    @Test
    void attendanceIsRecordedOnlyForSessionsWhoseDayHasPassed() {
        for (DSLContext dsl : List.of(solverDb.dsl(), fcfsDb.dsl())) {
            LocalDate lastDay = report.lastDay();
            var attended = dsl.select(ENCOUNTER.OCCURRED_ON, BOOKING.STARTS_ON, BOOKING.STATUS).from(ENCOUNTER)
                    .join(BOOKING).on(BOOKING.ID.eq(ENCOUNTER.BOOKING_ID)).fetch();
            assertThat(attended).isNotEmpty();
            assertThat(attended).allSatisfy(r -> {
                assertThat(r.value2()).isBeforeOrEqualTo(lastDay);
                assertThat(r.value1()).isEqualTo(r.value2());
                assertThat(r.value3()).isEqualTo("delivered");
            });
            // every session whose day came was delivered or had no employer; later ones are still live
            assertThat(dsl.fetchCount(BOOKING, BOOKING.STATUS.in("published", "confirmed")
                    .and(BOOKING.STARTS_ON.le(lastDay)))).isZero();
            assertThat(dsl.fetchCount(BOOKING, BOOKING.STATUS.in("delivered", "no_show")
                    .and(BOOKING.STARTS_ON.gt(lastDay)))).isZero();
            // absent pupils are recorded too, and had no encounter
            assertThat(dsl.fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.isNotNull().and(ENCOUNTER.ATTENDED.isFalse())))
                    .isPositive();
        }
        assertThat(report.solver().noShows() + report.firstComeFirstServed().noShows()).isPositive();
    }

    @Test
    void declinedRequestsAreMatchedAgainOrStayOpen() {
        for (DSLContext dsl : List.of(solverDb.dsl(), fcfsDb.dsl())) {
            var declined = dsl.select(BOOKING.ID, BOOKING.REQUEST_ID, BOOKING.STARTS_ON, BOOKING.LATE_CANCELLATION)
                    .from(BOOKING).where(BOOKING.STATUS.eq("declined")).and(BOOKING.DECLINED_BY.eq("employer")).fetch();
            assertThat(declined).isNotEmpty();
            for (var d : declined) {
                String status = dsl.select(REQUEST.STATUS).from(REQUEST).where(REQUEST.ID.eq(d.value2()))
                        .fetchSingle(REQUEST.STATUS);
                boolean matchedAgain = dsl.fetchExists(BOOKING, BOOKING.REQUEST_ID.eq(d.value2())
                        .and(BOOKING.ID.gt(d.value1()))
                        .and(BOOKING.STATUS.in("published", "confirmed", "delivered", "declined", "no_show")));
                assertThat(status.equals("open") || matchedAgain)
                        .as("request %d after its booking %d was declined: %s", d.value2(), d.value1(), status).isTrue();
            }
            // a decline within the week before the day is a late cancellation, and only then
            assertThat(dsl.fetchCount(BOOKING, BOOKING.LATE_CANCELLATION.isTrue())).isEqualTo(
                    (int) declined.stream().filter(d -> d.value4()).count());
        }
        assertThat(report.solver().declined()).isPositive();
        assertThat(report.firstComeFirstServed().lateCancellations() + report.solver().lateCancellations()).isPositive();
    }

    @Test
    void theReportsProgressIsWhatTheSchoolsProgressPagesShow() {
        for (var pair : Map.of(solverDb, report.solver(), fcfsDb, report.firstComeFirstServed()).entrySet()) {
            DSLContext dsl = pair.getKey().dsl();
            long hubId = dsl.select(HUB.ID).from(HUB).fetchSingle(HUB.ID);
            int pupils = 0, onTrack = 0, benchmark5 = 0, disadvantaged = 0, disadvantagedOnTrack = 0, othersOnTrack = 0;
            for (long school : dsl.select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId)).fetch(SCHOOL.ID)) {
                for (YearGroupProgress year : YearGroupProgress.of(new ProgressRepository(dsl).forSchool(school,
                        report.lastDay()))) {
                    pupils += year.pupils();
                    onTrack += year.onTrack();
                    benchmark5 += year.hadEncounterThisYear();
                    disadvantaged += year.disadvantaged();
                    disadvantagedOnTrack += year.disadvantagedOnTrack();
                    othersOnTrack += year.othersOnTrack();
                }
            }
            HubProgress progress = pair.getValue().progress();
            assertThat(pupils).isPositive();
            assertThat(progress.onTrack()).isEqualTo(new HubProgress.Share(onTrack, pupils));
            assertThat(progress.benchmark5()).isEqualTo(new HubProgress.Share(benchmark5, pupils));
            assertThat(progress.disadvantagedOnTrack()).isEqualTo(new HubProgress.Share(disadvantagedOnTrack, disadvantaged));
            assertThat(progress.othersOnTrack()).isEqualTo(new HubProgress.Share(othersOnTrack, pupils - disadvantaged));
            assertThat(benchmark5).isPositive();
        }
    }
}

package uk.encounters.demo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.demo.SharedData;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * Four school weeks of 2026/27 on a small generated hub, played three ways, one-second rounds,
 * with employers and pupils let down more often than by default so that declines, no-shows and
 * absences all happen, half the schools taking up "What to request next", a fifth more supply, and
 * events in the second to fourth weeks, posted a week ahead: every school with the year groups for
 * one holding its own, and three hub fairs of 60 pupils (the fewest a careers fair stall takes), at least one of them full.
 */
@Tag("slow")
class SchoolYearSimulationTest {

    @RegisterExtension
    static final TestDatabase productDb = new TestDatabase();

    @RegisterExtension
    static final TestDatabase statusQuoDb = new TestDatabase();

    @RegisterExtension
    static final TestDatabase attributionDb = new TestDatabase();

    static final Behaviour OFTEN_LET_DOWN = new Behaviour(0.4, 0.5, 0.15, 0.2, 0.3, 1.5, 0.5, 0.5);
    static final int WEEKS = 4;
    /** A weight off its default, as a coordinator might set it, so the test sees the product's rounds carry it. */
    static final Map<String, Long> WEIGHTS = Map.of(MatchingWeights.TRAVEL, 2L);

    static final String PROPOSED = "Proposed by What to request next";
    static final long SEED = 5;
    static final EventHabits EVENTS_SOON = new EventHabits(1.0, 0.3, 6, 10, 1, 3, 1, 3, 60, 8, 1.0);

    static SimulationReport report;
    static DSLContext product;
    static DSLContext statusQuo;
    static DSLContext attribution;

    @BeforeAll
    static void play() {
        var sharedData = SharedData.locate();
        // the smallest real hub when the public data is here; the parametric Derby-like hub otherwise
        String area = sharedData.isPresent() ? "west-somerset" : "derby";
        var settings = new SchoolYearSimulation.Settings(
                area,
                SEED,
                new AcademicYear(2026),
                Optional.of(WEEKS),
                1,
                1.2,
                OFTEN_LET_DOWN,
                sharedData,
                new ExampleLinks("http://localhost:8080"),
                "Employer Encounters",
                WEIGHTS,
                EVENTS_SOON);
        Map<Arm, Database> databases = new EnumMap<>(Arm.class);
        databases.put(Arm.PRODUCT, productDb.database());
        databases.put(Arm.STATUS_QUO, statusQuoDb.database());
        databases.put(Arm.ATTRIBUTION, attributionDb.database());
        report = new SchoolYearSimulation(settings).play(databases, line -> {});
        product = productDb.dsl();
        statusQuo = statusQuoDb.dsl();
        attribution = attributionDb.dsl();
    }

    static List<DSLContext> arms() {
        return List.of(product, statusQuo, attribution);
    }

    @Test
    void schoolsWithoutTheProductPostTheirOwnRequestsAndPlanningSchoolsPostWhatItProposes() {
        var columns = List.of(
                SCHOOL.URN,
                REQUEST.YEAR_GROUP,
                REQUEST.ENCOUNTER_TYPE,
                REQUEST.PUPILS,
                REQUEST.SESSIONS,
                REQUEST.WINDOW_START,
                REQUEST.WINDOW_END,
                REQUEST.MORNING,
                REQUEST.AFTERNOON,
                REQUEST.IN_SCHOOL,
                REQUEST.AT_WORKPLACE,
                REQUEST.ONLINE,
                REQUEST.PREFERRED_SECTORS);
        var planning = product.selectDistinct(SCHOOL.URN)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(REQUEST.NOTES.eq(PROPOSED))
                .fetch(SCHOOL.URN);
        assertThat(planning).isNotEmpty().hasSizeLessThan(report.schools()).hasSize(report.planningSchools());

        for (DSLContext planned : List.of(product, attribution)) {
            // the others' requests are the status quo's, week by week
            assertThat(planned.select(columns)
                            .from(REQUEST)
                            .join(SCHOOL)
                            .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                            .where(SCHOOL.URN.notIn(planning))
                            .orderBy(REQUEST.ID)
                            .fetch()
                            .intoArrays())
                    .isNotEmpty()
                    .isDeepEqualTo(statusQuo
                            .select(columns)
                            .from(REQUEST)
                            .join(SCHOOL)
                            .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                            .where(SCHOOL.URN.notIn(planning))
                            .orderBy(REQUEST.ID)
                            .fetch()
                            .intoArrays());
            // planning schools post proposals, not their drawn requests: of theirs, only the hub's own are left
            var plannersOwn = planned.select(columns)
                    .from(REQUEST)
                    .join(SCHOOL)
                    .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                    .where(SCHOOL.URN.in(planning))
                    .and(REQUEST.NOTES.isDistinctFrom(PROPOSED))
                    .orderBy(REQUEST.ID)
                    .fetch()
                    .intoArrays();
            var plannersInStatusQuo = statusQuo
                    .select(columns)
                    .from(REQUEST)
                    .join(SCHOOL)
                    .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                    .where(SCHOOL.URN.in(planning))
                    .orderBy(REQUEST.ID)
                    .fetch()
                    .intoArrays();
            assertThat(plannersOwn.length).isLessThan(plannersInStatusQuo.length);
            assertThat(plannersOwn).isDeepEqualTo(java.util.Arrays.copyOf(plannersInStatusQuo, plannersOwn.length));
        }
        assertThat(statusQuo.fetchCount(REQUEST, REQUEST.NOTES.eq(PROPOSED))).isZero();
        assertThat(report.arm(Arm.STATUS_QUO).requests()).isEqualTo(statusQuo.fetchCount(REQUEST));
    }

    private static java.time.OffsetDateTime firstSolve(DSLContext dsl) {
        return dsl.select(DSL.min(MATCHING_ROUND.SOLVE_STARTED_AT))
                .from(MATCHING_ROUND)
                .fetchSingle()
                .value1();
    }

    @Test
    void aSupplyFactorPostsThatMuchMoreOfTheYearsOffersInTheFirstWeek() {
        int posted = statusQuo.fetchCount(
                OFFER, OFFER.CREATED_AT.gt(firstSolve(statusQuo).minusHours(1)));
        int seeded = statusQuo.fetchCount(OFFER) - posted;
        assertThat(posted)
                .as("a fifth of the year's offers, on top of the re-offers")
                .isGreaterThanOrEqualTo(seeded / 5);
    }

    @Test
    void everyArmGetsTheSameOffersPostedDuringTheYear() {
        var columns = List.of(
                OFFER.ID,
                OFFER.EMPLOYER_ID,
                OFFER.VOLUNTEER_ID,
                OFFER.ENCOUNTER_TYPE,
                OFFER.STATUS,
                OFFER.PUPILS_MAX,
                OFFER.MAX_SESSIONS,
                OFFER.AVAILABLE_FROM,
                OFFER.AVAILABLE_UNTIL);
        var availability = List.of(
                OFFER_AVAILABILITY.OFFER_ID,
                OFFER_AVAILABILITY.AVAILABLE_ON,
                OFFER_AVAILABILITY.WEEKDAY,
                OFFER_AVAILABILITY.PERIOD);
        var productOffers =
                product.select(columns).from(OFFER).orderBy(OFFER.ID).fetch().intoArrays();
        for (DSLContext other : List.of(statusQuo, attribution)) {
            assertThat(other.select(columns)
                            .from(OFFER)
                            .orderBy(OFFER.ID)
                            .fetch()
                            .intoArrays())
                    .isDeepEqualTo(productOffers);
            assertThat(other.select(availability)
                            .from(OFFER_AVAILABILITY)
                            .orderBy(OFFER_AVAILABILITY.ID)
                            .fetch()
                            .intoArrays())
                    .isDeepEqualTo(product.select(availability)
                            .from(OFFER_AVAILABILITY)
                            .orderBy(OFFER_AVAILABILITY.ID)
                            .fetch()
                            .intoArrays());
        }
        int seeded = product.fetchCount(OFFER, OFFER.CREATED_AT.le(firstSolve(product)));
        assertThat(productOffers.length).isGreaterThan(seeded);
    }

    /**
     * The workplace experience asked for and matched for Years 11 to 13, what Benchmark 6 is made
     * of, counted here by hand: placements in pupil places, visits and shadowing in sessions.
     */
    @Test
    void workplaceExperienceForYears11To13IsCountedAsAskedAndAsMatched() {
        Map<Arm, DSLContext> byArm =
                Map.of(Arm.PRODUCT, product, Arm.STATUS_QUO, statusQuo, Arm.ATTRIBUTION, attribution);
        for (var arm : byArm.entrySet()) {
            DSLContext dsl = arm.getValue();
            long asked = 0;
            for (var r : dsl.selectFrom(REQUEST)
                    .where(REQUEST.YEAR_GROUP.ge((short) 11))
                    .fetch()) {
                switch (r.getEncounterType()) {
                    case "work_experience" -> asked += r.getPupils();
                    case "workplace_visit", "work_shadowing" -> asked += r.getSessions();
                    default -> {}
                }
            }
            long matched = 0;
            for (var b : dsl.select(BOOKING.ENCOUNTER_TYPE, BOOKING.PUPILS)
                    .from(BOOKING)
                    .join(REQUEST)
                    .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                    .join(MATCHING_ROUND)
                    .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
                    .where(REQUEST.YEAR_GROUP.ge((short) 11))
                    .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED))
                    .fetch()) {
                switch (b.value1()) {
                    case "work_experience" -> matched += b.value2();
                    case "workplace_visit", "work_shadowing" -> matched++;
                    default -> {}
                }
            }
            ArmOutcome outcome = report.arm(arm.getKey());
            assertThat(outcome.workplaceSessionsDueRequested())
                    .as(arm.getKey().code())
                    .isEqualTo(asked);
            assertThat(outcome.workplaceSessionsDueMatched())
                    .as(arm.getKey().code())
                    .isEqualTo(matched);
        }
        assertThat(report.arm(Arm.PRODUCT).workplaceSessionsDueRequested()).isPositive();
    }

    @Test
    void theProductsRoundsSolveWithTheWeightsTheSimulationWasGiven() {
        long hubId = product.select(HUB.ID).from(HUB).fetchAny(HUB.ID);
        List<Round> rounds = new RoundRepository(product).recent(hubId, WEEKS);
        assertThat(rounds)
                .hasSize(WEEKS)
                .allSatisfy(round -> assertThat(round.weights()).isEqualTo(WEIGHTS));
    }

    @Test
    void eachArmPublishesOneRoundAWeek() {
        for (DSLContext dsl : arms()) {
            assertThat(dsl.fetchCount(MATCHING_ROUND, MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED)))
                    .isEqualTo(WEEKS);
            // published on the simulated Fridays, which the contact cap counts from
            assertThat(dsl.selectDistinct(MATCHING_ROUND.PUBLISHED_AT)
                            .from(MATCHING_ROUND)
                            .fetch(r -> r.value1().toLocalDate().getDayOfWeek().getValue()))
                    .containsOnly(5);
        }
        for (Arm arm : Arm.values()) {
            assertThat(report.arm(arm).sessionsMatched()).as(arm.code()).isPositive();
        }
    }

    @Test
    void theSolverAsksEachEmployerAtMostOnceARoundWhileFirstComeFirstServedCountsEveryBooking() {
        DSLContext dsl = product;
        // one digest per employer and round: the employer's recipients get one email from the round at most
        var digests = dsl.select(OUTBOX.IDEMPOTENCY_KEY)
                .from(OUTBOX)
                .where(OUTBOX.KIND.eq("round_digest_employer"))
                .fetch(OUTBOX.IDEMPOTENCY_KEY);
        var roundsAndEmployers = digests.stream()
                .map(key -> key.replaceAll("^round:(\\d+):employer:(\\d+)$", "$1/$2"))
                .toList();
        assertThat(roundsAndEmployers).doesNotHaveDuplicates().allMatch(k -> k.matches("\\d+/\\d+"));
        assertThat(report.arm(Arm.PRODUCT).maxAsks()).isEqualTo(1);
        assertThat(report.arm(Arm.PRODUCT).totalAsks())
                .isEqualTo(askedPairs(dsl))
                .isGreaterThanOrEqualTo(digests.size());

        for (var arm :
                Map.of(Arm.STATUS_QUO, statusQuo, Arm.ATTRIBUTION, attribution).entrySet()) {
            long bookings = arm.getValue().fetchCount(BOOKING, BOOKING.ROUND_ID.isNotNull());
            assertThat(report.arm(arm.getKey()).totalAsks()).isEqualTo(bookings);
            assertThat(report.arm(arm.getKey()).asksPerEmployerRound()).hasSize((int) askedPairs(arm.getValue()));
        }
    }

    private static long askedPairs(DSLContext dsl) {
        return dsl.fetchCount(dsl.selectDistinct(BOOKING.ROUND_ID, OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.isNotNull()));
    }

    @Test
    void attendanceIsRecordedOnlyForSessionsWhoseDayHasPassed() {
        for (DSLContext dsl : arms()) {
            LocalDate lastDay = report.lastDay();
            var attended = dsl.select(ENCOUNTER.OCCURRED_ON, BOOKING.STARTS_ON, BOOKING.STATUS)
                    .from(ENCOUNTER)
                    .join(BOOKING)
                    .on(BOOKING.ID.eq(ENCOUNTER.BOOKING_ID))
                    .fetch();
            assertThat(attended).isNotEmpty();
            assertThat(attended).allSatisfy(r -> {
                assertThat(r.value2()).isBeforeOrEqualTo(lastDay);
                assertThat(r.value1()).isEqualTo(r.value2());
                assertThat(r.value3()).isEqualTo(BookingStatus.DELIVERED);
            });
            // every session whose day came was delivered or had no employer; later ones are still live
            assertThat(dsl.fetchCount(
                            BOOKING, BOOKING.STATUS.in(BookingStatus.AGREED).and(BOOKING.STARTS_ON.le(lastDay))))
                    .isZero();
            assertThat(dsl.fetchCount(
                            BOOKING,
                            BOOKING.STATUS
                                    .in(BookingStatus.DELIVERED, BookingStatus.NO_SHOW)
                                    .and(BOOKING.STARTS_ON.gt(lastDay))))
                    .isZero();
            // absent pupils are recorded too, and had no encounter
            assertThat(dsl.fetchCount(
                            ENCOUNTER, ENCOUNTER.BOOKING_ID.isNotNull().and(ENCOUNTER.ATTENDED.isFalse())))
                    .isPositive();
        }
        assertThat(report.arms().stream().mapToLong(ArmOutcome::noShows).sum()).isPositive();
    }

    @Test
    void declinedRequestsAreMatchedAgainOrStayOpen() {
        for (DSLContext dsl : arms()) {
            var declined = dsl.select(BOOKING.ID, BOOKING.REQUEST_ID, BOOKING.STARTS_ON, BOOKING.LATE_CANCELLATION)
                    .from(BOOKING)
                    .where(BOOKING.STATUS.eq(BookingStatus.DECLINED))
                    .and(BOOKING.DECLINED_BY.eq("employer"))
                    .and(BOOKING.REQUEST_ID.isNotNull())
                    .fetch();
            assertThat(declined).isNotEmpty();
            for (var d : declined) {
                RequestStatus status = dsl.select(REQUEST.STATUS)
                        .from(REQUEST)
                        .where(REQUEST.ID.eq(d.value2()))
                        .fetchSingle(REQUEST.STATUS);
                boolean matchedAgain = dsl.fetchExists(
                        BOOKING,
                        BOOKING.REQUEST_ID
                                .eq(d.value2())
                                .and(BOOKING.ID.gt(d.value1()))
                                .and(BOOKING.STATUS.in(
                                        BookingStatus.PUBLISHED,
                                        BookingStatus.CONFIRMED,
                                        BookingStatus.DELIVERED,
                                        BookingStatus.DECLINED,
                                        BookingStatus.NO_SHOW)));
                assertThat(status == RequestStatus.OPEN || matchedAgain)
                        .as("request %d after its booking %d was declined: %s", d.value2(), d.value1(), status)
                        .isTrue();
            }
            // a decline within the week before the day is a late cancellation, and only then
            assertThat(dsl.fetchCount(
                            BOOKING, BOOKING.LATE_CANCELLATION.isTrue().and(BOOKING.REQUEST_ID.isNotNull())))
                    .isEqualTo((int) declined.stream().filter(d -> d.value4()).count());
        }
        assertThat(report.arm(Arm.PRODUCT).declined()).isPositive();
        assertThat(report.arms().stream()
                        .mapToLong(ArmOutcome::lateCancellations)
                        .sum())
                .isPositive();
    }

    @Test
    void theReportsProgressIsWhatTheSchoolsProgressPagesShow() {
        for (var pair : Map.of(
                        product,
                        report.arm(Arm.PRODUCT),
                        statusQuo,
                        report.arm(Arm.STATUS_QUO),
                        attribution,
                        report.arm(Arm.ATTRIBUTION))
                .entrySet()) {
            DSLContext dsl = pair.getKey();
            long hubId = dsl.select(HUB.ID).from(HUB).fetchSingle(HUB.ID);
            int pupils = 0, benchmark5 = 0, disadvantaged = 0;
            for (long school : dsl.select(SCHOOL.ID)
                    .from(SCHOOL)
                    .where(SCHOOL.HUB_ID.eq(hubId))
                    .fetch(SCHOOL.ID)) {
                for (YearGroupProgress year :
                        YearGroupProgress.of(new ProgressRepository(dsl).forSchool(school, report.lastDay()))) {
                    pupils += year.pupils();
                    benchmark5 += year.hadEncounterThisYear();
                    disadvantaged += year.disadvantaged();
                }
            }
            PupilFigures figures = pair.getValue().pupils();
            assertThat(pupils).isPositive();
            assertThat(figures.all().benchmark5()).isEqualTo(new PupilFigures.Share(benchmark5, pupils));
            assertThat(figures.disadvantaged().pupils()).isEqualTo(disadvantaged);
            assertThat(IntStream.of(figures.all().profile()).sum()).isEqualTo(pupils);
            assertThat(figures.all().profile()[0]).isEqualTo(pupils - benchmark5);
            assertThat(figures.benchmark5AtPlanningSchools().part()
                            + figures.benchmark5AtOtherSchools().part())
                    .isEqualTo(benchmark5);
            assertThat(figures.benchmark5AtPlanningSchools().whole())
                    .isPositive()
                    .isLessThan(pupils);
            assertThat(figures.withoutOneByYearGroup()).hasSize(7);
            assertThat(figures.withoutOneByYearGroup().stream()
                            .mapToInt(PupilFigures.Share::part)
                            .sum())
                    .isEqualTo(pupils - benchmark5);
            assertThat(figures.withoutOneByYearGroup().stream()
                            .mapToInt(PupilFigures.Share::whole)
                            .sum())
                    .isEqualTo(pupils);
            assertThat(figures.rest().pupils()).isLessThanOrEqualTo(pupils - disadvantaged);
            // the places attended could have reached at least the pupils they did reach
            assertThat(figures.ceiling().part()).isGreaterThanOrEqualTo(benchmark5);
            assertThat(figures.ceiling().whole()).isEqualTo(pupils);
            assertThat(benchmark5).isPositive();
        }
    }

    @Test
    void everyArmPostsTheSameEventsAndSignsTheSameYearGroupsUp() {
        var events = List.of(
                EVENT.ID,
                SCHOOL.URN,
                EVENT.KIND,
                EVENT.TITLE,
                EVENT.HELD_ON,
                EVENT.PERIOD,
                EVENT.CAPACITY,
                EVENT.SIGN_UP_BY);
        var signUps = List.of(
                EVENT_SIGN_UP.EVENT_ID,
                EVENT_SIGN_UP.SCHOOL_ID,
                EVENT_SIGN_UP.YEAR_GROUP,
                EVENT_SIGN_UP.PUPILS,
                EVENT_SIGN_UP.PLACES);
        var productEvents = product.select(events)
                .from(EVENT)
                .leftJoin(SCHOOL)
                .on(SCHOOL.ID.eq(EVENT.SCHOOL_ID))
                .orderBy(EVENT.ID)
                .fetch()
                .intoArrays();
        var productSignUps = product.select(signUps)
                .from(EVENT_SIGN_UP)
                .orderBy(EVENT_SIGN_UP.ID)
                .fetch()
                .intoArrays();
        var productStalls = product.select(EVENT_STALLS.EVENT_ID, EVENT_STALLS.SECTOR, EVENT_STALLS.STALLS)
                .from(EVENT_STALLS)
                .orderBy(EVENT_STALLS.ID)
                .fetch()
                .intoArrays();
        for (DSLContext other : List.of(statusQuo, attribution)) {
            assertThat(other.select(events)
                            .from(EVENT)
                            .leftJoin(SCHOOL)
                            .on(SCHOOL.ID.eq(EVENT.SCHOOL_ID))
                            .orderBy(EVENT.ID)
                            .fetch()
                            .intoArrays())
                    .isDeepEqualTo(productEvents);
            assertThat(other.select(signUps)
                            .from(EVENT_SIGN_UP)
                            .orderBy(EVENT_SIGN_UP.ID)
                            .fetch()
                            .intoArrays())
                    .isDeepEqualTo(productSignUps);
            assertThat(other.select(EVENT_STALLS.EVENT_ID, EVENT_STALLS.SECTOR, EVENT_STALLS.STALLS)
                            .from(EVENT_STALLS)
                            .orderBy(EVENT_STALLS.ID)
                            .fetch()
                            .intoArrays())
                    .isDeepEqualTo(productStalls);
        }
        // schools with the year groups for one hold an event of their own, for one year group of theirs
        var own = product.select(EVENT.SCHOOL_ID, EVENT_SIGN_UP.SCHOOL_ID, EVENT_SIGN_UP.PUPILS)
                .from(EVENT)
                .join(EVENT_SIGN_UP)
                .on(EVENT_SIGN_UP.EVENT_ID.eq(EVENT.ID))
                .where(EVENT.SCHOOL_ID.isNotNull())
                .fetch();
        assertThat(own).isNotEmpty().hasSizeLessThanOrEqualTo(report.schools());
        assertThat(own).allSatisfy(r -> assertThat(r.value2()).isEqualTo(r.value1()));
        assertThat(product.fetchCount(EVENT, EVENT.SCHOOL_ID.isNull())).isEqualTo(EVENTS_SOON.hubEvents());
        // each hub fair takes 60 pupils; where schools ask for more, its places are shared out
        int full = 0;
        for (long hubEvent : product.select(EVENT.ID)
                .from(EVENT)
                .where(EVENT.SCHOOL_ID.isNull())
                .fetch(EVENT.ID)) {
            var hubSignUps = product.selectFrom(EVENT_SIGN_UP)
                    .where(EVENT_SIGN_UP.EVENT_ID.eq(hubEvent))
                    .fetch();
            int asked = hubSignUps.stream().mapToInt(r -> r.getPupils()).sum();
            int placed = hubSignUps.stream()
                    .mapToInt(r -> r.getPlaces() == null ? r.getPupils() : r.getPlaces())
                    .sum();
            assertThat(hubSignUps).isNotEmpty();
            assertThat(placed).isEqualTo(Math.min(asked, 60));
            full += asked > 60 ? 1 : 0;
        }
        assertThat(full).isPositive();
    }

    @Test
    void theRoundsFillEventStallsAndTheReportCountsThem() {
        for (var arm : Map.of(Arm.PRODUCT, product, Arm.STATUS_QUO, statusQuo, Arm.ATTRIBUTION, attribution)
                .entrySet()) {
            DSLContext dsl = arm.getValue();
            int matched = dsl.fetchCount(
                    BOOKING,
                    BOOKING.EVENT_ID
                            .isNotNull()
                            .and(BOOKING.ROUND_ID.in(DSL.select(MATCHING_ROUND.ID)
                                    .from(MATCHING_ROUND)
                                    .where(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED)))));
            EventFigures figures = report.arm(arm.getKey()).events();
            assertThat(figures.stallsMatched()).as(arm.getKey().code()).isEqualTo(matched);
            assertThat(figures.due())
                    .as(arm.getKey().code())
                    .isEqualTo(dsl.fetchCount(EVENT, EVENT.HELD_ON.le(report.lastDay())))
                    .isEqualTo(dsl.fetchCount(EVENT));
            assertThat(figures.held())
                    .isEqualTo(dsl.fetchCount(dsl.selectDistinct(ENCOUNTER.EVENT_ID)
                            .from(ENCOUNTER)
                            .where(ENCOUNTER.EVENT_ID.isNotNull())));
            assertThat(figures.stallsWanted())
                    .isEqualTo(dsl.select(DSL.sum(EVENT_STALLS.STALLS))
                            .from(EVENT_STALLS)
                            .fetchSingle()
                            .value1()
                            .longValue());
            assertThat(figures.stallsGiven())
                    .isEqualTo(dsl.fetchCount(
                            BOOKING, BOOKING.EVENT_ID.isNotNull().and(BOOKING.STATUS.eq(BookingStatus.DELIVERED))));
            assertThat(figures.pupilsAttending())
                    .isEqualTo(dsl.fetchCount(
                            ENCOUNTER, ENCOUNTER.EVENT_ID.isNotNull().and(ENCOUNTER.ATTENDED)));
        }
        assertThat(report.arm(Arm.PRODUCT).events().stallsMatched()).isPositive();
        assertThat(report.arm(Arm.PRODUCT).events().held()).isPositive();
    }

    /**
     * An event at which some employer came is held: each pupil going (the whole year group at a
     * school's own event, the school's places at the hub's) has one encounter for it, attended
     * unless the pupil's absence was drawn that day, as at a session; one where none came has none.
     */
    @Test
    void eachPupilGoingToAHeldEventHasOneEncounterForItAndOnlyIfAnEmployerCame() {
        Draws draws = new Draws(SEED);
        int held = 0;
        for (DSLContext dsl : arms()) {
            for (var event : dsl.selectFrom(EVENT).orderBy(EVENT.ID).fetch()) {
                assertThat(event.getHeldOn()).isBeforeOrEqualTo(report.lastDay());
                boolean employerCame = dsl.fetchExists(
                        BOOKING, BOOKING.EVENT_ID.eq(event.getId()).and(BOOKING.STATUS.eq(BookingStatus.DELIVERED)));
                assertThat(dsl.fetchCount(
                                BOOKING,
                                BOOKING.EVENT_ID.eq(event.getId()).and(BOOKING.STATUS.in(BookingStatus.AGREED))))
                        .as("no stall of a past event is left waiting")
                        .isZero();
                var encounters = dsl.select(
                                ENCOUNTER.PUPIL_ID,
                                ENCOUNTER.ATTENDED,
                                ENCOUNTER.OCCURRED_ON,
                                PUPIL.SCHOOL_ID,
                                PUPIL.YEAR_GROUP,
                                PUPIL.DISADVANTAGED)
                        .from(ENCOUNTER)
                        .join(PUPIL)
                        .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                        .where(ENCOUNTER.EVENT_ID.eq(event.getId()))
                        .fetch();
                if (!employerCame) {
                    assertThat(encounters)
                            .as("event %d, no employer came", event.getId())
                            .isEmpty();
                    continue;
                }
                held++;
                assertThat(encounters.stream().map(r -> r.value1())).doesNotHaveDuplicates();
                for (var signUp : dsl.selectFrom(EVENT_SIGN_UP)
                        .where(EVENT_SIGN_UP.EVENT_ID.eq(event.getId()))
                        .fetch()) {
                    int onRoll = dsl.fetchCount(
                            PUPIL,
                            PUPIL.SCHOOL_ID
                                    .eq(signUp.getSchoolId())
                                    .and(PUPIL.YEAR_GROUP.eq(signUp.getYearGroup()))
                                    .and(PUPIL.ARCHIVED_ON.isNull()));
                    int going = signUp.getPlaces() != null ? signUp.getPlaces() : signUp.getPupils();
                    long recorded = encounters.stream()
                            .filter(r -> r.value4().equals(signUp.getSchoolId())
                                    && r.value5().equals(signUp.getYearGroup()))
                            .count();
                    assertThat(recorded).isEqualTo(Math.min(going, onRoll));
                }
                assertThat(encounters).allSatisfy(r -> {
                    assertThat(r.value3()).isEqualTo(event.getHeldOn());
                    double absence = r.value6() ? OFTEN_LET_DOWN.disadvantagedAbsence() : OFTEN_LET_DOWN.absence();
                    assertThat(r.value2())
                            .as("pupil %d at event %d", r.value1(), event.getId())
                            .isEqualTo(!draws.chance("absent/" + r.value1() + "/" + event.getHeldOn(), absence));
                });
            }
        }
        assertThat(held).isPositive();
    }

    @Test
    void anEventHeldInTwoArmsHasTheSameRegisterInBoth() {
        var register = List.of(ENCOUNTER.EVENT_ID, ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED);
        var heldInProduct = product.selectDistinct(ENCOUNTER.EVENT_ID)
                .from(ENCOUNTER)
                .where(ENCOUNTER.EVENT_ID.isNotNull())
                .fetchSet(ENCOUNTER.EVENT_ID);
        assertThat(heldInProduct).isNotEmpty();
        int compared = 0;
        for (DSLContext other : List.of(statusQuo, attribution)) {
            for (long eventId : heldInProduct) {
                var theirs = other.select(register)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.EVENT_ID.eq(eventId))
                        .orderBy(ENCOUNTER.PUPIL_ID)
                        .fetch()
                        .intoArrays();
                if (theirs.length == 0) {
                    continue; // no employer came there: the broker filled no stall, or none came
                }
                compared++;
                assertThat(theirs)
                        .isDeepEqualTo(product.select(register)
                                .from(ENCOUNTER)
                                .where(ENCOUNTER.EVENT_ID.eq(eventId))
                                .orderBy(ENCOUNTER.PUPIL_ID)
                                .fetch()
                                .intoArrays());
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void theCsvHasOneRowPerArmInItsHeadersColumns() {
        List<String> rows = report.csvRows();
        int columns = SimulationReport.CSV_HEADER.split(",").length;

        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.split(",")).hasSize(columns));
        assertThat(rows).extracting(row -> row.split(",")[2]).containsExactly("product", "status-quo", "attribution");
        assertThat(rows.getFirst()).startsWith("5,1.20,product,");
    }
}

package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventDetails;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.event.StallsWanted;
import uk.encounters.marketplace.event.YearGroupGoing;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.Request;

/** Events, mentoring series and shared online sessions, from the database to a round's bookings. */
class RoundEventsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final RoundBench bench = new RoundBench(db);

    /** A Tuesday in the round's horizon: the north school's talks are offered on Tuesday mornings too. */
    static final LocalDate FAIR_DAY = LocalDate.of(2026, 12, 1);

    final TestData data = new TestData(db.dsl());

    @Test
    void aSchoolsFairIsBookedStallByStallAsOneEventThatTakesItsYearGroupsMorning() throws Exception {
        RoundHub hub = bench.hub();
        for (int i = 1; i <= 5; i++) {
            data.stallOffer(employerNearby(hub, "Stall Holder " + i), FAIR_DAY, "morning");
        }
        long fair = year9Fair(hub.northSchool(), "Year 9 careers fair", 4);

        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());

        var stalls = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(outcome.roundId()))
                .and(BOOKING.EVENT_ID.eq(fair))
                .fetch();
        assertThat(stalls).hasSize(4).allSatisfy(stall -> {
            assertThat(stall.getRequestId()).isNull();
            assertThat(stall.getStartsOn()).isEqualTo(FAIR_DAY);
            assertThat(stall.getPeriod()).isEqualTo("morning");
            // a talk offered that morning may take a stall too, booked as the talk it is
            assertThat(stall.getEncounterType()).isIn("careers_fair", "careers_talk");
            assertThat(stall.getPupils()).as("a share of the 60 each").isEqualTo(15);
        });
        assertThat(stalls.map(s -> s.getOfferId())).doesNotHaveDuplicates();
        assertThat(db.dsl()
                        .selectFrom(BOOKING)
                        .where(BOOKING.ROUND_ID.eq(outcome.roundId()))
                        .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                        .fetch(BOOKING.STARTS_ON))
                .as("the year group is at its fair that morning")
                .hasSize(2)
                .doesNotContain(FAIR_DAY);
        assertThat(db.dsl().fetchCount(ROUND_UNMATCHED, ROUND_UNMATCHED.EVENT_ID.eq(fair)))
                .isZero();
    }

    @Test
    void theRoundReviewListsAFairsStallsAndItsEmployerConfirmsOneFromTheDigest() throws Exception {
        RoundHub hub = bench.hub();
        long first = employerNearby(hub, "Derby Hospitals");
        long second = employerNearby(hub, "Bombardier");
        data.stallOffer(first, FAIR_DAY, "morning");
        data.stallOffer(second, FAIR_DAY, "morning");
        new AccountRepository(db.dsl())
                .create("stalls-" + hub.id() + "@example.org", "Stall Contact", null, Scope.employer(first));
        long fair = year9Fair(hub.northSchool(), "Year 9 careers fair", 2);
        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());

        List<RoundReview.EventStalls> events = new RoundReview(db.dsl()).events(outcome.roundId());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("Year 9 careers fair");
            assertThat(event.place()).isEqualTo("North Academy");
            assertThat(event.stalls())
                    .extracting(RoundReview.Stall::employer)
                    .containsExactlyInAnyOrder("Derby Hospitals", "Bombardier");
            assertThat(event.stalls())
                    .allSatisfy(stall -> assertThat(stall.reasons()).isNotEmpty());
            assertThat(event.unfilled()).isZero();
        });

        new Publication(ExampleLinks.APP, "Employer Encounters", RoundHub.CLOCK)
                .publish(db.dsl(), hub.id(), outcome.roundId());
        String digest = db.dsl()
                .select(OUTBOX.BODY_TEXT)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("stalls-" + hub.id() + "@example.org"))
                .fetchSingle(OUTBOX.BODY_TEXT);
        assertThat(digest).contains("Careers fair stall").contains("at Year 9 careers fair, North Academy");
        String schoolDigest = db.dsl()
                .select(OUTBOX.BODY_TEXT)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("leader-" + hub.id() + "@example.org"))
                .and(OUTBOX.KIND.eq("round_digest_school"))
                .fetchSingle(OUTBOX.BODY_TEXT);
        assertThat(schoolDigest)
                .contains("and 2 stalls at your events for North Academy")
                .contains("At your events:\n")
                .contains("* Careers fair stall with Bombardier at Year 9 careers fair, Tue 1 Dec 2026 (Morning)\n")
                .contains(
                        "* Careers fair stall with Derby Hospitals at Year 9 careers fair, Tue 1 Dec 2026 (Morning)\n")
                .contains("Their answers for your events' stalls are at https://encounters.example/schools/"
                        + hub.northSchool() + "/events");
        long stall = db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.EVENT_ID.eq(fair))
                .and(OFFER.EMPLOYER_ID.eq(first))
                .fetchSingle(BOOKING.ID);
        EmployerBookingRepository employerBookings = new EmployerBookingRepository(db.dsl());
        assertThat(employerBookings.find(first, stall).orElseThrow().where())
                .isEqualTo("Year 9 careers fair, North Academy");
        assertThat(employerBookings.confirm(first, stall, RoundHub.TODAY))
                .isEqualTo(EmployerBookingRepository.Reply.DONE);
        assertThat(new EventRepository(db.dsl())
                        .find(fair, EventRepository.ofHub(hub.id()))
                        .orElseThrow()
                        .stallsAsked())
                .isEqualTo(2);
    }

    @Test
    void anEmployerOfferingTalksThatMorningTakesAStallWhenNoFairOfferIsFree() throws Exception {
        RoundHub hub = bench.hub();
        long talker = employerNearby(hub, "Talk Giver");
        long talk = data.stallOffer(talker, FAIR_DAY, "morning");
        // the same slot, offered as a talk
        db.dsl()
                .update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, "careers_talk")
                .set(OFFER.TITLE, "A careers talk")
                .where(OFFER.ID.eq(talk))
                .execute();
        long fair = year9Fair(hub.southSchool(), "Talks at the fair", 1);

        bench.solve(hub, Map.of());

        var stall =
                db.dsl().selectFrom(BOOKING).where(BOOKING.EVENT_ID.eq(fair)).fetchSingle();
        // this employer's talk, or the hub's own talk offered that morning
        long giver = db.dsl().fetchValue(OFFER.EMPLOYER_ID, OFFER.ID.eq(stall.getOfferId()));
        assertThat(giver).isIn(talker, hub.talkEmployer());
        assertThat(stall.getEncounterType()).as("booked as the talk offered").isEqualTo("careers_talk");
        assertThat(new EmployerBookingRepository(db.dsl())
                        .find(giver, stall.getId())
                        .orElseThrow()
                        .where())
                .isEqualTo("Talks at the fair, South School");
    }

    @Test
    void aFairWithMoreStallsThanOffersSaysHowManyStayUnfilled() throws Exception {
        RoundHub hub = bench.hub();
        data.stallOffer(employerNearby(hub, "Lone Stall"), FAIR_DAY, "morning");
        long fair = year9Fair(hub.southSchool(), "South fair", 3);

        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());

        // the lone fair offer, and at most one of the hub's talks that morning (its two are wanted for talks too)
        int filled = db.dsl()
                .fetchCount(BOOKING, BOOKING.ROUND_ID.eq(outcome.roundId()).and(BOOKING.EVENT_ID.eq(fair)));
        assertThat(filled).isBetween(1, 2);
        assertThat(db.dsl()
                        .select(ROUND_UNMATCHED.SESSIONS)
                        .from(ROUND_UNMATCHED)
                        .where(ROUND_UNMATCHED.ROUND_ID.eq(outcome.roundId()))
                        .and(ROUND_UNMATCHED.EVENT_ID.eq(fair))
                        .fetchOne(ROUND_UNMATCHED.SESSIONS))
                .isEqualTo(3 - filled);
    }

    @Test
    void aHubEventTakesEverySignedUpSchoolAndAFullVenueSeatsTheColdSpotSchoolFirst() {
        RoundHub hub = bench.hub();
        EventRepository events = new EventRepository(db.dsl());
        long sectorDay = events.postForHub(
                actor(),
                hub.id(),
                details(
                        EventKind.CAREERS_FAIR,
                        "Engineering sector day",
                        100,
                        List.of(new StallsWanted("Manufacturing", 2), new StallsWanted(null, 2))));
        var north = events.signUp(
                        actor(), sectorDay, hub.northSchool(), new YearGroupGoing(9, 60), true, "", RoundHub.TODAY)
                .orElseThrow();
        var south = events.signUp(
                        actor(), sectorDay, hub.southSchool(), new YearGroupGoing(9, 60), false, "", RoundHub.TODAY)
                .orElseThrow();

        assertThat(south.places()).as("the cold spot first").isEqualTo(60);
        assertThat(db.dsl()
                        .select(EVENT_SIGN_UP.PLACES)
                        .from(EVENT_SIGN_UP)
                        .where(EVENT_SIGN_UP.ID.eq(north.id()))
                        .fetchOne(EVENT_SIGN_UP.PLACES))
                .as("the rest of the 100")
                .isEqualTo(40);

        MatchingProblem problem = hub.problem(db.dsl());
        Request event = problem.requests().stream()
                .filter(r -> r.id() == RoundEvents.requestIdOf(sectorDay))
                .findFirst()
                .orElseThrow();
        assertThat(event.arrangement()).isEqualTo(Arrangement.EVENT);
        assertThat(event.type()).isEqualTo(EncounterType.CAREERS_FAIR);
        assertThat(event.sessions()).isEqualTo(4);
        assertThat(event.pupils()).isEqualTo(100);
        assertThat(event.preferredSectors()).containsExactly("Manufacturing");
        assertThat(event.audience())
                .extracting(a -> a.cohort().school().id(), Attendance::pupils)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(hub.northSchool(), 40),
                        org.assertj.core.groups.Tuple.tuple(hub.southSchool(), 60));
    }

    @Test
    void aSchoolCannotSignUpToAnotherSchoolsEventNorAfterTheSignUpDate() {
        RoundHub hub = bench.hub();
        EventRepository events = new EventRepository(db.dsl());
        long northFair = year9Fair(hub.northSchool(), "North fair", 2);
        long closed = events.postForHub(
                actor(),
                hub.id(),
                new EventDetails(
                        EventKind.PANEL,
                        "Closed panel",
                        FAIR_DAY,
                        Period.AFTERNOON,
                        "Council House",
                        "DE1 2FS",
                        false,
                        null,
                        RoundHub.TODAY.minusDays(1),
                        List.of(new StallsWanted(null, 3))));

        assertThat(events.signUp(
                        actor(), northFair, hub.southSchool(), new YearGroupGoing(9, 30), false, "", RoundHub.TODAY))
                .isEmpty();
        assertThat(events.signUp(
                        actor(), closed, hub.southSchool(), new YearGroupGoing(9, 30), false, "", RoundHub.TODAY))
                .isEmpty();
    }

    @Test
    void aMentoringRequestOfSeveralSessionsIsASeriesAndASharedOnlineOfferIsShared() {
        RoundHub hub = bench.hub();
        long mentoring = data.request(hub.northSchool(), 9, RequestStatus.OPEN, LocalDate.of(2026, 11, 23));
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.REQUEST)
                .set(uk.encounters.marketplace.jooq.Tables.REQUEST.ENCOUNTER_TYPE, "mentoring")
                .set(uk.encounters.marketplace.jooq.Tables.REQUEST.SESSIONS, 3)
                .where(uk.encounters.marketplace.jooq.Tables.REQUEST.ID.eq(mentoring))
                .execute();
        long online = data.offer(hub.secondEmployer(), uk.encounters.marketplace.offer.OfferStatus.ACTIVE, FAIR_DAY);
        db.dsl()
                .update(OFFER)
                .set(OFFER.ONLINE, true)
                .set(OFFER.SHARED_ONLINE, true)
                .where(OFFER.ID.eq(online))
                .execute();

        MatchingProblem problem = hub.problem(db.dsl());

        assertThat(problem.requests().stream().filter(r -> r.id() == mentoring))
                .singleElement()
                .extracting(Request::arrangement)
                .isEqualTo(Arrangement.SERIES);
        assertThat(problem.requests().stream().filter(r -> r.id() == hub.northTalks()))
                .singleElement()
                .extracting(Request::arrangement)
                .isEqualTo(Arrangement.SESSIONS);
        assertThat(problem.offers().stream().filter(o -> o.id() == online))
                .singleElement()
                .extracting(uk.encounters.matcher.domain.Offer::sharedOnline)
                .isEqualTo(true);
    }

    @Test
    void cancellingAHubEventStopsItsStallsAndTellsTheirEmployersAndTheSchoolsGoingOnce() throws Exception {
        RoundHub hub = bench.hub();
        long stallHolder = employerNearby(hub, "Cancelled Stall Holder");
        data.stallOffer(stallHolder, FAIR_DAY, "morning");
        String contact = "cancelled-stall-" + hub.id() + "@example.org";
        new AccountRepository(db.dsl()).create(contact, "Stall Contact", null, Scope.employer(stallHolder));
        EventRepository events = new EventRepository(db.dsl());
        long sectorDay = events.postForHub(
                actor(),
                hub.id(),
                details(EventKind.CAREERS_FAIR, "Cancelled sector day", 200, List.of(new StallsWanted(null, 1))));
        events.signUp(actor(), sectorDay, hub.northSchool(), new YearGroupGoing(9, 60), false, "", RoundHub.TODAY)
                .orElseThrow();
        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());
        new Publication(ExampleLinks.APP, "Employer Encounters", RoundHub.CLOCK)
                .publish(db.dsl(), hub.id(), outcome.roundId());
        EventCancellation cancellation = new EventCancellation(
                db.dsl(), RoundHub.CLOCK, "Employer Encounters", ExampleLinks.cancellations(RoundHub.CLOCK));
        var view = events.find(sectorDay, EventRepository.ofHub(hub.id())).orElseThrow();
        assertThat(cancellation.whyNot(view)).isEmpty();

        var cancelled = cancellation
                .cancel(actor(), sectorDay, EventCancellation.CancelledBy.COORDINATOR, "The arena has flooded")
                .orElseThrow();

        assertThat(cancelled.stallsStopped()).isEqualTo(1);
        var stall = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.EVENT_ID.eq(sectorDay))
                .fetchSingle();
        assertThat(stall.getStatus()).isEqualTo(BookingStatus.DECLINED);
        assertThat(stall.getDeclinedBy()).isEqualTo("coordinator");
        assertThat(stall.getDeclineReason()).isEqualTo("The arena has flooded");
        var told = db.dsl()
                .select(OUTBOX.RECIPIENT, OUTBOX.BODY_TEXT)
                .from(OUTBOX)
                .where(OUTBOX.KIND.eq("event_cancelled"))
                .and(OUTBOX.IDEMPOTENCY_KEY.like("event-cancelled:" + sectorDay + ":%"))
                .fetchMap(OUTBOX.RECIPIENT, OUTBOX.BODY_TEXT);
        assertThat(told).containsOnlyKeys(contact, "leader-" + hub.id() + "@example.org");
        assertThat(told.get(contact))
                .contains("Cancelled sector day, Tue 1 Dec 2026 has been cancelled, so your stall there is no longer")
                .contains("The reason given: The arena has flooded");
        assertThat(told.get("leader-" + hub.id() + "@example.org")).contains("which your Year 9 signed up to");
        var after = events.find(sectorDay, EventRepository.ofHub(hub.id())).orElseThrow();
        assertThat(after.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(after.stallsAsked()).isZero();
        assertThat(cancellation.whyNot(after)).contains("This event has already been cancelled.");
        assertThat(cancellation.cancel(actor(), sectorDay, EventCancellation.CancelledBy.COORDINATOR, ""))
                .as("cancelled once")
                .isEmpty();
        assertThat(events.signUp(
                        actor(), sectorDay, hub.southSchool(), new YearGroupGoing(9, 30), false, "", RoundHub.TODAY))
                .isEmpty();
        assertThat(hub.problem(db.dsl()).requests())
                .as("no later round asks for its stalls")
                .noneMatch(r -> r.id() == -sectorDay);
    }

    @Test
    void cancellingAFairWhileTheRoundIsOnlyProposedTakesItsStallsOutOfTheProposalAndTellsNobody() throws Exception {
        RoundHub hub = bench.hub();
        data.stallOffer(employerNearby(hub, "Proposed Stall Holder"), FAIR_DAY, "morning");
        long fair = year9Fair(hub.northSchool(), "Proposed fair", 1);
        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());
        assertThat(db.dsl().fetchCount(BOOKING, BOOKING.EVENT_ID.eq(fair))).isEqualTo(1);

        var cancelled = new EventCancellation(
                        db.dsl(), RoundHub.CLOCK, "Employer Encounters", ExampleLinks.cancellations(RoundHub.CLOCK))
                .cancel(actor(), fair, EventCancellation.CancelledBy.SCHOOL, null)
                .orElseThrow();

        assertThat(cancelled).isEqualTo(new EventCancellation.Cancelled(1, 0));
        assertThat(db.dsl()
                        .select(BOOKING.STATUS)
                        .from(BOOKING)
                        .where(BOOKING.EVENT_ID.eq(fair))
                        .fetchSingle(BOOKING.STATUS))
                .isEqualTo(BookingStatus.CANCELLED);
        assertThat(new RoundReview(db.dsl()).events(outcome.roundId()))
                .noneMatch(event -> event.title().equals("Proposed fair"));
        new Publication(ExampleLinks.APP, "Employer Encounters", RoundHub.CLOCK)
                .publish(db.dsl(), hub.id(), outcome.roundId());
        assertThat(db.dsl()
                        .select(BOOKING.STATUS)
                        .from(BOOKING)
                        .where(BOOKING.EVENT_ID.eq(fair))
                        .fetchSingle(BOOKING.STATUS))
                .as("publishing the round sends nobody to a cancelled fair")
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void publishingAsksNobodyForAStallAtAnEventCancelledOrMovedWhileTheRoundWasSolving() throws Exception {
        RoundHub hub = bench.hub();
        data.stallOffer(employerNearby(hub, "Raced Stall One"), FAIR_DAY, "morning");
        data.stallOffer(employerNearby(hub, "Raced Stall Two"), FAIR_DAY, "morning");
        long cancelled = year9Fair(hub.northSchool(), "Fair cancelled meanwhile", 1);
        long moved = year9Fair(hub.southSchool(), "Fair moved meanwhile", 1);
        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());
        assertThat(db.dsl().fetchCount(BOOKING, BOOKING.EVENT_ID.in(cancelled, moved)))
                .isEqualTo(2);
        // as a solve's proposal saved after the event changed would leave them
        db.dsl()
                .update(EVENT)
                .set(EVENT.STATUS, EventStatus.CANCELLED)
                .where(EVENT.ID.eq(cancelled))
                .execute();
        db.dsl()
                .update(EVENT)
                .set(EVENT.HELD_ON, FAIR_DAY.plusDays(1))
                .where(EVENT.ID.eq(moved))
                .execute();

        new Publication(ExampleLinks.APP, "Employer Encounters", RoundHub.CLOCK)
                .publish(db.dsl(), hub.id(), outcome.roundId());

        assertThat(db.dsl()
                        .select(BOOKING.STATUS)
                        .from(BOOKING)
                        .where(BOOKING.EVENT_ID.in(cancelled, moved))
                        .fetch(BOOKING.STATUS))
                .containsOnly(BookingStatus.CANCELLED);
        assertThat(db.dsl()
                        .select(OUTBOX.BODY_TEXT)
                        .from(OUTBOX)
                        .where(OUTBOX.KIND.eq("round_digest_employer"))
                        .fetch(OUTBOX.BODY_TEXT))
                .noneMatch(digest -> digest.contains("meanwhile"));
    }

    @Test
    void theCoordinatorPinsOneStallAndRemovesAnotherWhichThatEmployerIsNotAskedForAgainThisRound() throws Exception {
        RoundHub hub = bench.hub();
        for (int i = 1; i <= 3; i++) {
            data.stallOffer(employerNearby(hub, "Edited Stall " + i), FAIR_DAY, "morning");
        }
        long fair = year9Fair(hub.northSchool(), "Edited fair", 2);
        long roundId = bench.solve(hub, Map.of()).roundId();
        var stalls = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.EVENT_ID.eq(fair))
                .orderBy(BOOKING.ID)
                .fetch();
        assertThat(stalls).hasSize(2);
        var pinned = stalls.getFirst();
        var removed = stalls.getLast();
        RoundEdits edits = new RoundEdits(db.dsl());
        assertThat(edits.pin(hub.id(), roundId, pinned.getId(), true)).isEqualTo(RoundEdits.Edit.DONE);

        assertThat(edits.remove(hub.id(), roundId, removed.getId())).isEqualTo(RoundEdits.Edit.DONE);

        assertThat(new RoundReview(db.dsl()).events(roundId)).singleElement().satisfies(event -> {
            assertThat(event.stalls()).singleElement().satisfies(stall -> {
                assertThat(stall.id()).isEqualTo(pinned.getId());
                assertThat(stall.pinned()).isTrue();
            });
            assertThat(event.unfilled()).isEqualTo(1);
            assertThat(event.unfilledReasons()).contains("Removed from the proposal by the coordinator");
        });
        assertThat(bench.solve(hub, Map.of()).roundId()).isEqualTo(roundId);
        var after =
                db.dsl().selectFrom(BOOKING).where(BOOKING.EVENT_ID.eq(fair)).fetch();
        assertThat(after).hasSize(2).anySatisfy(stall -> {
            assertThat(stall.getId()).isEqualTo(pinned.getId());
            assertThat(stall.getPinned()).isTrue();
        });
        assertThat(after.map(b -> b.getOfferId()))
                .as("the removed stall's offer is ruled out for the fair in this round; the third employer is asked")
                .doesNotContain(removed.getOfferId())
                .doesNotHaveDuplicates();
    }

    @Test
    void aFairIsChangedFreelyUntilEmployersAgreeStallsThenKeepsItsDayAndAtLeastTheirStalls() throws Exception {
        RoundHub hub = bench.hub();
        for (int i = 1; i <= 2; i++) {
            data.stallOffer(employerNearby(hub, "Changed Stall " + i), FAIR_DAY, "morning");
        }
        EventRepository events = new EventRepository(db.dsl());
        long fair = year9Fair(hub.northSchool(), "Fair to change", 4);
        EventChange changes = new EventChange(db.dsl(), RoundHub.CLOCK);
        EventDetails twoStalls =
                details(EventKind.CAREERS_FAIR, "Year 9 and 10 fair", null, List.of(new StallsWanted("Health", 2)));

        assertThat(changes.change(
                        actor(), fair, twoStalls, List.of(new YearGroupGoing(9, 50), new YearGroupGoing(10, 40))))
                .isEqualTo(new EventChange.Changed(EventChange.Outcome.CHANGED, 0));

        var changed = events.find(fair, EventRepository.ofHub(hub.id())).orElseThrow();
        assertThat(changed.title()).isEqualTo("Year 9 and 10 fair");
        assertThat(changed.stallsWanted()).containsExactly(new StallsWanted("Health", 2));
        assertThat(changed.signUps())
                .extracting(EventRepository.SignUpRow::yearGroup, EventRepository.SignUpRow::pupils)
                .containsExactly(tuple(9, 50), tuple(10, 40));

        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());
        new Publication(ExampleLinks.APP, "Employer Encounters", RoundHub.CLOCK)
                .publish(db.dsl(), hub.id(), outcome.roundId());
        assertThat(changes.stallsAgreed(fair)).isEqualTo(2);
        EventDetails nextDay = new EventDetails(
                EventKind.CAREERS_FAIR,
                "Year 9 and 10 fair",
                FAIR_DAY.plusDays(1),
                Period.MORNING,
                null,
                null,
                false,
                null,
                null,
                List.of(new StallsWanted("Health", 2)));
        List<YearGroupGoing> going = List.of(new YearGroupGoing(9, 50));

        assertThat(changes.change(actor(), fair, nextDay, going).outcome())
                .isEqualTo(EventChange.Outcome.MOVED_WITH_STALLS_AGREED);
        assertThat(changes.change(
                                actor(),
                                fair,
                                details(EventKind.CAREERS_FAIR, "One stall", null, List.of(new StallsWanted(null, 1))),
                                going)
                        .outcome())
                .isEqualTo(EventChange.Outcome.FEWER_STALLS_THAN_AGREED);
        assertThat(events.find(fair, EventRepository.ofHub(hub.id())).orElseThrow())
                .as("nothing of a refused change is saved")
                .satisfies(e -> {
                    assertThat(e.heldOn()).isEqualTo(FAIR_DAY);
                    assertThat(e.title()).isEqualTo("Year 9 and 10 fair");
                    assertThat(e.signUps()).hasSize(2);
                });
        assertThat(changes.change(
                                actor(),
                                fair,
                                details(
                                        EventKind.CAREERS_FAIR,
                                        "Year 9 fair, three stalls",
                                        null,
                                        List.of(new StallsWanted(null, 3))),
                                going)
                        .outcome())
                .isEqualTo(EventChange.Outcome.CHANGED);
        assertThat(db.dsl()
                        .fetchCount(BOOKING, BOOKING.EVENT_ID.eq(fair).and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))))
                .as("the agreed stalls stand")
                .isEqualTo(2);
    }

    @Test
    void movingAFairWhoseStallsAreOnlyProposedTakesThemOutOfTheProposal() throws Exception {
        RoundHub hub = bench.hub();
        data.stallOffer(employerNearby(hub, "Moved Stall"), FAIR_DAY, "morning");
        long fair = year9Fair(hub.northSchool(), "Fair to move", 1);
        bench.solve(hub, Map.of());
        EventDetails moved = new EventDetails(
                EventKind.CAREERS_FAIR,
                "Fair to move",
                FAIR_DAY.plusDays(1),
                Period.AFTERNOON,
                null,
                null,
                false,
                null,
                null,
                List.of(new StallsWanted(null, 1)));

        assertThat(new EventChange(db.dsl(), RoundHub.CLOCK)
                        .change(actor(), fair, moved, List.of(new YearGroupGoing(9, 60)))
                        .outcome())
                .isEqualTo(EventChange.Outcome.CHANGED);

        assertThat(db.dsl()
                        .select(BOOKING.STATUS)
                        .from(BOOKING)
                        .where(BOOKING.EVENT_ID.eq(fair))
                        .fetchSingle(BOOKING.STATUS))
                .isEqualTo(BookingStatus.CANCELLED);
    }

    /** A careers fair at the school for 60 pupils of Year 9, with stalls from any sector. */
    private long year9Fair(long school, String title, int stalls) {
        return new EventRepository(db.dsl())
                .postForSchool(
                        actor(),
                        school,
                        details(EventKind.CAREERS_FAIR, title, null, List.of(new StallsWanted(null, stalls))),
                        List.of(new YearGroupGoing(9, 60)))
                .orElseThrow();
    }

    private Actor actor() {
        return new Actor(data.user(), "127.0.0.1");
    }

    private long employerNearby(RoundHub hub, String name) {
        long id = data.employer(hub.id(), name);
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.LATITUDE, 52.92)
                .set(EMPLOYER.LONGITUDE, -1.47)
                .where(EMPLOYER.ID.eq(id))
                .execute();
        data.presence(id, hub.id(), false, 4);
        return id;
    }

    private static EventDetails details(EventKind kind, String title, Integer capacity, List<StallsWanted> stalls) {
        boolean hubEvent = capacity != null;
        return new EventDetails(
                kind,
                title,
                FAIR_DAY,
                Period.MORNING,
                hubEvent ? "Derby Arena" : null,
                hubEvent ? "DE21 7RW" : null,
                false,
                capacity,
                null,
                stalls);
    }
}

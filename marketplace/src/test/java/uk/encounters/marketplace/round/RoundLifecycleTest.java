package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.pupil.PriorityWeights;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * A round's whole life against a real database: solve, pin and re-solve, publish (once, even
 * twice at the same time) with one digest per employer and school, a decline and its re-match,
 * and one solve per hub.
 */
class RoundLifecycleTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** A Thursday: the round plans from the Monday after, 23 November 2026, for six school weeks. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 19);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant(),
            ZoneId.of("Europe/London"));
    static final AtomicInteger hubs = new AtomicInteger();

    static RoundSolver solver;

    /** One hub's rows, as a test names them. */
    record Hub(long id, long northSchool, long southSchool, long talkEmployer, long secondEmployer,
               long northTalks, long southTalk, long southInterviews) {
    }

    @BeforeAll
    static void startSolver() {
        solver = new RoundSolver(db.database(), CLOCK, PriorityWeights.DEFAULTS);
    }

    @AfterAll
    static void stopSolver() {
        solver.close();
    }

    /**
     * Two Derby schools (the south one a cold spot) each asking for Year 9 careers talks, the south
     * one also for mock interviews nobody offers; two employers who give talks in school.
     */
    static Hub hub() {
        DSLContext dsl = db.dsl();
        TestData data = new TestData(dsl);
        long hub = data.hub("Round hub " + hubs.incrementAndGet());
        long north = school(dsl, data, hub, "North Academy", 52.95, -1.48, 7);
        long south = school(dsl, data, hub, "South School", 52.89, -1.47, 1);
        for (int i = 0; i < 60; i++) {
            data.pupil(north, 9);
            data.pupil(south, 9);
        }
        long talks = employer(dsl, data, hub, "Talking Engineers", "small", 52.92, -1.47);
        long second = employer(dsl, data, hub, "Second Firm", "medium", 52.90, -1.46);
        offer(dsl, data, talks, 2, "morning");
        offer(dsl, data, second, 3, "afternoon");
        contact(dsl, "talks-" + hub + "@example.org", "employer", null, talks);
        contact(dsl, "leader-" + hub + "@example.org", "careers_leader", north, null);
        long northTalks = request(dsl, north, "careers_talk", 2);
        long southTalk = request(dsl, south, "careers_talk", 1);
        long southInterviews = request(dsl, south, "mock_interviews", 1);
        return new Hub(hub, north, south, talks, second, northTalks, southTalk, southInterviews);
    }

    @Test
    void aSolveProposesExplainedBookingsAndSaysWhyTheRestAreUnmatched() throws Exception {
        Hub hub = hub();
        RoundSolver.Outcome outcome = solve(hub, Map.of());

        Round round = new Rounds(db.dsl()).find(hub.id(), outcome.roundId()).orElseThrow();
        assertThat(round.status()).isEqualTo(Round.PROPOSED);
        assertThat(round.horizonStart()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(round.sessionsTotal()).isEqualTo(4);
        assertThat(round.sessionsMatched()).isEqualTo(3);
        assertThat(round.pupilsCovered()).isEqualTo(90);
        var bookings = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(outcome.roundId())).fetch();
        assertThat(bookings).hasSize(3).allSatisfy(b -> {
            assertThat(b.getStatus()).isEqualTo("proposed");
            assertThat(b.getExplanation()).isNotBlank();
            assertThat(b.getStartsOn()).isBetween(round.horizonStart(), round.horizonEnd());
        });
        assertThat(bookings).filteredOn(b -> b.getRequestId() == hub.northTalks()).hasSize(2);
        var unmatched = db.dsl().selectFrom(ROUND_UNMATCHED).where(ROUND_UNMATCHED.ROUND_ID.eq(outcome.roundId())).fetch();
        assertThat(unmatched).singleElement().satisfies(u -> {
            assertThat(u.getRequestId()).isEqualTo(hub.southInterviews());
            assertThat(u.getReasons()).containsIgnoringCase("mock interviews");
        });
    }

    @Test
    void pinnedBookingsHoldWhenTheRoundIsSolvedAgainWithOtherWeights() throws Exception {
        Hub hub = hub();
        long roundId = solve(hub, Map.of()).roundId();
        var first = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(roundId)).orderBy(BOOKING.ID).fetch();
        var pinned = first.getFirst();
        assertThat(new RoundEdits(db.dsl()).pin(hub.id(), roundId, pinned.getId(), true)).isEqualTo(RoundEdits.Edit.DONE);
        var removed = first.getLast();
        assertThat(new RoundEdits(db.dsl()).remove(hub.id(), roundId, removed.getId())).isEqualTo(RoundEdits.Edit.DONE);

        RoundSolver.Outcome again = solve(hub, Map.of("Travel distance", 50L));

        assertThat(again.roundId()).isEqualTo(roundId);
        var after = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(roundId)).fetch();
        assertThat(after).anySatisfy(b -> {
            assertThat(b.getId()).isEqualTo(pinned.getId());
            assertThat(b.getStartsOn()).isEqualTo(pinned.getStartsOn());
            assertThat(b.getPinned()).isTrue();
        });
        // the removed pairing is ruled out for that request in this round
        assertThat(after).noneMatch(b -> b.getRequestId().equals(removed.getRequestId())
                && b.getOfferId().equals(removed.getOfferId()) && !b.getId().equals(pinned.getId()));
        assertThat(new Rounds(db.dsl()).find(hub.id(), roundId).orElseThrow().weights())
                .containsEntry("Travel distance", 50L);
    }

    @Test
    void publishingSendsOneDigestPerEmployerAndSchoolAndPublishingAgainDoesNothing() throws Exception {
        Hub hub = hub();
        long roundId = solve(hub, Map.of()).roundId();
        Publication publication = new Publication("https://encounters.example", "Employer Encounters", CLOCK);

        Publication.Published published = publication.publish(db.dsl(), hub.id(), roundId);

        assertThat(published.result()).isEqualTo(Publication.Result.PUBLISHED);
        assertThat(published.bookings()).isEqualTo(3);
        assertThat(db.dsl().fetchCount(BOOKING, BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.eq("published")))).isEqualTo(3);
        assertThat(statusOf(hub.northTalks())).isEqualTo("matched");
        assertThat(statusOf(hub.southTalk())).isEqualTo("matched");
        assertThat(statusOf(hub.southInterviews())).isEqualTo("open");

        var digests = digests(roundId);
        long employersAsked = db.dsl().selectDistinct(OFFER.EMPLOYER_ID).from(BOOKING).join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId)).fetch().size();
        assertThat(digests).filteredOn(d -> d.getKind().equals("round_digest_employer")).hasSize((int) employersAsked)
                .allSatisfy(d -> assertThat(d.getBodyText()).contains("Confirm: https://encounters.example/bookings/")
                        .contains("Decline: "));
        // the second employer has no contact of its own: its volunteer gets the digest
        assertThat(digests).extracting(d -> d.getRecipient()).contains("talks-" + hub.id() + "@example.org");
        assertThat(digests).filteredOn(d -> d.getKind().equals("round_digest_school")).singleElement()
                .satisfies(d -> assertThat(d.getRecipient()).isEqualTo("leader-" + hub.id() + "@example.org"));
        var talksDigest = digests.stream().filter(d -> d.getRecipient().startsWith("talks-")).findFirst().orElseThrow();
        List<Attachment> ics = Outbox.attachments(talksDigest.getAttachments());
        int talksBookings = db.dsl().fetchCount(BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)),
                BOOKING.ROUND_ID.eq(roundId).and(OFFER.EMPLOYER_ID.eq(hub.talkEmployer())));
        assertThat(ics).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("sessions.ics");
            assertThat(new String(a.content(), StandardCharsets.UTF_8).split("BEGIN:VEVENT", -1)).hasSize(talksBookings + 1);
        });

        Publication.Published again = publication.publish(db.dsl(), hub.id(), roundId);
        assertThat(again.result()).isEqualTo(Publication.Result.ALREADY_PUBLISHED);
        assertThat(digests(roundId)).hasSameSizeAs(digests);
    }

    @Test
    void twoCoordinatorsPublishingAtOnceMakeOnePublication() throws Exception {
        Hub hub = hub();
        long roundId = solve(hub, Map.of()).roundId();
        Publication publication = new Publication("https://encounters.example", "Employer Encounters", CLOCK);
        CountDownLatch ready = new CountDownLatch(2);
        Callable<Publication.Result> publish = () -> {
            ready.countDown();
            ready.await();
            return publication.publish(db.dsl(), hub.id(), roundId).result();
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Publication.Result>> results = two.invokeAll(List.of(publish, publish));
            assertThat(List.of(results.get(0).get(), results.get(1).get()))
                    .containsExactlyInAnyOrder(Publication.Result.PUBLISHED, Publication.Result.ALREADY_PUBLISHED);
        } finally {
            two.shutdown();
        }
        var digests = digests(roundId);
        assertThat(digests.stream().map(d -> d.getIdempotencyKey()).distinct()).hasSameSizeAs(digests);
        assertThat(digests).hasSize(3);
    }

    @Test
    void aDeclineReopensItsSessionAndAQuickRematchPlansOnlyThatOne() throws Exception {
        Hub hub = hub();
        long roundId = solve(hub, Map.of()).roundId();
        new Publication("https://encounters.example", "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);
        var southBooking = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.REQUEST_ID.eq(hub.southTalk())).fetchSingle();
        long employer = db.dsl().select(OFFER.EMPLOYER_ID).from(OFFER).where(OFFER.ID.eq(southBooking.getOfferId()))
                .fetchSingle().value1();
        var others = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.ID.ne(southBooking.getId())).fetch();

        assertThat(new EmployerBookings(db.dsl()).decline(employer, southBooking.getId(), "Away that week", TODAY))
                .isEqualTo(EmployerBookings.Reply.DONE);
        assertThat(statusOf(hub.southTalk())).isEqualTo("open");

        RoundSolver.Start start = solver.start(hub.id(), null,
                new RoundSolver.Options(5, Map.of(), "rematch", Set.of(hub.southTalk())));
        RoundSolver.Outcome rematch = ((RoundSolver.Running) start).outcome().get(60, TimeUnit.SECONDS);

        assertThat(rematch.roundId()).isNotEqualTo(roundId);
        var proposed = db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(rematch.roundId())).fetch();
        assertThat(proposed).singleElement().satisfies(b -> assertThat(b.getRequestId()).isEqualTo(hub.southTalk()));
        // everything else stayed as published
        assertThat(db.dsl().selectFrom(BOOKING).where(BOOKING.ID.in(others.map(b -> b.getId()))).fetch())
                .allSatisfy(b -> assertThat(b.getStatus()).isEqualTo("published"))
                .extracting(b -> b.getStartsOn()).containsExactlyInAnyOrderElementsOf(others.map(b -> b.getStartsOn()));
    }

    @Test
    void onlyOneSolvePerHubRunsAtATime() throws Exception {
        Hub hub = hub();
        try (RoundLock held = RoundLock.tryAcquire(db.database().dataSource(), hub.id()).orElseThrow()) {
            assertThat(RoundLock.isHeld(db.dsl(), hub.id())).isTrue();
            assertThat(RoundLock.tryAcquire(db.database().dataSource(), hub.id())).isEmpty();
            assertThat(solver.start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                    .isInstanceOf(RoundSolver.Busy.class);
        }
        assertThat(RoundLock.isHeld(db.dsl(), hub.id())).isFalse();
        assertThat(solver.start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                .isInstanceOf(RoundSolver.Running.class);
    }

    @Test
    void stoppingEarlyKeepsTheBestPlanSoFar() throws Exception {
        Hub hub = hub();
        RoundSolver.Running running = (RoundSolver.Running) solver.start(hub.id(), null,
                RoundSolver.Options.weekly(120, Map.of()));
        Thread.sleep(1500);
        assertThat(solver.stop(hub.id(), running.roundId())).isTrue();
        RoundSolver.Outcome outcome = running.outcome().get(30, TimeUnit.SECONDS);
        assertThat(outcome.stoppedEarly()).isTrue();
        assertThat(outcome.matched()).isEqualTo(3);
        assertThat(new Rounds(db.dsl()).find(hub.id(), running.roundId()).orElseThrow().status()).isEqualTo(Round.PROPOSED);
    }

    private static RoundSolver.Outcome solve(Hub hub, Map<String, Long> weights) throws Exception {
        RoundSolver.Start start = solver.start(hub.id(), null, RoundSolver.Options.weekly(2, weights));
        assertThat(start).isInstanceOf(RoundSolver.Running.class);
        return ((RoundSolver.Running) start).outcome().get(60, TimeUnit.SECONDS);
    }

    private static List<uk.encounters.marketplace.jooq.tables.records.OutboxRecord> digests(long roundId) {
        return db.dsl().selectFrom(OUTBOX).where(OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":")).fetch();
    }

    private static String statusOf(long requestId) {
        return db.dsl().select(REQUEST.STATUS).from(REQUEST).where(REQUEST.ID.eq(requestId)).fetchSingle().value1();
    }

    private static long school(DSLContext dsl, TestData data, long hub, String name, double lat, double lon, int decile) {
        long id = data.school(hub, name);
        dsl.update(SCHOOL).set(SCHOOL.LATITUDE, lat).set(SCHOOL.LONGITUDE, lon)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) decile).where(SCHOOL.ID.eq(id)).execute();
        return id;
    }

    private static long employer(DSLContext dsl, TestData data, long hub, String name, String size, double lat, double lon) {
        long id = data.employer(hub, name);
        dsl.update(EMPLOYER).set(EMPLOYER.SIZE_BAND, size).set(EMPLOYER.LATITUDE, lat).set(EMPLOYER.LONGITUDE, lon)
                .set(EMPLOYER.MAX_ASKS_PER_MONTH, (short) 4).where(EMPLOYER.ID.eq(id)).execute();
        return id;
    }

    /** A careers talk in school for Years 7-11, up to 60 pupils, every {@code weekday} in the period, given by a volunteer. */
    private static void offer(DSLContext dsl, TestData data, long employer, int weekday, String period) {
        long volunteer = data.volunteer(employer);
        long offer = data.offer(employer, "active", LocalDate.of(2027, 3, 31));
        dsl.update(OFFER).set(OFFER.VOLUNTEER_ID, volunteer).set(OFFER.YEAR_GROUP_MAX, (short) 11)
                .set(OFFER.PUPILS_MAX, 60).set(OFFER.MAX_SESSIONS, 6).set(OFFER.TRAVEL_RADIUS_KM, java.math.BigDecimal.valueOf(25))
                .where(OFFER.ID.eq(offer)).execute();
        dsl.insertInto(OFFER_AVAILABILITY, OFFER_AVAILABILITY.OFFER_ID, OFFER_AVAILABILITY.WEEKDAY, OFFER_AVAILABILITY.PERIOD)
                .values(offer, (short) weekday, period).execute();
    }

    private static long request(DSLContext dsl, long school, String type, int sessions) {
        return dsl.insertInto(REQUEST, REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP, REQUEST.ENCOUNTER_TYPE, REQUEST.PUPILS,
                        REQUEST.SESSIONS, REQUEST.WINDOW_START, REQUEST.WINDOW_END)
                .values(school, (short) 9, type, 30, sessions, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 18))
                .returning(REQUEST.ID).fetchOne().getId();
    }

    private static void contact(DSLContext dsl, String email, String role, Long school, Long employer) {
        long user = dsl.insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME).values(email, "Contact")
                .returning(APP_USER.ID).fetchOne().getId();
        dsl.insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.SCHOOL_ID, USER_SCOPE.EMPLOYER_ID)
                .values(user, role, school, employer).execute();
    }
}

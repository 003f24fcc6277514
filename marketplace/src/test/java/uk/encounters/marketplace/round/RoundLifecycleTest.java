package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.school.VisitorArrangementChanges;
import uk.encounters.marketplace.school.VisitorArrangements;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * A round's whole life against a real database: solve, pin and re-solve, publish (once, even
 * twice at the same time) with one digest per employer and school, a decline and its re-match,
 * and one solve per hub.
 */
class RoundLifecycleTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final RoundBench bench = new RoundBench(db);

    static final LocalDate TODAY = RoundHub.TODAY;
    static final Clock CLOCK = RoundHub.CLOCK;

    @Test
    void aSolveProposesExplainedBookingsAndSaysWhyTheRestAreUnmatched() throws Exception {
        RoundHub hub = bench.hub();
        RoundSolver.Outcome outcome = bench.solve(hub, Map.of());

        Round round =
                new RoundRepository(db.dsl()).find(hub.id(), outcome.roundId()).orElseThrow();
        assertThat(round.status()).isEqualTo(RoundStatus.PROPOSED);
        assertThat(round.horizonStart()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(round.sessionsTotal()).isEqualTo(4);
        assertThat(round.sessionsMatched()).isEqualTo(3);
        assertThat(round.pupilsCovered()).isEqualTo(90);
        var bookings = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(outcome.roundId()))
                .fetch();
        assertThat(bookings).hasSize(3).allSatisfy(b -> {
            assertThat(b.getStatus()).isEqualTo(BookingStatus.PROPOSED);
            assertThat(b.getExplanation()).isNotBlank();
            assertThat(b.getStartsOn()).isBetween(round.horizonStart(), round.horizonEnd());
        });
        assertThat(bookings)
                .filteredOn(b -> b.getRequestId() == hub.northTalks())
                .hasSize(2);
        var unmatched = db.dsl()
                .selectFrom(ROUND_UNMATCHED)
                .where(ROUND_UNMATCHED.ROUND_ID.eq(outcome.roundId()))
                .fetch();
        assertThat(unmatched).singleElement().satisfies(u -> {
            assertThat(u.getRequestId()).isEqualTo(hub.southInterviews());
            assertThat(u.getReasons()).containsIgnoringCase("mock interviews");
        });
    }

    @Test
    void pinnedBookingsHoldWhenTheRoundIsSolvedAgainWithOtherWeights() throws Exception {
        RoundHub hub = bench.hub();
        long roundId = bench.solve(hub, Map.of()).roundId();
        var first = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .orderBy(BOOKING.ID)
                .fetch();
        var pinned = first.getFirst();
        assertThat(new RoundEdits(db.dsl()).pin(hub.id(), roundId, pinned.getId(), true))
                .isEqualTo(RoundEdits.Edit.DONE);
        var removed = first.getLast();
        assertThat(new RoundEdits(db.dsl()).remove(hub.id(), roundId, removed.getId()))
                .isEqualTo(RoundEdits.Edit.DONE);

        RoundSolver.Outcome again = bench.solve(hub, Map.of("Travel distance", 50L));

        assertThat(again.roundId()).isEqualTo(roundId);
        var after =
                db.dsl().selectFrom(BOOKING).where(BOOKING.ROUND_ID.eq(roundId)).fetch();
        assertThat(after).anySatisfy(b -> {
            assertThat(b.getId()).isEqualTo(pinned.getId());
            assertThat(b.getStartsOn()).isEqualTo(pinned.getStartsOn());
            assertThat(b.getPinned()).isTrue();
        });
        // the removed pairing is ruled out for that request in this round
        assertThat(after)
                .noneMatch(b -> b.getRequestId().equals(removed.getRequestId())
                        && b.getOfferId().equals(removed.getOfferId())
                        && !b.getId().equals(pinned.getId()));
        assertThat(new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .weights())
                .containsEntry("Travel distance", 50L);
    }

    @Test
    void theEmployersDigestSaysWhereToGoWhenToArriveWhomToAskForAndAboutTheGroup() throws Exception {
        RoundHub hub = bench.hub();
        new VisitorArrangementChanges(db.dsl())
                .save(
                        Actor.anonymous(null),
                        hub.southSchool(),
                        new VisitorArrangements(
                                "South School\nOsmaston Road\nDerby DE24 8AA",
                                "Main reception",
                                "",
                                "Bring photo ID",
                                "Mrs Shah",
                                "01332 123456",
                                LocalTime.of(8, 40),
                                LocalTime.of(11, 50),
                                LocalTime.of(13, 0),
                                LocalTime.of(15, 0)));
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "Two pupils use wheelchairs")
                .set(REQUEST.NOTES_FOR_VOLUNTEER, "They are studying forces")
                .set(REQUEST.NOTES, "Coordinator only: please not Acme again")
                .where(REQUEST.ID.eq(hub.southTalk()))
                .execute();
        // pupils with SEND go only to offers that can adapt
        db.dsl()
                .update(OFFER)
                .set(OFFER.SEND_ADAPTABLE, true)
                .where(OFFER.EMPLOYER_ID.in(hub.talkEmployer(), hub.secondEmployer()))
                .execute();
        long roundId = bench.solve(hub, Map.of()).roundId();

        new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);

        var southDigest = digests(roundId).stream()
                .filter(d -> d.getKind().equals("round_digest_employer"))
                .filter(d -> d.getBodyText().contains("at South School"))
                .findFirst()
                .orElseThrow();
        assertThat(southDigest.getBodyText())
                .contains("  Address: South School, Osmaston Road, Derby DE24 8AA\n")
                .contains("  Arrive by 12:45pm (the session runs 1pm to 3pm)\n")
                .contains("  Ask for: Mrs Shah, 01332 123456\n")
                .contains("  SEND adjustments: Two pupils use wheelchairs\n")
                .contains("  From the school: They are studying forces\n")
                .contains("https://encounters.example/volunteering/first-time")
                .doesNotContain("Coordinator only");
        String ics = new String(
                Outbox.attachments(southDigest.getAttachments()).getFirst().content(), StandardCharsets.UTF_8);
        assertThat(ics.replace("\r\n ", ""))
                .contains("LOCATION:South School\\, Osmaston Road\\, Derby DE24 8AA")
                .contains("Ask for: Mrs Shah\\, 01332 123456")
                .contains("SEND adjustments: Two pupils use wheelchairs")
                .doesNotContain("Coordinator only");
    }

    @Test
    void anOrganisationThatStoppedRequestsIsAskedNothingNewWhileItsPeersAreAsked() throws Exception {
        RoundHub asUsual = bench.hub();
        RoundHub stopping = bench.hub();
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.ASKS_STOPPED_AT, OffsetDateTime.now(CLOCK))
                .where(EMPLOYER.ID.eq(stopping.talkEmployer()))
                .execute();
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.ASKS_PAUSED_UNTIL, RoundHub.TODAY.plusDays(1))
                .where(EMPLOYER.ID.eq(stopping.secondEmployer()))
                .execute();

        long usual = bench.solve(asUsual, Map.of()).roundId();
        long stopped = bench.solve(stopping, Map.of()).roundId();

        assertThat(employersAsked(usual)).isNotEmpty();
        assertThat(employersAsked(stopped)).isEmpty();
    }

    @Test
    void eachRequestSaysHowToStopSuchRequestsAndEveryDigestWhomToAnswer() throws Exception {
        RoundHub hub = bench.hub();
        db.dsl()
                .update(HUB)
                .set(HUB.REPLY_TO_EMAIL, "careers@hub.example")
                .where(HUB.ID.eq(hub.id()))
                .execute();
        long roundId = bench.solve(hub, Map.of()).roundId();

        new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);

        var digests = digests(roundId);
        assertThat(digests)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getReplyTo()).isEqualTo("careers@hub.example"));
        assertThat(digests)
                .filteredOn(d -> d.getKind().equals("round_digest_school"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getListUnsubscribe())
                        .as("a school's digest is not a request")
                        .isNull());
        var employerDigests = digests.stream()
                .filter(d -> d.getKind().equals("round_digest_employer"))
                .toList();
        assertThat(employerDigests).isNotEmpty().allSatisfy(d -> {
            assertThat(d.getListUnsubscribe()).matches("\\{link:\\d+}");
            assertThat(d.getBodyText()).contains("Pause or stop these requests: " + d.getListUnsubscribe());
            long link = Long.parseLong(d.getListUnsubscribe().replaceAll("\\D", ""));
            assertThat(List.of(d.getLinkTokenIds())).contains(link);
            var token = db.dsl()
                    .selectFrom(LOGIN_TOKEN)
                    .where(LOGIN_TOKEN.ID.eq(link))
                    .fetchSingle();
            assertThat(token.getPurpose()).isEqualTo("contact_preferences");
            assertThat(token.getUserId()).isNull();
            assertThat(token.getTokenHash())
                    .as("made only when the message is sent")
                    .isNull();
        });
        assertThat(employerDigests.stream()
                        .map(d -> db.dsl()
                                .fetchValue(
                                        LOGIN_TOKEN.SUBJECT_ID,
                                        LOGIN_TOKEN.ID.eq(Long.parseLong(
                                                d.getListUnsubscribe().replaceAll("\\D", "")))))
                        .toList())
                .as("each organisation's link is its own")
                .containsExactlyInAnyOrderElementsOf(employersAsked(roundId));
    }

    private static List<Long> employersAsked(long roundId) {
        return db.dsl()
                .selectDistinct(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .fetch(OFFER.EMPLOYER_ID);
    }

    @Test
    void publishingSendsOneDigestPerEmployerAndSchoolAndPublishingAgainDoesNothing() throws Exception {
        RoundHub hub = bench.hub();
        long roundId = bench.solve(hub, Map.of()).roundId();
        Publication publication = new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK);

        Publication.Published published = publication.publish(db.dsl(), hub.id(), roundId);

        assertThat(published.result()).isEqualTo(Publication.Result.PUBLISHED);
        assertThat(published.bookings()).isEqualTo(3);
        assertThat(db.dsl()
                        .fetchCount(
                                BOOKING, BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))))
                .isEqualTo(3);
        assertThat(statusOf(hub.northTalks())).isEqualTo(RequestStatus.MATCHED);
        assertThat(statusOf(hub.southTalk())).isEqualTo(RequestStatus.MATCHED);
        assertThat(statusOf(hub.southInterviews())).isEqualTo(RequestStatus.OPEN);

        var digests = digests(roundId);
        long employersAsked = db.dsl()
                .selectDistinct(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .fetch()
                .size();
        // each booking's reply link is a slot, filled with a fresh secret only when the digest is sent
        assertThat(digests)
                .filteredOn(d -> d.getKind().equals("round_digest_employer"))
                .hasSize((int) employersAsked)
                .allSatisfy(d -> {
                    assertThat(d.getBodyText())
                            .containsPattern("Confirm: \\{link:\\d+}\\?answer=confirm")
                            .contains("Decline: ")
                            .doesNotContain("https://encounters.example/bookings/");
                    assertThat(d.getLinkTokenIds()).isNotEmpty();
                });
        var replyLinks = db.dsl()
                .selectFrom(LOGIN_TOKEN)
                .where(LOGIN_TOKEN.PURPOSE.eq("booking_reply"))
                .and(LOGIN_TOKEN.SUBJECT_ID.in(
                        db.dsl().select(BOOKING.ID).from(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))))
                .fetch();
        assertThat(replyLinks).hasSize(3).allSatisfy(link -> {
            assertThat(link.getTokenHash()).as("no secret until sent").isNull();
            LocalDate lastDay = db.dsl().fetchValue(BOOKING.ENDS_ON, BOOKING.ID.eq(link.getSubjectId()));
            assertThat(link.getExpiresAt()
                            .atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
                            .toLocalDate())
                    .as("works until the booking's day has passed")
                    .isEqualTo(lastDay.plusDays(1));
        });
        // the second employer has no contact of its own: its volunteer gets the digest
        assertThat(digests).extracting(d -> d.getRecipient()).contains("talks-" + hub.id() + "@example.org");
        assertThat(digests)
                .filteredOn(d -> d.getKind().equals("round_digest_school"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.getRecipient()).isEqualTo("leader-" + hub.id() + "@example.org");
                    assertThat(d.getBodyText())
                            .as("greets the careers leader by name")
                            .startsWith("Hello Contact,\n");
                });
        var talksDigest = digests.stream()
                .filter(d -> d.getRecipient().startsWith("talks-"))
                .findFirst()
                .orElseThrow();
        assertThat(talksDigest.getBodyText()).startsWith("Hello Contact,\n");
        assertThat(digests)
                .filteredOn(d -> d.getKind().equals("round_digest_employer"))
                .filteredOn(d -> !d.getRecipient().startsWith("talks-"))
                .allSatisfy(d -> assertThat(d.getBodyText())
                        .as("the volunteer who gets it is greeted by their own name")
                        .startsWith("Hello Sam Volunteer,\n"));
        List<Attachment> ics = Outbox.attachments(talksDigest.getAttachments());
        int talksBookings = db.dsl()
                .fetchCount(
                        BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)),
                        BOOKING.ROUND_ID.eq(roundId).and(OFFER.EMPLOYER_ID.eq(hub.talkEmployer())));
        assertThat(ics).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("sessions.ics");
            assertThat(new String(a.content(), StandardCharsets.UTF_8).split("BEGIN:VEVENT", -1))
                    .hasSize(talksBookings + 1);
        });

        Publication.Published again = publication.publish(db.dsl(), hub.id(), roundId);
        assertThat(again.result()).isEqualTo(Publication.Result.ALREADY_PUBLISHED);
        assertThat(digests(roundId)).hasSameSizeAs(digests);
    }

    @Test
    void theCheckBeforePublishingNamesTheSchoolWithNobodyAndAdvisersGetTheDigestWhenTheSchoolAsks() throws Exception {
        RoundHub hub = bench.hub();
        long roundId = bench.solve(hub, Map.of()).roundId();
        long adviser = new AccountRepository(db.dsl())
                .create(
                        "adviser-" + hub.id() + "@example.org",
                        "Ada Adviser",
                        null,
                        Scope.enterpriseAdviser(hub.northSchool()));
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.DIGEST_TO_ADVISERS, true)
                .where(SCHOOL.ID.eq(hub.northSchool()))
                .execute();
        new AccountRepository(db.dsl())
                .create(
                        "quiet-" + hub.id() + "@example.org",
                        "Quiet Adviser",
                        null,
                        Scope.enterpriseAdviser(hub.southSchool()));

        // South School has bookings in the proposal but no careers leader; the employers all have someone
        PublishCheck.Recipients check = new PublishCheck(db.dsl()).of(roundId);
        assertThat(check.schools()).extracting(PublishCheck.Untold::name).containsExactly("South School");
        assertThat(check.employers()).isEmpty();
        assertThat(check.schoolDigests()).isEqualTo(1);
        assertThat(check.adviserCopies()).isEqualTo(1);

        Publication.Published published =
                new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);
        // the check said what publishing did
        assertThat(published.schoolDigests()).isEqualTo(check.schoolDigests());
        assertThat(published.employerDigests()).isEqualTo(check.employerDigests());
        assertThat(published.adviserCopies()).isEqualTo(check.adviserCopies());
        assertThat(published.schoolsUntold()).isEqualTo(check.schools());
        assertThat(published.bookings()).isEqualTo(check.bookings());

        var schoolDigests = digests(roundId).stream()
                .filter(d -> d.getKind().equals("round_digest_school"))
                .toList();
        assertThat(schoolDigests)
                .extracting(d -> d.getRecipient())
                .containsExactlyInAnyOrder(
                        "leader-" + hub.id() + "@example.org", "adviser-" + hub.id() + "@example.org");
        assertThat(schoolDigests)
                .filteredOn(d -> d.getRecipient().startsWith("adviser-"))
                .singleElement()
                .satisfies(d -> assertThat(d.getIdempotencyKey()).endsWith(":adviser:" + adviser));
        // an employer confirming is told the school knows only where the school's digest went
        assertThat(Publication.schoolEmailedAbout(db.dsl(), bookingAt(roundId, hub.northSchool())))
                .isTrue();
        assertThat(Publication.schoolEmailedAbout(db.dsl(), bookingAt(roundId, hub.southSchool())))
                .isFalse();
        // a round already published has nothing left to check
        assertThat(new PublishCheck(db.dsl()).of(roundId).anyUntold()).isFalse();
    }

    @Test
    void twoCoordinatorsPublishingAtOnceMakeOnePublication() throws Exception {
        RoundHub hub = bench.hub();
        long roundId = bench.solve(hub, Map.of()).roundId();
        Publication publication = new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK);
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
        RoundHub hub = bench.hub();
        long roundId = bench.solve(hub, Map.of()).roundId();
        new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);
        var southBooking = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.REQUEST_ID.eq(hub.southTalk()))
                .fetchSingle();
        long employer = db.dsl()
                .select(OFFER.EMPLOYER_ID)
                .from(OFFER)
                .where(OFFER.ID.eq(southBooking.getOfferId()))
                .fetchSingle()
                .value1();
        var others = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.ID.ne(southBooking.getId()))
                .fetch();

        assertThat(new EmployerBookingRepository(db.dsl())
                        .decline(employer, southBooking.getId(), "Away that week", TODAY))
                .isEqualTo(EmployerBookingRepository.Reply.DONE);
        assertThat(statusOf(hub.southTalk())).isEqualTo(RequestStatus.OPEN);

        RoundSolver.Start start = bench.solver()
                .start(hub.id(), null, new RoundSolver.Options(5, Map.of(), "rematch", Set.of(hub.southTalk())));
        RoundSolver.Outcome rematch = ((RoundSolver.Running) start).outcome().get(60, TimeUnit.SECONDS);

        assertThat(rematch.roundId()).isNotEqualTo(roundId);
        var proposed = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(rematch.roundId()))
                .fetch();
        assertThat(proposed)
                .singleElement()
                .satisfies(b -> assertThat(b.getRequestId()).isEqualTo(hub.southTalk()));
        // everything else stayed as published
        assertThat(db.dsl()
                        .selectFrom(BOOKING)
                        .where(BOOKING.ID.in(others.map(b -> b.getId())))
                        .fetch())
                .allSatisfy(b -> assertThat(b.getStatus()).isEqualTo(BookingStatus.PUBLISHED))
                .extracting(b -> b.getStartsOn())
                .containsExactlyInAnyOrderElementsOf(others.map(b -> b.getStartsOn()));
    }

    @Test
    void onlyOneSolvePerHubRunsAtATime() throws Exception {
        RoundHub hub = bench.hub();
        try (RoundLock held = RoundLock.tryAcquire(db.database(), hub.id()).orElseThrow()) {
            assertThat(RoundLock.isHeld(db.dsl(), hub.id())).isTrue();
            assertThat(RoundLock.tryAcquire(db.database(), hub.id())).isEmpty();
            assertThat(bench.solver().start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                    .isInstanceOf(RoundSolver.Busy.class);
        }
        assertThat(RoundLock.isHeld(db.dsl(), hub.id())).isFalse();
        assertThat(bench.solver().start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                .isInstanceOf(RoundSolver.Running.class);
    }

    @Test
    void anInstanceRunsNoMoreSolvesAtOnceThanItMay() throws Exception {
        RoundHub first = bench.hub();
        RoundHub second = bench.hub();
        try (RoundSolver oneAtATime = new RoundSolver(db.database(), CLOCK, RoundSolver.SolveListener.NONE, 1)) {
            RoundSolver.Running running =
                    (RoundSolver.Running) oneAtATime.start(first.id(), null, RoundSolver.Options.weekly(120, Map.of()));

            assertThat(oneAtATime.start(second.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                    .isEqualTo(new RoundSolver.Full(1));
            assertThat(new RoundRepository(db.dsl()).findOpen(second.id()))
                    .as("nothing started for it")
                    .isEmpty();
            assertThat(bench.solver().start(second.id(), null, RoundSolver.Options.weekly(1, Map.of())))
                    .as("another instance takes it")
                    .isInstanceOf(RoundSolver.Running.class);

            oneAtATime.stop(first.id(), running.roundId());
            running.outcome().get(30, TimeUnit.SECONDS);
            RoundSolver.Start next = oneAtATime.start(first.id(), null, RoundSolver.Options.weekly(1, Map.of()));
            assertThat(next).isInstanceOf(RoundSolver.Running.class);
            ((RoundSolver.Running) next).outcome().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void stoppingEarlyKeepsTheBestPlanSoFar() throws Exception {
        RoundHub hub = bench.hub();
        RoundSolver.Running running =
                (RoundSolver.Running) bench.solver().start(hub.id(), null, RoundSolver.Options.weekly(120, Map.of()));
        Thread.sleep(1500);
        assertThat(bench.solver().stop(hub.id(), running.roundId())).isTrue();
        RoundSolver.Outcome outcome = running.outcome().get(30, TimeUnit.SECONDS);
        assertThat(outcome.stoppedEarly()).isTrue();
        assertThat(outcome.matched()).isEqualTo(3);
        assertThat(new RoundRepository(db.dsl())
                        .find(hub.id(), running.roundId())
                        .orElseThrow()
                        .status())
                .isEqualTo(RoundStatus.PROPOSED);
    }

    @Test
    void publishingCommitsEachPaidSessionToTheFunderWithMostLeft() throws Exception {
        RoundHub hub = bench.hub();
        chargeForEverySession(hub, 1_500);
        long council = budget(hub.northSchool(), "Council", 10_000);
        long trust = budget(hub.northSchool(), "Trust", 3_000);
        long southCouncil = budget(hub.southSchool(), "Council", 10_000);
        long roundId = bench.solve(hub, Map.of()).roundId();

        Publication.Published published =
                new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), roundId);

        assertThat(published.result()).isEqualTo(Publication.Result.PUBLISHED);
        assertThat(published.bookings()).isPositive();
        assertThat(committed(council)).isEqualTo(1_500L * bookingsFor(roundId, hub.northSchool()));
        assertThat(committed(trust)).isZero();
        assertThat(committed(southCouncil)).isEqualTo(1_500L * bookingsFor(roundId, hub.southSchool()));
        assertThat(committed(council) + committed(southCouncil)).isEqualTo(1_500L * published.bookings());
    }

    @Test
    void publishingIsRefusedWhenABudgetNoLongerCoversAPaidSession() throws Exception {
        RoundHub hub = bench.hub();
        chargeForEverySession(hub, 1_500);
        long north = budget(hub.northSchool(), "Council", 10_000);
        long south = budget(hub.southSchool(), "Council", 10_000);
        long roundId = bench.solve(hub, Map.of()).roundId();
        // spent elsewhere after the round was solved
        db.dsl()
                .update(SCHOOL_BUDGET)
                .set(SCHOOL_BUDGET.SPENT_PENCE, 9_000L)
                .where(SCHOOL_BUDGET.ID.in(north, south))
                .execute();

        assertThatThrownBy(() -> new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK)
                        .publish(db.dsl(), hub.id(), roundId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("budget no longer covers");

        assertThat(new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status())
                .isEqualTo(RoundStatus.PROPOSED);
        assertThat(committed(north) + committed(south)).isZero();
        assertThat(digests(roundId)).isEmpty();
    }

    private static void chargeForEverySession(RoundHub hub, int pence) {
        db.dsl()
                .update(OFFER)
                .set(OFFER.COST_PER_SESSION_PENCE, pence)
                .where(OFFER.EMPLOYER_ID.in(hub.talkEmployer(), hub.secondEmployer()))
                .execute();
    }

    private static long budget(long schoolId, String funder, long pence) {
        return db.dsl()
                .insertInto(
                        SCHOOL_BUDGET,
                        SCHOOL_BUDGET.SCHOOL_ID,
                        SCHOOL_BUDGET.ACADEMIC_YEAR,
                        SCHOOL_BUDGET.FUNDER,
                        SCHOOL_BUDGET.AMOUNT_PENCE)
                .values(schoolId, (short) 2026, funder, pence)
                .returning(SCHOOL_BUDGET.ID)
                .fetchSingle()
                .getId();
    }

    private static long committed(long budgetLine) {
        return db.dsl().fetchValue(SCHOOL_BUDGET.COMMITTED_PENCE, SCHOOL_BUDGET.ID.eq(budgetLine));
    }

    private static int bookingsFor(long roundId, long schoolId) {
        return db.dsl()
                .fetchCount(
                        BOOKING.join(REQUEST).on(REQUEST.ID.eq(BOOKING.REQUEST_ID)),
                        BOOKING.ROUND_ID.eq(roundId).and(REQUEST.SCHOOL_ID.eq(schoolId)));
    }

    private static List<uk.encounters.marketplace.jooq.tables.records.OutboxRecord> digests(long roundId) {
        return db.dsl()
                .selectFrom(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":"))
                .fetch();
    }

    private static RequestStatus statusOf(long requestId) {
        return db.dsl()
                .select(REQUEST.STATUS)
                .from(REQUEST)
                .where(REQUEST.ID.eq(requestId))
                .fetchSingle()
                .value1();
    }

    /** One of the round's bookings for a school. */
    private static long bookingAt(long roundId, long schoolId) {
        return db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(REQUEST.SCHOOL_ID.eq(schoolId))
                .limit(1)
                .fetchSingle(BOOKING.ID);
    }
}

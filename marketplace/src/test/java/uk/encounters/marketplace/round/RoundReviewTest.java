package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Period;

/**
 * What the coordinator sees of a round and does by hand: demand against supply before it runs,
 * the review of its proposal (load, fairness, unmatched), and placing a session from the
 * matcher's ranked suggestions.
 */
class RoundReviewTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final RoundBench bench = new RoundBench(db);

    static final LocalDate TODAY = RoundHub.TODAY;
    static final Clock CLOCK = RoundHub.CLOCK;

    static Round solve(RoundHub hub) throws Exception {
        long roundId = bench.solve(hub, Map.of()).roundId();
        return new RoundRepository(db.dsl()).find(hub.id(), roundId).orElseThrow();
    }

    @Test
    void demandAgainstSupplyShowsTheMockInterviewsNobodyOffers() {
        RoundHub hub = bench.hub();
        Horizon horizon = RoundSolver.nextHorizon(SchoolCalendar.ENGLAND, TODAY);

        RoundMarket.Overview market = RoundMarket.of(db.dsl(), hub.id(), horizon, TODAY);

        assertThat(market.requests()).isEqualTo(3);
        assertThat(market.sessionsWanted()).isEqualTo(4);
        assertThat(market.offers()).isEqualTo(2);
        assertThat(market.sessionsOffered()).isEqualTo(12);
        assertThat(market.byType())
                .extracting(
                        RoundMarket.Line::label,
                        RoundMarket.Line::sessionsWanted,
                        RoundMarket.Line::sessionsOffered,
                        RoundMarket.Line::undersupplied)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Careers talk", 3, 12, false),
                        org.assertj.core.groups.Tuple.tuple("Mock interviews", 1, 0, true));
        assertThat(market.byYearGroup())
                .hasSize(7)
                .filteredOn(l -> l.label().equals("Year 9"))
                .singleElement()
                .satisfies(l -> assertThat(l.requests()).isEqualTo(3));
        assertThat(market.byYearGroup())
                .filteredOn(l -> l.label().equals("Year 12"))
                .singleElement()
                .satisfies(l -> assertThat(l.offers()).isZero()); // the talks take Years 7 to 11
        // no request names a sector, so every offer counts for "any sector"
        assertThat(market.bySector())
                .filteredOn(l -> l.label().equals(RoundMarket.ANY_SECTOR))
                .singleElement()
                .satisfies(l -> assertThat(l.offers()).isEqualTo(2));
        assertThat(market.byArea())
                .extracting(RoundMarket.Line::label)
                .containsExactlyInAnyOrder(RoundMarket.NO_POSTCODE, "DE1");
    }

    @Test
    void theReviewShowsEachRequestsSendAdjustmentsAndNotesBesideIt() throws Exception {
        RoundHub hub = bench.hub();
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.NOTES, "Our first request this year")
                .where(REQUEST.ID.in(hub.southTalk(), hub.southInterviews()))
                .execute();
        // the mock interviews nobody offers; on the talk, SEND would rule out the offers that cannot adapt
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "A hearing loop in the hall")
                .where(REQUEST.ID.eq(hub.southInterviews()))
                .execute();
        Round round = solve(hub);
        RoundReview review = new RoundReview(db.dsl());

        assertThat(review.bookings(round.id(), TODAY))
                .filteredOn(b -> b.requestId() == hub.southTalk())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.notes().forCoordinator()).isEqualTo("Our first request this year");
                    assertThat(b.notes().sendAdjustments()).isEmpty();
                    assertThat(b.notes().any()).isTrue();
                });
        assertThat(review.bookings(round.id(), TODAY))
                .filteredOn(b -> b.requestId() == hub.northTalks())
                .allSatisfy(b -> assertThat(b.notes().any()).isFalse());
        assertThat(review.unmatched(round.id()))
                .singleElement()
                .satisfies(u -> assertThat(u.notes().sendAdjustments()).isEqualTo("A hearing loop in the hall"));
        assertThat(review.request(hub.id(), hub.southInterviews())
                        .orElseThrow()
                        .notes()
                        .forCoordinator())
                .isEqualTo("Our first request this year");
    }

    @Test
    void theReviewListsBookingsWithReasonsTheUnmatchedSessionEmployerLoadAndWhomItReaches() throws Exception {
        RoundHub hub = bench.hub();
        Round round = solve(hub);
        RoundReview review = new RoundReview(db.dsl());

        // ten of North's sixty Year 9s are disadvantaged: the suggestion offers them first
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.in(db.dsl()
                        .select(PUPIL.ID)
                        .from(PUPIL)
                        .where(PUPIL.SCHOOL_ID.eq(hub.northSchool()))
                        .orderBy(PUPIL.ID)
                        .limit(10)))
                .execute();
        List<RoundReview.Booking> bookings = review.bookings(round.id(), TODAY);
        assertThat(bookings).hasSize(3).allSatisfy(b -> {
            assertThat(b.proposed()).isTrue();
            assertThat(b.reasons()).isNotEmpty();
            assertThat(b.withoutOne())
                    .as("nobody has had one this year, and each booking takes other pupils")
                    .isEqualTo(30);
        });
        assertThat(bookings)
                .filteredOn(b -> b.schoolId() == hub.northSchool())
                .extracting(RoundReview.Booking::disadvantaged)
                .containsExactly(10, 0);
        assertThat(bookings)
                .filteredOn(b -> b.schoolId() == hub.southSchool())
                .singleElement()
                .satisfies(b -> assertThat(b.disadvantaged()).isZero());
        assertThat(review.unmatched(round.id())).singleElement().satisfies(u -> {
            assertThat(u.requestId()).isEqualTo(hub.southInterviews());
            assertThat(u.type()).isEqualTo("Mock interviews");
            assertThat(u.sessions()).isEqualTo(1);
        });
        List<RoundReview.EmployerAsk> load = review.employerLoad(round, TODAY);
        assertThat(load).extracting(RoundReview.EmployerAsk::sessions).containsExactly(2, 1);
        assertThat(load).allSatisfy(ask -> {
            assertThat(ask.overCap()).isFalse();
            assertThat(ask.asksBefore()).isZero();
        });
        assertThat(load)
                .filteredOn(a -> a.employerId() == hub.talkEmployer())
                .singleElement()
                .satisfies(a -> assertThat(a.cap()).isEqualTo(2)); // a small firm: two sessions a round
        RoundReview.Fairness fairness = review.fairness(hub.id(), round.id(), TODAY);
        assertThat(fairness.pupilPlaces()).isEqualTo(90);
        assertThat(fairness.coldSpotPlaces()).isEqualTo(30);
        assertThat(fairness.pupilsOnRoll()).isEqualTo(120);
        assertThat(fairness.coldSpotRollPercent()).isEqualTo(50);
        assertThat(fairness.schools().getFirst().school()).isEqualTo("South School"); // cold spots first
    }

    @Test
    void aRemovedSessionIsPlacedByHandFromTheRankedSuggestionsAndStaysPinned() throws Exception {
        RoundHub hub = bench.hub();
        Round round = solve(hub);
        var removed = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(round.id()))
                .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                .orderBy(BOOKING.ID)
                .limit(1)
                .fetchSingle();
        assertThat(new RoundEdits(db.dsl()).remove(hub.id(), round.id(), removed.getId()))
                .isEqualTo(RoundEdits.Edit.DONE);
        assertThat(new RoundReview(db.dsl()).unmatched(round.id())).anySatisfy(u -> {
            assertThat(u.requestId()).isEqualTo(hub.northTalks());
            assertThat(u.reasons()).containsExactly(RoundEdits.REMOVED);
        });

        HandAssignment hand = new HandAssignment(db.dsl());
        List<HandAssignment.Suggestion> suggestions =
                hand.suggestions(round, hub.northTalks(), TODAY).orElseThrow();
        assertThat(suggestions)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(HandAssignment.SUGGESTIONS)
                .allSatisfy(s -> {
                    assertThat(s.offerId()).isNotEqualTo(removed.getOfferId()); // removing ruled that offer out
                    assertThat(s.reasons()).isNotEmpty();
                });
        assertThat(suggestions)
                .extracting(HandAssignment.Suggestion::gain)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));

        HandAssignment.Suggestion best = suggestions.getFirst();
        assertThat(hand.assign(
                        hub.id(),
                        round.id(),
                        hub.northTalks(),
                        best.offerId(),
                        best.startsOn().plusDays(1),
                        Period.fromCode(best.period()),
                        TODAY))
                .isEqualTo(RoundEdits.Edit.NOT_AVAILABLE);
        assertThat(hand.assign(
                        hub.id(),
                        round.id(),
                        hub.northTalks(),
                        best.offerId(),
                        best.startsOn(),
                        Period.fromCode(best.period()),
                        TODAY))
                .isEqualTo(RoundEdits.Edit.DONE);

        var placed = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(round.id()))
                .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                .and(BOOKING.OFFER_ID.eq(best.offerId()))
                .and(BOOKING.STARTS_ON.eq(best.startsOn()))
                .fetchSingle();
        assertThat(placed.getPinned()).isTrue();
        assertThat(placed.getStatus()).isEqualTo(BookingStatus.PROPOSED);
        assertThat(placed.getExplanation()).isNotBlank();
        assertThat(db.dsl()
                        .fetchExists(
                                ROUND_UNMATCHED,
                                ROUND_UNMATCHED
                                        .ROUND_ID
                                        .eq(round.id())
                                        .and(ROUND_UNMATCHED.REQUEST_ID.eq(hub.northTalks()))))
                .isFalse();
        // both of the request's sessions are matched again: nothing more to place
        assertThat(hand.suggestions(round, hub.northTalks(), TODAY)).isEmpty();
        assertThat(hand.assign(
                        hub.id(),
                        round.id(),
                        hub.northTalks(),
                        best.offerId(),
                        best.startsOn(),
                        Period.fromCode(best.period()),
                        TODAY))
                .isEqualTo(RoundEdits.Edit.NOT_FOUND);

        // re-solving keeps the hand-placed booking
        Round again = solve(hub);
        assertThat(again.id()).isEqualTo(round.id());
        assertThat(db.dsl().fetchExists(BOOKING, BOOKING.ID.eq(placed.getId()))).isTrue();
    }

    @Test
    void whenEveryEmployerIsAtItsCapASuggestionTakesTheSlotOfAnotherProposedSession() throws Exception {
        RoundHub hub = bench.hub();
        // micro firms: one session a round each, so two of the three talks can be matched
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.EMPLOYER)
                .set(uk.encounters.marketplace.jooq.Tables.EMPLOYER.SIZE_BAND, "micro")
                .where(uk.encounters.marketplace.employer.EmployerRepository.presentIn(hub.id()))
                .execute();
        Round round = solve(hub);
        assertThat(round.sessionsMatched()).isEqualTo(2);
        long waiting = new RoundReview(db.dsl())
                .unmatched(round.id()).stream()
                        .filter(u -> u.requestId() != hub.southInterviews())
                        .findFirst()
                        .orElseThrow()
                        .requestId();

        HandAssignment hand = new HandAssignment(db.dsl());
        List<HandAssignment.Suggestion> suggestions =
                hand.suggestions(round, waiting, TODAY).orElseThrow();
        assertThat(suggestions)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.displaces()).hasSize(1));

        HandAssignment.Suggestion chosen = suggestions.getFirst();
        assertThat(hand.assign(
                        hub.id(),
                        round.id(),
                        waiting,
                        chosen.offerId(),
                        chosen.startsOn(),
                        Period.fromCode(chosen.period()),
                        TODAY))
                .isEqualTo(RoundEdits.Edit.DONE);

        var bookings = db.dsl()
                .selectFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(round.id()))
                .fetch();
        assertThat(bookings).hasSize(2).anySatisfy(b -> {
            assertThat(b.getRequestId()).isEqualTo(waiting);
            assertThat(b.getPinned()).isTrue();
        });
        // the session it displaced is unmatched instead (from another request, with why; or the same one's other)
        var unmatchedTalks = new RoundReview(db.dsl())
                .unmatched(round.id()).stream()
                        .filter(u -> u.requestId() != hub.southInterviews())
                        .toList();
        assertThat(unmatchedTalks.stream()
                        .mapToInt(RoundReview.Unmatched::sessions)
                        .sum())
                .isEqualTo(1);
        assertThat(unmatchedTalks).allSatisfy(u -> {
            if (u.requestId() != waiting) {
                assertThat(u.reasons()).containsExactly(HandAssignment.DISPLACED);
            }
        });
        assertThat(uk.encounters.matcher.solver.ScoreKeeper.score(new RoundProblem(db.dsl())
                                .load(
                                        new RoundProblem.Scope(
                                                hub.id(),
                                                round.id(),
                                                Horizon.between(
                                                        SchoolCalendar.ENGLAND,
                                                        round.horizonStart(),
                                                        round.horizonEnd()),
                                                TODAY,
                                                null),
                                        uk.encounters.matcher.solver.MatchingWeights.defaultWeights()))
                        .hardScore())
                .as("what is proposed still breaks no rule")
                .isZero();
    }

    @Test
    void sessionsPublishedLastRoundDoNotCountAgainstAnEmployersCapThisRound() throws Exception {
        RoundHub hub = bench.hub();
        Round first = solve(hub);
        new Publication(ExampleLinks.APP, "Employer Encounters", CLOCK).publish(db.dsl(), hub.id(), first.id());
        // asked once this month, as much as each now allows: this round may ask them for nothing more
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE)
                .set(uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH, (short) 1)
                .where(uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hub.id()))
                .execute();

        var problem = new RoundProblem(db.dsl())
                .load(
                        new RoundProblem.Scope(
                                hub.id(),
                                null,
                                Horizon.between(SchoolCalendar.ENGLAND, first.horizonStart(), first.horizonEnd()),
                                TODAY,
                                null),
                        uk.encounters.matcher.solver.MatchingWeights.defaultWeights());

        assertThat(problem.sessions()).filteredOn(s -> s.pinned()).hasSize(3);
        assertThat(uk.encounters.matcher.solver.ScoreKeeper.score(problem).hardScore())
                .isZero();
        assertThat(problem.employers())
                .allSatisfy(e -> assertThat(e.sessionCap())
                        .isEqualTo(problem.sessions().stream()
                                .filter(s -> s.pinned() && s.employer().equals(e))
                                .map(s -> s.slot())
                                .distinct()
                                .count()));
    }

    @Test
    void nobodyOffersMockInterviewsSoThereIsNothingToSuggest() throws Exception {
        RoundHub hub = bench.hub();
        Round round = solve(hub);

        assertThat(new HandAssignment(db.dsl()).suggestions(round, hub.southInterviews(), TODAY))
                .hasValueSatisfying(s -> assertThat(s).isEmpty());
    }
}

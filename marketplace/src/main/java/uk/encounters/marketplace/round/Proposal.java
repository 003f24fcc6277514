package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.explain.BookingExplanation;
import uk.encounters.matcher.explain.Explanations;
import uk.encounters.matcher.explain.UnmatchedExplanation;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * A solved plan saved as the round's proposal: its movable sessions become proposed bookings
 * (a work-experience request's places on one placement week make one booking for that many
 * pupils), each with its explanation, and its unmatched sessions are recorded per request with
 * their reasons. Bookings that were fixed (published, confirmed, pinned) are left as they are.
 */
final class Proposal {

    static final int MAX_TEXT = 2000;

    private Proposal() {}

    /** Replaces the round's unpinned proposal with the plan's; call inside a transaction. */
    static void save(DSLContext tx, long roundId, MatchingProblem plan) {
        dropBrokenSessions(plan);
        Explanations explanations = Explanations.of(plan);
        tx.deleteFrom(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                .and(BOOKING.PINNED.isFalse())
                .execute();
        tx.deleteFrom(ROUND_UNMATCHED)
                .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                .execute();

        // one booking per session; a request's places on one placement week share one booking
        Map<String, List<BookingExplanation>> bookings = new LinkedHashMap<>();
        for (BookingExplanation booking : explanations.bookings()) {
            Session session = booking.session();
            if (!session.pinned()) {
                String key = session.offer().placements()
                        ? session.request().id() + "@" + session.slot().id()
                        : session.id();
                bookings.computeIfAbsent(key, k -> new ArrayList<>()).add(booking);
            }
        }
        bookings.forEach((key, sessions) -> insert(tx, roundId, sessions, false));

        Map<Long, List<UnmatchedExplanation>> unmatched = new LinkedHashMap<>();
        explanations
                .unmatched()
                .forEach(u -> unmatched
                        .computeIfAbsent(u.session().request().id(), id -> new ArrayList<>())
                        .add(u));
        unmatched.forEach((requestId, sessions) -> {
            Set<String> reasons = new LinkedHashSet<>();
            sessions.forEach(s -> reasons.addAll(s.reasons()));
            Long eventId = RoundEvents.eventIdOf(requestId);
            tx.insertInto(
                            ROUND_UNMATCHED,
                            ROUND_UNMATCHED.ROUND_ID,
                            ROUND_UNMATCHED.REQUEST_ID,
                            ROUND_UNMATCHED.EVENT_ID,
                            ROUND_UNMATCHED.SESSIONS,
                            ROUND_UNMATCHED.REASONS)
                    .values(
                            roundId,
                            eventId == null ? requestId : null,
                            eventId,
                            sessions.size(),
                            truncate(String.join("\n", reasons), 4000))
                    .execute();
        });
    }

    /** One proposed booking for sessions on one slot; a pinned one stays through re-solving. */
    static void insert(DSLContext tx, long roundId, List<BookingExplanation> sessions, boolean pinned) {
        Session first = sessions.getFirst().session();
        OfferSlot slot = first.slot();
        int pupils = sessions.stream().mapToInt(b -> b.session().pupils()).sum();
        Long eventId = RoundEvents.eventIdOf(first.request().id());
        tx.insertInto(BOOKING)
                .set(BOOKING.ROUND_ID, roundId)
                .set(BOOKING.REQUEST_ID, eventId == null ? first.request().id() : null)
                .set(BOOKING.EVENT_ID, eventId)
                .set(BOOKING.OFFER_ID, slot.offer().id())
                // the offer's type, as the database holds a booking to (a talk taking a fair's stall stays a talk)
                .set(BOOKING.ENCOUNTER_TYPE, slot.offer().type().code())
                .set(
                        BOOKING.VOLUNTEER_ID,
                        slot.offer().volunteer() == null
                                ? null
                                : slot.offer().volunteer().id())
                .set(BOOKING.STARTS_ON, slot.startsOn())
                .set(BOOKING.ENDS_ON, slot.endsOn())
                .set(BOOKING.PERIOD, slot.period().code())
                .set(BOOKING.SHARED_ONLINE, first.sharesOnline())
                .set(BOOKING.PUPILS, pupils)
                .set(BOOKING.STATUS, BookingStatus.PROPOSED)
                .set(BOOKING.PINNED, pinned)
                .set(
                        BOOKING.EXPLANATION,
                        truncate(String.join("\n", sessions.getFirst().reasons()), MAX_TEXT))
                .execute();
    }

    /**
     * A plan that still breaks a hard rule (a solve stopped before it could repair one, or fixed
     * bookings that already clash) loses the movable sessions that break it, so what is proposed
     * can always be published.
     */
    static void dropBrokenSessions(MatchingProblem plan) {
        try (ScoreKeeper keeper = new ScoreKeeper(plan)) {
            long hard = keeper.score().hardScore();
            for (Session session : plan.sessions()) {
                if (hard >= 0) {
                    return;
                }
                if (session.pinned() || !session.matched()) {
                    continue;
                }
                OfferSlot slot = session.slot();
                long without = keeper.assign(session, null).hardScore();
                if (without > hard) {
                    hard = without;
                } else {
                    keeper.assign(session, slot);
                }
            }
            plan.setScore(keeper.score());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

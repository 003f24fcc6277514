package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.ROUND_EXCLUSION;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;

/**
 * The coordinator's hand on a proposal before it is published: pin a booking (a session or an
 * event's stall) so re-solving keeps it, or remove one, which also rules that offer out for that
 * request or event in this round.
 * Only a proposed round of the coordinator's own hub can be changed, and not while it solves.
 */
public final class RoundEdits {

    /** {@code NOT_AVAILABLE}: a hand assignment the plan can no longer take (it breaks a rule now). */
    public enum Edit {
        DONE,
        NOT_FOUND,
        NOT_EDITABLE,
        NOT_AVAILABLE
    }

    static final String REMOVED = "Removed from the proposal by the coordinator";

    private final DSLContext dsl;

    public RoundEdits(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Edit pin(long hubId, long roundId, long bookingId, boolean pinned) {
        return dsl.transactionResult(c -> {
            Edit editable = editable(c.dsl(), hubId, roundId, bookingId);
            if (editable == Edit.DONE) {
                c.dsl()
                        .update(BOOKING)
                        .set(BOOKING.PINNED, pinned)
                        .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(BOOKING.ID.eq(bookingId))
                        .execute();
            }
            return editable;
        });
    }

    public Edit remove(long hubId, long roundId, long bookingId) {
        return dsl.transactionResult(c -> {
            Edit editable = editable(c.dsl(), hubId, roundId, bookingId);
            if (editable == Edit.DONE) {
                var booking = c.dsl()
                        .select(BOOKING.REQUEST_ID, BOOKING.EVENT_ID, BOOKING.OFFER_ID, RoundProblem.BOOKING_UNITS)
                        .from(BOOKING)
                        .where(BOOKING.ID.eq(bookingId))
                        .fetchOne();
                Long requestId = booking.get(BOOKING.REQUEST_ID);
                Long eventId = booking.get(BOOKING.EVENT_ID);
                c.dsl()
                        .insertInto(
                                ROUND_EXCLUSION,
                                ROUND_EXCLUSION.ROUND_ID,
                                ROUND_EXCLUSION.REQUEST_ID,
                                ROUND_EXCLUSION.EVENT_ID,
                                ROUND_EXCLUSION.OFFER_ID)
                        .values(roundId, requestId, eventId, booking.get(BOOKING.OFFER_ID))
                        .onConflictDoNothing()
                        .execute();
                c.dsl().deleteFrom(BOOKING).where(BOOKING.ID.eq(bookingId)).execute();
                // its session or stall is unmatched now: the review lists it, to re-solve or (a session) place by hand
                Condition what = requestId != null
                        ? ROUND_UNMATCHED.REQUEST_ID.eq(requestId)
                        : ROUND_UNMATCHED.EVENT_ID.eq(eventId);
                unmatchedAgain(
                        c.dsl(), roundId, what, requestId, eventId, booking.get(RoundProblem.BOOKING_UNITS), REMOVED);
            }
            return editable;
        });
    }

    /** Counts a request's sessions the coordinator's edit left unmatched, with why, for the review. */
    static void unmatchedAgain(DSLContext tx, long roundId, long requestId, int sessions, String reason) {
        unmatchedAgain(tx, roundId, ROUND_UNMATCHED.REQUEST_ID.eq(requestId), requestId, null, sessions, reason);
    }

    private static void unmatchedAgain(
            DSLContext tx, long roundId, Condition what, Long requestId, Long eventId, int sessions, String reason) {
        int counted = tx.update(ROUND_UNMATCHED)
                .set(ROUND_UNMATCHED.SESSIONS, ROUND_UNMATCHED.SESSIONS.plus(sessions))
                .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                .and(what)
                .execute();
        if (counted == 0) {
            tx.insertInto(
                            ROUND_UNMATCHED,
                            ROUND_UNMATCHED.ROUND_ID,
                            ROUND_UNMATCHED.REQUEST_ID,
                            ROUND_UNMATCHED.EVENT_ID,
                            ROUND_UNMATCHED.SESSIONS,
                            ROUND_UNMATCHED.REASONS)
                    .values(roundId, requestId, eventId, sessions, reason)
                    .execute();
        }
    }

    /** The round row is locked first, so an edit and a publish or a solve's save never interleave. */
    private static Edit editable(DSLContext tx, long hubId, long roundId, long bookingId) {
        Edit round = lockProposed(tx, hubId, roundId);
        if (round == Edit.NOT_FOUND) {
            return round;
        }
        boolean proposedHere = tx.fetchExists(
                BOOKING,
                BOOKING.ID
                        .eq(bookingId)
                        .and(BOOKING.ROUND_ID.eq(roundId))
                        .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED)));
        if (!proposedHere) {
            return Edit.NOT_FOUND;
        }
        return round;
    }

    /** Locks the hub's round for an edit: DONE when it is a proposal that may be changed. */
    static Edit lockProposed(DSLContext tx, long hubId, long roundId) {
        Optional<RoundStatus> status = tx.select(MATCHING_ROUND.STATUS)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.ID.eq(roundId))
                .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                .forUpdate()
                .fetchOptional(MATCHING_ROUND.STATUS);
        if (status.isEmpty()) {
            return Edit.NOT_FOUND;
        }
        return status.get() == RoundStatus.PROPOSED ? Edit.DONE : Edit.NOT_EDITABLE;
    }
}

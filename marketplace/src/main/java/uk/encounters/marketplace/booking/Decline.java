package uk.encounters.marketplace.booking;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.request.RequestStatus;

/**
 * A booking declined by either side: it stops, its chosen pupils are released, and its request
 * opens again, so the pupils go back into the next matching round or a quick re-match.
 */
final class Decline {

    private Decline() {}

    static void apply(DSLContext dsl, long bookingId, String reason, String side) {
        dsl.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.DECLINED)
                .set(BOOKING.DECLINE_REASON, reason)
                .set(BOOKING.DECLINED_BY, side)
                .set(BOOKING.PINNED, false)
                // the calendar's copy is out of date: its cancellation is a new revision
                .set(BOOKING.CALENDAR_SEQUENCE, BOOKING.CALENDAR_SEQUENCE.plus(1))
                .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BOOKING.ID.eq(bookingId))
                .execute();
        reopen(dsl, bookingId);
    }

    /** Releases the booking's chosen pupils and opens its request again: its session is owed still. */
    static void reopen(DSLContext dsl, long bookingId) {
        dsl.deleteFrom(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.BOOKING_ID.eq(bookingId))
                .execute();
        dsl.update(REQUEST)
                .set(REQUEST.STATUS, RequestStatus.OPEN)
                .where(REQUEST.ID.eq(
                        DSL.select(BOOKING.REQUEST_ID).from(BOOKING).where(BOOKING.ID.eq(bookingId))))
                .and(REQUEST.STATUS.eq(RequestStatus.MATCHED))
                .execute();
    }
}

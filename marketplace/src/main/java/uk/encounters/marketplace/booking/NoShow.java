package uk.encounters.marketplace.booking;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The employer did not come: the booking is recorded as a no-show (it counts against the
 * employer's reliability, see {@code EmployerLoad}), no pupil had an encounter, its chosen pupils
 * are released and its request opens again, so a window that has not closed can still be met.
 */
public final class NoShow {

    private NoShow() {}

    /** True when the booking was live and its day has come; a later call changes nothing. */
    public static boolean record(DSLContext dsl, long bookingId, LocalDate today) {
        int changed = dsl.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.NO_SHOW)
                .set(BOOKING.PINNED, false)
                .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BOOKING.ID.eq(bookingId))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .and(BOOKING.STARTS_ON.le(today))
                .execute();
        if (changed == 0) {
            return false;
        }
        Decline.reopen(dsl, bookingId);
        return true;
    }
}

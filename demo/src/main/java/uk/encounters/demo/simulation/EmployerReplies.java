package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBookingRepository;

/**
 * Employers answering a round's digest, through the same calls the digest's reply links make:
 * most confirm at once; some decline a day or three later; some confirm and then cancel within
 * the week before the day (the app records that as a late cancellation). A decline reopens its
 * request, so it is waited for until the day it happens and applied before that week's round.
 */
final class EmployerReplies {

    static final String REASON = "Our volunteer can no longer make this date";

    private record Decline(long employerId, LocalDate on) {}

    private final Draws draws;
    private final Behaviour behaviour;
    /** Declines still to come, by booking id (in id order, so both databases apply theirs alike). */
    private final Map<Long, Decline> due = new TreeMap<>();

    EmployerReplies(Draws draws, Behaviour behaviour) {
        this.draws = draws;
        this.behaviour = behaviour;
    }

    /** Every employer of the round answers its bookings now, or fixes the day it will decline. */
    void answer(DSLContext dsl, long roundId, LocalDate today) {
        var bookings = dsl.select(
                        BOOKING.ID,
                        OFFER.EMPLOYER_ID,
                        BOOKING.REQUEST_ID,
                        BOOKING.EVENT_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.PERIOD)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))
                .orderBy(BOOKING.ID)
                .fetch();
        for (var b : bookings) {
            long bookingId = b.get(BOOKING.ID);
            long employerId = b.get(OFFER.EMPLOYER_ID);
            SessionKey session = SessionKey.of(b);
            RandomGenerator reply = draws.of("reply/" + session.name());
            boolean declines = reply.nextDouble() < behaviour.declineShare();
            boolean late = reply.nextDouble() < behaviour.lateShare();
            LocalDate dayBefore = session.startsOn().minusDays(1);
            if (declines && !late) {
                due.put(bookingId, new Decline(employerId, earlier(today.plusDays(1 + reply.nextInt(3)), dayBefore)));
                continue;
            }
            new EmployerBookingRepository(dsl).confirm(employerId, bookingId, today);
            if (declines) {
                LocalDate on = session.startsOn().minusDays(1 + reply.nextInt(6));
                due.put(
                        bookingId,
                        new Decline(employerId, on.isAfter(today) ? on : earlier(today.plusDays(1), dayBefore)));
            }
        }
    }

    /** Applies the declines whose day has come, each on its own day. */
    void applyDue(DSLContext dsl, LocalDate today) {
        var iterator = due.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            Decline decline = entry.getValue();
            if (decline.on().isAfter(today)) {
                continue;
            }
            iterator.remove();
            dsl.transaction(c -> new EmployerBookingRepository(c.dsl())
                    .decline(decline.employerId(), entry.getKey(), REASON, decline.on()));
        }
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

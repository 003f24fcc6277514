package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.booking.BookingStatus;

/**
 * How much the hub has asked of its employers lately, and how they answered: what the contact
 * cap, employer fatigue and reliability are counted from.
 */
public final class EmployerLoad {

    /** Employer fatigue, and the contact preference, count the asks of the last four weeks. */
    public static final int FATIGUE_DAYS = 28;
    /** Reliability counts the let-downs of the last twelve weeks. */
    public static final int RELIABILITY_DAYS = 84;

    private EmployerLoad() {}

    /** The hub's employers as a round run on one day sees them: asks in the four weeks before, let-downs in the twelve. */
    public record Recent(Map<Long, Integer> asks, Map<Long, Integer> letDowns) {

        public int asksOf(long employerId) {
            return asks.getOrDefault(employerId, 0);
        }

        public int letDownsOf(long employerId) {
            return letDowns.getOrDefault(employerId, 0);
        }

        /** What a round may ask of the employer ({@link ContactCap}), after {@code asked} rounds this month. */
        public int capOf(long employerId, String sizeBand, boolean cornerstone, int maxAsksPerMonth, int asked) {
            return ContactCap.forRound(sizeBand, cornerstone, maxAsksPerMonth, asked, letDownsOf(employerId));
        }
    }

    public static Recent asOf(DSLContext dsl, long hubId, LocalDate day) {
        return new Recent(
                asksSince(dsl, hubId, day.minusDays(FATIGUE_DAYS)),
                letDownsSince(dsl, hubId, day.minusDays(RELIABILITY_DAYS)));
    }

    /** Published rounds since {@code since} that asked each employer for something: one ask each. */
    public static Map<Long, Integer> asksSince(DSLContext dsl, long hubId, LocalDate since) {
        Field<Integer> rounds = countDistinct(BOOKING.ROUND_ID);
        return dsl.select(OFFER.EMPLOYER_ID, rounds)
                .from(BOOKING)
                .join(MATCHING_ROUND)
                .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED))
                .and(MATCHING_ROUND.PUBLISHED_AT.ge(since.atStartOfDay().atOffset(ZoneOffset.UTC)))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(OFFER.EMPLOYER_ID, rounds);
    }

    /** No-shows and late cancellations on days since {@code since}. */
    public static Map<Long, Integer> letDownsSince(DSLContext dsl, long hubId, LocalDate since) {
        Field<Integer> letDowns = count();
        // the hub's own bookings: each hub judges an employer that works with several by what it saw
        return dsl.select(OFFER.EMPLOYER_ID, letDowns)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(OFFER.HUB_ID.eq(hubId))
                .and(BOOKING.STARTS_ON.ge(since))
                // a late cancellation is a declined booking (booking_late_cancellation_ck): naming both
                // statuses lets PostgreSQL use booking_status_starts_ix rather than read every booking
                .and(BOOKING.STATUS.in(BookingStatus.DECLINED, BookingStatus.NO_SHOW))
                .and(BOOKING.STATUS.eq(BookingStatus.NO_SHOW).or(BOOKING.LATE_CANCELLATION))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(OFFER.EMPLOYER_ID, letDowns);
    }
}

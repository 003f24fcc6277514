package uk.encounters.marketplace.testing;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;

/**
 * Fixtures for workplace experiences: offers and requests of a type, given where, bookings over
 * several days, and history with hours. Built on {@link TestData}'s rows.
 */
public final class WorkplaceData {

    /** Where a request or offer can happen. */
    public record Where(boolean inSchool, boolean atWorkplace, boolean online) {

        public static final Where AT_WORKPLACE = new Where(false, true, false);
        public static final Where ONLINE = new Where(false, false, true);
    }

    private final DSLContext dsl;
    private final TestData data;

    public WorkplaceData(DSLContext dsl) {
        this.dsl = dsl;
        this.data = new TestData(dsl);
    }

    /** An active offer of the type, given where said, interactive online or not. */
    public long offer(long employerId, String type, Where where, boolean interactive) {
        long offer = data.offer(employerId, OfferStatus.ACTIVE, LocalDate.of(2027, 12, 31));
        dsl.update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, type)
                .set(OFFER.IN_SCHOOL, where.inSchool())
                .set(OFFER.AT_WORKPLACE, where.atWorkplace())
                .set(OFFER.ONLINE, where.online())
                .set(OFFER.INTERACTIVE, interactive)
                .where(OFFER.ID.eq(offer))
                .execute();
        return offer;
    }

    /** A matched request of the school's year group for the type, accepting where said. */
    public long request(long schoolId, int yearGroup, String type, Where where) {
        long request = data.request(schoolId, yearGroup, RequestStatus.MATCHED, LocalDate.of(2026, 9, 1));
        dsl.update(REQUEST)
                .set(REQUEST.ENCOUNTER_TYPE, type)
                .set(REQUEST.IN_SCHOOL, where.inSchool())
                .set(REQUEST.AT_WORKPLACE, where.atWorkplace())
                .set(REQUEST.ONLINE, where.online())
                .where(REQUEST.ID.eq(request))
                .execute();
        return request;
    }

    /** A confirmed booking of the offer for the request, from the first day to the last, in the period. */
    public long booking(long requestId, long offerId, LocalDate first, LocalDate last, String period) {
        String type = dsl.fetchValue(OFFER.ENCOUNTER_TYPE, OFFER.ID.eq(offerId));
        return dsl.insertInto(BOOKING)
                .set(BOOKING.REQUEST_ID, requestId)
                .set(BOOKING.OFFER_ID, offerId)
                .set(BOOKING.ENCOUNTER_TYPE, type)
                .set(BOOKING.STARTS_ON, first)
                .set(BOOKING.ENDS_ON, last)
                .set(BOOKING.PERIOD, period)
                .set(BOOKING.PUPILS, 30)
                .set(BOOKING.STATUS, BookingStatus.CONFIRMED)
                .returning(BOOKING.ID)
                .fetchOne()
                .getId();
    }

    /** The school's booking of an offer of the type, asked and offered where said: request, offer and booking in one. */
    public long booking(
            long schoolId,
            int yearGroup,
            long employerId,
            String type,
            Where where,
            boolean interactive,
            LocalDate first,
            LocalDate last,
            String period) {
        return booking(
                request(schoolId, yearGroup, type, where),
                offer(employerId, type, where, interactive),
                first,
                last,
                period);
    }

    /** The hours recorded for each pupil on the booking's register, by pupil id (null: none). */
    public Map<Long, BigDecimal> hours(long bookingId) {
        Map<Long, BigDecimal> hours = new HashMap<>();
        dsl.select(ENCOUNTER.PUPIL_ID, ENCOUNTER.HOURS)
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(bookingId))
                .forEach(r -> hours.put(r.value1(), r.value2()));
        return hours;
    }

    /** History from outside the marketplace: an attended encounter of the type with its hours (null: none recorded). */
    public void history(long pupilId, String type, LocalDate on, String hours) {
        dsl.insertInto(ENCOUNTER)
                .set(ENCOUNTER.PUPIL_ID, pupilId)
                .set(ENCOUNTER.ENCOUNTER_TYPE, type)
                .set(ENCOUNTER.OCCURRED_ON, on)
                .set(ENCOUNTER.ATTENDED, true)
                .set(ENCOUNTER.PROVIDER_NAME, "A previous placement")
                .set(ENCOUNTER.HOURS, hours == null ? null : new BigDecimal(hours))
                .execute();
    }
}

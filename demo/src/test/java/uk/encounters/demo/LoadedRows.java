package uk.encounters.demo;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Counts, straight from the database, of the rows belonging to one hub (or to all hubs). */
final class LoadedRows {

    private LoadedRows() {}

    static RowCounts ofHub(DSLContext dsl, String hubName) {
        return count(dsl, HUB.NAME.eq(hubName));
    }

    static RowCounts all(DSLContext dsl) {
        return count(dsl, org.jooq.impl.DSL.trueCondition());
    }

    private static RowCounts count(DSLContext dsl, Condition hub) {
        Table<?> schools = HUB.join(SCHOOL).on(SCHOOL.HUB_ID.eq(HUB.ID));
        Table<?> employers = HUB.join(EMPLOYER).on(EMPLOYER.REGISTERED_IN_HUB_ID.eq(HUB.ID));
        Table<?> bookings = schools.join(REQUEST)
                .on(REQUEST.SCHOOL_ID.eq(SCHOOL.ID))
                .join(BOOKING)
                .on(BOOKING.REQUEST_ID.eq(REQUEST.ID));
        return new RowCounts(
                dsl.fetchCount(HUB, hub),
                dsl.fetchCount(schools, hub),
                dsl.fetchCount(schools.join(SCHOOL_BUDGET).on(SCHOOL_BUDGET.SCHOOL_ID.eq(SCHOOL.ID)), hub),
                dsl.fetchCount(schools.join(PUPIL).on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID)), hub),
                dsl.fetchCount(employers, hub),
                dsl.fetchCount(employers.join(VOLUNTEER).on(VOLUNTEER.EMPLOYER_ID.eq(EMPLOYER.ID)), hub),
                dsl.fetchCount(employers.join(OFFER).on(OFFER.EMPLOYER_ID.eq(EMPLOYER.ID)), hub),
                dsl.fetchCount(
                        employers
                                .join(OFFER)
                                .on(OFFER.EMPLOYER_ID.eq(EMPLOYER.ID))
                                .join(OFFER_AVAILABILITY)
                                .on(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID)),
                        hub),
                dsl.fetchCount(schools.join(REQUEST).on(REQUEST.SCHOOL_ID.eq(SCHOOL.ID)), hub),
                dsl.fetchCount(bookings, hub),
                dsl.fetchCount(bookings.join(BOOKING_PUPIL).on(BOOKING_PUPIL.BOOKING_ID.eq(BOOKING.ID)), hub),
                dsl.fetchCount(
                        schools.join(PUPIL)
                                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                                .join(ENCOUNTER)
                                .on(ENCOUNTER.PUPIL_ID.eq(PUPIL.ID)),
                        hub));
    }
}

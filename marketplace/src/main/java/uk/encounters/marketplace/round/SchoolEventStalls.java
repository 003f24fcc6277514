package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.selectDistinct;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.SchoolDay;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * The stalls a round asked employers for at schools' own events, by school: what the school's
 * digest lists beside its sessions. (A hub's events are the coordinator's to follow.)
 */
final class SchoolEventStalls {

    /** One stall asked for at one of the school's events. */
    record Stall(String employer, String encounterType, String event, LocalDate heldOn, String period) {

        /** "* Careers fair stall with Derby Hospitals at Year 9 careers fair, Tue 26 Jan 2027 (Morning)" */
        String line() {
            return "* " + EncounterType.fromCode(encounterType).label() + " with " + employer + " at " + event + ", "
                    + DateStyle.of(heldOn) + " (" + SchoolDay.label(period) + ")\n";
        }
    }

    private SchoolEventStalls() {}

    /** Each school's stalls in the round, in {@code status}, by event date. */
    static Map<Long, List<Stall>> inRound(DSLContext dsl, long roundId, BookingStatus status) {
        return dsl.select(
                        EVENT.SCHOOL_ID,
                        EMPLOYER.NAME,
                        BOOKING.ENCOUNTER_TYPE,
                        EVENT.TITLE,
                        EVENT.HELD_ON,
                        EVENT.PERIOD)
                .from(BOOKING)
                .join(EVENT)
                .on(EVENT.ID.eq(BOOKING.EVENT_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(status))
                .and(EVENT.SCHOOL_ID.isNotNull())
                .orderBy(EVENT.HELD_ON, EVENT.ID, EMPLOYER.NAME, BOOKING.ID)
                .fetchGroups(
                        r -> r.value1(), r -> new Stall(r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The schools with a stall in the round, in {@code status}, at their own events. */
    static Select<Record1<Long>> schools(long roundId, BookingStatus status) {
        return selectDistinct(EVENT.SCHOOL_ID)
                .from(BOOKING)
                .join(EVENT)
                .on(EVENT.ID.eq(BOOKING.EVENT_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(status))
                .and(EVENT.SCHOOL_ID.isNotNull());
    }
}

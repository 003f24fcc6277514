package uk.encounters.demo.simulation;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.round.RoundStatus;

/**
 * What one arm's events came to, read from its database at the end of play: the events whose day
 * came (schools' own and the hub's) and how many were held (a register taken: at least one
 * employer came), their stalls wanted and given, the stalls matched in published rounds (for
 * events to come too), and the pupils who came to one: encounters attended, and pupils whose only
 * encounters this year were at events, the part of Benchmark 5 events alone gave.
 */
record EventFigures(
        int ownDue,
        int ownHeld,
        int hubDue,
        int hubHeld,
        long stallsWanted,
        long stallsGiven,
        long stallsMatched,
        long pupilsAttending,
        long pupilsReachedOnlyByEvents) {

    static EventFigures of(DSLContext dsl, long hubId, LocalDate day) {
        LocalDate yearStart = AcademicYear.containing(day).firstDay();
        Condition due = EVENT.HUB_ID.eq(hubId).and(EVENT.HELD_ON.between(yearStart, day));
        Field<Boolean> held =
                field(exists(select(ENCOUNTER.ID).from(ENCOUNTER).where(ENCOUNTER.EVENT_ID.eq(EVENT.ID))));
        Field<Integer> ownDue = count().filterWhere(EVENT.SCHOOL_ID.isNotNull());
        Field<Integer> ownHeld = count().filterWhere(EVENT.SCHOOL_ID.isNotNull().and(held.isTrue()));
        Field<Integer> hubDue = count().filterWhere(EVENT.SCHOOL_ID.isNull());
        Field<Integer> hubHeld = count().filterWhere(EVENT.SCHOOL_ID.isNull().and(held.isTrue()));
        var events = dsl.select(ownDue, ownHeld, hubDue, hubHeld)
                .from(EVENT)
                .where(due)
                .fetchSingle();
        BigDecimal wanted = dsl.select(sum(EVENT_STALLS.STALLS))
                .from(EVENT_STALLS)
                .join(EVENT)
                .on(EVENT.ID.eq(EVENT_STALLS.EVENT_ID))
                .where(due)
                .fetchSingle()
                .value1();
        int given = dsl.fetchCount(
                BOOKING,
                BOOKING.STATUS
                        .eq(BookingStatus.DELIVERED)
                        .and(BOOKING.EVENT_ID.in(select(EVENT.ID).from(EVENT).where(due))));
        int matched = dsl.fetchCount(
                BOOKING,
                BOOKING.EVENT_ID
                        .in(select(EVENT.ID).from(EVENT).where(EVENT.HUB_ID.eq(hubId)))
                        .and(BOOKING.ROUND_ID.in(select(MATCHING_ROUND.ID)
                                .from(MATCHING_ROUND)
                                .where(MATCHING_ROUND.HUB_ID.eq(hubId))
                                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED)))));
        Condition thisYear = ENCOUNTER.ATTENDED.isTrue().and(ENCOUNTER.OCCURRED_ON.between(yearStart, day));
        Condition atHubsEvents =
                ENCOUNTER.EVENT_ID.in(select(EVENT.ID).from(EVENT).where(due));
        Field<Integer> attending = count();
        Field<Integer> onlyByEvents = countDistinct(ENCOUNTER.PUPIL_ID);
        int pupilsAttending = dsl.select(attending)
                .from(ENCOUNTER)
                .where(thisYear)
                .and(atHubsEvents)
                .fetchSingle(attending);
        var other = ENCOUNTER.as("other");
        int reachedOnlyByEvents = dsl.select(onlyByEvents)
                .from(ENCOUNTER)
                .where(thisYear)
                .and(atHubsEvents)
                .andNotExists(select(other.ID)
                        .from(other)
                        .where(other.PUPIL_ID.eq(ENCOUNTER.PUPIL_ID))
                        .and(other.EVENT_ID.isNull())
                        .and(other.ATTENDED.isTrue())
                        .and(other.OCCURRED_ON.between(yearStart, day)))
                .fetchSingle(onlyByEvents);
        return new EventFigures(
                events.get(ownDue),
                events.get(ownHeld),
                events.get(hubDue),
                events.get(hubHeld),
                wanted == null ? 0 : wanted.longValue(),
                given,
                matched,
                pupilsAttending,
                reachedOnlyByEvents);
    }

    int due() {
        return ownDue + hubDue;
    }

    int held() {
        return ownHeld + hubHeld;
    }
}

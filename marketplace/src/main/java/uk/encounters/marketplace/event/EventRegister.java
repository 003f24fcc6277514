package uk.encounters.marketplace.event;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.BookingStatus;

/**
 * Who came to an event, school by school: each school takes its own pupils' register. A pupil who
 * came has one encounter for the event, however many stalls they visited, and every stall given
 * there is delivered.
 */
public final class EventRegister {

    /** A pupil of a year group going: ticked when recorded present, or before any recording. */
    public record Line(long id, String reference, int yearGroup, boolean present) {}

    /** The register as the page shows it, and whether it has been taken. */
    public record Register(List<Line> lines, boolean taken) {}

    /** What a recording did. */
    public record Recorded(int attended, int absent) {}

    private final DSLContext dsl;

    public EventRegister(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The school's pupils on roll in the year groups it signed up, by year group and reference, and
     * whether it has recorded who came.
     */
    public Register register(EventRepository.EventView event, long schoolId) {
        Map<Long, Boolean> recorded = recorded(event.id(), schoolId);
        List<Line> lines = dsl.select(PUPIL.ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.ARCHIVED_ON.isNull())
                .and(PUPIL.YEAR_GROUP.in(yearGroups(event.id(), schoolId)))
                .orderBy(PUPIL.YEAR_GROUP, PUPIL.REFERENCE)
                .fetch(r -> new Line(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        recorded.isEmpty() || recorded.getOrDefault(r.value1(), false)));
        return new Register(lines, !recorded.isEmpty());
    }

    private Map<Long, Boolean> recorded(long eventId, long schoolId) {
        return new HashMap<>(dsl.select(ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED)
                .from(ENCOUNTER)
                .join(PUPIL)
                .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                .where(ENCOUNTER.EVENT_ID.eq(eventId))
                .and(PUPIL.SCHOOL_ID.eq(schoolId))
                .fetchMap(ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED));
    }

    private org.jooq.Select<org.jooq.Record1<Short>> yearGroups(long eventId, long schoolId) {
        return DSL.select(EVENT_SIGN_UP.YEAR_GROUP)
                .from(EVENT_SIGN_UP)
                .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                .and(EVENT_SIGN_UP.SCHOOL_ID.eq(schoolId));
    }

    /**
     * Records who came among {@code listed} (pupils of the school's year groups going; any other id
     * is ignored): an encounter each, present or absent, on the event's day. Recording again
     * corrects it. Empty-handed before the day.
     */
    public Recorded record(
            Actor actor,
            EventRepository.EventView event,
            long schoolId,
            Set<Long> listed,
            Set<Long> present,
            LocalDate today) {
        if (event.heldOn().isAfter(today)) {
            throw new IllegalStateException("An event's register is taken on or after its day");
        }
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            List<Long> going = tx.select(PUPIL.ID)
                    .from(PUPIL)
                    .where(PUPIL.ID.in(listed))
                    .and(PUPIL.SCHOOL_ID.eq(schoolId))
                    .and(PUPIL.YEAR_GROUP.in(yearGroups(event.id(), schoolId)))
                    .fetch(PUPIL.ID);
            int attended = 0;
            for (long pupil : going) {
                boolean came = present.contains(pupil);
                attended += came ? 1 : 0;
                tx.insertInto(
                                ENCOUNTER,
                                ENCOUNTER.PUPIL_ID,
                                ENCOUNTER.EVENT_ID,
                                ENCOUNTER.ENCOUNTER_TYPE,
                                ENCOUNTER.OCCURRED_ON,
                                ENCOUNTER.ATTENDED)
                        .values(pupil, event.id(), event.kind().stallType().code(), event.heldOn(), came)
                        .onConflict(ENCOUNTER.EVENT_ID, ENCOUNTER.PUPIL_ID)
                        .doUpdate()
                        .set(ENCOUNTER.ATTENDED, came)
                        .set(ENCOUNTER.RECORDED_AT, DSL.currentOffsetDateTime())
                        .execute();
            }
            // the stalls employers confirmed were given
            tx.update(BOOKING)
                    .set(BOOKING.STATUS, BookingStatus.DELIVERED)
                    .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(BOOKING.EVENT_ID.eq(event.id()))
                    .and(BOOKING.STATUS.eq(BookingStatus.CONFIRMED))
                    .execute();
            new AuditLog(tx)
                    .record(
                            actor,
                            "event_register_taken",
                            "event",
                            event.id(),
                            Map.of("school_id", schoolId, "attended", attended, "absent", going.size() - attended));
            return new Recorded(attended, going.size() - attended);
        });
    }
}

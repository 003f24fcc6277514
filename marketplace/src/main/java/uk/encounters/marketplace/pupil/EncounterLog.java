package uk.encounters.marketplace.pupil;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * The careers log: every encounter of a school's pupils, by pseudonymous reference, as governors,
 * Ofsted and Compass ask for it, and for one pupil to take with them when they move school.
 */
public final class EncounterLog {

    /**
     * One encounter of one pupil; the provider is the employer of the booking, or the one recorded.
     *
     * @param workplaceExperience it counts for Benchmark 6 ({@link WorkplaceExperience})
     * @param hours               the hours recorded for a workplace experience; null when none were
     */
    public record Entry(
            String reference,
            int yearGroup,
            boolean disadvantaged,
            LocalDate occurredOn,
            EncounterType type,
            String provider,
            boolean attended,
            Long bookingId,
            boolean workplaceExperience,
            Hours hours) {

        public String typeLabel() {
            return type.label();
        }

        public int benchmark() {
            return workplaceExperience ? 6 : 5;
        }

        /** What counts towards the pupil's hours: none for an absence or an encounter that is not a workplace experience. */
        public Hours hoursCounted() {
            return attended && workplaceExperience && hours != null ? hours : Hours.ZERO;
        }
    }

    /** One booking's attendance, for the evidence by booking, with the hours its pupils were recorded for. */
    public record BookingEvidence(
            long bookingId,
            LocalDate startsOn,
            EncounterType type,
            String employer,
            int yearGroup,
            int places,
            int attended,
            int absent,
            boolean workplaceExperience,
            Hours hours) {

        public int benchmark() {
            return workplaceExperience ? 6 : 5;
        }
    }

    private final DSLContext dsl;

    public EncounterLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A pupil's encounters from their previous school's log, as history: who, when, what, whether
     * they came, and for a workplace experience the hours, when the log has them (else null).
     */
    public record Transferred(
            LocalDate occurredOn, EncounterType type, String provider, boolean attended, Hours hours) {}

    /**
     * Adds a pupil's log from their previous school as history (no booking, the provider named), so
     * their count and Benchmark 6 carry over. Entries already here (same date, type and provider)
     * are skipped, so the same file can be imported twice. Returns how many were added.
     */
    public int importTransferred(long pupilId, List<Transferred> entries) {
        int added = 0;
        for (Transferred e : entries) {
            boolean known = dsl.fetchExists(
                    ENCOUNTER,
                    ENCOUNTER
                            .PUPIL_ID
                            .eq(pupilId)
                            .and(ENCOUNTER.OCCURRED_ON.eq(e.occurredOn()))
                            .and(ENCOUNTER.ENCOUNTER_TYPE.eq(e.type().code()))
                            .and(ENCOUNTER.PROVIDER_NAME.eq(e.provider())));
            if (!known) {
                added += dsl.insertInto(
                                ENCOUNTER,
                                ENCOUNTER.PUPIL_ID,
                                ENCOUNTER.ENCOUNTER_TYPE,
                                ENCOUNTER.OCCURRED_ON,
                                ENCOUNTER.ATTENDED,
                                ENCOUNTER.PROVIDER_NAME,
                                ENCOUNTER.HOURS)
                        .values(
                                pupilId,
                                e.type().code(),
                                e.occurredOn(),
                                e.attended(),
                                e.provider(),
                                e.hours() == null ? null : e.hours().value())
                        .execute();
            }
        }
        return added;
    }

    public List<Entry> forSchool(long schoolId) {
        return entries(PUPIL.SCHOOL_ID.eq(schoolId));
    }

    public List<Entry> forPupil(long schoolId, String reference) {
        return entries(PUPIL.SCHOOL_ID.eq(schoolId).and(PUPIL.REFERENCE.eq(reference)));
    }

    public List<BookingEvidence> bookings(long schoolId) {
        Field<Integer> attended = DSL.count(ENCOUNTER.ID).filterWhere(ENCOUNTER.ATTENDED.isTrue());
        Field<Integer> absent = DSL.count(ENCOUNTER.ID).filterWhere(ENCOUNTER.ATTENDED.isFalse());
        Field<BigDecimal> hours = DSL.sum(ENCOUNTER.HOURS);
        return dsl.select(
                        BOOKING.ID,
                        BOOKING.STARTS_ON,
                        BOOKING.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        EMPLOYER.NAME,
                        REQUEST.YEAR_GROUP.convertFrom(Short::intValue),
                        BOOKING.PUPILS,
                        attended,
                        absent,
                        WorkplaceExperience.counted(BOOKING.ENCOUNTER_TYPE, BOOKING.ID),
                        hours.convertFrom(Hours::of))
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(ENCOUNTER)
                .on(ENCOUNTER.BOOKING_ID.eq(BOOKING.ID))
                .where(REQUEST.SCHOOL_ID.eq(schoolId))
                .and(BOOKING.STATUS.eq(BookingStatus.DELIVERED))
                .groupBy(BOOKING.ID, EMPLOYER.NAME, REQUEST.YEAR_GROUP)
                .orderBy(BOOKING.STARTS_ON, BOOKING.ID)
                .fetch(mapping(BookingEvidence::new));
    }

    private List<Entry> entries(Condition pupils) {
        return dsl.select(
                        PUPIL.REFERENCE,
                        PUPIL.YEAR_GROUP.convertFrom(Short::intValue),
                        PUPIL.DISADVANTAGED,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        // an event's pupils met many employers: the event is what they went to
                        DSL.coalesce(EMPLOYER.NAME, EVENT.TITLE, ENCOUNTER.PROVIDER_NAME),
                        ENCOUNTER.ATTENDED,
                        ENCOUNTER.BOOKING_ID,
                        WorkplaceExperience.counted(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.BOOKING_ID),
                        ENCOUNTER.HOURS.convertFrom(h -> h == null ? null : Hours.of(h)))
                .from(ENCOUNTER)
                .join(PUPIL)
                .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                .leftJoin(BOOKING)
                .on(BOOKING.ID.eq(ENCOUNTER.BOOKING_ID))
                .leftJoin(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .leftJoin(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(EVENT)
                .on(EVENT.ID.eq(ENCOUNTER.EVENT_ID))
                .where(pupils)
                .orderBy(PUPIL.REFERENCE, ENCOUNTER.OCCURRED_ON, ENCOUNTER.ID)
                .fetch(mapping(Entry::new));
    }
}

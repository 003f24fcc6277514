package uk.encounters.marketplace.booking;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.school.BudgetRepository;
import uk.encounters.matcher.domain.EncounterType;

/**
 * A school's bookings: which pupils go, and afterwards who attended. Attendance creates the
 * encounter records every figure is counted from. Every method takes the school and touches only
 * its bookings.
 */
public final class SchoolBookingRepository {

    /**
     * What recording attendance changed, for the audit log; {@code paidPence} is what a paid
     * session cost the budget the first time it was recorded, {@code uncovered} when no funder
     * could pay it.
     */
    public record Attendance(int attended, int absent, int changed, long paidPence, boolean uncovered) {}

    private final DSLContext dsl;

    public SchoolBookingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Live and delivered bookings, soonest first; declined and cancelled ones drop away. */
    public List<SchoolBooking> forSchool(long schoolId) {
        return select(schoolId, BOOKING.STATUS.in(BookingStatus.HELD))
                .orderBy(BOOKING.STARTS_ON, BOOKING.ID)
                .fetch(SchoolBookingRepository::booking);
    }

    /**
     * Every school's bookings published by one matching round, by school id (in id order), each
     * school's soonest first: what the round's digests list, in one query.
     */
    public Map<Long, List<SchoolBooking>> inRound(long roundId) {
        return select(BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED)))
                .orderBy(REQUEST.SCHOOL_ID, BOOKING.STARTS_ON, BOOKING.ID)
                .fetchGroups(r -> r.get(REQUEST.SCHOOL_ID), SchoolBookingRepository::booking);
    }

    public Optional<SchoolBooking> find(long schoolId, long bookingId) {
        return select(schoolId, BOOKING.ID.eq(bookingId)).fetchOptional(SchoolBookingRepository::booking);
    }

    /** The school's yes; true when the booking could still be answered. */
    public boolean confirm(SchoolBooking booking, LocalDate today) {
        if (!booking.answerable(today)) {
            return false;
        }
        // the booking as read may be out of date (the employer declined it since): only a booking
        // still going ahead takes the school's yes, decided by the row as it is now
        Condition goingAhead = BOOKING.ID.eq(booking.id()).and(BOOKING.STATUS.in(BookingStatus.AGREED));
        int confirmed = dsl.update(BOOKING)
                .set(BOOKING.SCHOOL_CONFIRMED_AT, DSL.currentOffsetDateTime())
                .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(goingAhead)
                .and(BOOKING.SCHOOL_CONFIRMED_AT.isNull())
                .execute();
        return confirmed == 1 || dsl.fetchExists(BOOKING, goingAhead.and(BOOKING.SCHOOL_CONFIRMED_AT.isNotNull()));
    }

    /** The school's no, with a reason (see {@link Decline}); true when it could still be answered. */
    public boolean decline(SchoolBooking booking, String reason, LocalDate today) {
        if (!booking.answerable(today)) {
            return false;
        }
        Decline.apply(dsl, booking.id(), reason, "school");
        return true;
    }

    /**
     * The employer did not come: the session did not happen, so its pupils go back into matching,
     * and it counts against the employer's reliability (see {@code EmployerLoad}). Only for a
     * session that has started and has no attendance recorded; true when it was recorded.
     */
    public boolean recordNoShow(SchoolBooking booking, LocalDate today) {
        return !booking.attendanceRecorded() && NoShow.record(dsl, booking.id(), today);
    }

    /**
     * The pupils on a booking's page: references of the year group's pupils by id, those chosen
     * to go, and those who attended once attendance is recorded, with the hours recorded for them.
     */
    public record Pupils(Map<Long, String> references, Set<Long> chosen, Set<Long> attended, Map<Long, Hours> hours) {}

    public Pupils pupils(long schoolId, SchoolBooking booking) {
        return new Pupils(
                new PupilRepository(dsl).references(schoolId, booking.yearGroup()),
                chosen(booking.id()),
                attended(booking.id()),
                hours(booking.id()));
    }

    /** The hours recorded for those who attended, by pupil id. */
    public Map<Long, Hours> hours(long bookingId) {
        Map<Long, Hours> hours = new HashMap<>();
        dsl.select(ENCOUNTER.PUPIL_ID, ENCOUNTER.HOURS)
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(bookingId))
                .and(ENCOUNTER.HOURS.isNotNull())
                .forEach(r -> hours.put(r.value1(), Hours.of(r.value2())));
        return hours;
    }

    /** Pupils chosen for the booking, by id. */
    public Set<Long> chosen(long bookingId) {
        return new HashSet<>(dsl.select(BOOKING_PUPIL.PUPIL_ID)
                .from(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.BOOKING_ID.eq(bookingId))
                .fetch(BOOKING_PUPIL.PUPIL_ID));
    }

    /**
     * Who goes, as the school recorded them (reference, year group and its own flags), by
     * reference: the list for form tutors. Only the school's own pupils, so another school's booking
     * id lists nobody.
     */
    public List<PupilRepository.PupilRow> going(long schoolId, long bookingId) {
        return dsl.select(PUPIL.REFERENCE, PUPIL.YEAR_GROUP, PUPIL.DISADVANTAGED, PUPIL.SEND, PUPIL.EAL)
                .from(BOOKING_PUPIL)
                .join(PUPIL)
                .on(PUPIL.ID.eq(BOOKING_PUPIL.PUPIL_ID))
                .where(BOOKING_PUPIL.BOOKING_ID.eq(bookingId))
                .and(PUPIL.SCHOOL_ID.eq(schoolId))
                .orderBy(PUPIL.REFERENCE)
                .fetch(r -> new PupilRepository.PupilRow(
                        r.value1(), r.value2().intValue(), r.value3(), r.value4(), r.value5()));
    }

    /** Who attended, by id, once attendance is recorded. */
    public Set<Long> attended(long bookingId) {
        return new HashSet<>(dsl.select(ENCOUNTER.PUPIL_ID)
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(bookingId))
                .and(ENCOUNTER.ATTENDED)
                .fetch(ENCOUNTER.PUPIL_ID));
    }

    /**
     * The year group's pupils on roll, those with most to gain from this encounter first by the
     * hub's pupil-value rule (the rule the matcher valued the booking by): the suggestion is the
     * first as many as the booking takes.
     */
    public List<PupilProgress> candidates(long schoolId, SchoolBooking booking, LocalDate today) {
        PupilValueWeights weights = new PupilValueSettings(dsl).forSchool(schoolId);
        return new ProgressRepository(dsl)
                .forYearGroup(schoolId, booking.yearGroup(), today).stream()
                        .sorted(PupilProgress.mostToGainFirst(weights, EncounterType.fromCode(booking.encounterType())))
                        .toList();
    }

    /** Replaces the chosen pupils; the caller has checked they are the year group's and not too many. */
    public void choose(long bookingId, Set<Long> pupilIds) {
        dsl.deleteFrom(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.BOOKING_ID.eq(bookingId))
                .execute();
        var insert = dsl.insertInto(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID, BOOKING_PUPIL.PUPIL_ID);
        for (long pupil : pupilIds) {
            insert = insert.values(bookingId, pupil);
        }
        if (!pupilIds.isEmpty()) {
            insert.execute();
        }
    }

    /**
     * Records who came: an encounter per pupil listed (attended or absent), the booking delivered.
     * For a workplace experience each pupil who came has their hours: those given, else the
     * booking's usual hours. Recording again corrects it; the count of changed pupils (who came, or
     * their hours) goes to the audit log.
     */
    public Attendance recordAttendance(
            SchoolBooking booking, Set<Long> listed, Set<Long> present, Map<Long, Hours> hoursGiven) {
        Map<Long, Boolean> recordedBefore = dsl.select(ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED)
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(booking.id()))
                .fetchMap(ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED);
        Map<Long, Hours> hoursBefore = hours(booking.id());
        int changed = 0;
        for (long pupil : listed) {
            boolean came = present.contains(pupil);
            Hours hours =
                    came && booking.workplaceExperience() ? hoursGiven.getOrDefault(pupil, booking.usualHours()) : null;
            if (recordedBefore.containsKey(pupil)
                    && (recordedBefore.get(pupil) != came || !Objects.equals(hoursBefore.get(pupil), hours))) {
                changed++;
            }
            BigDecimal value = hours == null ? null : hours.value();
            dsl.insertInto(
                            ENCOUNTER,
                            ENCOUNTER.PUPIL_ID,
                            ENCOUNTER.BOOKING_ID,
                            ENCOUNTER.ENCOUNTER_TYPE,
                            ENCOUNTER.OCCURRED_ON,
                            ENCOUNTER.ATTENDED,
                            ENCOUNTER.HOURS)
                    .values(pupil, booking.id(), booking.encounterType(), booking.startsOn(), came, value)
                    .onConflict(ENCOUNTER.BOOKING_ID, ENCOUNTER.PUPIL_ID)
                    .doUpdate()
                    .set(ENCOUNTER.ATTENDED, came)
                    .set(ENCOUNTER.HOURS, value)
                    .set(ENCOUNTER.RECORDED_AT, DSL.currentOffsetDateTime())
                    .execute();
        }
        boolean firstTime = dsl.update(BOOKING)
                        .set(BOOKING.STATUS, BookingStatus.DELIVERED)
                        .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(BOOKING.ID.eq(booking.id()))
                        .and(BOOKING.STATUS.ne(BookingStatus.DELIVERED))
                        .execute()
                == 1;
        Integer cost = dsl.select(OFFER.COST_PER_SESSION_PENCE)
                .from(OFFER)
                .join(BOOKING)
                .on(BOOKING.OFFER_ID.eq(OFFER.ID))
                .where(BOOKING.ID.eq(booking.id()))
                .fetchOne(OFFER.COST_PER_SESSION_PENCE);
        long paid = firstTime && cost != null && cost > 0 ? cost : 0;
        boolean uncovered = paid > 0
                && !new BudgetRepository(dsl)
                        .spend(
                                schoolId(booking.id()),
                                AcademicYear.containing(booking.startsOn()).startYear(),
                                paid);
        int attended = (int) listed.stream().filter(present::contains).count();
        return new Attendance(attended, listed.size() - attended, changed, uncovered ? 0 : paid, uncovered);
    }

    private long schoolId(long bookingId) {
        return dsl.select(REQUEST.SCHOOL_ID)
                .from(REQUEST)
                .join(BOOKING)
                .on(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .where(BOOKING.ID.eq(bookingId))
                .fetchSingle(REQUEST.SCHOOL_ID);
    }

    private org.jooq.SelectConditionStep<? extends Record> select(long schoolId, Condition condition) {
        return select(REQUEST.SCHOOL_ID.eq(schoolId).and(condition));
    }

    private org.jooq.SelectConditionStep<? extends Record> select(Condition condition) {
        var chosen = DSL.field(DSL.selectCount().from(BOOKING_PUPIL).where(BOOKING_PUPIL.BOOKING_ID.eq(BOOKING.ID)));
        // with the attendance of pupils since deleted after the retention period, so the day still reads as recorded
        var recorded = DSL.field(DSL.selectCount().from(ENCOUNTER).where(ENCOUNTER.BOOKING_ID.eq(BOOKING.ID)))
                .plus(DSL.coalesce(
                        DSL.field(DSL.select(BOOKING_ATTENDANCE_TALLY.ATTENDED.plus(BOOKING_ATTENDANCE_TALLY.ABSENT))
                                .from(BOOKING_ATTENDANCE_TALLY)
                                .where(BOOKING_ATTENDANCE_TALLY.BOOKING_ID.eq(BOOKING.ID))),
                        0));
        return dsl.select(BookingPlaces.with(
                        BOOKING.ID,
                        BOOKING.STATUS,
                        BOOKING.ENCOUNTER_TYPE,
                        EMPLOYER.NAME,
                        VOLUNTEER.NAME,
                        REQUEST.YEAR_GROUP,
                        BOOKING.PUPILS,
                        chosen.as("chosen"),
                        recorded.as("recorded"),
                        BOOKING.SCHOOL_CONFIRMED_AT,
                        REQUEST.SCHOOL_ID,
                        OFFER.INTERACTIVE))
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .leftJoin(SCHOOL_VISITOR_ARRANGEMENTS)
                .on(SCHOOL_VISITOR_ARRANGEMENTS.SCHOOL_ID.eq(SCHOOL.ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                // a school's bookings are its requests': an event's stalls are on the event's page
                .leftJoin(EVENT)
                .on(EVENT.ID.eq(BOOKING.EVENT_ID))
                .where(condition);
    }

    private static SchoolBooking booking(Record r) {
        return new SchoolBooking(
                r.get(BOOKING.ID),
                r.get(BOOKING.STATUS),
                r.get(BOOKING.ENCOUNTER_TYPE),
                r.get(EMPLOYER.NAME),
                r.get(VOLUNTEER.NAME),
                r.get(BOOKING.STARTS_ON),
                r.get(BOOKING.ENDS_ON),
                r.get(BOOKING.PERIOD),
                r.get(REQUEST.YEAR_GROUP),
                r.get(BOOKING.PUPILS),
                r.get("chosen", Integer.class),
                r.get("recorded", Integer.class),
                r.get(BOOKING.SCHOOL_CONFIRMED_AT) != null,
                BookingPlaces.place(r),
                r.get(OFFER.INTERACTIVE),
                BookingPlaces.forSchool(r));
    }
}

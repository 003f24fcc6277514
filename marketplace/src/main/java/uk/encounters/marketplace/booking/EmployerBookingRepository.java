package uk.encounters.marketplace.booking;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * An employer's bookings: the ones to answer and attend, what they have delivered, and their
 * feedback afterwards. Every method takes the employer, and touches only that employer's bookings.
 */
public final class EmployerBookingRepository {

    /** What a reply did. */
    public enum Reply {
        DONE,
        NOT_FOUND,
        TOO_LATE
    }

    /** A decline within this many days of the session is a late cancellation. */
    public static final int LATE_CANCELLATION_DAYS = 7;

    private final DSLContext dsl;

    public EmployerBookingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Published and confirmed bookings that have not ended, soonest first. */
    public List<EmployerBooking> upcoming(long employerId, LocalDate today) {
        return select(employerId, BOOKING.STATUS.in(BookingStatus.AGREED).and(BOOKING.ENDS_ON.ge(today)))
                .orderBy(BOOKING.STARTS_ON, BOOKING.PERIOD.desc(), BOOKING.ID)
                .fetch(EmployerBookingRepository::booking);
    }

    /** Confirmed bookings from a month back onwards, for the calendar feed. */
    public List<EmployerBooking> confirmed(long employerId, LocalDate today) {
        return select(
                        employerId,
                        BOOKING.STATUS.eq(BookingStatus.CONFIRMED).and(BOOKING.ENDS_ON.ge(today.minusMonths(1))))
                .orderBy(BOOKING.STARTS_ON, BOOKING.ID)
                .fetch(EmployerBookingRepository::booking);
    }

    /** Sessions given (delivered, or confirmed and past), latest first, for feedback. */
    public List<EmployerBooking> delivered(long employerId, LocalDate today, int limit) {
        return select(employerId, given(today))
                .orderBy(BOOKING.STARTS_ON.desc(), BOOKING.ID.desc())
                .limit(limit)
                .fetch(EmployerBookingRepository::booking);
    }

    /**
     * Every employer's bookings of one matching round, by employer id (in id order), each
     * employer's soonest first: what the round's digests list, in one query.
     */
    public Map<Long, List<EmployerBooking>> inRound(long roundId) {
        return select(BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.in(BookingStatus.AGREED)))
                .orderBy(OFFER.EMPLOYER_ID, BOOKING.STARTS_ON, BOOKING.PERIOD.desc(), BOOKING.ID)
                .fetchGroups(r -> r.get(OFFER.EMPLOYER_ID), EmployerBookingRepository::booking);
    }

    public Optional<EmployerBooking> find(long employerId, long bookingId) {
        return select(employerId, BOOKING.ID.eq(bookingId)).fetchOptional(EmployerBookingRepository::booking);
    }

    /**
     * Pupils reached are those recorded as attending; chosen pupils count once the school records
     * them. An event's exhibitors each met the pupils who came to it.
     */
    public DeliveredSummary summary(long employerId, LocalDate today) {
        var ids = DSL.select(BOOKING.ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(OFFER.EMPLOYER_ID.eq(employerId))
                .and(given(today));
        var events = DSL.select(BOOKING.EVENT_ID).from(BOOKING).where(BOOKING.ID.in(ids));
        int sessions = dsl.fetchCount(BOOKING, BOOKING.ID.in(ids));
        int schools = dsl.fetchCount(DSL.select(REQUEST.SCHOOL_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ID.in(ids))
                .union(DSL.select(EVENT_SIGN_UP.SCHOOL_ID)
                        .from(EVENT_SIGN_UP)
                        .where(EVENT_SIGN_UP.EVENT_ID.in(events))));
        Record pupils = dsl.select(
                        DSL.countDistinct(ENCOUNTER.PUPIL_ID),
                        DSL.countDistinct(DSL.when(PUPIL.DISADVANTAGED, ENCOUNTER.PUPIL_ID)))
                .from(ENCOUNTER)
                .join(PUPIL)
                .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                .where(ENCOUNTER.BOOKING_ID.in(ids).or(ENCOUNTER.EVENT_ID.in(events)))
                .and(ENCOUNTER.ATTENDED)
                .fetchOne();
        // pupils deleted after their school's retention period are counted in their bookings' tallies
        Record erased = dsl.select(
                        DSL.coalesce(DSL.sum(BOOKING_ATTENDANCE_TALLY.ATTENDED), DSL.inline(BigDecimal.ZERO)),
                        DSL.coalesce(
                                DSL.sum(BOOKING_ATTENDANCE_TALLY.DISADVANTAGED_ATTENDED), DSL.inline(BigDecimal.ZERO)))
                .from(BOOKING_ATTENDANCE_TALLY)
                .where(BOOKING_ATTENDANCE_TALLY.BOOKING_ID.in(ids))
                .fetchOne();
        return new DeliveredSummary(
                sessions,
                pupils.get(0, Integer.class) + erased.get(0, Integer.class),
                pupils.get(1, Integer.class) + erased.get(1, Integer.class),
                schools);
    }

    /** Yes to a proposed booking. */
    public Reply confirm(long employerId, long bookingId, LocalDate today) {
        Optional<EmployerBooking> booking = find(employerId, bookingId);
        if (booking.isEmpty()) {
            return Reply.NOT_FOUND;
        }
        if (booking.get().confirmed()) {
            return Reply.DONE;
        }
        if (!booking.get().awaitingReply() || booking.get().endsOn().isBefore(today)) {
            return Reply.TOO_LATE;
        }
        dsl.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.CONFIRMED)
                .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(BOOKING.ID.eq(bookingId))
                .and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))
                .execute();
        return Reply.DONE;
    }

    /** No, with a reason (see {@link Decline}). */
    public Reply decline(long employerId, long bookingId, String reason, LocalDate today) {
        Optional<EmployerBooking> booking = find(employerId, bookingId);
        if (booking.isEmpty()) {
            return Reply.NOT_FOUND;
        }
        if (!(booking.get().awaitingReply() || booking.get().confirmed())
                || booking.get().startsOn().isBefore(today)) {
            return Reply.TOO_LATE;
        }
        Decline.apply(dsl, bookingId, reason, "employer");
        if (booking.get().startsOn().isBefore(today.plusDays(LATE_CANCELLATION_DAYS))) {
            // so close to the day the school cannot easily replace it: counts against reliability
            dsl.update(BOOKING)
                    .set(BOOKING.LATE_CANCELLATION, true)
                    .where(BOOKING.ID.eq(bookingId))
                    .execute();
        }
        return Reply.DONE;
    }

    /** The employer's side of the two-question feedback; once per booking, after it was given. */
    public Reply feedback(long employerId, long bookingId, int rating, String comment, LocalDate today) {
        Optional<EmployerBooking> booking = find(employerId, bookingId);
        if (booking.isEmpty()) {
            return Reply.NOT_FOUND;
        }
        boolean given = booking.get().status() == BookingStatus.DELIVERED
                || booking.get().confirmed() && booking.get().endsOn().isBefore(today);
        if (!given || booking.get().feedbackGiven()) {
            return Reply.TOO_LATE;
        }
        dsl.insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING, FEEDBACK.COMMENT)
                .values(bookingId, "employer", (short) rating, comment.isBlank() ? null : comment)
                .onConflictDoNothing()
                .execute();
        return Reply.DONE;
    }

    /** Sessions given: delivered, or confirmed and past (a school may not have recorded the day yet). */
    public static Condition given(LocalDate today) {
        return BOOKING.STATUS
                .eq(BookingStatus.DELIVERED)
                .or(BOOKING.STATUS.eq(BookingStatus.CONFIRMED).and(BOOKING.ENDS_ON.lt(today)));
    }

    /** The request's year group, or the youngest going to the event a stall is at. */
    private static final org.jooq.Field<Short> YEAR_GROUP = DSL.coalesce(
                    REQUEST.YEAR_GROUP,
                    DSL.field(DSL.select(DSL.min(EVENT_SIGN_UP.YEAR_GROUP))
                            .from(EVENT_SIGN_UP)
                            .where(EVENT_SIGN_UP.EVENT_ID.eq(BOOKING.EVENT_ID))),
                    DSL.inline((short) 7))
            .as("year_group");

    /** The school, or a hub event's venue. */
    private static final org.jooq.Field<String> WHERE =
            DSL.coalesce(SCHOOL.NAME, EVENT.VENUE_NAME, DSL.inline("Online")).as("where_name");

    private org.jooq.SelectConditionStep<? extends Record> select(long employerId, Condition condition) {
        return select(OFFER.EMPLOYER_ID.eq(employerId).and(condition));
    }

    private org.jooq.SelectConditionStep<? extends Record> select(Condition condition) {
        var feedbackGiven = DSL.exists(DSL.selectOne()
                .from(FEEDBACK)
                .where(FEEDBACK.BOOKING_ID.eq(BOOKING.ID))
                .and(FEEDBACK.FROM_SIDE.eq("employer")));
        return dsl.select(BookingPlaces.with(
                        BOOKING.ID,
                        BOOKING.STATUS,
                        BOOKING.ENCOUNTER_TYPE,
                        OFFER.TITLE,
                        BOOKING.PUPILS,
                        YEAR_GROUP,
                        WHERE,
                        EVENT.TITLE,
                        REQUEST.SEND_ADJUSTMENTS,
                        REQUEST.NOTES_FOR_VOLUNTEER,
                        VOLUNTEER.NAME,
                        BOOKING.DECLINE_REASON,
                        DSL.field(feedbackGiven).as("feedback_given"),
                        OFFER.EMPLOYER_ID,
                        BOOKING.CALENDAR_SEQUENCE,
                        BOOKING.UPDATED_AT))
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .leftJoin(EVENT)
                .on(EVENT.ID.eq(BOOKING.EVENT_ID))
                .leftJoin(SCHOOL)
                .on(SCHOOL.ID.eq(DSL.coalesce(REQUEST.SCHOOL_ID, EVENT.SCHOOL_ID)))
                .leftJoin(SCHOOL_VISITOR_ARRANGEMENTS)
                .on(SCHOOL_VISITOR_ARRANGEMENTS.SCHOOL_ID.eq(SCHOOL.ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(condition);
    }

    private static EmployerBooking booking(Record r) {
        return new EmployerBooking(
                r.get(BOOKING.ID),
                r.get(BOOKING.STATUS),
                r.get(BOOKING.ENCOUNTER_TYPE),
                r.get(OFFER.TITLE),
                r.get(BOOKING.STARTS_ON),
                r.get(BOOKING.ENDS_ON),
                r.get(BOOKING.PERIOD),
                r.get(BOOKING.PUPILS),
                r.get(YEAR_GROUP),
                r.get(WHERE),
                r.get(VOLUNTEER.NAME),
                BookingPlaces.place(r),
                r.get(BOOKING.DECLINE_REASON),
                r.get("feedback_given", Boolean.class),
                BookingPlaces.forEmployer(r),
                r.get(REQUEST.SEND_ADJUSTMENTS),
                r.get(REQUEST.NOTES_FOR_VOLUNTEER),
                r.get(EVENT.TITLE),
                r.get(BOOKING.CALENDAR_SEQUENCE),
                r.get(BOOKING.UPDATED_AT));
    }
}

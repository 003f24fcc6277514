package uk.encounters.marketplace.feedback;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFromStep;
import org.jooq.SelectJoinStep;

/**
 * The school's and the employer's answers about a booking, one row a side ({@code feedback}), and
 * the booking they are about. Bookings of a school's request only: a hub event's stalls have no
 * one school to ask.
 */
public final class FeedbackRepository {

    private final DSLContext dsl;

    public FeedbackRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<FeedbackBooking> findBooking(long bookingId) {
        return withSchoolAndEmployer(dsl.select(BOOKING_FIELDS))
                .where(BOOKING.ID.eq(bookingId))
                .fetchOptional(FeedbackRepository::booking);
    }

    /** What {@link #booking} reads. */
    static final List<Field<?>> BOOKING_FIELDS = List.of(
            BOOKING.ID,
            SCHOOL.ID,
            EMPLOYER.ID,
            SCHOOL.NAME,
            EMPLOYER.NAME,
            BOOKING.ENCOUNTER_TYPE,
            BOOKING.STARTS_ON,
            BOOKING.ENDS_ON,
            BOOKING.STATUS);

    static FeedbackBooking booking(Record r) {
        return new FeedbackBooking(
                r.get(BOOKING.ID),
                r.get(SCHOOL.ID),
                r.get(EMPLOYER.ID),
                r.get(SCHOOL.NAME),
                r.get(EMPLOYER.NAME),
                r.get(BOOKING.ENCOUNTER_TYPE),
                r.get(BOOKING.STARTS_ON),
                r.get(BOOKING.ENDS_ON),
                r.get(BOOKING.STATUS));
    }

    /** A booking with its request's school and its offer's employer: where every feedback query starts. */
    static <R extends Record> SelectJoinStep<R> withSchoolAndEmployer(SelectFromStep<R> select) {
        return select.from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID));
    }

    /** The side's answer about the booking; empty while it has given none. */
    public Optional<SideAnswer> answer(long bookingId, FeedbackSide side) {
        return dsl.select(FEEDBACK.RATING, FEEDBACK.COMMENT)
                .from(FEEDBACK)
                .where(FEEDBACK.BOOKING_ID.eq(bookingId))
                .and(FEEDBACK.FROM_SIDE.eq(side.getLiteral()))
                .fetchOptional(r -> new SideAnswer(r.value1(), r.value2()));
    }

    /** Writes the side's answer unless it gave one already; true when written. */
    boolean give(long bookingId, FeedbackSide side, int rating, String comment, Long userId) {
        return dsl.insertInto(FEEDBACK)
                        .set(FEEDBACK.BOOKING_ID, bookingId)
                        .set(FEEDBACK.FROM_SIDE, side.getLiteral())
                        .set(FEEDBACK.RATING, (short) rating)
                        .set(FEEDBACK.COMMENT, comment.isBlank() ? null : comment)
                        .set(FEEDBACK.GIVEN_BY_USER_ID, userId)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }
}

package uk.encounters.marketplace.feedback;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * Reading the feedback: each delivered booking's answers from every side in one query, and the
 * hub's figures per employer, per encounter type and per school summed from them.
 */
public final class FeedbackReadings {

    /** The hub's feedback for a year: the figures three ways, and the bookings to look at. */
    public record HubFeedback(
            List<FeedbackFigures> byEmployer,
            List<FeedbackFigures> byType,
            List<FeedbackFigures> bySchool,
            FeedbackFigures total,
            List<BookingFeedback> flagged) {}

    private static final uk.encounters.marketplace.jooq.tables.Feedback FROM_SCHOOL = FEEDBACK.as("from_school");
    private static final uk.encounters.marketplace.jooq.tables.Feedback FROM_EMPLOYER = FEEDBACK.as("from_employer");

    private final DSLContext dsl;

    public FeedbackReadings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The hub's delivered bookings of the year, read every way. */
    public HubFeedback forHub(long hubId, AcademicYear year, LocalDate today) {
        List<BookingFeedback> rows = bookings(SCHOOL.HUB_ID
                .eq(hubId)
                .and(BOOKING.STARTS_ON.between(year.firstDay(), year.lastDay()))
                .and(EmployerBookingRepository.given(today)));
        return new HubFeedback(
                grouped(rows, BookingFeedback::employerName),
                grouped(rows, BookingFeedback::typeLabel),
                grouped(rows, BookingFeedback::schoolName),
                FeedbackFigures.of("All bookings", rows),
                rows.stream().filter(BookingFeedback::flagged).toList());
    }

    /** One booking's feedback, whatever its state. */
    public Optional<BookingFeedback> ofBooking(long bookingId) {
        return bookings(BOOKING.ID.eq(bookingId)).stream().findFirst();
    }

    /** An employer's given sessions' feedback, by booking id. */
    public Map<Long, BookingFeedback> forEmployer(long employerId, List<Long> bookingIds) {
        return bookings(OFFER.EMPLOYER_ID.eq(employerId).and(BOOKING.ID.in(bookingIds))).stream()
                .collect(Collectors.toMap(BookingFeedback::bookingId, b -> b));
    }

    private static List<FeedbackFigures> grouped(List<BookingFeedback> rows, Function<BookingFeedback, String> by) {
        Map<String, List<BookingFeedback>> groups = rows.stream()
                .sorted(Comparator.comparing(by))
                .collect(Collectors.groupingBy(by, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream()
                .map(g -> FeedbackFigures.of(g.getKey(), g.getValue()))
                .toList();
    }

    private List<BookingFeedback> bookings(Condition condition) {
        Field<Integer> attended = DSL.field(DSL.selectCount()
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.BOOKING_ID.eq(BOOKING.ID))
                        .and(ENCOUNTER.ATTENDED))
                .plus(DSL.coalesce(
                        DSL.field(DSL.select(BOOKING_ATTENDANCE_TALLY.ATTENDED)
                                .from(BOOKING_ATTENDANCE_TALLY)
                                .where(BOOKING_ATTENDANCE_TALLY.BOOKING_ID.eq(BOOKING.ID))),
                        0))
                .as("attended");
        Field<Integer> yesWorkIsLike = yes(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE, "yes_work_is_like");
        Field<Integer> yesItTakes = yes(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, "yes_it_takes");
        Field<Integer> yesConsider = yes(PUPIL_FEEDBACK.WOULD_CONSIDER, "yes_consider");
        return FeedbackRepository.withSchoolAndEmployer(dsl.select(
                        BOOKING.ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        BOOKING.ENCOUNTER_TYPE,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        FROM_SCHOOL.RATING,
                        FROM_SCHOOL.COMMENT,
                        FROM_EMPLOYER.RATING,
                        FROM_EMPLOYER.COMMENT,
                        BOOKING.PUPIL_ANSWERS,
                        attended,
                        yesWorkIsLike,
                        yesItTakes,
                        yesConsider))
                .leftJoin(FROM_SCHOOL)
                .on(FROM_SCHOOL
                        .BOOKING_ID
                        .eq(BOOKING.ID)
                        .and(FROM_SCHOOL.FROM_SIDE.eq(FeedbackSide.SCHOOL.getLiteral())))
                .leftJoin(FROM_EMPLOYER)
                .on(FROM_EMPLOYER
                        .BOOKING_ID
                        .eq(BOOKING.ID)
                        .and(FROM_EMPLOYER.FROM_SIDE.eq(FeedbackSide.EMPLOYER.getLiteral())))
                .where(condition)
                .orderBy(BOOKING.STARTS_ON.desc(), BOOKING.ID.desc())
                .fetch(r -> new BookingFeedback(
                        r.get(BOOKING.ID),
                        r.get(SCHOOL.ID),
                        r.get(SCHOOL.NAME),
                        r.get(EMPLOYER.ID),
                        r.get(EMPLOYER.NAME),
                        r.get(BOOKING.ENCOUNTER_TYPE),
                        r.get(BOOKING.STARTS_ON),
                        r.get(BOOKING.ENDS_ON),
                        side(r, FROM_SCHOOL),
                        side(r, FROM_EMPLOYER),
                        r.get(BOOKING.PUPIL_ANSWERS),
                        r.get(attended),
                        r.get(yesWorkIsLike),
                        r.get(yesItTakes),
                        r.get(yesConsider)));
    }

    private static SideAnswer side(Record r, uk.encounters.marketplace.jooq.tables.Feedback side) {
        Short rating = r.get(side.RATING);
        return rating == null ? null : new SideAnswer(rating, r.get(side.COMMENT));
    }

    /** How many of the booking's pupils answered yes to one question. */
    private static Field<Integer> yes(Field<PupilAnswer> question, String alias) {
        return DSL.field(DSL.selectCount()
                        .from(PUPIL_FEEDBACK)
                        .where(PUPIL_FEEDBACK.BOOKING_ID.eq(BOOKING.ID))
                        .and(question.eq(PupilAnswer.YES)))
                .as(alias);
    }
}

package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Select;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.round.RoundDigests.Recipient;

/**
 * Whom a round's digests go to: each employer asked and each school booked for (or with stalls at
 * its own event), with the address
 * to send to (null when there is nobody), and the enterprise advisers whose schools asked for a
 * copy. Read before publishing, for the coordinator's check, and when publishing, to send.
 */
final class RoundRecipients {

    /** An enterprise adviser to a school booked for, whom the school asked to be sent its digests. */
    record Adviser(long schoolId, String schoolName, long userId, String email, String name) {}

    private final DSLContext dsl;

    RoundRecipients(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The employers with a booking of the round in {@code status}, in id order, each with its
     * signed-in contact, else the volunteer named on its first booking in the round.
     */
    List<Recipient> employers(long roundId, BookingStatus status) {
        // one pass over the round's bookings, not a look through them for each employer
        var firstVolunteer = selectDistinct(OFFER.EMPLOYER_ID, VOLUNTEER.EMAIL, VOLUNTEER.NAME)
                .on(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .orderBy(OFFER.EMPLOYER_ID, BOOKING.ID)
                .asTable("first_volunteer");
        Condition employerContact =
                USER_SCOPE.EMPLOYER_ID.eq(EMPLOYER.ID).and(USER_SCOPE.ROLE.eq(Role.EMPLOYER.code()));
        Field<String> contactEmail = field(contact(APP_USER.EMAIL, employerContact));
        return dsl.select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        coalesce(contactEmail, firstVolunteer.field(VOLUNTEER.EMAIL)),
                        // the name goes with the address the email goes to
                        when(contactEmail.isNotNull(), field(contact(APP_USER.DISPLAY_NAME, employerContact)))
                                .otherwise(firstVolunteer.field(VOLUNTEER.NAME)))
                .from(EMPLOYER)
                .leftJoin(firstVolunteer)
                .on(firstVolunteer.field(OFFER.EMPLOYER_ID).eq(EMPLOYER.ID))
                .where(EMPLOYER.ID.in(selectDistinct(OFFER.EMPLOYER_ID)
                        .from(BOOKING)
                        .join(OFFER)
                        .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                        .where(BOOKING.ROUND_ID.eq(roundId))
                        .and(BOOKING.STATUS.eq(status))))
                .orderBy(EMPLOYER.ID)
                .fetch(Records.mapping(Recipient::new));
    }

    /** The schools with a booking of the round in {@code status}, in id order, each with its careers leader. */
    List<Recipient> schools(long roundId, BookingStatus status) {
        Condition careersLeader =
                USER_SCOPE.SCHOOL_ID.eq(SCHOOL.ID).and(USER_SCOPE.ROLE.eq(Role.CAREERS_LEADER.code()));
        return dsl.select(
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        field(contact(APP_USER.EMAIL, careersLeader)),
                        field(contact(APP_USER.DISPLAY_NAME, careersLeader)))
                .from(SCHOOL)
                .where(SCHOOL.ID.in(schoolsBookedFor(roundId, status)))
                .orderBy(SCHOOL.ID)
                .fetch(Records.mapping(Recipient::new));
    }

    /** The advisers of the schools booked for (in {@code status}) whose schools send them their digests, by school. */
    List<Adviser> advisers(long roundId, BookingStatus status) {
        return dsl.selectDistinct(SCHOOL.ID, SCHOOL.NAME, APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .from(SCHOOL)
                .join(USER_SCOPE)
                .on(USER_SCOPE.SCHOOL_ID.eq(SCHOOL.ID).and(USER_SCOPE.ROLE.eq(Role.ENTERPRISE_ADVISER.code())))
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SCOPE.USER_ID).and(APP_USER.DISABLED_AT.isNull()))
                .where(SCHOOL.DIGEST_TO_ADVISERS)
                .and(SCHOOL.ID.in(schoolsBookedFor(roundId, status)))
                .orderBy(SCHOOL.ID, APP_USER.ID)
                .fetch(Records.mapping(Adviser::new));
    }

    /** Schools with a session in the round, or a stall at their own event. */
    private static Select<Record1<Long>> schoolsBookedFor(long roundId, BookingStatus status) {
        return selectDistinct(REQUEST.SCHOOL_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(status))
                .union(SchoolEventStalls.schools(roundId, status));
    }

    /** Of the first signed-in person (by when they were given the scope) still able to sign in. */
    private static Select<Record1<String>> contact(Field<String> what, Condition scope) {
        return select(what)
                .from(USER_SCOPE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SCOPE.USER_ID))
                .where(scope)
                .and(APP_USER.DISABLED_AT.isNull())
                .orderBy(USER_SCOPE.ID)
                .limit(1);
    }
}

package uk.encounters.marketplace.booking;

import static org.jooq.impl.DSL.coalesce;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Addressees.Person;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.outbox.ReplyAddresses;

/**
 * What a booking declined after its round was published tells people, in the decline's
 * transaction: the employer, with a calendar cancellation that takes the session out of the
 * calendar its digest's invitation put it in; and, when the employer declined, the school's careers
 * leaders, whose pupils go back into matching. Replies go to whoever can answer: the school for its
 * own no, the hub's coordinator otherwise.
 */
public final class BookingCancellations {

    static final String KIND = "booking_declined";

    private final CalendarLinks links;
    private final String productName;
    private final Clock clock;

    public BookingCancellations(CalendarLinks links, String productName, Clock clock) {
        this.links = links;
        this.productName = productName;
        this.clock = clock;
    }

    /** The calendar file that takes these bookings (as they are now, declined) out of a calendar. */
    public Attachment calendarCancellation(List<EmployerBooking> bookings) {
        byte[] ics = new BookingCalendar(productName + " bookings", links)
                .cancellation(bookings, clock.instant())
                .getBytes(StandardCharsets.UTF_8);
        return new Attachment("cancelled.ics", "text/calendar; charset=UTF-8; method=CANCEL", ics);
    }

    /** The school declined the booking: its employer is told, and its calendar event cancelled. */
    public int declinedBySchool(DSLContext tx, long bookingId) {
        return tell(tx, bookingId, false);
    }

    /** The employer declined the booking: it is told its calendar event is cancelled, and the school why. */
    public int declinedByEmployer(DSLContext tx, long bookingId) {
        return tell(tx, bookingId, true);
    }

    private int tell(DSLContext tx, long bookingId, boolean byEmployer) {
        Record about = tx.select(
                        OFFER.EMPLOYER_ID,
                        OFFER.HUB_ID,
                        EMPLOYER.NAME,
                        coalesce(REQUEST.SCHOOL_ID, EVENT.SCHOOL_ID).as("school_id"),
                        VOLUNTEER.EMAIL,
                        VOLUNTEER.NAME)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .leftJoin(EVENT)
                .on(EVENT.ID.eq(BOOKING.EVENT_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(BOOKING.ID.eq(bookingId))
                .fetchSingle();
        long employerId = about.get(OFFER.EMPLOYER_ID);
        EmployerBooking booking =
                new EmployerBookingRepository(tx).find(employerId, bookingId).orElseThrow();
        Long schoolId = about.get("school_id", Long.class);
        ReplyAddresses hub = Addressees.replyToHub(tx, about.get(OFFER.HUB_ID));
        String what = booking.typeLabel() + " for Year " + booking.yearGroup() + " at " + booking.where() + ", "
                + booking.dates() + " (" + booking.periodLabel() + ")";
        String reason =
                booking.declineReason() == null || booking.declineReason().isBlank()
                        ? ""
                        : "\n\nThe reason given: " + booking.declineReason().strip();
        String key = "booking-declined:" + bookingId + ":" + booking.calendarSequence();
        List<OutboxMessage> messages = new ArrayList<>();
        Attachment cancellation = calendarCancellation(List.of(booking));
        ReplyAddresses employerRepliesTo =
                byEmployer || schoolId == null ? hub : Addressees.replyToSchool(tx, schoolId);
        for (Person person :
                Addressees.ofEmployer(tx, employerId, about.get(VOLUNTEER.EMAIL), about.get(VOLUNTEER.NAME))) {
            String body = byEmployer
                    ? person.greeting() + "\n\nYou declined " + what + ". The school and the hub know, and its"
                            + " pupils go back into matching. The attached file takes it out of your calendar if your"
                            + " calendar app has not done so already." + reason
                    : person.greeting() + "\n\n" + booking.where() + " has cancelled " + what + ", so it is no"
                            + " longer needed. Thank you for offering it; there is nothing more to do. The attached"
                            + " file takes it out of your calendar if your calendar app has not done so already."
                            + reason;
            messages.add(new OutboxMessage(
                            key + ":employer:" + person.email(),
                            KIND,
                            person.email(),
                            "Cancelled: " + what,
                            body + "\n\n" + productName + "\n",
                            null,
                            List.of(cancellation),
                            List.of())
                    .repliedTo(employerRepliesTo));
        }
        if (byEmployer && schoolId != null) {
            for (Person leader : Addressees.withRole(tx, USER_SCOPE.SCHOOL_ID.eq(schoolId), Role.CAREERS_LEADER)) {
                messages.add(new OutboxMessage(
                                key + ":school:" + leader.email(),
                                KIND,
                                leader.email(),
                                about.get(EMPLOYER.NAME) + " cannot come: " + what,
                                leader.greeting() + "\n\n" + about.get(EMPLOYER.NAME) + " has declined " + what
                                        + ". Its pupils go back into the next matching round: there is nothing you"
                                        + " need to do." + reason + "\n\n" + productName + "\n",
                                null)
                        .repliedTo(hub));
            }
        }
        return new Outbox(tx).enqueueAll(messages);
    }
}

package uk.encounters.marketplace.event;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Addressees.Person;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.booking.BookingCancellations;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.outbox.ReplyAddresses;
import uk.encounters.matcher.explain.DateStyle;

/**
 * An event called off before its pupils came: its stalls stop, and the employers giving them (and,
 * for a hub's event, the schools going) are told by email. One transaction: the event, its stalls
 * and the messages change together or not at all. It cannot be undone.
 */
public final class EventCancellation {

    /** Whose decision it was, as a stall's {@code declined_by} records it. */
    public enum CancelledBy {
        SCHOOL("school"),
        COORDINATOR("coordinator");

        private final String side;

        CancelledBy(String side) {
            this.side = side;
        }
    }

    /** What cancelling did: stalls stopped (agreed or only proposed) and emails queued. */
    public record Cancelled(int stallsStopped, int messages) {}

    private final DSLContext dsl;
    private final Clock clock;
    private final String productName;
    private final BookingCancellations cancellations;

    public EventCancellation(DSLContext dsl, Clock clock, String productName, BookingCancellations cancellations) {
        this.dsl = dsl;
        this.clock = clock;
        this.productName = productName;
        this.cancellations = cancellations;
    }

    /** Why the event can no longer be cancelled, or empty when it can. */
    public Optional<String> whyNot(EventRepository.EventView event) {
        return refusal(event.status(), event.heldOn(), registerTaken(dsl, event.id()), LocalDate.now(clock));
    }

    /** Why an event in this state can no longer be cancelled on {@code today}, or empty when it can. */
    public static Optional<String> refusal(
            EventStatus status, LocalDate heldOn, boolean registerTaken, LocalDate today) {
        if (status == EventStatus.CANCELLED) {
            return Optional.of("This event has already been cancelled.");
        }
        if (heldOn.isBefore(today)) {
            return Optional.of("This event's day has passed, so it can no longer be cancelled.");
        }
        if (registerTaken) {
            return Optional.of("Pupils' attendance has been recorded for this event: it went ahead.");
        }
        return Optional.empty();
    }

    private static boolean registerTaken(DSLContext dsl, long eventId) {
        return dsl.fetchExists(ENCOUNTER, ENCOUNTER.EVENT_ID.eq(eventId));
    }

    /**
     * Cancels the event unless it can no longer be ({@link #whyNot}, checked again under a lock on
     * the event: empty then); the {@code reason}, if any, goes to everyone told.
     */
    public Optional<Cancelled> cancel(Actor actor, long eventId, CancelledBy by, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && !TypedText.ONE_LINE.accepts(why)) {
            throw new IllegalArgumentException(TypedText.ONE_LINE.refusal("The reason"));
        }
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var event =
                    tx.selectFrom(EVENT).where(EVENT.ID.eq(eventId)).forUpdate().fetchOptional();
            if (event.isEmpty()
                    || refusal(
                                    event.get().getStatus(),
                                    event.get().getHeldOn(),
                                    registerTaken(tx, eventId),
                                    LocalDate.now(clock))
                            .isPresent()) {
                return Optional.empty();
            }
            List<OutboxMessage> messages = new ArrayList<>();
            String what =
                    event.get().getTitle() + ", " + DateStyle.of(event.get().getHeldOn());
            Map<Long, EmployerToTell> employers = employersToTell(tx, eventId);
            Long schoolId = event.get().getSchoolId();
            ReplyAddresses hub = Addressees.replyToHub(tx, event.get().getHubId());
            if (schoolId == null) {
                tellSchools(tx, eventId, what, why, hub, messages);
            }
            tx.update(EVENT)
                    .set(EVENT.STATUS, EventStatus.CANCELLED)
                    .where(EVENT.ID.eq(eventId))
                    .execute();
            int agreed = tx.update(BOOKING)
                    .set(BOOKING.STATUS, BookingStatus.DECLINED)
                    .set(BOOKING.DECLINE_REASON, why == null ? "The event was cancelled" : why)
                    .set(BOOKING.DECLINED_BY, by.side)
                    .set(BOOKING.PINNED, false)
                    .set(BOOKING.CALENDAR_SEQUENCE, BOOKING.CALENDAR_SEQUENCE.plus(1))
                    .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(BOOKING.EVENT_ID.eq(eventId))
                    .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                    .execute();
            // a round's proposal not yet published: the stall never reaches the employer
            int proposed = tx.update(BOOKING)
                    .set(BOOKING.STATUS, BookingStatus.CANCELLED)
                    .set(BOOKING.PINNED, false)
                    .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(BOOKING.EVENT_ID.eq(eventId))
                    .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                    .execute();
            tellEmployers(
                    tx,
                    eventId,
                    employers,
                    what,
                    why,
                    schoolId == null ? hub : Addressees.replyToSchool(tx, schoolId),
                    messages);
            int queued = new Outbox(tx).enqueueAll(messages);
            new AuditLog(tx)
                    .record(
                            actor,
                            "event_cancelled",
                            "event",
                            eventId,
                            Map.of("stalls", agreed + proposed, "reason", why == null ? "" : why));
            return Optional.of(new Cancelled(agreed + proposed, queued));
        });
    }

    /** Each employer with an agreed stall: its signed-in people, else the volunteers giving its stalls. */
    private record EmployerToTell(List<Person> people, List<Long> stalls) {}

    private static Map<Long, EmployerToTell> employersToTell(DSLContext tx, long eventId) {
        var stalls = tx.select(OFFER.EMPLOYER_ID, BOOKING.ID, VOLUNTEER.EMAIL, VOLUNTEER.NAME)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(BOOKING.EVENT_ID.eq(eventId))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .orderBy(OFFER.EMPLOYER_ID, BOOKING.ID)
                .fetch();
        Map<Long, EmployerToTell> byEmployer = new LinkedHashMap<>();
        Set<Long> signingIn = new HashSet<>();
        for (var stall : stalls) {
            EmployerToTell employer = byEmployer.computeIfAbsent(stall.value1(), id -> {
                List<Person> own = Addressees.withRole(tx, USER_SCOPE.EMPLOYER_ID.eq(id), Role.EMPLOYER);
                if (!own.isEmpty()) {
                    signingIn.add(id);
                }
                return new EmployerToTell(new ArrayList<>(own), new ArrayList<>());
            });
            employer.stalls().add(stall.value2());
            // nobody signs in for the employer: the volunteers giving its stalls are the ones to tell
            if (!signingIn.contains(stall.value1())
                    && stall.value3() != null
                    && employer.people().stream().noneMatch(p -> p.email().equals(stall.value3()))) {
                employer.people().add(new Person(stall.value3(), stall.value4()));
            }
        }
        return byEmployer;
    }

    /** To each employer told: the cancellation, with the file that takes its stalls (declined now) out of its calendar. */
    private void tellEmployers(
            DSLContext tx,
            long eventId,
            Map<Long, EmployerToTell> employers,
            String what,
            String why,
            ReplyAddresses replyTo,
            List<OutboxMessage> messages) {
        EmployerBookingRepository bookings = new EmployerBookingRepository(tx);
        employers.forEach((employerId, employer) -> {
            List<EmployerBooking> stalls = employer.stalls().stream()
                    .map(id -> bookings.find(employerId, id).orElseThrow())
                    .toList();
            Attachment calendar = cancellations.calendarCancellation(stalls);
            for (Person person : employer.people()) {
                messages.add(new OutboxMessage(
                                "event-cancelled:" + eventId + ":employer:" + employerId + ":" + person.email(),
                                "event_cancelled",
                                person.email(),
                                "Cancelled: " + what,
                                person.greeting() + "\n\n" + what + " has been cancelled, so your stall there is no"
                                        + " longer needed. Thank you for offering it; there is nothing more to do."
                                        + " The attached file takes it out of your calendar if your calendar app has"
                                        + " not done so already."
                                        + reasonLine(why) + "\n\n" + productName + "\n",
                                null,
                                List.of(calendar),
                                List.of())
                        .repliedTo(replyTo));
            }
        });
    }

    /** Each school going to a hub's event: its careers leaders, with the year groups it signed up. */
    private void tellSchools(
            DSLContext tx,
            long eventId,
            String what,
            String why,
            ReplyAddresses replyTo,
            List<OutboxMessage> messages) {
        var signUps = tx.select(EVENT_SIGN_UP.SCHOOL_ID, EVENT_SIGN_UP.YEAR_GROUP)
                .from(EVENT_SIGN_UP)
                .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                .orderBy(EVENT_SIGN_UP.SCHOOL_ID, EVENT_SIGN_UP.YEAR_GROUP)
                .fetchGroups(EVENT_SIGN_UP.SCHOOL_ID, r -> "Year " + r.value2());
        signUps.forEach((schoolId, years) -> {
            for (Person leader : Addressees.withRole(tx, USER_SCOPE.SCHOOL_ID.eq(schoolId), Role.CAREERS_LEADER)) {
                messages.add(new OutboxMessage(
                                "event-cancelled:" + eventId + ":school:" + schoolId + ":" + leader.email(),
                                "event_cancelled",
                                leader.email(),
                                "Cancelled: " + what,
                                leader.greeting() + "\n\nThe hub has cancelled " + what + ", which your "
                                        + String.join(" and ", years) + " signed up to." + reasonLine(why)
                                        + "\n\n" + productName + "\n",
                                null)
                        .repliedTo(replyTo));
            }
        });
    }

    private static String reasonLine(String why) {
        return why == null ? "" : "\n\nThe reason given: " + why;
    }
}

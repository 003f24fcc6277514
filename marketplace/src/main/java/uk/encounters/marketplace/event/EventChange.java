package uk.encounters.marketplace.event;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.jooq.tables.records.EventRecord;
import uk.encounters.marketplace.school.PlaceByPostcode;

/**
 * An event changed before its day, in one transaction with its stalls wanted and (a school's event)
 * its year groups going. Once employers have agreed stalls, what they agreed to (the kind of
 * event, its date, time of day and place) stays: moving it means cancelling it, which tells them.
 */
public final class EventChange {

    /** What became of a change. */
    public enum Outcome {
        CHANGED,
        /** Cancelled, or its day has come. */
        NOT_CHANGEABLE,
        /** A new kind, date, time of day or place, with stalls agreed for the old. */
        MOVED_WITH_STALLS_AGREED,
        /** Fewer stalls wanted than employers have agreed to give. */
        FEWER_STALLS_THAN_AGREED
    }

    /** The outcome, and the stalls employers had agreed to when it was decided. */
    public record Changed(Outcome outcome, int stallsAgreed) {}

    private final DSLContext dsl;
    private final Clock clock;

    public EventChange(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** An open event may change until its day. */
    public static boolean changeable(EventStatus status, LocalDate heldOn, LocalDate today) {
        return status == EventStatus.OPEN && heldOn.isAfter(today);
    }

    /** The stalls employers have agreed to give (asked and not declined), which a change must keep. */
    public int stallsAgreed(long eventId) {
        return agreed(dsl, eventId);
    }

    /**
     * Changes the event to {@code details}; a school's event also to {@code going} (a hub's keeps
     * the schools' sign-ups, its places shared again for a new capacity).
     */
    public Changed change(Actor actor, long eventId, EventDetails details, List<YearGroupGoing> going) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            EventRecord event =
                    tx.selectFrom(EVENT).where(EVENT.ID.eq(eventId)).forUpdate().fetchOne();
            int agreed = agreed(tx, eventId);
            if (event == null || !changeable(event.getStatus(), event.getHeldOn(), LocalDate.now(clock))) {
                return new Changed(Outcome.NOT_CHANGEABLE, agreed);
            }
            boolean hubEvent = event.getSchoolId() == null;
            boolean moved = event.getKind() != details.kind()
                    || !event.getHeldOn().equals(details.heldOn())
                    || !event.getPeriod().equals(details.period().code())
                    || (hubEvent
                            && (event.getOnline() != details.online()
                                    || !Objects.equals(
                                            event.getVenuePostcode(),
                                            EventRepository.blankToNull(details.venuePostcode()))));
            if (moved && agreed > 0) {
                return new Changed(Outcome.MOVED_WITH_STALLS_AGREED, agreed);
            }
            if (details.stallCount() < agreed) {
                return new Changed(Outcome.FEWER_STALLS_THAN_AGREED, agreed);
            }
            boolean replaced = hubEvent
                    && !details.online()
                    && !Objects.equals(event.getVenuePostcode(), EventRepository.blankToNull(details.venuePostcode()));
            PlaceByPostcode venue = replaced
                    ? PlaceByPostcode.of(tx, event.getHubId(), PostcodeDistrict.of(details.venuePostcode()))
                    : null;
            event.setKind(details.kind());
            event.setTitle(details.title().strip());
            event.setHeldOn(details.heldOn());
            event.setPeriod(details.period().code());
            if (hubEvent) {
                event.setVenueName(EventRepository.blankToNull(details.venueName()));
                event.setVenuePostcode(EventRepository.blankToNull(details.venuePostcode()));
                event.setOnline(details.online());
                if (details.online()) {
                    event.setVenueLatitude(null);
                    event.setVenueLongitude(null);
                } else if (venue != null) {
                    event.setVenueLatitude(venue.latitude());
                    event.setVenueLongitude(venue.longitude());
                }
                event.setCapacity(details.capacity());
                event.setSignUpBy(details.signUpBy());
            }
            event.update();
            tx.deleteFrom(EVENT_STALLS).where(EVENT_STALLS.EVENT_ID.eq(eventId)).execute();
            EventRepository.insertStalls(tx, eventId, details.stalls());
            if (hubEvent) {
                EventRepository.sharePlaces(tx, eventId);
            } else {
                tx.deleteFrom(EVENT_SIGN_UP)
                        .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                        .execute();
                EventRepository.insertGoing(tx, eventId, event.getSchoolId(), actor.userId(), going);
            }
            if (moved) {
                // a round's proposal for the old day: the next solve fills the stalls for the new one
                tx.update(BOOKING)
                        .set(BOOKING.STATUS, BookingStatus.CANCELLED)
                        .set(BOOKING.PINNED, false)
                        .set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(BOOKING.EVENT_ID.eq(eventId))
                        .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                        .execute();
            }
            new AuditLog(tx).record(actor, "event_changed", "event", eventId, Map.of("moved", moved));
            return new Changed(Outcome.CHANGED, agreed);
        });
    }

    private static int agreed(DSLContext dsl, long eventId) {
        return dsl.fetchCount(BOOKING, BOOKING.EVENT_ID.eq(eventId).and(BOOKING.STATUS.in(BookingStatus.AGREED)));
    }
}

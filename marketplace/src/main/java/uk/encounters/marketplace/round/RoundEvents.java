package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.Period;

/**
 * The hub's events a round fills stalls for: open ones on a school day of the horizon, not yet past,
 * and any with a booking the plan must hold. Each is one matcher request whose sessions are its
 * stalls; its id is the event's negated, so it never meets a request's.
 */
final class RoundEvents {

    /** A year group going, with the pupils who have places. */
    record SignUp(long schoolId, int yearGroup, int pupils) {}

    record EventRow(
            long id,
            Long schoolId,
            EventKind kind,
            LocalDate heldOn,
            Period period,
            Location venue,
            boolean online,
            int stalls,
            Set<String> sectors,
            boolean open,
            List<SignUp> signUps) {

        long requestId() {
            return requestIdOf(id);
        }

        Set<DeliveryMode> modes() {
            return Set.of(online ? DeliveryMode.ONLINE : DeliveryMode.IN_SCHOOL);
        }
    }

    private RoundEvents() {}

    /** The matcher request an event's stalls are. */
    static long requestIdOf(long eventId) {
        return -eventId;
    }

    /** The event a matcher request stands for, or null for a school's request. */
    static Long eventIdOf(long requestId) {
        return requestId < 0 ? -requestId : null;
    }

    static List<EventRow> load(DSLContext dsl, RoundProblem.Scope scope, Condition bookedInHorizon) {
        Condition open = EVENT.STATUS
                .eq(EventStatus.OPEN)
                .and(EVENT.HELD_ON.between(
                        scope.horizon().start(), scope.horizon().end()))
                .and(EVENT.HELD_ON.ge(scope.today()));
        Condition booked =
                EVENT.ID.in(DSL.select(BOOKING.EVENT_ID).from(BOOKING).where(bookedInHorizon));
        Map<Long, EventRow> events = new LinkedHashMap<>();
        Map<Long, List<SignUp>> signUps = new HashMap<>();
        Map<Long, Set<String>> sectors = new HashMap<>();
        Map<Long, Integer> stalls = new HashMap<>();
        var rows = dsl.selectFrom(EVENT)
                .where(EVENT.HUB_ID.eq(scope.hubId()))
                .and(open.or(booked))
                .orderBy(EVENT.CREATED_AT, EVENT.ID)
                .fetch();
        List<Long> ids = rows.map(r -> r.getId());
        dsl.selectFrom(EVENT_STALLS).where(EVENT_STALLS.EVENT_ID.in(ids)).forEach(r -> {
            stalls.merge(r.getEventId(), r.getStalls(), Integer::sum);
            if (r.getSector() != null) {
                sectors.computeIfAbsent(r.getEventId(), id -> new LinkedHashSet<>())
                        .add(r.getSector());
            }
        });
        dsl.selectFrom(EVENT_SIGN_UP)
                .where(EVENT_SIGN_UP.EVENT_ID.in(ids))
                .orderBy(EVENT_SIGN_UP.ID)
                .forEach(r -> {
                    int places = r.getPlaces() != null ? r.getPlaces() : r.getPupils();
                    if (places > 0) {
                        signUps.computeIfAbsent(r.getEventId(), id -> new ArrayList<>())
                                .add(new SignUp(r.getSchoolId(), r.getYearGroup(), places));
                    }
                });
        for (var r : rows) {
            long id = r.getId();
            Location venue = r.getVenueLatitude() == null || r.getVenueLongitude() == null
                    ? null
                    : new Location(r.getVenueLatitude(), r.getVenueLongitude());
            boolean isOpen = r.getStatus() == EventStatus.OPEN && !r.getHeldOn().isBefore(scope.today());
            events.put(
                    id,
                    new EventRow(
                            id,
                            r.getSchoolId(),
                            r.getKind(),
                            r.getHeldOn(),
                            Period.fromCode(r.getPeriod()),
                            venue,
                            r.getOnline(),
                            stalls.getOrDefault(id, 0),
                            sectors.getOrDefault(id, Set.of()),
                            isOpen,
                            signUps.getOrDefault(id, List.of())));
        }
        return List.copyOf(events.values());
    }
}

package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.NoShow;
import uk.encounters.marketplace.event.EventRegister;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.event.YearGroupGoing;

/**
 * The year's events in one arm, through the calls the event pages make: schools post their own
 * and sign year groups up to the hub's ({@link EventRepository}); the weekly round (solved or
 * first come, first served) asks employers for the stalls; on the day each stall's employer comes
 * or now and then does not, and when at least one came each school going takes its register
 * ({@link EventRegister#record}), its pupils absent by the same draws as at sessions. An event
 * with no stall given does not happen: nobody has an encounter.
 */
final class EventDays {

    /** The careers leader or coordinator posting, as the audit log sees a signed-out form. */
    private static final Actor POSTER = Actor.anonymous("simulation");

    private final DSLContext dsl;
    private final long hubId;
    private final Draws draws;
    private final Behaviour behaviour;
    private final Absences absences;
    private final Map<Integer, Long> schoolIdsByUrn;
    /** Events whose day has come and been dealt with: held with registers, or not held. */
    private final Set<Long> done = new TreeSet<>();

    EventDays(DSLContext dsl, long hubId, Draws draws, Behaviour behaviour) {
        this.dsl = dsl;
        this.hubId = hubId;
        this.draws = draws;
        this.behaviour = behaviour;
        this.absences = new Absences(draws, behaviour);
        this.schoolIdsByUrn = dsl.select(SCHOOL.URN, SCHOOL.ID)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .fetchMap(SCHOOL.URN, SCHOOL.ID);
    }

    /** Posts the week's events, and signs the schools up to the hub's, in their order. */
    void post(List<PlannedEvent> events, LocalDate today) {
        EventRepository repository = new EventRepository(dsl);
        for (PlannedEvent event : events) {
            if (!event.hubEvent()) {
                PlannedEvent.Going year = event.going().getFirst();
                repository.postForSchool(
                        POSTER,
                        schoolId(event.urn()),
                        event.details(),
                        List.of(new YearGroupGoing(year.yearGroup(), year.pupils())));
                continue;
            }
            long eventId = repository.postForHub(POSTER, hubId, event.details());
            for (PlannedEvent.Going going : event.going()) {
                repository
                        .signUp(
                                POSTER,
                                eventId,
                                schoolId(going.urn()),
                                new YearGroupGoing(going.yearGroup(), going.pupils()),
                                false,
                                null,
                                today)
                        .orElseThrow(() -> new IllegalStateException("Hub event " + eventId + " refused a sign-up"));
            }
        }
    }

    /** Events of the hub whose day has come, up to {@code today}: held with their registers, or not. */
    void hold(LocalDate today) {
        List<Long> due = dsl.select(EVENT.ID)
                .from(EVENT)
                .where(EVENT.HUB_ID.eq(hubId))
                .and(EVENT.HELD_ON.le(today))
                .orderBy(EVENT.ID)
                .fetch(EVENT.ID);
        EventRepository events = new EventRepository(dsl);
        for (long eventId : due) {
            if (!done.add(eventId)) {
                continue;
            }
            if (employersCame(eventId, today) == 0) {
                continue;
            }
            EventRepository.EventView event =
                    events.find(eventId, EventRepository.ofHub(hubId)).orElseThrow();
            EventRegister register = new EventRegister(dsl);
            for (long schoolId : event.signUps().stream()
                    .map(EventRepository.SignUpRow::schoolId)
                    .distinct()
                    .sorted()
                    .toList()) {
                Set<Long> listed = going(event, schoolId, register);
                register.record(
                        POSTER, event, schoolId, listed, absences.present(dsl, listed, event.heldOn()), event.heldOn());
            }
        }
    }

    /** The event's live stalls whose employer came: the others are recorded as no-shows. */
    private int employersCame(long eventId, LocalDate today) {
        var stalls = dsl.select(
                        BOOKING.ID,
                        BOOKING.REQUEST_ID,
                        BOOKING.EVENT_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.PERIOD)
                .from(BOOKING)
                .where(BOOKING.EVENT_ID.eq(eventId))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .orderBy(BOOKING.ID)
                .fetch();
        int came = 0;
        for (var stall : stalls) {
            if (draws.chance("no-show/" + SessionKey.of(stall).name(), behaviour.noShowShare())) {
                dsl.transaction(c -> NoShow.record(c.dsl(), stall.get(BOOKING.ID), today));
            } else {
                came++;
            }
        }
        return came;
    }

    /**
     * The school's pupils going, year group by year group: all its pupils on roll there when its
     * places take them all (a school's own event is for the whole year group), else as many as it
     * has places, a class drawn at random. The event page lists the whole year group and suggests
     * no one, so every arm sends a class.
     */
    private Set<Long> going(EventRepository.EventView event, long schoolId, EventRegister register) {
        List<EventRegister.Line> lines = register.register(event, schoolId).lines();
        Set<Long> going = new LinkedHashSet<>();
        for (EventRepository.SignUpRow signUp : event.signUpsOf(schoolId)) {
            List<Long> year = new ArrayList<>(lines.stream()
                    .filter(l -> l.yearGroup() == signUp.yearGroup())
                    .map(EventRegister.Line::id)
                    .sorted()
                    .toList());
            if (signUp.going() < year.size()) {
                Collections.shuffle(
                        year, draws.of("event-class/" + event.id() + "/" + schoolId + "/" + signUp.yearGroup()));
                year = year.subList(0, signUp.going());
            }
            going.addAll(year);
        }
        return going;
    }

    private long schoolId(int urn) {
        Long schoolId = schoolIdsByUrn.get(urn);
        if (schoolId == null) {
            throw new IllegalStateException("School " + urn + " is not in the hub");
        }
        return schoolId;
    }
}

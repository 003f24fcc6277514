package uk.encounters.matcher.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * Builds a round's problem from plain facts: turns offers' availability into slots on the
 * horizon's school days, requests into sessions, and finds each session's candidate slots (right
 * type and year group, within the window and the periods asked for, a group size the offer takes,
 * and a way to meet: in school within the volunteer's radius, at the workplace within the
 * school's travel limit, or online). Bookings already made come in as sessions placed on their
 * slot, pinned when published.
 */
public final class ProblemBuilder {

    /** A placement runs Monday to Friday. */
    private static final int PLACEMENT_DAYS = 5;

    private final LocalDate horizonStart;
    private final LocalDate horizonEnd;
    private final NavigableSet<LocalDate> schoolDays;
    private final MatchingWeights weights;
    private final Map<Long, Offer> offers = new LinkedHashMap<>();
    private final Map<Long, Request> requests = new LinkedHashMap<>();
    private final Map<Long, List<Booked>> bookings = new HashMap<>();
    private final Map<Long, Set<Long>> excludedOffers = new HashMap<>();
    private final Map<Long, List<Away>> away = new HashMap<>();

    /** Days and a period a volunteer is booked outside this problem. */
    private record Away(LocalDate from, LocalDate to, Period period) {
        boolean covers(LocalDate day, Period other) {
            return !day.isBefore(from) && !day.isAfter(to) && period.overlaps(other);
        }
    }

    private record Booked(long offerId, LocalDate startsOn, LocalDate endsOn, Period period, boolean published) {}

    private record SlotKey(long offerId, LocalDate startsOn, Period period) {}

    /**
     * @param schoolDays the days schools are open in the horizon (term dates, no bank holidays)
     */
    public ProblemBuilder(
            LocalDate horizonStart, LocalDate horizonEnd, Set<LocalDate> schoolDays, MatchingWeights weights) {
        if (horizonEnd.isBefore(horizonStart)) {
            throw new IllegalArgumentException("The horizon ends before it starts");
        }
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
        this.schoolDays = new TreeSet<>(schoolDays);
        this.weights = weights;
    }

    /** Every weekday of the horizon counts as a school day. */
    public static Set<LocalDate> weekdays(LocalDate from, LocalDate to) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    public ProblemBuilder offer(Offer offer) {
        offers.put(offer.id(), offer);
        return this;
    }

    public ProblemBuilder request(Request request) {
        requests.put(request.id(), request);
        return this;
    }

    /** A booking already made for one of a request's sessions; published ones never move. */
    public ProblemBuilder booking(
            long requestId, long offerId, LocalDate startsOn, LocalDate endsOn, Period period, boolean published) {
        bookings.computeIfAbsent(requestId, id -> new ArrayList<>())
                .add(new Booked(offerId, startsOn, endsOn, period, published));
        return this;
    }

    /**
     * The volunteer is booked elsewhere (another hub's round): none of their offers gets a slot then,
     * as a volunteer is in one place at a time. Placements are exempt, as the database has them.
     */
    public ProblemBuilder volunteerAway(long volunteerId, LocalDate from, LocalDate to, Period period) {
        away.computeIfAbsent(volunteerId, id -> new ArrayList<>()).add(new Away(from, to, period));
        return this;
    }

    /** A pairing a person ruled out: the request's sessions never get this offer's slots. */
    public ProblemBuilder exclude(long requestId, long offerId) {
        excludedOffers.computeIfAbsent(requestId, id -> new HashSet<>()).add(offerId);
        return this;
    }

    public MatchingProblem build() {
        Map<SlotKey, OfferSlot> slots = new LinkedHashMap<>();
        for (Offer offer : offers.values()) {
            for (Availability availability : offer.availability()) {
                for (LocalDate day : days(offer, availability)) {
                    if (awayThen(offer, day, availability.period())) {
                        continue;
                    }
                    // a placement week is one slot however its days were offered (a weekday ticked, or mornings)
                    Period period = offer.placements() ? Period.ALL_DAY : availability.period();
                    slots.computeIfAbsent(
                            new SlotKey(offer.id(), day, period), key -> slot(slots.size() + 1, offer, day, period));
                }
            }
        }
        Map<EncounterType, List<OfferSlot>> slotsByType = new EnumMap<>(EncounterType.class);
        slots.values()
                .forEach(slot -> slotsByType
                        .computeIfAbsent(slot.offer().type(), t -> new ArrayList<>())
                        .add(slot));
        List<Session> sessions = new ArrayList<>();
        for (Request request : requests.values()) {
            Map<Offer, Reach> reaches = new HashMap<>();
            Set<Offer> unreachable = new HashSet<>();
            List<OfferSlot> candidates = new ArrayList<>();
            Set<Long> excluded = excludedOffers.getOrDefault(request.id(), Set.of());
            List<OfferSlot> ofType = new ArrayList<>();
            request.offerTypes().forEach(type -> ofType.addAll(slotsByType.getOrDefault(type, List.of())));
            for (OfferSlot slot : ofType) {
                Offer offer = slot.offer();
                if (!suits(request, slot) || unreachable.contains(offer) || excluded.contains(offer.id())) {
                    continue;
                }
                if (!reaches.containsKey(offer)) {
                    Reach reach = request.reach(offer);
                    if (reach == null) {
                        unreachable.add(offer);
                        continue;
                    }
                    reaches.put(offer, reach);
                }
                candidates.add(slot);
            }
            List<Booked> booked = bookings.getOrDefault(request.id(), List.of());
            // made immutable once: every session of the request shares them (a placement request has one per place)
            List<OfferSlot> sharedCandidates = List.copyOf(candidates);
            Map<Offer, Reach> sharedReaches = Map.copyOf(reaches);
            for (int number = 1; number <= request.sessionCount(); number++) {
                Session session = new Session(request, number, sharedCandidates, sharedReaches);
                if (number <= booked.size()) {
                    Booked booking = booked.get(number - 1);
                    OfferSlot slot = slots.computeIfAbsent(
                            new SlotKey(booking.offerId(), booking.startsOn(), booking.period()),
                            key -> new OfferSlot(
                                    slots.size() + 1,
                                    offerOf(booking),
                                    booking.startsOn(),
                                    booking.endsOn(),
                                    booking.period()));
                    session.booked(slot, booking.published());
                }
                sessions.add(session);
            }
        }
        return new MatchingProblem(
                horizonStart,
                horizonEnd,
                weights,
                distinct(cohorts().stream().map(Cohort::school).toList()),
                cohorts(),
                distinct(offers.values().stream().map(Offer::employer).toList()),
                List.copyOf(offers.values()),
                List.copyOf(slots.values()),
                halfDays(),
                List.copyOf(requests.values()),
                sessions);
    }

    /** Every cohort a request is for, an event's attending cohorts too. */
    private List<Cohort> cohorts() {
        List<Cohort> cohorts = new ArrayList<>();
        for (Request request : requests.values()) {
            cohorts.add(request.cohort());
            request.audience().forEach(a -> cohorts.add(a.cohort()));
        }
        return distinct(cohorts);
    }

    private Offer offerOf(Booked booking) {
        Offer offer = offers.get(booking.offerId());
        if (offer == null) {
            throw new IllegalArgumentException(
                    "A booking names offer " + booking.offerId() + ", which is not in the problem");
        }
        return offer;
    }

    private static <T> List<T> distinct(List<T> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }

    private OfferSlot slot(long id, Offer offer, LocalDate day, Period period) {
        LocalDate endsOn = offer.placements() ? day.plusDays(PLACEMENT_DAYS - 1) : day;
        return new OfferSlot(id, offer, day, endsOn, offer.placements() ? Period.ALL_DAY : period);
    }

    private boolean awayThen(Offer offer, LocalDate day, Period period) {
        if (offer.volunteer() == null || offer.placements()) {
            return false;
        }
        return away.getOrDefault(offer.volunteer().id(), List.of()).stream().anyMatch(a -> a.covers(day, period));
    }

    private List<LocalDate> days(Offer offer, Availability availability) {
        LocalDate from = max(horizonStart, offer.availableFrom());
        LocalDate to = min(horizonEnd, offer.availableUntil());
        if (offer.placements()) {
            return placementWeeks(availability, from, to);
        }
        if (availability.date() != null) {
            LocalDate day = availability.date();
            return !day.isBefore(from) && !day.isAfter(to) && schoolDays.contains(day) ? List.of(day) : List.of();
        }
        return schoolDays.subSet(from, true, to, true).stream()
                .filter(day -> day.getDayOfWeek().getValue() == availability.weekday())
                .toList();
    }

    /**
     * A placement runs a school week from its Monday, so any day offered stands for its week: a host
     * who ticks Tuesdays, or names a Wednesday, offers that week, never a Tuesday-to-Saturday one.
     * The week counts when it starts in the horizon, no earlier than the week of the host's first
     * date, and has a school day (a bank holiday Monday leaves the rest of the week).
     */
    private List<LocalDate> placementWeeks(Availability availability, LocalDate from, LocalDate to) {
        List<LocalDate> days = availability.date() != null
                ? List.of(availability.date())
                : schoolDays.subSet(from, true, to, true).stream()
                        .filter(day -> day.getDayOfWeek().getValue() == availability.weekday())
                        .toList();
        LocalDate firstWeek = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return days.stream()
                .map(day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .distinct()
                .filter(monday -> !monday.isBefore(max(firstWeek, horizonStart)) && !monday.isAfter(to))
                .filter(monday -> !schoolDays
                        .subSet(monday, true, monday.plusDays(PLACEMENT_DAYS - 1), true)
                        .isEmpty())
                .toList();
    }

    private static boolean suits(Request request, OfferSlot slot) {
        Offer offer = slot.offer();
        if (!request.metBy(offer.type())
                || !request.yearGroupsWithin(offer.yearGroupMin(), offer.yearGroupMax())
                || slot.startsOn().isBefore(request.windowStart())
                || slot.startsOn().isAfter(request.windowEnd())) {
            return false;
        }
        if (offer.placements()) {
            return true;
        }
        // a stall is an employer's time: no one school's budget could pay for one at a hub's event,
        // and a school's fair is not where its budget goes, so paid providers come through requests
        if (request.event() && offer.paid()) {
            return false;
        }
        if (!slot.period().fits(request.mornings(), request.afternoons())) {
            return false;
        }
        // a stall meets its share of the event's pupils, from an event at least as big as the offer asks
        return request.event()
                ? request.pupils() >= offer.pupilsMin() && request.pupilsPerSession() <= offer.pupilsMax()
                : request.pupils() >= offer.pupilsMin() && request.pupils() <= offer.pupilsMax();
    }

    private List<HalfDay> halfDays() {
        List<HalfDay> halfDays = new ArrayList<>();
        for (LocalDate day : schoolDays.subSet(horizonStart, true, horizonEnd.plusDays(PLACEMENT_DAYS), true)) {
            halfDays.add(HalfDay.of(day, false));
            halfDays.add(HalfDay.of(day, true));
        }
        return halfDays;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

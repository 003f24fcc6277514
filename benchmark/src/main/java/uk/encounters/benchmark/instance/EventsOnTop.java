package uk.encounters.benchmark.instance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;

/**
 * What the events instance adds to a Derby week (issue 26): a school's Year 9 careers fair of eight
 * stalls on the week's Tuesday morning, a hub's sector day for three schools' Year 10s on its Thursday
 * morning, and online insight sessions that several schools' classes can share, asked for by cold-spot
 * schools. The demo's fair offers are one-off dates spread over the year, as employers answer schools'
 * own fairs; here each is free for each event with an even chance, as employers answer a fair's date.
 */
final class EventsOnTop {

    static final int FAIR_STALLS = 8;
    static final int SECTOR_DAY_STALLS = 10;
    static final int SECTOR_DAY_PUPILS_A_SCHOOL = 60;
    /** What a shared online insight session takes, all schools together: a webinar's audience. */
    static final int SHARED_ONLINE_PUPILS = 240;

    static final int ONLINE_REQUESTS = 4;
    static final int ONLINE_CLASS = 60;

    /** The chance a fair offer's employer is free for one of the events. */
    private static final double FREE_FOR_AN_EVENT = 0.5;

    /** The events' days: the fair's and the sector day's, both mornings. */
    record Days(LocalDate fair, LocalDate sectorDay) {

        static Days of(Horizon horizon) {
            List<LocalDate> days = new ArrayList<>(new java.util.TreeSet<>(horizon.schoolDays()));
            return new Days(days.get(Math.min(1, days.size() - 1)), days.get(Math.min(3, days.size() - 1)));
        }
    }

    private EventsOnTop() {}

    /**
     * The offer as the events instance has it: an online insight session shared by schools, up to
     * {@link #SHARED_ONLINE_PUPILS}; a fair stall free on each event's morning by chance.
     */
    static Offer forEvents(Offer offer, Days days, RandomGenerator random) {
        if (offer.type() == EncounterType.ONLINE_INSIGHT) {
            return offer.sharedOnlineUpTo(SHARED_ONLINE_PUPILS);
        }
        if (offer.type() != EncounterType.CAREERS_FAIR) {
            return offer;
        }
        List<Availability> free = new ArrayList<>();
        for (LocalDate day : List.of(days.fair(), days.sectorDay())) {
            if (random.nextDouble() < FREE_FOR_AN_EVENT) {
                free.add(Availability.on(day, Period.MORNING));
            }
        }
        return free.isEmpty() ? offer : offer.alsoAvailable(free);
    }

    /**
     * The events' requests and the cold-spot schools' online ones, ids from {@code firstId}, posted
     * after the week's own requests.
     */
    static List<Request> requests(
            Horizon horizon, Days days, Collection<Cohort> cohorts, long firstId, long firstOrder) {
        List<Request> requests = new ArrayList<>();
        long id = firstId;
        long order = firstOrder;
        List<Cohort> year9 = largestFirst(cohorts, 9);
        if (!year9.isEmpty()) {
            Cohort school = year9.getFirst();
            requests.add(event(
                    id++, order++, days.fair(), FAIR_STALLS, List.of(new Attendance(school, school.pupils())), null));
        }
        List<Cohort> year10 = largestFirst(cohorts, 10).stream()
                .filter(c -> c.school().location() != null)
                .limit(3)
                .toList();
        if (year10.size() == 3) {
            List<Attendance> going = year10.stream()
                    .map(c -> new Attendance(c, Math.min(c.pupils(), SECTOR_DAY_PUPILS_A_SCHOOL)))
                    .toList();
            requests.add(event(id++, order++, days.sectorDay(), SECTOR_DAY_STALLS, going, middle(year10)));
        }
        List<Cohort> coldSpots = cohorts.stream()
                .filter(c -> c.school().coldSpot() && c.yearGroup() <= 11)
                .sorted(Comparator.comparingLong((Cohort c) -> c.school().id()).thenComparingInt(Cohort::yearGroup))
                .limit(ONLINE_REQUESTS)
                .toList();
        for (Cohort cohort : coldSpots) {
            requests.add(new Request(
                    id++,
                    cohort,
                    EncounterType.ONLINE_INSIGHT,
                    Math.min(cohort.pupils(), ONLINE_CLASS),
                    1,
                    horizon.start(),
                    horizon.end(),
                    true,
                    true,
                    Set.of(DeliveryMode.ONLINE),
                    Set.of(),
                    null,
                    false,
                    order++));
        }
        return requests;
    }

    private static Request event(
            long id, long order, LocalDate day, int stalls, List<Attendance> going, Location venue) {
        return new Request(
                id,
                going.getFirst().cohort(),
                EncounterType.CAREERS_FAIR,
                going.stream().mapToInt(Attendance::pupils).sum(),
                stalls,
                day,
                day,
                true,
                false,
                Set.of(DeliveryMode.IN_SCHOOL),
                Set.of(),
                null,
                false,
                order,
                Arrangement.EVENT,
                going,
                venue);
    }

    private static List<Cohort> largestFirst(Collection<Cohort> cohorts, int yearGroup) {
        return cohorts.stream()
                .filter(c -> c.yearGroup() == yearGroup)
                .sorted(Comparator.comparingInt((Cohort c) -> -c.pupils())
                        .thenComparingLong(c -> c.school().id()))
                .toList();
    }

    /** A venue amid the schools going: their middle. */
    private static Location middle(List<Cohort> going) {
        Map<School, Location> schools = new HashMap<>();
        going.forEach(c -> schools.put(c.school(), c.school().location()));
        double latitude = schools.values().stream()
                .mapToDouble(Location::latitude)
                .average()
                .orElseThrow();
        double longitude = schools.values().stream()
                .mapToDouble(Location::longitude)
                .average()
                .orElseThrow();
        return new Location(latitude, longitude);
    }
}

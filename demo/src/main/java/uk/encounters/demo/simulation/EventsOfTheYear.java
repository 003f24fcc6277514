package uk.encounters.demo.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.encounters.demo.HubProfile;
import uk.encounters.demo.SchoolProfile;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.matcher.domain.Period;

/**
 * The events of the hub's year ({@link EventHabits}), drawn once before play so that every arm
 * posts the same events in the same weeks: each school's own careers fair or mock-interview day
 * for one year group, and the hub's citywide fairs with the schools signing up to them. Every
 * choice is drawn from a stream named by what it decides ("event/URN", "hub-event/1/URN"), so a
 * school's event does not move when another school's does.
 */
final class EventsOfTheYear {

    private EventsOfTheYear() {}

    /**
     * @param mondays the school weeks of the whole year
     * @param weeks   how many of them are played
     * @return for each played week, the events posted that week, schools' own first, in posting order
     */
    static List<List<PlannedEvent>> draw(
            HubProfile hub, Draws draws, List<LocalDate> mondays, int weeks, EventHabits habits) {
        List<List<PlannedEvent>> byWeek = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            byWeek.add(new ArrayList<>());
        }
        int last = Math.min(habits.lastWeek(), mondays.size() - 1);
        if (habits.firstWeek() > last) {
            return byWeek;
        }
        for (SchoolProfile school : hub.schools()) {
            RandomGenerator random = draws.of("event/" + school.urn());
            if (random.nextDouble() >= habits.ownEventShare()) {
                continue;
            }
            boolean interviews = random.nextDouble() < habits.mockInterviewShare();
            // fairs for the years choosing options and post-16 routes; interviews for those about to apply
            List<Integer> years = (interviews ? List.of(11, 12, 13) : List.of(9, 10, 11))
                    .stream().filter(y -> school.pupilsIn(y) > 0).toList();
            int week = habits.firstWeek() + random.nextInt(last - habits.firstWeek() + 1);
            LocalDate day = schoolDay(random, mondays.get(week));
            if (years.isEmpty() || day == null) {
                continue;
            }
            int yearGroup = years.get(random.nextInt(years.size()));
            EventKind kind = interviews ? EventKind.MOCK_INTERVIEW_DAY : EventKind.CAREERS_FAIR;
            int stalls = habits.fewestStalls() + random.nextInt(habits.mostStalls() - habits.fewestStalls() + 1);
            add(
                    byWeek,
                    posted(week, habits),
                    new PlannedEvent(
                            school.urn(),
                            kind,
                            "Year " + yearGroup + " " + kind.label(),
                            day,
                            random.nextBoolean() ? Period.MORNING : Period.AFTERNOON,
                            stalls,
                            null,
                            null,
                            null,
                            List.of(new PlannedEvent.Going(school.urn(), yearGroup, school.pupilsIn(yearGroup)))));
        }
        for (int n = 0; n < habits.hubEvents(); n++) {
            RandomGenerator random = draws.of("hub-event/" + n);
            // one in each equal part of the event weeks: an autumn and a spring fair for two
            int span = last - habits.firstWeek() + 1;
            int from = habits.firstWeek() + span * n / habits.hubEvents();
            int to = habits.firstWeek() + span * (n + 1) / habits.hubEvents() - 1;
            int week = from + random.nextInt(Math.max(1, to - from + 1));
            LocalDate day = schoolDay(random, mondays.get(week));
            if (day == null) {
                continue;
            }
            add(
                    byWeek,
                    posted(week, habits),
                    new PlannedEvent(
                            null,
                            EventKind.CAREERS_FAIR,
                            hub.name() + " citywide careers fair " + (n + 1),
                            day,
                            Period.ALL_DAY,
                            habits.hubStalls(),
                            habits.hubCapacity(),
                            // a fortnight before, for the coaches to be booked, or the day it is posted when later
                            latest(day.minusDays(14), SchoolYearSimulation.roundDay(mondays.get(posted(week, habits)))),
                            venuePostcode(hub),
                            signUps(hub, draws, n, habits)));
        }
        return byWeek.stream().map(List::copyOf).toList();
    }

    /** The schools signing a year group up to hub event {@code n}, in an order drawn for it. */
    private static List<PlannedEvent.Going> signUps(HubProfile hub, Draws draws, int n, EventHabits habits) {
        record Drawn(PlannedEvent.Going going, double order) {}
        List<Drawn> drawn = new ArrayList<>();
        for (SchoolProfile school : hub.schools()) {
            RandomGenerator random = draws.of("hub-event/" + n + "/" + school.urn());
            double order = random.nextDouble();
            if (random.nextDouble() >= habits.hubSignUpShare()) {
                continue;
            }
            List<Integer> years = List.of(9, 10, 11).stream()
                    .filter(y -> school.pupilsIn(y) > 0)
                    .toList();
            if (years.isEmpty()) {
                continue;
            }
            int yearGroup = years.get(random.nextInt(years.size()));
            int pupils = (int) Math.ceil(school.pupilsIn(yearGroup) * (0.25 + 0.25 * random.nextDouble()));
            drawn.add(new Drawn(new PlannedEvent.Going(school.urn(), yearGroup, pupils), order));
        }
        return drawn.stream()
                .sorted(Comparator.comparingDouble(Drawn::order))
                .map(Drawn::going)
                .toList();
    }

    /** The largest school's postcode: the city's venue is where its schools are. */
    private static String venuePostcode(HubProfile hub) {
        return hub.schools().stream()
                .filter(s -> s.postcode() != null)
                .max(Comparator.comparingInt(SchoolProfile::pupils))
                .map(SchoolProfile::postcode)
                .orElse(null);
    }

    /** A school day of the week, Tuesday to Thursday where it has one (fairs avoid Mondays and Fridays). */
    private static LocalDate schoolDay(RandomGenerator random, LocalDate monday) {
        AcademicYear year = AcademicYear.containing(monday);
        LocalDate midweek = year.randomSchoolDay(random, monday.plusDays(1), monday.plusDays(3));
        return midweek != null ? midweek : year.randomSchoolDay(random, monday, monday.plusDays(4));
    }

    /** The school week an event held in {@code week} is posted in: the round day before it. */
    private static int posted(int week, EventHabits habits) {
        return Math.max(0, week - habits.weeksAhead());
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void add(List<List<PlannedEvent>> byWeek, int posted, PlannedEvent event) {
        if (posted < byWeek.size()) {
            byWeek.get(posted).add(event);
        }
    }
}

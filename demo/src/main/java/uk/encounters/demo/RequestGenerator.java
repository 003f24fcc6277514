package uk.encounters.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Request;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What the hub's careers leaders ask for: the year group, the type of encounter (mostly talks),
 * how many pupils and sessions, when, and any preferences. Two uses share the same draws: the
 * demo's open requests for the coming weeks ({@link #generate()}: windows start two to eight
 * weeks ahead and end within twelve), and a round's demand posted week by week for the matcher
 * benchmark ({@link #postedInWeekOf}). Work experience is always asked for in the summer-term
 * placement weeks.
 */
public final class RequestGenerator {

    private static final List<String> SEND_ADJUSTMENTS = List.of(
            "Small groups of up to eight; a familiar adult stays with the group",
            "Visual timetable and clear advance notice of the visit; quiet space available",
            "Step-free access needed: two pupils use wheelchairs",
            "Pupils with autism: please avoid loud open-plan spaces and keep to the agreed times",
            "British Sign Language interpreter will attend; please face the group when speaking");

    /** When a request other than work experience may take place: drawn after its type. */
    private interface WindowRule {
        /** The window's first and last school days, or null when there is none. */
        LocalDate[] draw();
    }

    private final HubProfile hub;
    private final LocalDate today;
    private final RandomGenerator random;
    private final List<String> largestSectors;
    /** Running totals of the schools' pupils, for picking a school in proportion to its roll. */
    private final double[] cumulativePupils;

    RequestGenerator(HubProfile hub, Seed seed, LocalDate today) {
        this(hub, seed.random("hub/" + hub.name() + "/requests"), today);
    }

    private RequestGenerator(HubProfile hub, RandomGenerator random, LocalDate today) {
        this.hub = hub;
        this.today = today;
        this.random = random;
        this.largestSectors = hub.enterprises().bySector().keySet().stream()
                .sorted(Comparator.comparingDouble((String s) -> -sectorSize(s)).thenComparing(s -> s))
                .limit(6)
                .toList();
        this.cumulativePupils = new double[hub.schools().size()];
        double total = 0;
        for (int s = 0; s < cumulativePupils.length; s++) {
            total += hub.schools().get(s).pupils();
            cumulativePupils[s] = total;
        }
    }

    /** A school's index, drawn from {@code draws} in proportion to its pupils: bigger schools post more. */
    public int schoolByRoll(RandomGenerator draws) {
        double draw = draws.nextDouble() * cumulativePupils[cumulativePupils.length - 1];
        for (int s = 0; s < cumulativePupils.length; s++) {
            if (draw < cumulativePupils[s]) {
                return s;
            }
        }
        return cumulativePupils.length - 1;
    }

    /**
     * Requests drawn from their own random stream, named by {@code purpose}, so that drawing a
     * benchmark's demand never changes the demo's requests (nor the other way round).
     */
    public static RequestGenerator drawing(HubProfile hub, Seed seed, String purpose, LocalDate today) {
        return new RequestGenerator(hub, seed.random("hub/" + hub.name() + "/requests/" + purpose), today);
    }

    private double sectorSize(String sector) {
        double total = 0;
        for (SizeBand band : SizeBand.values()) {
            total += hub.enterprises().count(sector, band);
        }
        return total;
    }

    List<Request> generate() {
        List<Request> requests = new ArrayList<>();
        for (int s = 0; s < hub.schools().size(); s++) {
            SchoolProfile school = hub.schools().get(s);
            List<Integer> yearGroups = yearGroupsAsking(school);
            int count = yearGroups.isEmpty()
                    ? 0
                    : school.specialOrAlternative() ? random.nextInt(3) : 1 + random.nextInt(4);
            for (int n = 0; n < count; n++) {
                int yearGroup = EmployerNames.pick(yearGroups, random);
                Request request = request(s, school, yearGroup, this::openWindow);
                if (request != null) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }

    /** The year groups a school asks for: those with five pupils or more. */
    public static List<Integer> yearGroupsAsking(SchoolProfile school) {
        List<Integer> yearGroups = new ArrayList<>();
        for (int year = 7; year <= 13; year++) {
            if (school.pupilsIn(year) >= 5) {
                yearGroups.add(year);
            }
        }
        return yearGroups;
    }

    /**
     * One request school number {@code schoolIndex} posts in the week of {@code monday}: a year
     * group and everything else drawn as for the demo's requests, its window starting on a
     * school day that week and lasting one to four weeks, cut at {@code latestEnd}. Null when the
     * school has no year group to ask for or the week no school day.
     */
    public Request postedInWeekOf(int schoolIndex, LocalDate monday, LocalDate latestEnd) {
        SchoolProfile school = hub.schools().get(schoolIndex);
        List<Integer> yearGroups = yearGroupsAsking(school);
        if (yearGroups.isEmpty()) {
            return null;
        }
        int yearGroup = EmployerNames.pick(yearGroups, random);
        return request(schoolIndex, school, yearGroup, () -> {
            LocalDate start = AcademicYear.containing(monday).randomSchoolDay(random, monday, monday.plusDays(4));
            if (start == null) {
                return null;
            }
            LocalDate end = AcademicYear.schoolDayOnOrBefore(start.plusDays(7 + random.nextInt(22)));
            return new LocalDate[] {start, end.isAfter(latestEnd) ? latestEnd : end};
        });
    }

    /** Two to eight weeks ahead, for one to four weeks, ending within twelve weeks of today. */
    private LocalDate[] openWindow() {
        LocalDate start = AcademicYear.schoolDayOnOrAfter(today.plusDays(14 + random.nextInt(43)));
        LocalDate end = AcademicYear.schoolDayOnOrBefore(start.plusDays(7 + random.nextInt(22)));
        LocalDate latest = AcademicYear.schoolDayOnOrBefore(today.plusWeeks(12));
        return new LocalDate[] {start, end.isAfter(latest) ? latest : end};
    }

    private Request request(int schoolIndex, SchoolProfile school, int yearGroup, WindowRule windowRule) {
        EncounterType type = type(yearGroup);
        int cohort = school.pupilsIn(yearGroup);
        LocalDate[] window;
        if (type == EncounterType.WORK_EXPERIENCE) {
            int summerOf = AcademicYear.containing(today).startYear() + 1;
            window = new LocalDate[] {
                AcademicYear.schoolDayOnOrAfter(MonthDay.of(6, 8).atYear(summerOf)),
                AcademicYear.schoolDayOnOrBefore(MonthDay.of(7, 10).atYear(summerOf))
            };
        } else {
            window = windowRule.draw();
        }
        if (window == null || window[1].isBefore(window[0])) {
            return null;
        }
        LocalDate start = window[0];
        LocalDate end = window[1];
        int pupils = Math.max(
                1,
                Math.min(
                        cohort,
                        switch (type) {
                            case CAREERS_TALK -> new int[] {30, 60, 90, 120, cohort}[random.nextInt(5)];
                            case CAREERS_FAIR -> cohort;
                            case MOCK_INTERVIEWS -> 10 + random.nextInt(21);
                            case ENTERPRISE_CHALLENGE -> 20 + random.nextInt(41);
                            case WORKPLACE_VISIT -> 15 + random.nextInt(16);
                            case WORK_EXPERIENCE -> 3 + random.nextInt(8);
                            case ONLINE_INSIGHT -> 30 + random.nextInt(Math.max(1, cohort));
                            case MENTORING -> 4 + random.nextInt(5);
                            case WORK_SHADOWING -> 1 + random.nextInt(3);
                        }));
        int sessions = switch (type) {
            case CAREERS_TALK -> 1 + random.nextInt(3);
            case MOCK_INTERVIEWS, WORKPLACE_VISIT -> 1 + random.nextInt(2);
            default -> 1;
        };
        double periods = random.nextDouble();
        boolean workplace = type.workplaceExperience();
        boolean onlineOnly = type == EncounterType.ONLINE_INSIGHT;
        boolean alsoOnline = onlineOnly || (type == EncounterType.CAREERS_TALK && random.nextDouble() < 0.3);
        String sectors = random.nextDouble() < 0.3 ? preferredSectors() : null;
        String adjustments = school.specialOrAlternative() || random.nextDouble() < 0.08
                ? EmployerNames.pick(SEND_ADJUSTMENTS, random)
                : null;
        return new Request(
                schoolIndex,
                yearGroup,
                type,
                pupils,
                sessions,
                start,
                end,
                periods < 0.85,
                periods >= 0.6,
                !workplace && !onlineOnly,
                workplace,
                alsoOnline,
                sectors,
                adjustments,
                RequestStatus.OPEN);
    }

    /** Mostly talks; interviews, mentoring and placements only where the year group fits them. */
    private EncounterType type(int yearGroup) {
        double draw = random.nextDouble();
        if (draw < 0.42) {
            return EncounterType.CAREERS_TALK;
        } else if (draw < 0.57) {
            return EncounterType.WORKPLACE_VISIT;
        } else if (draw < 0.69) {
            return yearGroup >= 10 ? EncounterType.MOCK_INTERVIEWS : EncounterType.CAREERS_TALK;
        } else if (draw < 0.76) {
            return yearGroup == 10 || yearGroup == 12 ? EncounterType.WORK_EXPERIENCE : EncounterType.WORKPLACE_VISIT;
        } else if (draw < 0.84) {
            return yearGroup <= 9 ? EncounterType.ENTERPRISE_CHALLENGE : EncounterType.CAREERS_TALK;
        } else if (draw < 0.90) {
            return yearGroup >= 9 ? EncounterType.CAREERS_FAIR : EncounterType.CAREERS_TALK;
        } else if (draw < 0.96) {
            return EncounterType.ONLINE_INSIGHT;
        }
        return yearGroup >= 10 ? EncounterType.MENTORING : EncounterType.CAREERS_TALK;
    }

    private String preferredSectors() {
        List<String> sectors = new ArrayList<>(largestSectors);
        Collections.shuffle(sectors, random);
        // a bar separates them: sector names hold commas (RequestRepository reads them the same way)
        return String.join("|", sectors.subList(0, Math.min(sectors.size(), 1 + random.nextInt(2))));
    }
}

package uk.encounters.matcher;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;

/**
 * Small, readable facts for matcher tests: Derby schools and employers a few kilometres apart, in
 * the week of Monday 11 January 2027.
 */
public final class SmallHub {

    public static final LocalDate MONDAY = LocalDate.of(2027, 1, 11);
    public static final Location DERBY_CENTRE = new Location(52.9225, -1.4746);
    public static final Location ALVASTON = new Location(52.8990, -1.4330);
    public static final Location MICKLEOVER = new Location(52.9010, -1.5520);

    private SmallHub() {}

    public static School school(long id, String name, Location location) {
        return new School(id, name, location, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    public static School coldSpotSchool(long id, String name, Location location) {
        return new School(id, name, location, true, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    public static School schoolWithBudget(long id, String name, long budgetPence) {
        return new School(id, name, DERBY_CENTRE, false, budgetPence, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    /**
     * A year group whose pupils' next encounter is worth 100 each, {@code disadvantaged} of them
     * half again; a second in the same round a quarter of that, a third a sixteenth.
     */
    public static Cohort cohort(School school, int yearGroup, int pupils, int disadvantaged) {
        int others = pupils - disadvantaged;
        return new Cohort(
                school,
                yearGroup,
                pupils,
                pupils,
                List.of(
                        new PupilBand(others, 100),
                        new PupilBand(disadvantaged, 150),
                        new PupilBand(disadvantaged, 37),
                        new PupilBand(others, 25),
                        new PupilBand(disadvantaged, 9),
                        new PupilBand(others, 6)),
                false,
                true,
                0,
                Set.of());
    }

    public static Employer employer(long id, String name) {
        return new Employer(id, name, DERBY_CENTRE, Employer.NO_CAP, 0);
    }

    public static Volunteer volunteer(long id, String name) {
        return new Volunteer(id, name, MONDAY.plusYears(1));
    }

    public static Volunteer unchecked(long id, String name) {
        return new Volunteer(id, name, null);
    }

    /** A careers talk for Years 7-13, in school, up to 120 pupils, once, on the given days' mornings. */
    public static Offer talk(long id, Employer employer, Volunteer volunteer, LocalDate... days) {
        return offer(id, employer, volunteer, EncounterType.CAREERS_TALK, "Manufacturing", 1, days);
    }

    public static Offer offer(
            long id,
            Employer employer,
            Volunteer volunteer,
            EncounterType type,
            String sector,
            int maxSessions,
            LocalDate... days) {
        List<Availability> availability = java.util.Arrays.stream(days)
                .map(day -> Availability.on(day, Period.MORNING))
                .toList();
        return offer(id, employer, volunteer, type, sector, maxSessions, availability);
    }

    /** The same, available as given: on dates, or on weekdays over its dates. */
    public static Offer offer(
            long id,
            Employer employer,
            Volunteer volunteer,
            EncounterType type,
            String sector,
            int maxSessions,
            List<Availability> availability) {
        return new Offer(
                id,
                employer,
                volunteer,
                type,
                type.label() + " " + id,
                sector,
                false,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.AT_WORKPLACE),
                1,
                120,
                4,
                maxSessions,
                15,
                0,
                false,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(6),
                availability,
                null,
                true);
    }

    /** A careers fair stall in school on the day's morning, for up to {@code pupilsMax} pupils, at a price (0 free). */
    public static Offer stall(long id, String employer, LocalDate day, int pupilsMax, long pencePerSession) {
        return new Offer(
                id,
                employer(id, employer),
                volunteer(id, "V" + id),
                EncounterType.CAREERS_FAIR,
                "Fair stand " + id,
                "Retail",
                false,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL),
                1,
                pupilsMax,
                4,
                1,
                15,
                pencePerSession,
                false,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(6),
                List.of(Availability.on(day, Period.MORNING)),
                null,
                true,
                false);
    }

    /** A request for {@code sessions} careers talks to {@code pupils} pupils, any morning this week. */
    public static Request talkRequest(long id, Cohort cohort, int pupils, int sessions) {
        return request(id, cohort, EncounterType.CAREERS_TALK, pupils, sessions);
    }

    /**
     * An event of {@code stalls} stalls of a type, this Monday morning in the first cohort's school,
     * for the pupils of each attending cohort.
     */
    public static Request event(long id, EncounterType type, int stalls, Attendance... audience) {
        return arranged(id, type, stalls, Arrangement.EVENT, Set.of(DeliveryMode.IN_SCHOOL), audience);
    }

    /** A mentoring series of {@code sessions} sessions for {@code pupils} pupils, any time this week. */
    public static Request series(long id, Cohort cohort, int pupils, int sessions) {
        return arranged(
                id,
                EncounterType.MENTORING,
                sessions,
                Arrangement.SERIES,
                Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.AT_WORKPLACE),
                new Attendance(cohort, pupils));
    }

    /** A request for an online talk only. */
    public static Request onlineTalkRequest(long id, Cohort cohort, int pupils) {
        return arranged(
                id,
                EncounterType.CAREERS_TALK,
                1,
                Arrangement.SESSIONS,
                Set.of(DeliveryMode.ONLINE),
                new Attendance(cohort, pupils));
    }

    private static Request arranged(
            long id,
            EncounterType type,
            int sessions,
            Arrangement arrangement,
            Set<DeliveryMode> modes,
            Attendance... audience) {
        boolean event = arrangement == Arrangement.EVENT;
        return new Request(
                id,
                audience[0].cohort(),
                type,
                event ? Arrays.stream(audience).mapToInt(Attendance::pupils).sum() : audience[0].pupils(),
                sessions,
                MONDAY,
                event ? MONDAY : MONDAY.plusDays(4),
                true,
                !event,
                modes,
                Set.of(),
                null,
                false,
                id,
                arrangement,
                event ? List.of(audience) : List.of(),
                null);
    }

    /** An online talk one session of which serves several schools, up to {@code capacity} pupils together. */
    public static Offer sharedOnlineTalk(long id, Employer employer, Volunteer volunteer, int capacity) {
        Offer talk = talk(id, employer, volunteer, MONDAY);
        return new Offer(
                id,
                employer,
                volunteer,
                talk.type(),
                talk.title(),
                talk.sector(),
                false,
                7,
                13,
                Set.of(DeliveryMode.ONLINE),
                1,
                capacity,
                0,
                1,
                0,
                0,
                false,
                talk.availableFrom(),
                talk.availableUntil(),
                talk.availability(),
                null,
                true,
                true);
    }

    public static Request request(long id, Cohort cohort, EncounterType type, int pupils, int sessions) {
        return new Request(
                id,
                cohort,
                type,
                pupils,
                sessions,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.AT_WORKPLACE),
                Set.of(),
                null,
                false,
                id);
    }
}

package uk.encounters.benchmark.reference;

import java.time.LocalDate;
import java.util.ArrayList;
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
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * Small facts for the reference's tests, in Derby in the fortnight from Monday 11 January 2027 (the
 * matcher's own test helpers are not visible from the benchmark). Offers and requests are built
 * with defaults that match each other, changed only where a test says.
 */
final class Hub {

    static final LocalDate MONDAY = LocalDate.of(2027, 1, 11);
    static final LocalDate FRIDAY = MONDAY.plusDays(4);
    static final LocalDate LAST_DAY = MONDAY.plusDays(11);
    static final Location DERBY_CENTRE = new Location(52.9225, -1.4746);
    static final Location ALVASTON = new Location(52.8990, -1.4330);
    static final Location MICKLEOVER = new Location(52.9010, -1.5520);

    private Hub() {}

    static School school(long id, Location location) {
        return new School(id, "School " + id, location, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    static School coldSpotSchool(long id, Location location) {
        return new School(id, "School " + id, location, true, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    static School schoolWithBudget(long id, long budgetPence) {
        return new School(id, "School " + id, DERBY_CENTRE, false, budgetPence, School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    /** All pupils one encounter behind, {@code disadvantaged} of them worth half again; STEM had this year. */
    static Cohort cohort(School school, int yearGroup, int pupils, int disadvantaged) {
        return cohort(school, yearGroup, pupils, disadvantaged, false, true, 0);
    }

    static Cohort cohort(
            School school,
            int yearGroup,
            int pupils,
            int disadvantaged,
            boolean nothingThisYear,
            boolean stemThisYear,
            int needingWorkplaceExperience,
            long... employersThisYear) {
        return new Cohort(
                school,
                yearGroup,
                pupils,
                pupils,
                List.of(
                        new PupilBand(pupils - disadvantaged, 100), new PupilBand(disadvantaged, 150),
                        new PupilBand(disadvantaged, 37), new PupilBand(pupils - disadvantaged, 25)),
                nothingThisYear,
                stemThisYear,
                needingWorkplaceExperience,
                Set.copyOf(Arrays.stream(employersThisYear).boxed().toList()));
    }

    static Employer employer(long id) {
        return new Employer(id, "Employer " + id, DERBY_CENTRE, Employer.NO_CAP, 0);
    }

    static Volunteer volunteer(long id) {
        return new Volunteer(id, "Volunteer " + id, MONDAY.plusYears(1));
    }

    static Volunteer unchecked(long id) {
        return new Volunteer(id, "Volunteer " + id, null);
    }

    static OfferSpec offer(long id, Employer employer, Volunteer volunteer) {
        return new OfferSpec(id, employer, volunteer);
    }

    static RequestSpec request(long id, Cohort cohort, int pupils, int sessions) {
        return new RequestSpec(id, cohort, pupils, sessions);
    }

    /**
     * A careers fair of {@code stalls} stalls on one day and period for the pupils of each attending
     * cohort, at the first one's school unless given a venue; each stall meets a share of them.
     */
    static RequestSpec event(long id, LocalDate day, Period period, int stalls, Attendance... audience) {
        RequestSpec spec = new RequestSpec(
                id,
                audience[0].cohort(),
                Arrays.stream(audience).mapToInt(Attendance::pupils).sum(),
                stalls);
        spec.arrangement = Arrangement.EVENT;
        spec.audience = List.of(audience);
        return spec.type(EncounterType.CAREERS_FAIR).on(day, period);
    }

    static ProblemBuilder builder() {
        return builder(MatchingWeights.defaultWeights());
    }

    static ProblemBuilder builder(MatchingWeights weights) {
        return new ProblemBuilder(MONDAY, LAST_DAY, ProblemBuilder.weekdays(MONDAY, LAST_DAY), weights);
    }

    /** A careers talk for Years 7-13, in school or at the workplace, 1-120 pupils, once, free. */
    static final class OfferSpec {
        final long id;
        final Employer employer;
        final Volunteer volunteer;
        EncounterType type = EncounterType.CAREERS_TALK;
        String sector = "Manufacturing";
        boolean stem;
        int yearGroupMin = 7;
        int yearGroupMax = 13;
        Set<DeliveryMode> modes = Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.AT_WORKPLACE);
        int pupilsMax = 120;
        int places = 4;
        int maxSessions = 1;
        double travelRadiusKm = 15;
        long costPence;
        boolean sendAdaptable;
        LocalDate paperworkHoldsUntil;
        boolean interactive = true;
        boolean sharedOnline;
        final List<Availability> availability = new ArrayList<>();

        private OfferSpec(long id, Employer employer, Volunteer volunteer) {
            this.id = id;
            this.employer = employer;
            this.volunteer = volunteer;
        }

        OfferSpec type(EncounterType value) {
            type = value;
            return this;
        }

        OfferSpec sector(String value) {
            sector = value;
            return this;
        }

        OfferSpec stem() {
            stem = true;
            return this;
        }

        OfferSpec years(int min, int max) {
            yearGroupMin = min;
            yearGroupMax = max;
            return this;
        }

        OfferSpec modes(Set<DeliveryMode> value) {
            modes = value;
            return this;
        }

        OfferSpec pupilsMax(int value) {
            pupilsMax = value;
            return this;
        }

        OfferSpec places(int value) {
            places = value;
            return this;
        }

        OfferSpec maxSessions(int value) {
            maxSessions = value;
            return this;
        }

        OfferSpec radius(double km) {
            travelRadiusKm = km;
            return this;
        }

        OfferSpec cost(long pence) {
            costPence = pence;
            return this;
        }

        OfferSpec sendAdaptable() {
            sendAdaptable = true;
            return this;
        }

        OfferSpec on(LocalDate day, Period period) {
            availability.add(Availability.on(day, period));
            return this;
        }

        OfferSpec mornings(LocalDate... days) {
            for (LocalDate day : days) {
                on(day, Period.MORNING);
            }
            return this;
        }

        Offer build() {
            return new Offer(
                    id,
                    employer,
                    volunteer,
                    type,
                    type.label() + " " + id,
                    sector,
                    stem,
                    yearGroupMin,
                    yearGroupMax,
                    modes,
                    1,
                    pupilsMax,
                    places,
                    maxSessions,
                    travelRadiusKm,
                    costPence,
                    sendAdaptable,
                    MONDAY.minusMonths(1),
                    MONDAY.plusMonths(6),
                    availability,
                    paperworkHoldsUntil,
                    interactive,
                    sharedOnline);
        }

        OfferSpec paperworkHoldsUntil(LocalDate lastDay) {
            paperworkHoldsUntil = lastDay;
            return this;
        }

        /** Online, one session serves several schools' classes at once, up to its pupils maximum. */
        OfferSpec sharedOnline() {
            sharedOnline = true;
            return this;
        }

        /** Online, a talk or a tour to watch: no workplace experience for Benchmark 6. */
        OfferSpec notInteractive() {
            interactive = false;
            return this;
        }
    }

    /** Careers talks any time in the first week, in school or at the workplace. */
    static final class RequestSpec {
        final long id;
        final Cohort cohort;
        final int pupils;
        final int sessions;
        EncounterType type = EncounterType.CAREERS_TALK;
        LocalDate windowStart = MONDAY;
        LocalDate windowEnd = FRIDAY;
        boolean mornings = true;
        boolean afternoons = true;
        Set<DeliveryMode> modes = Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.AT_WORKPLACE);
        Set<String> sectors = Set.of();
        Long preferredEmployerId;
        boolean needsSend;
        Arrangement arrangement = Arrangement.SESSIONS;
        List<Attendance> audience = List.of();
        Location venue;

        private RequestSpec(long id, Cohort cohort, int pupils, int sessions) {
            this.id = id;
            this.cohort = cohort;
            this.pupils = pupils;
            this.sessions = sessions;
        }

        RequestSpec type(EncounterType value) {
            type = value;
            return this;
        }

        RequestSpec until(LocalDate value) {
            windowEnd = value;
            return this;
        }

        RequestSpec periods(boolean morning, boolean afternoon) {
            mornings = morning;
            afternoons = afternoon;
            return this;
        }

        RequestSpec modes(Set<DeliveryMode> value) {
            modes = value;
            return this;
        }

        RequestSpec sectors(Set<String> value) {
            sectors = value;
            return this;
        }

        RequestSpec preferredEmployer(Long id) {
            preferredEmployerId = id;
            return this;
        }

        RequestSpec needsSend() {
            needsSend = true;
            return this;
        }

        /** On one day, in the halves of it {@code period} covers. */
        RequestSpec on(LocalDate day, Period period) {
            windowStart = day;
            windowEnd = day;
            return periods(period.includesMorning(), period.includesAfternoon());
        }

        /** A mentoring series: one mentor for all its sessions. */
        RequestSpec series() {
            arrangement = Arrangement.SERIES;
            return type(EncounterType.MENTORING);
        }

        /** Meets in person here rather than at the cohort's school: a hub event's venue. */
        RequestSpec venue(Location value) {
            venue = value;
            return this;
        }

        Request build() {
            return new Request(
                    id,
                    cohort,
                    type,
                    pupils,
                    sessions,
                    windowStart,
                    windowEnd,
                    mornings,
                    afternoons,
                    modes,
                    sectors,
                    preferredEmployerId,
                    needsSend,
                    id,
                    arrangement,
                    audience,
                    venue);
        }
    }
}

package uk.encounters.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.encounters.benchmark.instance.BenchmarkInstance;
import uk.encounters.benchmark.instance.InstanceFigures;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * A round small enough to solve by trying every plan: two Derby schools ask for two talks each,
 * and three talks are on offer. The better-off school posted first, so first come first served
 * gives it both of the nearest talks; the best plan shares them with the cold-spot school.
 */
final class TinyRound {

    static final LocalDate MONDAY = LocalDate.of(2027, 1, 11);
    private static final Location ALVASTON = new Location(52.8990, -1.4330);
    private static final Location MICKLEOVER = new Location(52.9010, -1.5520);

    private TinyRound() {}

    static BenchmarkInstance instance() {
        School alvaston = new School(1, "Alvaston Academy", ALVASTON, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
        School mickleover = new School(2, "Mickleover School", MICKLEOVER, true, 0, School.DEFAULT_TRAVEL_LIMIT_KM);
        Cohort alvaston9 = new Cohort(
                alvaston,
                9,
                180,
                180,
                List.of(new PupilBand(180, 100), new PupilBand(180, 25)),
                false,
                true,
                0,
                Set.of());
        Cohort mickleover9 = new Cohort(
                mickleover,
                9,
                150,
                150,
                List.of(new PupilBand(100, 100), new PupilBand(50, 200), new PupilBand(50, 50), new PupilBand(100, 25)),
                false,
                true,
                0,
                Set.of());
        Employer nearAlvaston = new Employer(1, "Alvaston Engineering", new Location(52.900, -1.435), 2, 0);
        Employer cornerstone = new Employer(2, "Rolls-Royce", new Location(52.905, -1.480), Employer.NO_CAP, 1);
        MatchingProblem problem = new ProblemBuilder(
                        MONDAY,
                        MONDAY.plusDays(4),
                        ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(4)),
                        MatchingWeights.defaultWeights())
                .offer(talk(1, nearAlvaston, new Volunteer(1, "Ann", null), 2, MONDAY, MONDAY.plusDays(1)))
                .offer(talk(2, cornerstone, new Volunteer(2, "Bob", null), 1, MONDAY.plusDays(2)))
                .request(talks(1, alvaston9, 0))
                .request(talks(2, mickleover9, 1))
                .build();
        InstanceFigures figures = new InstanceFigures(
                1, 2, 2, 2, problem.sessions().size(), 0, problem.slots().size(), problem.candidatePairs(), 3, 240, 10);
        return new BenchmarkInstance("tiny", 1, problem, figures);
    }

    private static Offer talk(long id, Employer employer, Volunteer volunteer, int maxSessions, LocalDate... days) {
        List<Availability> availability = java.util.Arrays.stream(days)
                .map(day -> Availability.on(day, Period.MORNING))
                .toList();
        return new Offer(
                id,
                employer,
                volunteer,
                EncounterType.CAREERS_TALK,
                "Careers talk " + id,
                "Manufacturing",
                true,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL),
                15,
                120,
                0,
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

    private static Request talks(long id, Cohort cohort, long postedOrder) {
        return new Request(
                id,
                cohort,
                EncounterType.CAREERS_TALK,
                60,
                2,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL),
                Set.of(),
                null,
                false,
                postedOrder);
    }
}

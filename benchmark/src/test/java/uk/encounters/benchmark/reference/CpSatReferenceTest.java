package uk.encounters.benchmark.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.benchmark.reference.Hub.ALVASTON;
import static uk.encounters.benchmark.reference.Hub.DERBY_CENTRE;
import static uk.encounters.benchmark.reference.Hub.FRIDAY;
import static uk.encounters.benchmark.reference.Hub.MICKLEOVER;
import static uk.encounters.benchmark.reference.Hub.MONDAY;
import static uk.encounters.benchmark.reference.Hub.builder;
import static uk.encounters.benchmark.reference.Hub.coldSpotSchool;
import static uk.encounters.benchmark.reference.Hub.cohort;
import static uk.encounters.benchmark.reference.Hub.employer;
import static uk.encounters.benchmark.reference.Hub.offer;
import static uk.encounters.benchmark.reference.Hub.request;
import static uk.encounters.benchmark.reference.Hub.school;
import static uk.encounters.benchmark.reference.Hub.schoolWithBudget;
import static uk.encounters.benchmark.reference.Hub.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.matcher.baseline.PriorityGreedy;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.matcher.solver.ScoreKeeper;

class CpSatReferenceTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int RANDOM_PLANS = 40;

    private final CpSatReference reference = new CpSatReference();

    // ---- The two models agree, on every scenario and on seeded random hubs ----

    static Stream<Named<Supplier<MatchingProblem>>> problems() {
        Stream<Named<Supplier<MatchingProblem>>> scenarios = Stream.of(
                Named.of("two cohorts competing for one slot", CpSatReferenceTest::twoCohortsOneSlot),
                Named.of("a cold-spot school", CpSatReferenceTest::coldSpotAgainstOrdinarySchool),
                Named.of("a cohort with nothing this year", CpSatReferenceTest::cohortWithNothingThisYear),
                Named.of("a STEM offer", CpSatReferenceTest::stemOfferForCohortWithNone),
                Named.of("work-experience placements with places", CpSatReferenceTest::placementsWithTwoPlaces),
                Named.of("a paid offer on a tight budget", CpSatReferenceTest::paidOfferOnTightBudget),
                Named.of("a SEND request", CpSatReferenceTest::sendRequest),
                Named.of("a pinned booking off the candidates", CpSatReferenceTest::pinnedBookingOutsideWindow),
                Named.of("an unpublished booking", CpSatReferenceTest::unpublishedBooking),
                Named.of("a capped employer and a tired one", CpSatReferenceTest::cappedAndTiredEmployers),
                Named.of("a volunteer with two overlapping offers", CpSatReferenceTest::volunteerWithOverlappingOffers),
                Named.of("a volunteer with a talk during a placement week", CpSatReferenceTest::talkDuringPlacementWeek),
                Named.of("mentoring by an unchecked volunteer", CpSatReferenceTest::mentoringByUncheckedVolunteer),
                Named.of("a check that runs out mid-placement", CpSatReferenceTest::checkRunningOutMidPlacement));
        Stream<Named<Supplier<MatchingProblem>>> random = LongStream.rangeClosed(1, 20)
                .mapToObj(seed -> Named.of("random hub " + seed, () -> RandomHub.problem(seed)));
        return Stream.concat(scenarios, random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void optimalPlanScoresHardZeroAndExactlyTheObjectiveUnderTheMatchersRules(Supplier<MatchingProblem> make) {
        MatchingProblem problem = make.get();
        Map<Session, OfferSlot> pinned = pinnedSlots(problem);

        ReferenceResult result = reference.solve(problem, LIMIT);
        CpSatReference.apply(result, problem);
        HardSoftLongScore score = ScoreKeeper.score(problem);

        assertThat(result.optimal()).as(result.status()).isTrue();
        assertThat(result.bound()).isEqualTo(result.objective());
        assertThat(score.hardScore()).isZero();
        assertThat(score.softScore()).isEqualTo(result.objective());
        pinned.forEach((session, slot) -> assertThat(session.slot()).as(session.id()).isSameAs(slot));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void everyRandomPlanGetsTheMatchersSoftScoreOrIsInfeasibleAndNoneBeatsTheOptimum(Supplier<MatchingProblem> make) {
        MatchingProblem problem = make.get();
        long optimum = reference.solve(problem, LIMIT).objective();
        Random random = new Random(42);
        List<Session> free = new ArrayList<>(problem.sessions().stream().filter(s -> !s.pinned()).toList());
        int feasible = 0;
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            for (int plan = 0; plan < RANDOM_PLANS; plan++) {
                // Half the plans drop any session that breaks a hard rule, so most of those are feasible.
                boolean keepFeasible = plan % 2 == 0;
                Collections.shuffle(free, random);
                free.forEach(session -> keeper.assign(session, null));
                HardSoftLongScore score = keeper.score();
                for (Session session : free) {
                    OfferSlot slot = session.candidates().isEmpty() || random.nextInt(4) == 0 ? null
                            : session.candidates().get(random.nextInt(session.candidates().size()));
                    score = keeper.assign(session, slot);
                    if (keepFeasible && score.hardScore() < 0) {
                        score = keeper.assign(session, null);
                    }
                }
                feasible += assertAgrees(problem, score, optimum);
            }
        }
        free.forEach(session -> session.setSlot(null));
        feasible += assertAgrees(problem, PriorityGreedy.plan(problem).score(), optimum);
        assertThat(feasible).isGreaterThan(RANDOM_PLANS / 2);
    }

    /** Returns 1 when the plan was feasible. */
    private int assertAgrees(MatchingProblem problem, HardSoftLongScore score, long optimum) {
        ReferenceResult evaluation = reference.evaluate(problem, LIMIT);
        if (score.hardScore() < 0) {
            assertThat(evaluation.status()).as("a plan breaking a hard rule (%s)", score).isEqualTo("INFEASIBLE");
            return 0;
        }
        assertThat(evaluation.optimal()).as(evaluation.status()).isTrue();
        assertThat(evaluation.objective()).isEqualTo(score.softScore());
        assertThat(score.softScore()).isLessThanOrEqualTo(optimum);
        return 1;
    }

    private static Map<Session, OfferSlot> pinnedSlots(MatchingProblem problem) {
        Map<Session, OfferSlot> pinned = new LinkedHashMap<>();
        problem.sessions().stream().filter(Session::pinned).forEach(s -> pinned.put(s, s.slot()));
        return pinned;
    }

    // ---- What the optimum does on the scenarios ----

    @Test
    void theScarceSlotGoesToTheCohortWhosePupilsAreWorthMore() {
        ReferenceResult result = reference.solve(twoCohortsOneSlot(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void aColdSpotSchoolWinsASlotAnOrdinarySchoolWantsAsMuch() {
        ReferenceResult result = reference.solve(coldSpotAgainstOrdinarySchool(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void aYearGroupWithNothingThisYearWinsTheSlot() {
        ReferenceResult result = reference.solve(cohortWithNothingThisYear(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void placementsTakeNoMorePupilsThanThePlacesOffered() {
        ReferenceResult result = reference.solve(placementsWithTwoPlaces(), LIMIT);

        assertThat(result.assignment()).hasSize(2);
    }

    @Test
    void aTightBudgetPaysForOnePaidSessionOnly() {
        ReferenceResult result = reference.solve(paidOfferOnTightBudget(), LIMIT);

        assertThat(result.assignment()).hasSize(1);
    }

    @Test
    void aSendRequestGoesToTheFartherOfferThatCanAdapt() {
        MatchingProblem problem = sendRequest();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(slotOf(problem, result.assignment().get("1#1")).offer().sendAdaptable()).isTrue();
    }

    @Test
    void aPinnedBookingOffItsCandidatesStaysAndCountsAgainstTheYearGroup() {
        MatchingProblem problem = pinnedBookingOutsideWindow();
        Session pinned = problem.sessions().getFirst();
        ReferenceResult result = reference.solve(problem, LIMIT);
        CpSatReference.apply(result, problem);

        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.candidates()).doesNotContain(pinned.slot());
        assertThat(pinned.slot()).isSameAs(pinned.previousSlot());
        // The pinned 100 pupils leave no room on Monday 18th for the other 60.
        assertThat(problem.sessions().get(1).slot()).isNull();
    }

    @Test
    void anUnpublishedBookingStaysPutRatherThanPayForTheChange() {
        MatchingProblem problem = unpublishedBooking();
        Session booked = problem.sessions().getFirst();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(booked.pinned()).isFalse();
        assertThat(result.assignment().get(booked.id())).isEqualTo(booked.previousSlot().id());
    }

    @Test
    void aCappedEmployerIsAskedOnceAndATiredOneNotAtAll() {
        MatchingProblem problem = cappedAndTiredEmployers();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(result.assignment().values().stream().map(id -> slotOf(problem, id).employer().id()))
                .containsExactly(1L);
    }

    @Test
    void aVolunteerGivesOneOfTwoOverlappingOffers() {
        ReferenceResult result = reference.solve(volunteerWithOverlappingOffers(), LIMIT);

        assertThat(result.assignment()).hasSize(1);
    }

    @Test
    void aTalkDuringAPlacementWeekClashesOnlyWhenTheTalkSessionHasTheLowerId() {
        MatchingProblem problem = talkDuringPlacementWeek();
        Session placementFirst = session(problem, "3#1");
        Session talk = session(problem, "5#1");
        Session placementAfter = session(problem, "7#1");
        talk.setSlot(talk.candidates().getFirst());

        placementFirst.setSlot(placementFirst.candidates().getFirst());
        assertThat(ScoreKeeper.score(problem).hardScore()).isZero();
        assertThat(reference.evaluate(problem, LIMIT).objective()).isEqualTo(problem.score().softScore());

        placementFirst.setSlot(null);
        placementAfter.setSlot(placementAfter.candidates().getFirst());
        assertThat(ScoreKeeper.score(problem).hardScore()).isEqualTo(-1);
        assertThat(reference.evaluate(problem, LIMIT).status()).isEqualTo("INFEASIBLE");
    }

    @Test
    void aSafeguardingCheckMustLastToTheEndOfThePlacementWeek() {
        ReferenceResult result = reference.solve(checkRunningOutMidPlacement(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void anUncheckedVolunteerNeverMentorsAlone() {
        ReferenceResult result = reference.solve(mentoringByUncheckedVolunteer(), LIMIT);

        assertThat(result.assignment()).isEmpty();
    }

    @Test
    void pinnedBookingsThatBreakAHardRuleLeaveNoFeasiblePlan() {
        Volunteer ann = volunteer(1);
        Cohort year9 = cohort(school(1, ALVASTON), 9, 200, 0);
        MatchingProblem problem = builder()
                .offer(offer(1, employer(1), ann).mornings(MONDAY).build())
                .offer(offer(2, employer(2), ann).mornings(MONDAY).build())
                .request(request(1, year9, 30, 1).build())
                .request(request(2, year9, 30, 1).build())
                .booking(1, 1, MONDAY, MONDAY, Period.MORNING, true)
                .booking(2, 2, MONDAY, MONDAY, Period.MORNING, true)
                .build();

        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(ScoreKeeper.score(problem).hardScore()).isNegative();
        assertThat(result.status()).isEqualTo("INFEASIBLE");
        assertThat(result.assignment()).isEmpty();
    }

    @Test
    void theLargestRandomHubSolvesToOptimalityWithinSeconds() {
        MatchingProblem largest = LongStream.rangeClosed(1, 20).mapToObj(RandomHub::problem)
                .max(Comparator.comparingLong(MatchingProblem::candidatePairs)).orElseThrow();

        ReferenceResult result = reference.solve(largest, LIMIT);

        System.out.printf("Largest random hub: %d sessions, %d candidate pairs, %s in %d ms%n",
                largest.sessions().size(), largest.candidatePairs(), result.status(), result.time().toMillis());
        assertThat(result.optimal()).isTrue();
        assertThat(result.time()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSolveStoppedEarlyReportsItsPlansExactScoreAndABoundAboveIt() {
        // Eight times the size of the random hubs above: CP-SAT finds plans at once but proves none optimal for long.
        MatchingProblem large = RandomHub.problem(7, 8);

        ReferenceResult result = reference.solve(large, Duration.ofSeconds(2));
        CpSatReference.apply(result, large);
        HardSoftLongScore score = ScoreKeeper.score(large);

        assertThat(result.status()).isEqualTo("FEASIBLE");
        assertThat(result.optimal()).isFalse();
        assertThat(score.hardScore()).isZero();
        assertThat(score.softScore()).isEqualTo(result.objective());
        assertThat(result.bound()).isGreaterThan(result.objective());
    }

    private static Session session(MatchingProblem problem, String id) {
        return problem.sessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static OfferSlot slotOf(MatchingProblem problem, long id) {
        return problem.slots().stream().filter(slot -> slot.id() == id).findFirst().orElseThrow();
    }

    // ---- Scenarios ----

    /** One talk, Monday morning; the second cohort has more disadvantaged pupils. */
    static MatchingProblem twoCohortsOneSlot() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 180, 20);
        Cohort b9 = cohort(school(2, DERBY_CENTRE), 9, 180, 90);
        return builder()
                .offer(offer(1, employer(1), volunteer(1)).mornings(MONDAY).build())
                .request(request(1, a9, 60, 1).build())
                .request(request(2, b9, 60, 1).build())
                .build();
    }

    /** Alike but for the second school being a cold spot; both schools as far from the employer. */
    static MatchingProblem coldSpotAgainstOrdinarySchool() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 150, 30);
        Cohort b9 = cohort(coldSpotSchool(2, DERBY_CENTRE), 9, 150, 30);
        return builder()
                .offer(offer(1, employer(1), volunteer(1)).mornings(MONDAY, MONDAY.plusDays(1)).build())
                .request(request(1, a9, 60, 2).build())
                .request(request(2, b9, 60, 1).build())
                .build();
    }

    static MatchingProblem cohortWithNothingThisYear() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 150, 30);
        Cohort b9 = cohort(school(2, DERBY_CENTRE), 9, 150, 30, true, true, 0);
        return builder()
                .offer(offer(1, employer(1), volunteer(1)).mornings(MONDAY).build())
                .request(request(1, a9, 60, 1).build())
                .request(request(2, b9, 60, 1).build())
                .build();
    }

    /** A cohort without STEM, a STEM offer farther away than an ordinary one. */
    static MatchingProblem stemOfferForCohortWithNone() {
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", MICKLEOVER, Employer.NO_CAP, 0);
        Cohort a10 = cohort(school(1, ALVASTON), 10, 120, 10, false, false, 0);
        return builder()
                .offer(offer(1, near, volunteer(1)).mornings(MONDAY).build())
                .offer(offer(2, far, volunteer(2)).stem().mornings(MONDAY).build())
                .request(request(1, a10, 80, 1).build())
                .build();
    }

    /**
     * Three places asked for by a Year 11 with one pupil still short of workplace experience, a
     * placement week with two places. "Same employer again" is off: with its default weight a
     * second pupil placed with the same employer costs more than the placement is worth.
     */
    static MatchingProblem placementsWithTwoPlaces() {
        Cohort a11 = cohort(school(1, DERBY_CENTRE), 11, 90, 10, false, true, 1);
        return builder(new MatchingWeights(Map.of(MatchingWeights.SAME_EMPLOYER_AGAIN, 0L)))
                .offer(offer(1, employer(1), volunteer(1)).type(EncounterType.WORK_EXPERIENCE).places(2)
                        .years(10, 13).on(MONDAY, Period.ALL_DAY).build())
                .request(request(1, a11, 3, 1).type(EncounterType.WORK_EXPERIENCE).build())
                .build();
    }

    /** £30 left, two £20 talks wanted from two employers. */
    static MatchingProblem paidOfferOnTightBudget() {
        Cohort a9 = cohort(schoolWithBudget(1, 3_000), 9, 150, 30);
        return builder()
                .offer(offer(1, employer(1), volunteer(1)).cost(2_000).mornings(MONDAY).build())
                .offer(offer(2, employer(2), volunteer(2)).cost(2_000).mornings(MONDAY.plusDays(1)).build())
                .request(request(1, a9, 60, 2).build())
                .build();
    }

    static MatchingProblem sendRequest() {
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", MICKLEOVER, Employer.NO_CAP, 0);
        Cohort a8 = cohort(school(1, ALVASTON), 8, 60, 10);
        return builder()
                .offer(offer(1, near, volunteer(1)).mornings(MONDAY).build())
                .offer(offer(2, far, volunteer(2)).sendAdaptable().mornings(MONDAY).build())
                .request(request(1, a8, 20, 1).needsSend().build())
                .build();
    }

    /**
     * A published talk for 100 of 120 pupils on Monday the 18th, past the request's window of the
     * first week (so not a candidate), and another request for 60 pupils of the same year group
     * that could only go on Monday the 18th.
     */
    static MatchingProblem pinnedBookingOutsideWindow() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 120, 20);
        LocalDate nextMonday = MONDAY.plusWeeks(1);
        return builder()
                .offer(offer(1, employer(1), volunteer(1)).mornings(nextMonday).build())
                .offer(offer(2, employer(2), volunteer(2)).mornings(nextMonday).build())
                .request(request(1, a9, 100, 1).build())
                .request(request(2, a9, 60, 1).until(Hub.LAST_DAY).build())
                .booking(1, 1, nextMonday, nextMonday, Period.MORNING, true)
                .build();
    }

    /** Booked (not yet published) with the farther of two free employers. */
    static MatchingProblem unpublishedBooking() {
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", MICKLEOVER, Employer.NO_CAP, 0);
        Cohort a9 = cohort(school(1, ALVASTON), 9, 150, 30);
        return builder()
                .offer(offer(1, near, volunteer(1)).mornings(MONDAY).build())
                .offer(offer(2, far, volunteer(2)).mornings(MONDAY).build())
                .request(request(1, a9, 60, 1).build())
                .booking(1, 2, MONDAY, MONDAY, Period.MORNING, false)
                .build();
    }

    /**
     * Employer 1 may be asked once, though it offers three mornings; employer 2 was asked in three
     * recent rounds, which costs more than a second cohort's careers talk is worth.
     */
    static MatchingProblem cappedAndTiredEmployers() {
        Employer capped = new Employer(1, "Capped", DERBY_CENTRE, 1, 0);
        Employer tired = new Employer(2, "Tired", DERBY_CENTRE, Employer.NO_CAP, 3);
        School school = school(1, DERBY_CENTRE);
        Cohort a9 = cohort(school, 9, 30, 0);
        Cohort a10 = cohort(school, 10, 30, 0);
        return builder()
                .offer(offer(1, capped, volunteer(1)).maxSessions(3).mornings(MONDAY, MONDAY.plusDays(1),
                        MONDAY.plusDays(2)).build())
                .offer(offer(2, tired, volunteer(2)).mornings(MONDAY).build())
                .request(request(1, a9, 10, 1).build())
                .request(request(2, a10, 10, 1).build())
                .build();
    }

    /** Ann gives a Monday-morning talk for one employer and an all-day visit for another. */
    static MatchingProblem volunteerWithOverlappingOffers() {
        Volunteer ann = volunteer(1);
        Cohort a9 = cohort(school(1, ALVASTON), 9, 150, 30);
        Cohort b10 = cohort(school(2, MICKLEOVER), 10, 150, 30);
        return builder()
                .offer(offer(1, employer(1), ann).mornings(MONDAY).build())
                .offer(offer(2, employer(2), ann).type(EncounterType.WORKPLACE_VISIT).on(MONDAY, Period.ALL_DAY)
                        .build())
                .request(request(1, a9, 60, 1).build())
                .request(request(2, b10, 60, 1).type(EncounterType.WORKPLACE_VISIT).build())
                .build();
    }

    /**
     * Ann hosts a placement week and gives a talk on its Wednesday. The matcher counts the clash
     * only when the talk's session has the lower planning id: "5#1" (the talk) against "7#1" but
     * not against "3#1", whose placement comes first.
     */
    static MatchingProblem talkDuringPlacementWeek() {
        Volunteer ann = volunteer(1);
        Cohort a11 = cohort(school(1, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        Cohort b11 = cohort(school(2, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        Cohort c9 = cohort(school(3, DERBY_CENTRE), 9, 100, 10);
        return builder()
                .offer(offer(1, employer(1), ann).mornings(MONDAY.plusDays(2)).build())
                .offer(offer(2, employer(2), ann).type(EncounterType.WORK_EXPERIENCE).places(2).years(10, 13)
                        .on(MONDAY, Period.ALL_DAY).build())
                .request(request(3, a11, 1, 1).type(EncounterType.WORK_EXPERIENCE).build())
                .request(request(5, c9, 60, 1).build())
                .request(request(7, b11, 1, 1).type(EncounterType.WORK_EXPERIENCE).build())
                .build();
    }

    /** Ann's check runs out on the Thursday of her placement week; a Monday talk is fine. */
    static MatchingProblem checkRunningOutMidPlacement() {
        Volunteer ann = new Volunteer(1, "Ann", MONDAY.plusDays(3));
        Cohort a11 = cohort(school(1, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        return builder()
                .offer(offer(1, employer(1), ann).type(EncounterType.WORK_EXPERIENCE).places(2).years(10, 13)
                        .on(MONDAY, Period.ALL_DAY).build())
                .offer(offer(2, employer(2), ann).type(EncounterType.MOCK_INTERVIEWS).mornings(MONDAY).build())
                .request(request(1, a11, 1, 1).type(EncounterType.WORK_EXPERIENCE).build())
                .request(request(2, a11, 30, 1).type(EncounterType.MOCK_INTERVIEWS).build())
                .build();
    }

    static MatchingProblem mentoringByUncheckedVolunteer() {
        Cohort a10 = cohort(school(1, DERBY_CENTRE), 10, 60, 10);
        return builder()
                .offer(offer(1, employer(1), Hub.unchecked(1)).type(EncounterType.MENTORING).mornings(MONDAY)
                        .build())
                .request(request(1, a10, 10, 1).type(EncounterType.MENTORING).build())
                .build();
    }
}

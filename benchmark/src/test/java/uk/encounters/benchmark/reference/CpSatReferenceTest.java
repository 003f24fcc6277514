package uk.encounters.benchmark.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.benchmark.reference.Hub.ALVASTON;
import static uk.encounters.benchmark.reference.Hub.MONDAY;
import static uk.encounters.benchmark.reference.Hub.builder;
import static uk.encounters.benchmark.reference.Hub.cohort;
import static uk.encounters.benchmark.reference.Hub.employer;
import static uk.encounters.benchmark.reference.Hub.offer;
import static uk.encounters.benchmark.reference.Hub.request;
import static uk.encounters.benchmark.reference.Hub.school;
import static uk.encounters.benchmark.reference.Hub.volunteer;

import java.time.Duration;
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
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.HalfDay;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.Reach;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.ScoreKeeper;

class CpSatReferenceTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int RANDOM_PLANS = 30;

    private final CpSatReference reference = new CpSatReference();

    // ---- The two models agree, on every scenario and on seeded random hubs ----

    static Stream<Named<Supplier<MatchingProblem>>> problems() {
        Stream<Named<Supplier<MatchingProblem>>> scenarios = Stream.of(
                Named.of("two cohorts competing for one slot", Scenarios::twoCohortsOneSlot),
                Named.of("a cold-spot school", Scenarios::coldSpotAgainstOrdinarySchool),
                Named.of("a cohort with nothing this year", Scenarios::cohortWithNothingThisYear),
                Named.of("a STEM offer", Scenarios::stemOfferForCohortWithNone),
                Named.of("work-experience placements with places", Scenarios::placementsWithTwoPlaces),
                Named.of("a paid offer on a tight budget", Scenarios::paidOfferOnTightBudget),
                Named.of("a SEND request", Scenarios::sendRequest),
                Named.of("a pinned booking off the candidates", Scenarios::pinnedBookingOutsideWindow),
                Named.of("an unpublished booking", Scenarios::unpublishedBooking),
                Named.of("an unpublished booking off the candidates", Scenarios::unpublishedBookingOutsideWindow),
                Named.of("a capped employer and a tired one", Scenarios::cappedAndTiredEmployers),
                Named.of("a volunteer with two overlapping offers", Scenarios::volunteerWithOverlappingOffers),
                Named.of("a volunteer with a talk during a placement week", Scenarios::talkDuringPlacementWeek),
                Named.of("mentoring by an unchecked volunteer", Scenarios::mentoringByUncheckedVolunteer),
                Named.of("a check that runs out mid-placement", Scenarios::checkRunningOutMidPlacement),
                Named.of("a fair beside a talk", Scenarios::fairBesideATalk),
                Named.of("a hub event for two schools", Scenarios::hubEventForTwoSchools),
                Named.of("schools sharing an online talk", Scenarios::schoolsSharingAnOnlineTalk),
                Named.of("a series with near mentors free once each", Scenarios::seriesWithNearMentorsFreeOnceEach));
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
        ReferencePlan.apply(problem, result);
        HardSoftLongScore score = ScoreKeeper.score(problem);

        assertThat(result.optimal()).as(result.status()).isTrue();
        assertThat(result.bound()).isEqualTo(result.objective());
        assertThat(score.hardScore()).isZero();
        assertThat(score.softScore()).isEqualTo(result.objective());
        pinned.forEach(
                (session, slot) -> assertThat(session.slot()).as(session.id()).isSameAs(slot));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void everyRandomPlanGetsTheMatchersSoftScoreOrIsInfeasibleAndNoneBeatsTheOptimum(Supplier<MatchingProblem> make) {
        MatchingProblem problem = make.get();
        long optimum = reference.solve(problem, LIMIT).objective();
        Random random = new Random(42);
        List<Session> free = new ArrayList<>(
                problem.sessions().stream().filter(s -> !s.pinned()).toList());
        int feasible = 0;
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            for (int plan = 0; plan < RANDOM_PLANS; plan++) {
                // Half the plans drop any session that breaks a hard rule, so most of those are feasible.
                boolean keepFeasible = plan % 2 == 0;
                Collections.shuffle(free, random);
                free.forEach(session -> keeper.assign(session, null));
                HardSoftLongScore score = keeper.score();
                for (Session session : free) {
                    List<OfferSlot> options = optionsOf(session);
                    OfferSlot slot = options.isEmpty() || random.nextInt(4) == 0
                            ? null
                            : options.get(random.nextInt(options.size()));
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

    /** Every scenario but one whose booking may stay off its candidates, which brute force never tries. */
    static Stream<Named<Supplier<MatchingProblem>>> tinyProblems() {
        return problems()
                .filter(named -> !named.getName().startsWith("random hub"))
                .filter(named -> !named.getName().equals("an unpublished booking off the candidates"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyProblems")
    void theOptimumIsTheOptimumOfTryingEveryPlanUnderTheMatchersRules(Supplier<MatchingProblem> make) {
        MatchingProblem problem = make.get();

        ReferenceResult exact = reference.solve(problem, LIMIT);
        ReferenceResult tried = new BruteForceReference().solve(problem, LIMIT);

        assertThat(exact.optimal()).as(exact.status()).isTrue();
        assertThat(exact.objective()).isEqualTo(tried.objective());
    }

    /** Returns 1 when the plan was feasible. */
    private int assertAgrees(MatchingProblem problem, HardSoftLongScore score, long optimum) {
        ReferenceResult evaluation = reference.evaluate(problem, LIMIT);
        if (score.hardScore() < 0) {
            assertThat(evaluation.status())
                    .as("a plan breaking a hard rule (%s)", score)
                    .isEqualTo("INFEASIBLE");
            return 0;
        }
        assertThat(evaluation.optimal()).as(evaluation.status()).isTrue();
        assertThat(evaluation.objective()).isEqualTo(score.softScore());
        assertThat(score.softScore()).isLessThanOrEqualTo(optimum);
        return 1;
    }

    /** Its candidates, and its previous slot: the matcher starts there and may keep it. */
    private static List<OfferSlot> optionsOf(Session session) {
        List<OfferSlot> options = new ArrayList<>(session.candidates());
        if (session.previousSlot() != null && !options.contains(session.previousSlot())) {
            options.add(session.previousSlot());
        }
        return options;
    }

    private static Map<Session, OfferSlot> pinnedSlots(MatchingProblem problem) {
        Map<Session, OfferSlot> pinned = new LinkedHashMap<>();
        problem.sessions().stream().filter(Session::pinned).forEach(s -> pinned.put(s, s.slot()));
        return pinned;
    }

    // ---- What the optimum does on the scenarios ----

    @Test
    void theScarceSlotGoesToTheCohortWhosePupilsAreWorthMore() {
        ReferenceResult result = reference.solve(Scenarios.twoCohortsOneSlot(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void aColdSpotSchoolWinsASlotAnOrdinarySchoolWantsAsMuch() {
        ReferenceResult result = reference.solve(Scenarios.coldSpotAgainstOrdinarySchool(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void aYearGroupWithNothingThisYearWinsTheSlot() {
        ReferenceResult result = reference.solve(Scenarios.cohortWithNothingThisYear(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void placementsTakeNoMorePupilsThanThePlacesOffered() {
        ReferenceResult result = reference.solve(Scenarios.placementsWithTwoPlaces(), LIMIT);

        assertThat(result.assignment()).hasSize(2);
    }

    @Test
    void aPlacementGoesToTheFartherHostWhosePaperworkHoldsAllWeek() {
        MatchingProblem problem = Scenarios.placementHostsWithAndWithoutPaperwork();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("1#1");
        long slot = result.assignment().get("1#1");
        assertThat(problem.slots().stream()
                        .filter(s -> s.id() == slot)
                        .findFirst()
                        .orElseThrow()
                        .employer()
                        .name())
                .isEqualTo("Far");
    }

    @Test
    void aVisitGoesToTheYear11ShortOfBenchmark6() {
        ReferenceResult result = reference.solve(Scenarios.visitForYear11ShortOfBenchmark6(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void aTightBudgetPaysForOnePaidSessionOnly() {
        ReferenceResult result = reference.solve(Scenarios.paidOfferOnTightBudget(), LIMIT);

        assertThat(result.assignment()).hasSize(1);
    }

    @Test
    void aSendRequestGoesToTheFartherOfferThatCanAdapt() {
        MatchingProblem problem = Scenarios.sendRequest();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(slotOf(problem, result.assignment().get("1#1")).offer().sendAdaptable())
                .isTrue();
    }

    @Test
    void aPinnedBookingOffItsCandidatesStaysAndCountsAgainstTheYearGroup() {
        MatchingProblem problem = Scenarios.pinnedBookingOutsideWindow();
        Session pinned = problem.sessions().getFirst();
        ReferenceResult result = reference.solve(problem, LIMIT);
        ReferencePlan.apply(problem, result);

        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.candidates()).doesNotContain(pinned.slot());
        assertThat(pinned.slot()).isSameAs(pinned.previousSlot());
        // The pinned 100 pupils leave no room on Monday 18th for the other 60.
        assertThat(problem.sessions().get(1).slot()).isNull();
    }

    @Test
    void anUnpublishedBookingStaysPutRatherThanPayForTheChange() {
        MatchingProblem problem = Scenarios.unpublishedBooking();
        Session booked = problem.sessions().getFirst();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(booked.pinned()).isFalse();
        assertThat(result.assignment().get(booked.id()))
                .isEqualTo(booked.previousSlot().id());
    }

    @Test
    void anUnpublishedBookingOffItsCandidatesMayStayAsTheMatchersSearchLetsIt() {
        MatchingProblem problem = Scenarios.unpublishedBookingOutsideWindow();
        Session booked = problem.sessions().getFirst();
        ReferenceResult result = reference.solve(problem, LIMIT);
        ReferencePlan.apply(problem, result);

        assertThat(booked.candidates()).doesNotContain(booked.previousSlot());
        assertThat(booked.slot()).isSameAs(booked.previousSlot());
        assertThat(ScoreKeeper.score(problem).softScore()).isEqualTo(result.objective());
    }

    @Test
    void aCappedEmployerIsAskedOnceAndATiredOneNotAtAll() {
        MatchingProblem problem = Scenarios.cappedAndTiredEmployers();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(result.assignment().values().stream()
                        .map(id -> slotOf(problem, id).employer().id()))
                .containsExactly(1L);
    }

    @Test
    void aVolunteerGivesOneOfTwoOverlappingOffers() {
        ReferenceResult result = reference.solve(Scenarios.volunteerWithOverlappingOffers(), LIMIT);

        assertThat(result.assignment()).hasSize(1);
    }

    @Test
    void aTalkDuringAPlacementWeekIsNoClashWhicheverSessionComesFirst() {
        MatchingProblem problem = Scenarios.talkDuringPlacementWeek();
        Session placementFirst = session(problem, "3#1");
        Session talk = session(problem, "5#1");
        Session placementAfter = session(problem, "7#1");
        talk.setSlot(talk.candidates().getFirst());
        placementFirst.setSlot(placementFirst.candidates().getFirst());
        placementAfter.setSlot(placementAfter.candidates().getFirst());

        assertThat(ScoreKeeper.score(problem).hardScore()).isZero();
        assertThat(reference.evaluate(problem, LIMIT).objective())
                .isEqualTo(problem.score().softScore());
    }

    @Test
    void aSafeguardingCheckMustLastToTheEndOfThePlacementWeek() {
        ReferenceResult result = reference.solve(Scenarios.checkRunningOutMidPlacement(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("2#1");
    }

    @Test
    void anUncheckedVolunteerNeverMentorsAlone() {
        ReferenceResult result = reference.solve(Scenarios.mentoringByUncheckedVolunteer(), LIMIT);

        assertThat(result.assignment()).isEmpty();
    }

    @Test
    void aFairsFilledStallsTakeItsWholeAttendanceSoTheTalkThenWaits() {
        ReferenceResult result = reference.solve(Scenarios.fairBesideATalk(), LIMIT);

        // the talk's employer may take a stall too (a careers talk can): three stalls of four are worth 75
        // pupils, the talk 40; both would be 140 of 120 pupils
        assertThat(result.assignment()).hasSize(3).doesNotContainKey("2#1");
    }

    @Test
    void aHubEventLeavesRoomForOneSchoolsTalkButNotTheOthers() {
        ReferenceResult result = reference.solve(Scenarios.hubEventForTwoSchools(), LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("1#1", "1#2", "2#1");
    }

    @Test
    void twoSchoolsShareTheOnlineTalkUpToItsCapacityAndAnInPersonClassThenWaits() {
        ReferenceResult result = reference.solve(Scenarios.schoolsSharingAnOnlineTalk(), LIMIT);

        // 60 + 40 fill the 100 places; the 30 more would not fit, and Ann cannot be in school then
        assertThat(result.assignment()).containsOnlyKeys("1#1", "2#1");
        assertThat(result.assignment().get("1#1")).isEqualTo(result.assignment().get("2#1"));
    }

    @Test
    void aSeriesKeepsTheFartherMentorFreeForBothSessions() {
        MatchingProblem problem = Scenarios.seriesWithNearMentorsFreeOnceEach();
        ReferenceResult result = reference.solve(problem, LIMIT);

        assertThat(result.assignment()).containsOnlyKeys("1#1", "1#2");
        assertThat(result.assignment().values().stream()
                        .map(id -> slotOf(problem, id).offer().id()))
                .containsOnly(3L);
    }

    @Test
    void aSeriesWithTwoMentorsIsRefusedByBothModels() {
        MatchingProblem problem = Scenarios.seriesWithNearMentorsFreeOnceEach();
        session(problem, "1#1").setSlot(slotOfOffer(problem, 1));
        session(problem, "1#2").setSlot(slotOfOffer(problem, 2));

        assertThat(ScoreKeeper.score(problem).hardScore()).isNegative();
        assertThat(reference.evaluate(problem, LIMIT).status()).isEqualTo("INFEASIBLE");
    }

    @Test
    void duplicateHalfDayFactsCountOnceInBothModelsAsTheMatcherGroupsEqualHalfDays() {
        // a stall for 100 of 120 pupils and a talk for 20 more: just fits, if Monday morning counts once
        Cohort year9 = cohort(school(1, ALVASTON), 9, 120, 0);
        MatchingProblem problem = builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .type(EncounterType.CAREERS_FAIR)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, employer(2), volunteer(2)).mornings(MONDAY).build())
                .request(Hub.event(1, MONDAY, Period.MORNING, 2, new Attendance(year9, 100))
                        .build())
                .request(request(2, year9, 20, 1).build())
                .build();
        List<HalfDay> twice = new ArrayList<>(problem.halfDays());
        problem.halfDays().forEach(halfDay -> twice.add(new HalfDay(halfDay.index())));
        MatchingProblem doubled = new MatchingProblem(
                problem.horizonStart(),
                problem.horizonEnd(),
                problem.weights(),
                problem.schools(),
                problem.cohorts(),
                problem.employers(),
                problem.offers(),
                problem.slots(),
                twice,
                problem.requests(),
                problem.sessions());
        session(doubled, "1#1").setSlot(slotOfOffer(doubled, 1));
        session(doubled, "2#1").setSlot(slotOfOffer(doubled, 2));

        HardSoftLongScore score = ScoreKeeper.score(doubled);
        ReferenceResult evaluation = reference.evaluate(doubled, LIMIT);

        assertThat(score.hardScore()).isZero();
        assertThat(evaluation.objective()).isEqualTo(score.softScore());
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
        MatchingProblem largest = LongStream.rangeClosed(1, 20)
                .mapToObj(RandomHub::problem)
                .max(Comparator.comparingLong(MatchingProblem::candidatePairs))
                .orElseThrow();

        ReferenceResult result = reference.solve(largest, LIMIT);

        System.out.printf(
                "Largest random hub: %d sessions, %d candidate pairs, %s in %d ms%n",
                largest.sessions().size(),
                largest.candidatePairs(),
                result.status(),
                result.time().toMillis());
        assertThat(result.optimal()).isTrue();
        assertThat(result.time()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theRandomHubsHoldFairsForSeveralSchoolsSeriesWithAChoiceOfMentorsAndOnlineTalksSchoolsCouldShare() {
        List<MatchingProblem> hubs =
                LongStream.rangeClosed(1, 20).mapToObj(RandomHub::problem).toList();

        assertThat(hubs)
                .filteredOn(hub -> hub.sessions().stream()
                        .anyMatch(s -> !s.candidates().isEmpty() && schoolsAttending(s.request()) > 1))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(hubs)
                .filteredOn(hub -> hub.sessions().stream()
                        .anyMatch(s -> s.request().series()
                                && s.candidates().stream()
                                                .map(slot -> slot.offer().presenter())
                                                .distinct()
                                                .count()
                                        > 1))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(hubs)
                .filteredOn(hub -> hub.slots().stream()
                        .anyMatch(slot -> hub.sessions().stream()
                                        .filter(s -> couldShareOnline(s, slot))
                                        .count()
                                > 1))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    private static long schoolsAttending(Request request) {
        return request.audience().stream()
                .map(a -> a.cohort().school())
                .distinct()
                .count();
    }

    private static boolean couldShareOnline(Session session, OfferSlot slot) {
        Reach reach = session.reachOf(slot.offer());
        return session.candidates().contains(slot)
                && slot.offer().sharedOnline()
                && reach != null
                && reach.mode() == DeliveryMode.ONLINE;
    }

    @Test
    void aSolveStoppedEarlyReportsItsPlansExactScoreAndABoundAboveIt() {
        // Eight times the size of the random hubs above: CP-SAT finds plans at once but proves none optimal for long.
        MatchingProblem large = RandomHub.problem(7, 8);

        ReferenceResult result = reference.solve(large, Duration.ofSeconds(2));
        ReferencePlan.apply(large, result);
        HardSoftLongScore score = ScoreKeeper.score(large);

        assertThat(result.status()).isEqualTo("FEASIBLE");
        assertThat(result.optimal()).isFalse();
        assertThat(score.hardScore()).isZero();
        assertThat(score.softScore()).isEqualTo(result.objective());
        assertThat(result.bound()).isGreaterThan(result.objective());
    }

    private static Session session(MatchingProblem problem, String id) {
        return problem.sessions().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static OfferSlot slotOfOffer(MatchingProblem problem, long offerId) {
        return problem.slots().stream()
                .filter(slot -> slot.offer().id() == offerId)
                .findFirst()
                .orElseThrow();
    }

    private static OfferSlot slotOf(MatchingProblem problem, long id) {
        return problem.slots().stream()
                .filter(slot -> slot.id() == id)
                .findFirst()
                .orElseThrow();
    }
}

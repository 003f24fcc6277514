package uk.encounters.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.encounters.matcher.SmallHub.ALVASTON;
import static uk.encounters.matcher.SmallHub.DERBY_CENTRE;
import static uk.encounters.matcher.SmallHub.MICKLEOVER;
import static uk.encounters.matcher.SmallHub.MONDAY;
import static uk.encounters.matcher.SmallHub.cohort;
import static uk.encounters.matcher.SmallHub.coldSpotSchool;
import static uk.encounters.matcher.SmallHub.employer;
import static uk.encounters.matcher.SmallHub.offer;
import static uk.encounters.matcher.SmallHub.request;
import static uk.encounters.matcher.SmallHub.school;
import static uk.encounters.matcher.SmallHub.talk;
import static uk.encounters.matcher.SmallHub.talkRequest;
import static uk.encounters.matcher.SmallHub.unchecked;
import static uk.encounters.matcher.SmallHub.volunteer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.solver.EnvironmentMode;
import uk.encounters.matcher.Matcher.MatchResult;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.explain.BookingExplanation;
import uk.encounters.matcher.explain.UnmatchedExplanation;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.matcher.solver.SolverSettings;

class MatcherTest {

    private static final SolverSettings FULL_ASSERT =
            new SolverSettings(Duration.ofSeconds(2), EnvironmentMode.FULL_ASSERT);

    private final School alvaston = school(1, "Alvaston Academy", ALVASTON);
    private final School mickleover = coldSpotSchool(2, "Mickleover School", MICKLEOVER);
    private final Employer rolls = employer(1, "Rolls-Royce");
    private final Employer smith = employer(2, "Smith & Co");

    private ProblemBuilder week() {
        return new ProblemBuilder(
                MONDAY,
                MONDAY.plusDays(4),
                ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(4)),
                MatchingWeights.defaultWeights());
    }

    /** Checks every score increment against a full calculation: slow, so for invariants, not optimality. */
    private static MatchResult solveAsserting(MatchingProblem problem) {
        return new Matcher(FULL_ASSERT).solve(problem);
    }

    private static MatchResult solve(MatchingProblem problem) {
        return new Matcher(SolverSettings.forSeconds(2)).solve(problem);
    }

    private static Session session(MatchResult result, String id) {
        return result.plan().sessions().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Two schools, talks, a placement week and mentoring by an unchecked volunteer; one talk published. */
    private MatchingProblem smallHubWithEveryRuleInPlay() {
        Cohort a9 = cohort(alvaston, 9, 180, 40);
        Cohort b9 = cohort(mickleover, 9, 150, 60);
        Cohort b10 = new Cohort(
                mickleover,
                10,
                140,
                140,
                List.of(new PupilBand(140, 200), new PupilBand(140, 50), new PupilBand(140, 12)),
                true,
                false,
                140,
                Set.of(1L));
        return week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY, MONDAY.plusDays(1)))
                .offer(talk(2, smith, volunteer(2, "Bob"), MONDAY))
                .offer(offer(3, rolls, volunteer(3, "Cy"), EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY))
                .offer(offer(4, smith, unchecked(4, "Di"), EncounterType.MENTORING, "Retail", 2, MONDAY.plusDays(2)))
                .request(talkRequest(1, a9, 60, 2))
                .request(talkRequest(2, b9, 60, 2))
                .request(request(3, b10, EncounterType.WORK_EXPERIENCE, 6, 1))
                .request(request(4, b10, EncounterType.MENTORING, 8, 1))
                .booking(1, 1, MONDAY, MONDAY, Period.MORNING, true)
                .build();
    }

    @Test
    void solvesASmallHubInFullAssertModeWithEveryRuleInPlay() {
        MatchResult result = solveAsserting(smallHubWithEveryRuleInPlay());

        assertThat(result.plan().score().isFeasible()).isTrue();
        assertThat(session(result, "1#1").slot().startsOn()).isEqualTo(MONDAY);
        assertThat(session(result, "4#1").matched())
                .as("mentoring needs a checked volunteer")
                .isFalse();
        assertThat(result.explanations().unmatched())
                .extracting(u -> u.session().id())
                .contains("4#1");
        assertThat(result.explanations().bookings()).hasSize(result.summary().matched());
    }

    @Test
    void aPaidProvidersOfferIsNoCandidateForAnEventsStalls() {
        Cohort a9 = cohort(alvaston, 9, 180, 40);
        MatchingProblem problem = week().offer(SmallHub.stall(1, "Free Stall", MONDAY, 120, 0))
                .offer(SmallHub.stall(2, "Paid Provider", MONDAY, 120, 250_00))
                .request(SmallHub.event(1, EncounterType.CAREERS_FAIR, 2, new Attendance(a9, 180)))
                .build();

        assertThat(problem.sessions())
                .hasSize(2)
                .allSatisfy(stall -> assertThat(stall.candidates())
                        .extracting(slot -> slot.offer().id())
                        .containsOnly(1L));
    }

    @Test
    void anEmployerOfferingCareersTalksInSchoolCanTakeAFairsStallButNotAMockInterviewDays() {
        Cohort a9 = cohort(alvaston, 9, 180, 40);
        Cohort a11 = cohort(alvaston, 11, 150, 30);
        MatchingProblem problem = week().offer(talk(1, employer(1, "Talking Firm"), volunteer(1, "Tess"), MONDAY))
                .request(SmallHub.event(1, EncounterType.CAREERS_FAIR, 2, new Attendance(a9, 180)))
                .request(SmallHub.event(2, EncounterType.MOCK_INTERVIEWS, 2, new Attendance(a11, 150)))
                .request(request(3, a11, EncounterType.CAREERS_FAIR, 30, 1))
                .build();

        assertThat(problem.sessions())
                .filteredOn(s -> s.request().id() == 1)
                .hasSize(2)
                .allSatisfy(stall -> assertThat(stall.candidates())
                        .extracting(slot -> slot.offer().id())
                        .containsOnly(1L));
        assertThat(problem.sessions())
                .filteredOn(s -> s.request().id() != 1)
                .as("a mock-interview day's volunteers interview; a school's own request for a fair is for fair offers")
                .allSatisfy(session -> assertThat(session.candidates()).isEmpty());
    }

    @Test
    void fillsAFairsStallsAHubEventAnOnlineTalkTwoSchoolsShareAndAMentoringSeriesInFullAssertMode() {
        Cohort a9 = cohort(alvaston, 9, 180, 40);
        Cohort a10 = cohort(alvaston, 10, 170, 30);
        Cohort b10 = cohort(mickleover, 10, 120, 50);
        Cohort a8 = cohort(alvaston, 8, 160, 20);
        Cohort b8 = cohort(mickleover, 8, 110, 40);
        ProblemBuilder builder = week();
        // five employers could take a stall on Monday morning, two more on Tuesday afternoon
        for (int id = 1; id <= 5; id++) {
            builder.offer(offer(
                    id,
                    employer(id, "Stall " + id),
                    volunteer(id, "V" + id),
                    EncounterType.CAREERS_FAIR,
                    "Sector " + id,
                    1,
                    MONDAY));
        }
        for (int id = 6; id <= 7; id++) {
            builder.offer(offer(
                    id,
                    employer(id, "Stall " + id),
                    volunteer(id, "V" + id),
                    EncounterType.CAREERS_FAIR,
                    "Sector " + id,
                    1,
                    List.of(Availability.on(MONDAY.plusDays(1), Period.AFTERNOON))));
        }
        builder.offer(SmallHub.sharedOnlineTalk(8, rolls, volunteer(8, "Eve"), 300));
        // two mentors, each free Monday to Thursday mornings (on Monday the year group is at its fair)
        for (int id = 9; id <= 10; id++) {
            builder.offer(offer(
                    id,
                    smith,
                    volunteer(id, "Mentor " + id),
                    EncounterType.MENTORING,
                    "Retail",
                    5,
                    List.of(
                            Availability.every(1, Period.MORNING),
                            Availability.every(2, Period.MORNING),
                            Availability.every(3, Period.MORNING),
                            Availability.every(4, Period.MORNING))));
        }
        Request sectorDay = new Request(
                2,
                a10,
                EncounterType.CAREERS_FAIR,
                190,
                2,
                MONDAY.plusDays(1),
                MONDAY.plusDays(1),
                false,
                true,
                Set.of(DeliveryMode.IN_SCHOOL),
                Set.of(),
                null,
                false,
                2,
                Arrangement.EVENT,
                List.of(new Attendance(a10, 100), new Attendance(b10, 90)),
                DERBY_CENTRE);
        MatchingProblem problem = builder.request(
                        SmallHub.event(1, EncounterType.CAREERS_FAIR, 4, new Attendance(a9, 180)))
                .request(sectorDay)
                .request(SmallHub.onlineTalkRequest(3, a8, 150))
                .request(SmallHub.onlineTalkRequest(4, b8, 110))
                .request(SmallHub.series(5, a9, 8, 3))
                .build();

        MatchResult result = solveAsserting(problem);

        assertThat(result.plan().score().isFeasible()).isTrue();
        List<Session> sessions = result.plan().sessions();
        assertThat(sessions.stream().filter(s -> s.request().id() == 1))
                .as("every stall of the fair, each a different employer")
                .allMatch(Session::matched)
                .extracting(Session::employer)
                .doesNotHaveDuplicates();
        assertThat(sessions.stream().filter(s -> s.request().id() == 2)).allMatch(Session::matched);
        assertThat(sessions.stream()
                        .filter(s -> s.request().id() == 3 || s.request().id() == 4))
                .as("both schools on the one online session")
                .allMatch(Session::matched)
                .extracting(Session::slot)
                .containsOnly(session(result, "3#1").slot());
        assertThat(sessions.stream().filter(s -> s.request().id() == 5))
                .as("one mentor for the series")
                .allMatch(Session::matched)
                .extracting(s -> s.offer().volunteer())
                .containsOnly(session(result, "5#1").offer().volunteer());
    }

    @Test
    void aPlacementGoesToTheHostWhosePaperworkHoldsAndTheBookingSaysWhy() {
        Cohort year11 = new Cohort(
                alvaston,
                11,
                150,
                0,
                List.of(new PupilBand(150, 100)),
                false,
                true,
                40,
                Set.of(),
                Set.of("Retail"),
                40);
        // the first host's insurance ends on the Wednesday of the week: the school could not sign it off
        Offer runsOut = offer(1, rolls, volunteer(1, "Ann"), EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY)
                .withPaperworkHoldingUntil(MONDAY.plusDays(2));
        Offer holds = offer(2, smith, volunteer(2, "Bob"), EncounterType.WORK_EXPERIENCE, "Health", 1, MONDAY)
                .withPaperworkHoldingUntil(MONDAY.plusYears(1));
        MatchingProblem problem = week().offer(runsOut)
                .offer(holds)
                .request(request(1, year11, EncounterType.WORK_EXPERIENCE, 1, 1))
                .build();

        MatchResult result = solveAsserting(problem);

        assertThat(session(result, "1#1").offer().id()).isEqualTo(2);
        assertThat(result.explanations().bookings().get(0).reasons())
                .contains(
                        "A workplace experience towards Benchmark 6: 40 pupils of this year group still need one"
                                + " by the end of this year",
                        "A sector this year group has not seen this year (Health)",
                        "A placement towards the hub's target of hours: 40 pupils of this year group are short of it",
                        "The host's placement paperwork holds until Tue 11 Jan 2028");
    }

    @Test
    void theBestPlanForTheSmallHubPlacesTheWholePlacementWeek() {
        MatchResult result = solve(smallHubWithEveryRuleInPlay());

        assertThat(result.summary().matched())
                .as("the published talk, one more talk, four placements")
                .isEqualTo(6);
        assertThat(result.plan().sessions())
                .filteredOn(s -> s.matched() && s.offer().placements())
                .hasSize(4);
    }

    @Test
    void pinnedBookingsNeverMoveEvenWhenAnotherSlotWouldScoreMore() {
        Cohort a9 = cohort(alvaston, 9, 180, 0);
        Cohort b9 = cohort(mickleover, 9, 150, 150);
        MatchingProblem problem = week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY))
                .request(talkRequest(1, a9, 60, 1))
                .request(talkRequest(2, b9, 60, 1))
                .booking(1, 1, MONDAY, MONDAY, Period.MORNING, true)
                .build();

        MatchResult result = solveAsserting(problem);

        Session pinned = session(result, "1#1");
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.slot().startsOn()).isEqualTo(MONDAY);
        assertThat(session(result, "2#1").matched())
                .as("the volunteer is taken by the pinned booking")
                .isFalse();
        assertThat(result.plan().score().isFeasible()).isTrue();
    }

    @Test
    void aVolunteerBookedByAnotherHubHasNoSlotThenButKeepsTheOtherHalfOfTheDay() {
        Cohort a9 = cohort(alvaston, 9, 180, 40);
        MatchingProblem problem = week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY, MONDAY.plusDays(1)))
                .request(talkRequest(1, a9, 60, 2))
                .volunteerAway(1, MONDAY, MONDAY, Period.AFTERNOON)
                .volunteerAway(1, MONDAY.plusDays(1), MONDAY.plusDays(1), Period.ALL_DAY)
                .volunteerAway(99, MONDAY, MONDAY.plusDays(4), Period.ALL_DAY)
                .build();

        assertThat(problem.slots())
                .extracting(s -> s.startsOn() + " " + s.period())
                .as("Tuesday is away all day, Monday afternoon is away; another volunteer's days change nothing")
                .containsExactly(MONDAY + " MORNING");
    }

    @Test
    void capsHoldForEmployersAndOffers() {
        Employer capped = new Employer(5, "Capped Ltd", DERBY_CENTRE, 2, 0);
        Offer many = offer(
                1,
                capped,
                volunteer(1, "Ann"),
                EncounterType.CAREERS_TALK,
                "Retail",
                5,
                MONDAY,
                MONDAY.plusDays(1),
                MONDAY.plusDays(2),
                MONDAY.plusDays(3));
        Offer twice = offer(
                2,
                smith,
                volunteer(2, "Bob"),
                EncounterType.CAREERS_TALK,
                "Retail",
                2,
                MONDAY,
                MONDAY.plusDays(1),
                MONDAY.plusDays(2),
                MONDAY.plusDays(3));
        ProblemBuilder builder = week().offer(many).offer(twice);
        for (int year = 7; year <= 12; year++) {
            builder.request(talkRequest(year, cohort(alvaston, year, 150, 30), 30, 1));
        }

        MatchResult result = solve(builder.build());

        assertThat(result.plan().score().isFeasible()).isTrue();
        assertThat(result.plan().sessions())
                .filteredOn(s -> s.matched() && s.employer().equals(capped))
                .hasSize(2);
        assertThat(result.plan().sessions())
                .filteredOn(s -> s.matched() && s.offer().equals(twice))
                .hasSize(2);
        assertThat(result.explanations().unmatched())
                .hasSize(2)
                .allSatisfy(u -> assertThat(String.join(" ", u.reasons()))
                        .contains("contact cap")
                        .contains("sessions are all taken"));
    }

    @Test
    void scarceSupplyGoesToTheCohortFurthestBehindAndTheOtherIsToldWho() {
        Cohort ahead = new Cohort(alvaston, 9, 180, 0, List.of(new PupilBand(180, 50)), false, true, 0, Set.of());
        Cohort behind = new Cohort(
                mickleover,
                9,
                150,
                150,
                List.of(new PupilBand(150, 300), new PupilBand(150, 100)),
                false,
                true,
                0,
                Set.of());
        MatchingProblem problem = week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY))
                .request(talkRequest(1, ahead, 60, 1))
                .request(talkRequest(2, behind, 60, 1))
                .build();

        MatchResult result = solve(problem);

        assertThat(session(result, "2#1").matched()).isTrue();
        UnmatchedExplanation lost = result.explanations().unmatched().get(0);
        assertThat(lost.session().id()).isEqualTo("1#1");
        assertThat(lost.reasons())
                .containsExactly("1 suitable slot went to cohorts with higher priority: Year 9 at Mickleover School");
        BookingExplanation won = result.explanations().bookings().get(0);
        assertThat(won.reasons())
                .anySatisfy(
                        r -> assertThat(r)
                                .startsWith(
                                        "Reaches 60 pupils of Year 9 at Mickleover School, where 150 of 150 pupils have no encounter this year"));
        assertThat(won.reasons()).contains("Mickleover School is a cold spot: its pupils count for more");
    }

    @Test
    void concaveValueSpreadsSessionsAcrossCohorts() {
        Cohort a9 = cohort(alvaston, 9, 60, 0);
        Cohort b9 = cohort(alvaston, 10, 60, 0);
        MatchingProblem problem = week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY))
                .offer(talk(2, smith, volunteer(2, "Bob"), MONDAY))
                .request(talkRequest(1, a9, 60, 2))
                .request(talkRequest(2, b9, 60, 2))
                .build();

        MatchResult result = solve(problem);

        assertThat(result.plan().sessions())
                .filteredOn(Session::matched)
                .extracting(s -> s.cohort().yearGroup())
                .containsExactlyInAnyOrder(9, 10);
    }

    @Test
    void aSessionWithNoSuitableOfferIsToldWhatIsMissing() {
        MatchingProblem problem = week().offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY))
                .request(request(1, cohort(alvaston, 9, 180, 0), EncounterType.WORKPLACE_VISIT, 20, 1))
                .build();

        MatchResult result = solve(problem);

        assertThat(result.explanations().unmatched())
                .singleElement()
                .satisfies(u ->
                        assertThat(u.reasons()).containsExactly("No offer of a workplace visit in the hub this round"));
    }

    @Test
    void aPlacementBeyondThePupilsTravelAndATalkForASchoolWithNoKnownPlaceAreToldWhy() {
        School faraway = school(3, "Faraway High", new Location(54.9783, -1.6178));
        School unplaced = school(4, "Unplaced School", null);
        MatchingProblem problem = week().offer(
                        offer(1, rolls, volunteer(1, "Ann"), EncounterType.WORK_EXPERIENCE, "Manufacturing", 2, MONDAY))
                .offer(talk(2, smith, volunteer(2, "Bob"), MONDAY))
                .request(request(1, cohort(faraway, 10, 150, 0), EncounterType.WORK_EXPERIENCE, 1, 1))
                .request(talkRequest(2, cohort(unplaced, 9, 150, 0), 30, 1))
                .build();

        MatchResult result = solve(problem);

        assertThat(result.explanations().unmatched())
                .extracting(u -> u.reasons().getFirst())
                .containsExactly(
                        "No work experience placement in the window within reach of Faraway High: no workplace within"
                                + " the 20 km its pupils travel",
                        "No careers talk in the window within reach of Unplaced School: its location is not known, so"
                                + " only online sessions can reach it, and it asked for none online");
    }

    @Test
    void aPlacementRunsFromTheMondayOfTheWeekWhicheverDaysTheHostOffered() {
        // the host ticked Tuesdays and Wednesdays, mornings and afternoons, and named a Thursday too
        Offer ticked = offer(
                1,
                rolls,
                volunteer(1, "Ann"),
                EncounterType.WORK_EXPERIENCE,
                "Manufacturing",
                2,
                List.of(
                        Availability.every(2, Period.MORNING),
                        Availability.every(3, Period.AFTERNOON),
                        Availability.on(MONDAY.plusDays(3), Period.MORNING)));
        ProblemBuilder twoWeeks = new ProblemBuilder(
                MONDAY,
                MONDAY.plusDays(11),
                ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(11)),
                MatchingWeights.defaultWeights());

        MatchingProblem problem = twoWeeks.offer(ticked).build();

        assertThat(problem.slots())
                .extracting(OfferSlot::startsOn, OfferSlot::endsOn, OfferSlot::period)
                .containsExactly(
                        tuple(MONDAY, MONDAY.plusDays(4), Period.ALL_DAY),
                        tuple(MONDAY.plusWeeks(1), MONDAY.plusWeeks(1).plusDays(4), Period.ALL_DAY));
    }
}

package uk.encounters.matcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.matcher.SmallHub.ALVASTON;
import static uk.encounters.matcher.SmallHub.DERBY_CENTRE;
import static uk.encounters.matcher.SmallHub.MICKLEOVER;
import static uk.encounters.matcher.SmallHub.MONDAY;
import static uk.encounters.matcher.SmallHub.cohort;
import static uk.encounters.matcher.SmallHub.coldSpotSchool;
import static uk.encounters.matcher.SmallHub.employer;
import static uk.encounters.matcher.SmallHub.event;
import static uk.encounters.matcher.SmallHub.offer;
import static uk.encounters.matcher.SmallHub.onlineTalkRequest;
import static uk.encounters.matcher.SmallHub.request;
import static uk.encounters.matcher.SmallHub.school;
import static uk.encounters.matcher.SmallHub.schoolWithBudget;
import static uk.encounters.matcher.SmallHub.series;
import static uk.encounters.matcher.SmallHub.sharedOnlineTalk;
import static uk.encounters.matcher.SmallHub.talk;
import static uk.encounters.matcher.SmallHub.talkRequest;
import static uk.encounters.matcher.SmallHub.unchecked;
import static uk.encounters.matcher.SmallHub.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.HalfDay;
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
import uk.encounters.matcher.domain.Volunteer;

/** One test pair per rule, named like it: a plan it penalises (or rewards) and one it leaves alone. */
class MatchingConstraintProviderTest {

    private final ConstraintVerifier<MatchingConstraintProvider, MatchingProblem> verifier =
            ConstraintVerifier.build(new MatchingConstraintProvider(), MatchingProblem.class, Session.class);

    private final School alvaston = school(1, "Alvaston Academy", ALVASTON);
    private final Cohort year9 = cohort(alvaston, 9, 180, 0);
    private final Employer rolls = employer(1, "Rolls-Royce");
    private final Volunteer ann = volunteer(1, "Ann");
    private long nextSlotId = 1;
    private long nextRequestId = 1;

    private OfferSlot slot(Offer offer, LocalDate day, Period period) {
        return new OfferSlot(nextSlotId++, offer, day, offer.placements() ? day.plusDays(4) : day, period);
    }

    private OfferSlot morning(Offer offer) {
        return slot(offer, MONDAY, Period.MORNING);
    }

    private Request talkFor(Cohort cohort, int pupils) {
        return talkRequest(nextRequestId++, cohort, pupils, 1);
    }

    private final Map<Request, Integer> sessionsMade = new java.util.HashMap<>();

    /** The request's next session, on {@code slot} (null: unmatched). */
    private Session on(Request request, OfferSlot slot) {
        int number = sessionsMade.merge(request, 1, Integer::sum);
        Session session = new Session(request, number, slot == null ? List.of() : List.of(slot), Map.of());
        session.setSlot(slot);
        return session;
    }

    private static MatchingProblem plan(Map<String, Long> weights, Session... sessions) {
        List<Session> all = Arrays.asList(sessions);
        Set<Offer> offers = new LinkedHashSet<>();
        Set<OfferSlot> slots = new LinkedHashSet<>();
        Set<Cohort> cohorts = new LinkedHashSet<>();
        for (Session session : all) {
            cohorts.add(session.cohort());
            session.request().audience().forEach(a -> cohorts.add(a.cohort()));
            if (session.slot() != null) {
                slots.add(session.slot());
                offers.add(session.offer());
            }
            if (session.previousSlot() != null) {
                slots.add(session.previousSlot());
            }
        }
        List<HalfDay> halfDays = new ArrayList<>();
        ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(11)).forEach(day -> {
            halfDays.add(HalfDay.of(day, false));
            halfDays.add(HalfDay.of(day, true));
        });
        return new MatchingProblem(
                MONDAY,
                MONDAY.plusDays(4),
                new MatchingWeights(weights),
                cohorts.stream().map(Cohort::school).distinct().toList(),
                List.copyOf(cohorts),
                offers.stream().map(Offer::employer).distinct().toList(),
                List.copyOf(offers),
                List.copyOf(slots),
                halfDays,
                all.stream().map(Session::request).distinct().toList(),
                all);
    }

    private static MatchingProblem plan(Session... sessions) {
        return plan(Map.of(), sessions);
    }

    // Volunteer in two places at once

    @Test
    void volunteerInTwoPlacesAtOncePenalisesOneVolunteerInOverlappingSlots() {
        Offer talk = talk(1, rolls, ann, MONDAY);
        Offer interviews = offer(2, rolls, ann, EncounterType.CAREERS_TALK, "Manufacturing", 1, MONDAY);
        verifier.verifyThat(MatchingConstraintProvider::volunteerInTwoPlacesAtOnce)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk)),
                        on(talkFor(year9, 30), slot(interviews, MONDAY, Period.ALL_DAY))))
                .penalizesBy(1);
    }

    @Test
    void volunteerInTwoPlacesAtOnceAllowsMorningAndAfternoon() {
        Offer talk = talk(1, rolls, ann, MONDAY);
        verifier.verifyThat(MatchingConstraintProvider::volunteerInTwoPlacesAtOnce)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk)),
                        on(talkFor(year9, 30), slot(talk, MONDAY, Period.AFTERNOON))))
                .penalizesBy(0);
    }

    @Test
    void volunteerInTwoPlacesAtOnceLetsAPlacementHostSeveralPupils() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Request places = request(9, cohort(alvaston, 10, 150, 0), EncounterType.WORK_EXPERIENCE, 2, 1);
        verifier.verifyThat(MatchingConstraintProvider::volunteerInTwoPlacesAtOnce)
                .givenSolution(plan(on(places, week), on(places, week)))
                .penalizesBy(0);
    }

    @Test
    void volunteerInTwoPlacesAtOnceLetsSchoolsShareAnOnlineSession() {
        Offer online = sharedOnlineTalk(1, rolls, ann, 200);
        OfferSlot monday = morning(online);
        Cohort mickleover = cohort(coldSpotSchool(2, "Mickleover School", MICKLEOVER), 9, 120, 0);
        verifier.verifyThat(MatchingConstraintProvider::volunteerInTwoPlacesAtOnce)
                .givenSolution(plan(
                        on(onlineTalkRequest(nextRequestId++, year9, 60), monday),
                        on(onlineTalkRequest(nextRequestId++, mickleover, 60), monday)))
                .penalizesBy(0);
    }

    @Test
    void volunteerInTwoPlacesAtOnceStillHoldsForAClassOnlineAndOneInPerson() {
        Offer online = sharedOnlineTalk(1, rolls, ann, 200);
        Offer inPerson = talk(2, rolls, ann, MONDAY);
        OfferSlot monday = morning(online);
        verifier.verifyThat(MatchingConstraintProvider::volunteerInTwoPlacesAtOnce)
                .givenSolution(plan(
                        on(onlineTalkRequest(nextRequestId++, year9, 60), monday),
                        on(talkFor(cohort(alvaston, 10, 150, 0), 30), morning(inPerson))))
                .penalizesBy(1);
    }

    // Online session beyond its capacity

    @Test
    void onlineSessionBeyondItsCapacityPenalisesEachPupilOver() {
        OfferSlot monday = morning(sharedOnlineTalk(1, rolls, ann, 100));
        Cohort year10 = cohort(alvaston, 10, 150, 0);
        verifier.verifyThat(MatchingConstraintProvider::onlineSessionBeyondItsCapacity)
                .givenSolution(plan(
                        on(onlineTalkRequest(nextRequestId++, year9, 60), monday),
                        on(onlineTalkRequest(nextRequestId++, year10, 55), monday)))
                .penalizesBy(15);
    }

    @Test
    void onlineSessionBeyondItsCapacityAcceptsUpToItsCapacity() {
        OfferSlot monday = morning(sharedOnlineTalk(1, rolls, ann, 120));
        Cohort year10 = cohort(alvaston, 10, 150, 0);
        verifier.verifyThat(MatchingConstraintProvider::onlineSessionBeyondItsCapacity)
                .givenSolution(plan(
                        on(onlineTalkRequest(nextRequestId++, year9, 60), monday),
                        on(onlineTalkRequest(nextRequestId++, year10, 60), monday)))
                .penalizesBy(0);
    }

    // Series with more than one mentor

    @Test
    void seriesWithMoreThanOneMentorPenalisesEachMentorAfterTheFirst() {
        Offer ann1 = offer(1, rolls, ann, EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Offer bob = offer(2, rolls, volunteer(2, "Bob"), EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Offer cy = offer(3, rolls, volunteer(3, "Cy"), EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Request series = series(nextRequestId++, year9, 6, 4);
        verifier.verifyThat(MatchingConstraintProvider::seriesWithMoreThanOneMentor)
                .givenSolution(plan(
                        on(series, slot(ann1, MONDAY, Period.MORNING)),
                        on(series, slot(ann1, MONDAY.plusDays(7), Period.MORNING)),
                        on(series, slot(bob, MONDAY.plusDays(14), Period.MORNING)),
                        on(series, slot(cy, MONDAY.plusDays(21), Period.MORNING))))
                .penalizesBy(2);
    }

    @Test
    void seriesWithMoreThanOneMentorAcceptsOneMentorAndSeparateMentoringSessions() {
        Offer ann1 = offer(1, rolls, ann, EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Offer bob = offer(2, rolls, volunteer(2, "Bob"), EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Request series = series(nextRequestId++, year9, 6, 2);
        Request separate = request(nextRequestId++, year9, EncounterType.MENTORING, 6, 2);
        verifier.verifyThat(MatchingConstraintProvider::seriesWithMoreThanOneMentor)
                .givenSolution(plan(
                        on(series, slot(ann1, MONDAY, Period.MORNING)),
                        on(series, slot(ann1, MONDAY.plusDays(7), Period.MORNING)),
                        on(separate, slot(ann1, MONDAY.plusDays(1), Period.MORNING)),
                        on(separate, slot(bob, MONDAY.plusDays(8), Period.MORNING))))
                .penalizesBy(0);
    }

    private static List<Availability> weekly() {
        return List.of(Availability.every(MONDAY.getDayOfWeek().getValue(), Period.MORNING));
    }

    // Placements beyond the places offered

    @Test
    void placementsBeyondThePlacesOfferedPenalisesEachPupilOver() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Request places = request(9, cohort(alvaston, 10, 150, 0), EncounterType.WORK_EXPERIENCE, 6, 1);
        Session[] sessions = new Session[6];
        for (int i = 0; i < 6; i++) {
            sessions[i] = on(places, week);
        }
        verifier.verifyThat(MatchingConstraintProvider::placementsBeyondThePlacesOffered)
                .givenSolution(plan(sessions))
                .penalizesBy(2);
    }

    @Test
    void placementsBeyondThePlacesOfferedAcceptsUpToThePlaces() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Request places = request(9, cohort(alvaston, 10, 150, 0), EncounterType.WORK_EXPERIENCE, 4, 1);
        verifier.verifyThat(MatchingConstraintProvider::placementsBeyondThePlacesOffered)
                .givenSolution(plan(on(places, week), on(places, week), on(places, week), on(places, week)))
                .penalizesBy(0);
    }

    // Offer beyond its maximum sessions

    @Test
    void offerBeyondItsMaximumSessionsPenalisesTheSessionsOver() {
        Offer once = talk(1, rolls, null, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2));
        verifier.verifyThat(MatchingConstraintProvider::offerBeyondItsMaximumSessions)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(once)),
                        on(talkFor(year9, 30), slot(once, MONDAY.plusDays(1), Period.MORNING)),
                        on(talkFor(year9, 30), slot(once, MONDAY.plusDays(2), Period.MORNING))))
                .penalizesBy(2);
    }

    @Test
    void offerBeyondItsMaximumSessionsAcceptsTheMaximum() {
        Offer twice = offer(1, rolls, ann, EncounterType.CAREERS_TALK, "Manufacturing", 2, MONDAY, MONDAY.plusDays(1));
        verifier.verifyThat(MatchingConstraintProvider::offerBeyondItsMaximumSessions)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(twice)),
                        on(talkFor(year9, 30), slot(twice, MONDAY.plusDays(1), Period.MORNING))))
                .penalizesBy(0);
    }

    // Employer asked beyond their cap

    @Test
    void employerAskedBeyondTheirCapPenalisesSessionsOverTheCap() {
        Employer capped = new Employer(7, "Small Ltd", DERBY_CENTRE, 1, 0);
        verifier.verifyThat(MatchingConstraintProvider::employerAskedBeyondTheirCap)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk(1, capped, ann, MONDAY))),
                        on(talkFor(year9, 30), morning(talk(2, capped, volunteer(2, "Bob"), MONDAY)))))
                .penalizesBy(1);
    }

    @Test
    void employerAskedBeyondTheirCapAcceptsSessionsWithinTheCap() {
        Employer capped = new Employer(7, "Small Ltd", DERBY_CENTRE, 2, 0);
        verifier.verifyThat(MatchingConstraintProvider::employerAskedBeyondTheirCap)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk(1, capped, ann, MONDAY))),
                        on(talkFor(year9, 30), morning(talk(2, capped, volunteer(2, "Bob"), MONDAY)))))
                .penalizesBy(0);
    }

    @Test
    void employerAskedBeyondTheirCapRefusesAnEmployerWithNoAsksLeft() {
        Employer asked = new Employer(7, "Asked Out Ltd", DERBY_CENTRE, 0, 0);
        verifier.verifyThat(MatchingConstraintProvider::employerAskedBeyondTheirCap)
                .givenSolution(plan(on(talkFor(year9, 30), morning(talk(1, asked, ann, MONDAY)))))
                .penalizesBy(1);
    }

    // Unsupervised volunteer without a safeguarding check

    @Test
    void unsupervisedVolunteerWithoutSafeguardingCheckPenalisesMentoringByAnUncheckedVolunteer() {
        Offer mentoring = offer(4, rolls, unchecked(3, "Cy"), EncounterType.MENTORING, "Manufacturing", 1, MONDAY);
        Request request = request(11, year9, EncounterType.MENTORING, 6, 1);
        verifier.verifyThat(MatchingConstraintProvider::unsupervisedVolunteerWithoutSafeguardingCheck)
                .givenSolution(plan(on(request, morning(mentoring))))
                .penalizesBy(1);
    }

    @Test
    void unsupervisedVolunteerWithoutSafeguardingCheckPenalisesACheckExpiredBeforeTheDay() {
        Volunteer lapsed = new Volunteer(3, "Cy", MONDAY.minusDays(1));
        Offer mentoring = offer(4, rolls, lapsed, EncounterType.MENTORING, "Manufacturing", 1, MONDAY);
        Request request = request(11, year9, EncounterType.MENTORING, 6, 1);
        verifier.verifyThat(MatchingConstraintProvider::unsupervisedVolunteerWithoutSafeguardingCheck)
                .givenSolution(plan(on(request, morning(mentoring))))
                .penalizesBy(1);
    }

    @Test
    void unsupervisedVolunteerWithoutSafeguardingCheckAcceptsACheckedVolunteerAndSupervisedTalks() {
        Offer mentoring = offer(4, rolls, ann, EncounterType.MENTORING, "Manufacturing", 1, MONDAY);
        Offer talk = talk(5, rolls, unchecked(3, "Cy"), MONDAY);
        verifier.verifyThat(MatchingConstraintProvider::unsupervisedVolunteerWithoutSafeguardingCheck)
                .givenSolution(plan(
                        on(request(11, year9, EncounterType.MENTORING, 6, 1), morning(mentoring)),
                        on(talkFor(year9, 30), morning(talk))))
                .penalizesBy(0);
    }

    // Year group over-booked at one time

    @Test
    void yearGroupOverBookedAtOneTimePenalisesThePupilsOverTheYearGroup() {
        Cohort small = cohort(alvaston, 12, 100, 0);
        verifier.verifyThat(MatchingConstraintProvider::yearGroupOverBookedAtOneTime)
                .givenSolution(plan(
                        on(talkFor(small, 60), morning(talk(1, rolls, ann, MONDAY))),
                        on(
                                talkFor(small, 60),
                                slot(talk(2, rolls, volunteer(2, "Bob"), MONDAY), MONDAY, Period.ALL_DAY))))
                .penalizesBy(20);
    }

    @Test
    void yearGroupOverBookedAtOneTimeWelcomesACarouselWithinTheYearGroup() {
        Cohort small = cohort(alvaston, 12, 100, 0);
        verifier.verifyThat(MatchingConstraintProvider::yearGroupOverBookedAtOneTime)
                .givenSolution(plan(
                        on(talkFor(small, 50), morning(talk(1, rolls, ann, MONDAY))),
                        on(talkFor(small, 50), morning(talk(2, rolls, volunteer(2, "Bob"), MONDAY))),
                        on(
                                talkFor(small, 90),
                                slot(talk(3, rolls, volunteer(3, "Cy"), MONDAY), MONDAY, Period.AFTERNOON))))
                .penalizesBy(0);
    }

    @Test
    void yearGroupOverBookedAtOneTimeCountsAnEventsPupilsOnceWhateverItsStalls() {
        Request fair = event(nextRequestId++, EncounterType.CAREERS_FAIR, 8, new Attendance(year9, 180));
        List<Session> stalls = new ArrayList<>();
        for (int stall = 1; stall <= 8; stall++) {
            stalls.add(on(
                    fair, morning(talk(stall, employer(stall, "Stall " + stall), volunteer(stall, "V"), MONDAY))));
        }
        verifier.verifyThat(MatchingConstraintProvider::yearGroupOverBookedAtOneTime)
                .givenSolution(plan(stalls.toArray(Session[]::new)))
                .penalizesBy(0);
    }

    @Test
    void yearGroupOverBookedAtOneTimePenalisesATalkDuringTheYearGroupsEvent() {
        // two of eight stalls filled: the whole year group is still at the fair
        Request fair = event(nextRequestId++, EncounterType.CAREERS_FAIR, 8, new Attendance(year9, 180));
        verifier.verifyThat(MatchingConstraintProvider::yearGroupOverBookedAtOneTime)
                .givenSolution(plan(
                        on(fair, morning(talk(1, rolls, ann, MONDAY))),
                        on(fair, morning(talk(2, employer(2, "Smith & Co"), volunteer(2, "Bob"), MONDAY))),
                        on(talkFor(year9, 30), morning(talk(3, employer(3, "Jones"), volunteer(3, "Cy"), MONDAY)))))
                .penalizesBy(30);
    }

    @Test
    void yearGroupOverBookedAtOneTimeCountsEachSchoolAtAHubEventByItsOwnPupils() {
        Cohort mickleover = cohort(school(2, "Mickleover School", MICKLEOVER), 9, 100, 0);
        Request sectorDay = event(
                nextRequestId++,
                EncounterType.CAREERS_FAIR,
                4,
                new Attendance(year9, 120),
                new Attendance(mickleover, 90));
        verifier.verifyThat(MatchingConstraintProvider::yearGroupOverBookedAtOneTime)
                .givenSolution(plan(
                        on(sectorDay, morning(talk(1, rolls, ann, MONDAY))),
                        // Alvaston's other 60 Year 9 pupils may have a talk; Mickleover's 10 cannot take 30
                        on(
                                talkFor(year9, 60),
                                morning(talk(2, employer(2, "Smith & Co"), volunteer(2, "Bob"), MONDAY))),
                        on(
                                talkFor(mickleover, 30),
                                morning(talk(3, employer(3, "Jones"), volunteer(3, "Cy"), MONDAY)))))
                .penalizesBy(20);
    }

    // School budget exceeded

    private Offer paidTalk(long id, long pence) {
        return new Offer(
                id,
                rolls,
                volunteer(id, "V" + id),
                EncounterType.CAREERS_TALK,
                "Paid talk",
                "Education",
                false,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL),
                1,
                120,
                0,
                5,
                15,
                pence,
                false,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(1),
                List.of(),
                null,
                true);
    }

    @Test
    void schoolBudgetExceededPenalisesThePoundsOver() {
        School poor = schoolWithBudget(5, "Poor School", 300_00);
        Cohort cohort = cohort(poor, 8, 150, 0);
        verifier.verifyThat(MatchingConstraintProvider::schoolBudgetExceeded)
                .givenSolution(plan(
                        on(talkFor(cohort, 30), morning(paidTalk(21, 200_00))),
                        on(talkFor(cohort, 30), morning(paidTalk(22, 150_50)))))
                .penalizesBy(51);
    }

    @Test
    void schoolBudgetExceededAcceptsSpendingWithinTheBudgetAndFreeSessions() {
        School school = schoolWithBudget(5, "Funded School", 350_00);
        Cohort cohort = cohort(school, 8, 150, 0);
        verifier.verifyThat(MatchingConstraintProvider::schoolBudgetExceeded)
                .givenSolution(plan(
                        on(talkFor(cohort, 30), morning(paidTalk(21, 200_00))),
                        on(talkFor(cohort, 30), morning(paidTalk(22, 150_00))),
                        on(talkFor(cohort, 30), morning(talk(23, rolls, ann, MONDAY)))))
                .penalizesBy(0);
    }

    // SEND session with an offer that cannot adapt

    private Request sendRequest(Cohort cohort) {
        return new Request(
                nextRequestId++,
                cohort,
                EncounterType.CAREERS_TALK,
                8,
                1,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL),
                Set.of(),
                null,
                true,
                1);
    }

    @Test
    void sendSessionWithOfferThatCannotAdaptPenalisesAnUnadaptableOffer() {
        verifier.verifyThat(MatchingConstraintProvider::sendSessionWithOfferThatCannotAdapt)
                .givenSolution(plan(on(sendRequest(year9), morning(talk(1, rolls, ann, MONDAY)))))
                .penalizesBy(1);
    }

    @Test
    void sendSessionWithOfferThatCannotAdaptAcceptsAnAdaptableOffer() {
        Offer plain = talk(1, rolls, ann, MONDAY);
        Offer adaptable = new Offer(
                2,
                rolls,
                volunteer(2, "Bob"),
                EncounterType.CAREERS_TALK,
                "Adapted talk",
                "Health",
                false,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL),
                1,
                30,
                0,
                1,
                15,
                0,
                true,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(1),
                List.of(),
                null,
                true);
        verifier.verifyThat(MatchingConstraintProvider::sendSessionWithOfferThatCannotAdapt)
                .givenSolution(plan(on(sendRequest(year9), morning(adaptable)), on(talkFor(year9, 30), morning(plain))))
                .penalizesBy(0);
    }

    // Pupils reached

    @Test
    void pupilsReachedRewardsTheCohortsConcaveValue() {
        Cohort mixed = new Cohort(
                alvaston,
                9,
                100,
                100,
                List.of(new PupilBand(40, 200), new PupilBand(60, 100), new PupilBand(40, 50), new PupilBand(60, 25)),
                false,
                true,
                0,
                Set.of());
        // 50 places: 40 at 200 and 10 at 100; 60 more: 50 at 100, then 10 on a second pass at 50
        verifier.verifyThat(MatchingConstraintProvider::pupilsReached)
                .givenSolution(plan(
                        on(talkFor(mixed, 50), morning(talk(1, rolls, ann, MONDAY))),
                        on(talkFor(mixed, 60), morning(talk(2, rolls, volunteer(2, "Bob"), MONDAY)))))
                .rewardsWith(40 * 200 + 10 * 100 + 50 * 100 + 10 * 50);
    }

    @Test
    void pupilsReachedRewardsNothingForUnmatchedSessions() {
        verifier.verifyThat(MatchingConstraintProvider::pupilsReached)
                .givenSolution(plan(on(talkFor(year9, 60), null)))
                .rewardsWith(0);
    }

    @Test
    void pupilsReachedCountsEachStallOfAnEventForItsShareOfThePupils() {
        Cohort year8 = cohort(alvaston, 8, 100, 0);
        Request fair = event(nextRequestId++, EncounterType.CAREERS_FAIR, 8, new Attendance(year8, 100));
        // four of eight stalls: half the pupils' worth, 13 + 12 + 13 + 12
        verifier.verifyThat(MatchingConstraintProvider::pupilsReached)
                .givenSolution(plan(
                        on(fair, morning(talk(1, rolls, ann, MONDAY))),
                        on(fair, morning(talk(2, employer(2, "B"), volunteer(2, "Bob"), MONDAY))),
                        on(fair, morning(talk(3, employer(3, "C"), volunteer(3, "Cy"), MONDAY))),
                        on(fair, morning(talk(4, employer(4, "D"), volunteer(4, "Di"), MONDAY))),
                        on(fair, null)))
                .rewardsWith(50 * 100);
    }

    @Test
    void pupilsReachedCountsAHubEventStallForEverySchoolAttending() {
        Cohort mickleover = cohort(school(2, "Mickleover School", MICKLEOVER), 9, 100, 0);
        Request sectorDay = event(
                nextRequestId++,
                EncounterType.CAREERS_FAIR,
                4,
                new Attendance(year9, 120),
                new Attendance(mickleover, 80));
        verifier.verifyThat(MatchingConstraintProvider::pupilsReached)
                .givenSolution(plan(
                        on(sectorDay, morning(talk(1, rolls, ann, MONDAY))),
                        on(sectorDay, morning(talk(2, employer(2, "B"), volunteer(2, "Bob"), MONDAY)))))
                .rewardsWith(60 * 100 + 40 * 100);
    }

    // Pupils reached in a cold-spot school

    @Test
    void pupilsReachedInColdSpotSchoolRewardsColdSpotPupils() {
        Cohort cold = cohort(coldSpotSchool(3, "Cold School", MICKLEOVER), 9, 100, 0);
        verifier.verifyThat(MatchingConstraintProvider::pupilsReachedInColdSpotSchool)
                .givenSolution(plan(on(talkFor(cold, 30), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(30 * 100);
    }

    @Test
    void pupilsReachedInColdSpotSchoolCountsOnlyTheColdSpotSchoolsShareOfAHubEvent() {
        Cohort cold = cohort(coldSpotSchool(3, "Cold School", MICKLEOVER), 9, 100, 0);
        Request sectorDay = event(
                nextRequestId++, EncounterType.CAREERS_FAIR, 2, new Attendance(year9, 120), new Attendance(cold, 80));
        verifier.verifyThat(MatchingConstraintProvider::pupilsReachedInColdSpotSchool)
                .givenSolution(plan(on(sectorDay, morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(40 * 100);
    }

    @Test
    void pupilsReachedInColdSpotSchoolIgnoresOtherSchools() {
        verifier.verifyThat(MatchingConstraintProvider::pupilsReachedInColdSpotSchool)
                .givenSolution(plan(on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    // Year group with nothing this year reached

    private Cohort cohortWith(
            boolean nothingThisYear, boolean stemThisYear, int needingWorkplace, Set<Long> employers) {
        return new Cohort(
                alvaston,
                11,
                100,
                100,
                List.of(new PupilBand(100, 100), new PupilBand(100, 25)),
                nothingThisYear,
                stemThisYear,
                needingWorkplace,
                employers);
    }

    @Test
    void yearGroupWithNothingThisYearReachedRewardsItsPupilsUpToTheYearGroup() {
        Cohort untouched = cohortWith(true, true, 0, Set.of());
        verifier.verifyThat(MatchingConstraintProvider::yearGroupWithNothingThisYearReached)
                .givenSolution(plan(
                        on(talkFor(untouched, 60), morning(talk(1, rolls, ann, MONDAY))),
                        on(talkFor(untouched, 60), morning(talk(2, rolls, volunteer(2, "Bob"), MONDAY)))))
                .rewardsWith(100);
    }

    @Test
    void yearGroupWithNothingThisYearReachedIgnoresAYearGroupWithEncounters() {
        verifier.verifyThat(MatchingConstraintProvider::yearGroupWithNothingThisYearReached)
                .givenSolution(plan(
                        on(talkFor(cohortWith(false, true, 0, Set.of()), 60), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    // STEM for a cohort with none

    private Offer stemTalk(long id) {
        return new Offer(
                id,
                rolls,
                volunteer(id, "V" + id),
                EncounterType.CAREERS_TALK,
                "Engineering talk",
                "Manufacturing",
                true,
                7,
                13,
                Set.of(DeliveryMode.IN_SCHOOL),
                1,
                120,
                0,
                1,
                15,
                0,
                false,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(1),
                List.of(),
                null,
                true);
    }

    @Test
    void stemForCohortWithNoneRewardsAStemSessionForACohortWithoutStem() {
        verifier.verifyThat(MatchingConstraintProvider::stemForCohortWithNone)
                .givenSolution(plan(on(talkFor(cohortWith(false, false, 0, Set.of()), 45), morning(stemTalk(31)))))
                .rewardsWith(45);
    }

    @Test
    void stemForCohortWithNoneIgnoresCohortsWithStemAndOtherSectors() {
        verifier.verifyThat(MatchingConstraintProvider::stemForCohortWithNone)
                .givenSolution(plan(
                        on(talkFor(cohortWith(false, true, 0, Set.of()), 45), morning(stemTalk(31))),
                        on(talkFor(cohortWith(false, false, 0, Set.of()), 45), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    // Workplace experience for Years 10-13 without one

    @Test
    void workplaceExperienceForYears10To13WithoutOneRewardsPupilsStillShort() {
        Cohort short3 = cohortWith(false, true, 3, Set.of());
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Request places = request(9, short3, EncounterType.WORK_EXPERIENCE, 4, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceForYears10To13WithoutOne)
                .givenSolution(plan(on(places, week), on(places, week), on(places, week), on(places, week)))
                .rewardsWith(3);
    }

    @Test
    void workplaceExperienceForYears10To13WithoutOneIgnoresTalksAndCohortsThatHaveIt() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        Request places = request(9, cohortWith(false, true, 0, Set.of()), EncounterType.WORK_EXPERIENCE, 1, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceForYears10To13WithoutOne)
                .givenSolution(plan(
                        on(places, slot(placement, MONDAY, Period.ALL_DAY)),
                        on(
                                talkFor(cohortWith(false, true, 40, Set.of()), 30),
                                morning(talk(1, rolls, volunteer(2, "B"), MONDAY)))))
                .rewardsWith(0);
    }

    /** A workplace visit given online, interactive (the pupil does tasks) or only watched. */
    private Offer onlineVisit(long id, boolean interactive) {
        return new Offer(
                id,
                employer(id, "Online " + id),
                volunteer(id, "V" + id),
                EncounterType.WORKPLACE_VISIT,
                "Online visit",
                "Digital",
                false,
                7,
                13,
                Set.of(DeliveryMode.ONLINE),
                1,
                120,
                0,
                1,
                15,
                0,
                false,
                MONDAY.minusMonths(1),
                MONDAY.plusMonths(1),
                List.of(),
                null,
                interactive);
    }

    /** The request's session on {@code slot}, met online. */
    private Session online(Request request, OfferSlot slot) {
        Session session = new Session(
                request,
                1,
                List.of(slot),
                Map.of(slot.offer(), new uk.encounters.matcher.domain.Reach(DeliveryMode.ONLINE, 0)));
        session.setSlot(slot);
        return session;
    }

    @Test
    void workplaceExperienceForYears10To13WithoutOneCountsOnlineOnlyWhereTheOfferIsInteractive() {
        Request interactive = request(9, cohortWith(false, true, 40, Set.of()), EncounterType.WORKPLACE_VISIT, 20, 1);
        Request watched = request(10, cohortWith(false, true, 40, Set.of()), EncounterType.WORKPLACE_VISIT, 20, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceForYears10To13WithoutOne)
                .givenSolution(plan(
                        online(interactive, morning(onlineVisit(41, true))),
                        online(watched, morning(onlineVisit(42, false)))))
                .rewardsWith(20);
    }

    // Workplace experience due by the end of this year

    private Cohort year(int yearGroup, int needingWorkplace, Set<String> sectorsSeen) {
        return year(yearGroup, needingWorkplace, sectorsSeen, 0);
    }

    private Cohort year(int yearGroup, int needingWorkplace, Set<String> sectorsSeen, int shortOfHours) {
        return new Cohort(
                alvaston,
                yearGroup,
                100,
                100,
                List.of(new PupilBand(100, 100)),
                false,
                true,
                needingWorkplace,
                Set.of(),
                sectorsSeen,
                shortOfHours);
    }

    private Session[] placed(Request places, OfferSlot week, int pupils) {
        Session[] sessions = new Session[pupils];
        for (int i = 0; i < pupils; i++) {
            sessions[i] = on(places, week);
        }
        return sessions;
    }

    @Test
    void workplaceExperienceDueByTheEndOfThisYearRewardsYears11To13PupilsStillShort() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        Request places = request(9, year(13, 3, Set.of()), EncounterType.WORK_EXPERIENCE, 4, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceDueByTheEndOfThisYear)
                .givenSolution(plan(placed(places, slot(placement, MONDAY, Period.ALL_DAY), 4)))
                .rewardsWith(3);
    }

    @Test
    void workplaceExperienceDueByTheEndOfThisYearIgnoresYear10TalksAndCohortsThatHaveIt() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        // Year 10 still needs one, but Benchmark 6 does not judge it until the end of Year 11
        Request year10 = request(9, year(10, 40, Set.of()), EncounterType.WORK_EXPERIENCE, 2, 1);
        Request met = request(10, year(12, 0, Set.of()), EncounterType.WORK_EXPERIENCE, 1, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceDueByTheEndOfThisYear)
                .givenSolution(plan(
                        on(year10, week),
                        on(year10, week),
                        on(met, week),
                        on(talkFor(year(11, 40, Set.of()), 30), morning(talk(1, rolls, volunteer(2, "B"), MONDAY)))))
                .rewardsWith(0);
    }

    // Workplace experience in a sector new to the year group

    @Test
    void workplaceExperienceInASectorNewToTheYearGroupRewardsPupilsStillShort() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        Request places = request(9, year(10, 2, Set.of("Retail")), EncounterType.WORK_EXPERIENCE, 3, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceInASectorNewToTheYearGroup)
                .givenSolution(plan(placed(places, slot(placement, MONDAY, Period.ALL_DAY), 3)))
                .rewardsWith(2);
    }

    @Test
    void workplaceExperienceInASectorNewToTheYearGroupIgnoresASectorSeenTalksAndCohortsThatHaveIt() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Request seen = request(9, year(11, 30, Set.of("Manufacturing")), EncounterType.WORK_EXPERIENCE, 1, 1);
        Request met = request(10, year(12, 0, Set.of()), EncounterType.WORK_EXPERIENCE, 1, 1);
        verifier.verifyThat(MatchingConstraintProvider::workplaceExperienceInASectorNewToTheYearGroup)
                .givenSolution(plan(
                        on(seen, week),
                        on(met, week),
                        on(talkFor(year(11, 40, Set.of()), 30), morning(talk(1, rolls, volunteer(2, "B"), MONDAY)))))
                .rewardsWith(0);
    }

    // Placement for pupils short of the hours target

    @Test
    void placementForPupilsShortOfTheHoursTargetRewardsPlacesUpToThePupilsShort() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        Request places = request(9, year(10, 0, Set.of(), 2), EncounterType.WORK_EXPERIENCE, 3, 1);
        verifier.verifyThat(MatchingConstraintProvider::placementForPupilsShortOfTheHoursTarget)
                .givenSolution(plan(placed(places, slot(placement, MONDAY, Period.ALL_DAY), 3)))
                .rewardsWith(2);
    }

    @Test
    void placementForPupilsShortOfTheHoursTargetIgnoresVisitsYear9AndYearGroupsAtTheTarget() {
        Offer placement = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY);
        OfferSlot week = slot(placement, MONDAY, Period.ALL_DAY);
        Offer visit =
                offer(5, employer(3, "Toyota"), volunteer(4, "D"), EncounterType.WORKPLACE_VISIT, "Retail", 1, MONDAY);
        verifier.verifyThat(MatchingConstraintProvider::placementForPupilsShortOfTheHoursTarget)
                .givenSolution(plan(
                        on(request(9, year(12, 5, Set.of(), 0), EncounterType.WORK_EXPERIENCE, 1, 1), week),
                        on(request(10, year(9, 0, Set.of(), 40), EncounterType.WORK_EXPERIENCE, 1, 1), week),
                        on(
                                request(11, year(11, 5, Set.of(), 40), EncounterType.WORKPLACE_VISIT, 20, 1),
                                morning(visit))))
                .rewardsWith(0);
    }

    // Placement host's paperwork holds

    @Test
    void placementHostsPaperworkHoldsRewardsEachPupilPlacedWithAHostCoveredToTheLastDay() {
        // the week runs Monday to Friday: paperwork holding until the Friday covers it
        Offer covered = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY)
                .withPaperworkHoldingUntil(MONDAY.plusDays(4));
        Request places = request(9, year(10, 2, Set.of()), EncounterType.WORK_EXPERIENCE, 2, 1);
        verifier.verifyThat(MatchingConstraintProvider::placementHostsPaperworkHolds)
                .givenSolution(plan(placed(places, slot(covered, MONDAY, Period.ALL_DAY), 2)))
                .rewardsWith(2);
    }

    @Test
    void placementHostsPaperworkHoldsIgnoresPaperworkEndingMidWeekOrMissingAndOtherTypes() {
        Offer runsOut = offer(3, rolls, ann, EncounterType.WORK_EXPERIENCE, "Manufacturing", 1, MONDAY)
                .withPaperworkHoldingUntil(MONDAY.plusDays(3));
        Offer none =
                offer(4, employer(2, "Boots"), volunteer(3, "C"), EncounterType.WORK_EXPERIENCE, "Retail", 1, MONDAY);
        Offer visit = offer(
                        5,
                        employer(3, "Toyota"),
                        volunteer(4, "D"),
                        EncounterType.WORKPLACE_VISIT,
                        "Manufacturing",
                        1,
                        MONDAY)
                .withPaperworkHoldingUntil(MONDAY.plusYears(1));
        Cohort year10 = year(10, 2, Set.of());
        verifier.verifyThat(MatchingConstraintProvider::placementHostsPaperworkHolds)
                .givenSolution(plan(
                        on(
                                request(9, year10, EncounterType.WORK_EXPERIENCE, 1, 1),
                                slot(runsOut, MONDAY, Period.ALL_DAY)),
                        on(
                                request(10, year10, EncounterType.WORK_EXPERIENCE, 1, 1),
                                slot(none, MONDAY, Period.ALL_DAY)),
                        on(request(11, year10, EncounterType.WORKPLACE_VISIT, 20, 1), morning(visit))))
                .rewardsWith(0);
    }

    // Preferred sector and preferred employer

    private Request talkPreferring(Set<String> sectors, Long employerId) {
        return new Request(
                nextRequestId++,
                year9,
                EncounterType.CAREERS_TALK,
                30,
                1,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL),
                sectors,
                employerId,
                false,
                1);
    }

    @Test
    void preferredSectorRewardsASessionInASectorTheSchoolAskedFor() {
        verifier.verifyThat(MatchingConstraintProvider::preferredSector)
                .givenSolution(plan(on(
                        talkPreferring(Set.of("Manufacturing", "Health"), null), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(1);
    }

    @Test
    void preferredSectorIgnoresOtherSectors() {
        verifier.verifyThat(MatchingConstraintProvider::preferredSector)
                .givenSolution(plan(on(talkPreferring(Set.of("Health"), null), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    @Test
    void preferredEmployerRewardsTheEmployerTheSchoolAskedFor() {
        verifier.verifyThat(MatchingConstraintProvider::preferredEmployer)
                .givenSolution(plan(on(talkPreferring(Set.of(), 1L), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(1);
    }

    @Test
    void preferredEmployerIgnoresOtherEmployers() {
        verifier.verifyThat(MatchingConstraintProvider::preferredEmployer)
                .givenSolution(plan(on(talkPreferring(Set.of(), 2L), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    // The school's linked employer

    @Test
    void preferWellRatedEmployersRewardsTheTenthsARatingIsAboveTheMiddle() {
        Employer wellRated = new Employer(9, "Well Rated", rolls.location(), Employer.NO_CAP, 0, 45);
        verifier.verifyThat(MatchingConstraintProvider::preferWellRatedEmployers)
                .givenSolution(plan(switchedOn(), on(talkFor(year9, 30), morning(talk(1, wellRated, ann, MONDAY)))))
                .rewardsWith(15);
    }

    @Test
    void preferWellRatedEmployersIgnoresAnUnratedEmployerAndOneRatedAtOrBelowTheMiddle() {
        verifier.verifyThat(MatchingConstraintProvider::preferWellRatedEmployers)
                .givenSolution(plan(switchedOn(), on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
        Employer poorlyRated = new Employer(10, "Poorly Rated", rolls.location(), Employer.NO_CAP, 0, 20);
        verifier.verifyThat(MatchingConstraintProvider::preferWellRatedEmployers)
                .givenSolution(plan(switchedOn(), on(talkFor(year9, 30), morning(talk(1, poorlyRated, ann, MONDAY)))))
                .rewardsWith(0);
    }

    /** The rule's weight is zero by default, and a rule weighing zero is not run at all. */
    private static Map<String, Long> switchedOn() {
        return Map.of(MatchingWeights.WELL_RATED_EMPLOYER, 1L);
    }

    @Test
    void linkedEmployerRewardsTheEmployerLinkedToTheSchool() {
        School linked = new School(7, "Linked School", ALVASTON, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM, 1L);
        verifier.verifyThat(MatchingConstraintProvider::linkedEmployer)
                .givenSolution(plan(on(talkFor(cohort(linked, 9, 180, 0), 30), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(1);
    }

    @Test
    void linkedEmployerIgnoresOtherEmployersAndAnEmployerTheRequestAskedForAlready() {
        School linkedToOther = new School(8, "Other School", ALVASTON, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM, 2L);
        verifier.verifyThat(MatchingConstraintProvider::linkedEmployer)
                .givenSolution(
                        plan(on(talkFor(cohort(linkedToOther, 9, 180, 0), 30), morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
        School linkedToRolls = new School(9, "Rolls School", ALVASTON, false, 0, School.DEFAULT_TRAVEL_LIMIT_KM, 1L);
        Cohort cohort = cohort(linkedToRolls, 9, 180, 0);
        Request preferring = new Request(
                nextRequestId++,
                cohort,
                EncounterType.CAREERS_TALK,
                30,
                1,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL),
                Set.of(),
                1L,
                false,
                0);
        verifier.verifyThat(MatchingConstraintProvider::linkedEmployer)
                .givenSolution(plan(on(preferring, morning(talk(1, rolls, ann, MONDAY)))))
                .rewardsWith(0);
    }

    // Travel distance

    @Test
    void travelDistancePenalisesTenthsOfAKilometreTravelled() {
        Request request = talkFor(year9, 30);
        Offer talk = talk(1, rolls, ann, MONDAY);
        int tenths = (int) Math.round(ALVASTON.kmTo(DERBY_CENTRE) * 10);
        verifier.verifyThat(MatchingConstraintProvider::travelDistance)
                .givenSolution(plan(on(request, morning(talk))))
                .penalizesBy(tenths);
    }

    @Test
    void travelDistanceCostsNothingOnline() {
        Offer online = new Offer(
                6,
                new Employer(8, "Far Away plc", new Location(51.5, -0.12), Employer.NO_CAP, 0),
                ann,
                EncounterType.CAREERS_TALK,
                "Online talk",
                "Financial & insurance",
                false,
                7,
                13,
                Set.of(DeliveryMode.ONLINE),
                1,
                300,
                0,
                1,
                0,
                0,
                false,
                MONDAY,
                MONDAY.plusMonths(1),
                List.of(),
                null,
                true);
        Request request = new Request(
                nextRequestId++,
                year9,
                EncounterType.CAREERS_TALK,
                30,
                1,
                MONDAY,
                MONDAY.plusDays(4),
                true,
                true,
                Set.of(DeliveryMode.IN_SCHOOL, DeliveryMode.ONLINE),
                Set.of(),
                null,
                false,
                1);
        verifier.verifyThat(MatchingConstraintProvider::travelDistance)
                .givenSolution(plan(on(request, morning(online))))
                .penalizesBy(0);
    }

    // Same employer again for the same cohort

    @Test
    void sameEmployerAgainForSameCohortPenalisesEachRepeat() {
        Cohort visited = cohortWith(false, true, 0, Set.of(1L));
        verifier.verifyThat(MatchingConstraintProvider::sameEmployerAgainForSameCohort)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY))),
                        on(talkFor(year9, 30), morning(talk(2, rolls, volunteer(2, "Bob"), MONDAY))),
                        on(talkFor(visited, 30), morning(talk(3, rolls, volunteer(3, "Cy"), MONDAY)))))
                .penalizesBy(2);
    }

    @Test
    void sameEmployerAgainForSameCohortAcceptsDifferentEmployersAndCohorts() {
        Employer smith = employer(2, "Smith & Co");
        verifier.verifyThat(MatchingConstraintProvider::sameEmployerAgainForSameCohort)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY))),
                        on(talkFor(year9, 30), morning(talk(2, smith, volunteer(2, "Bob"), MONDAY))),
                        on(
                                talkFor(cohort(alvaston, 8, 150, 0), 30),
                                morning(talk(3, rolls, volunteer(3, "Cy"), MONDAY)))))
                .penalizesBy(0);
    }

    @Test
    void sameEmployerAgainForSameCohortCountsAMentoringSeriesAsOneVisit() {
        Offer mentor = offer(1, rolls, ann, EncounterType.MENTORING, "Manufacturing", 3, weekly());
        Request series = series(nextRequestId++, year9, 6, 3);
        Request separate = request(nextRequestId++, cohort(alvaston, 10, 150, 0), EncounterType.MENTORING, 6, 2);
        verifier.verifyThat(MatchingConstraintProvider::sameEmployerAgainForSameCohort)
                .givenSolution(plan(
                        on(series, slot(mentor, MONDAY, Period.MORNING)),
                        on(series, slot(mentor, MONDAY.plusDays(7), Period.MORNING)),
                        on(series, slot(mentor, MONDAY.plusDays(14), Period.MORNING)),
                        // the same mentor's two one-off sessions for Year 10 are a repeat
                        on(separate, slot(mentor, MONDAY.plusDays(1), Period.MORNING)),
                        on(separate, slot(mentor, MONDAY.plusDays(8), Period.MORNING))))
                .penalizesBy(1);
    }

    @Test
    void sameEmployerAgainForSameCohortCountsTwoStallsOfOneEmployerAtAFairAsARepeat() {
        Request fair = event(nextRequestId++, EncounterType.CAREERS_FAIR, 3, new Attendance(year9, 180));
        verifier.verifyThat(MatchingConstraintProvider::sameEmployerAgainForSameCohort)
                .givenSolution(plan(
                        on(fair, morning(talk(1, rolls, ann, MONDAY))),
                        on(fair, morning(talk(2, rolls, volunteer(2, "Bob"), MONDAY))),
                        on(fair, morning(talk(3, employer(2, "Smith & Co"), volunteer(3, "Cy"), MONDAY)))))
                .penalizesBy(1);
    }

    // Employer fatigue

    @Test
    void employerFatiguePenalisesAnEmployerAskedInRecentRoundsOncePerRound() {
        Employer tired = new Employer(9, "Tired Ltd", DERBY_CENTRE, Employer.NO_CAP, 2);
        verifier.verifyThat(MatchingConstraintProvider::employerFatigue)
                .givenSolution(plan(
                        on(talkFor(year9, 30), morning(talk(1, tired, ann, MONDAY))),
                        on(talkFor(year9, 30), morning(talk(2, tired, volunteer(2, "Bob"), MONDAY)))))
                .penalizesBy(2);
    }

    @Test
    void employerFatigueSparesAnEmployerNotAskedRecently() {
        verifier.verifyThat(MatchingConstraintProvider::employerFatigue)
                .givenSolution(plan(on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY)))))
                .penalizesBy(0);
    }

    // Change to a published booking

    @Test
    void changeToPublishedBookingPenalisesAMovedOrDroppedBooking() {
        Offer talk = talk(1, rolls, ann, MONDAY, MONDAY.plusDays(1));
        OfferSlot monday = morning(talk);
        OfferSlot tuesday = slot(talk, MONDAY.plusDays(1), Period.MORNING);
        Session moved = on(talkFor(year9, 30), null).booked(monday, false);
        moved.setSlot(tuesday);
        Session dropped = on(talkFor(year9, 30), null).booked(monday, false);
        dropped.setSlot(null);
        verifier.verifyThat(MatchingConstraintProvider::changeToPublishedBooking)
                .givenSolution(plan(moved, dropped))
                .penalizesBy(2);
    }

    @Test
    void changeToPublishedBookingAcceptsABookingLeftWhereItWas() {
        Offer talk = talk(1, rolls, ann, MONDAY);
        Session kept = on(talkFor(year9, 30), null).booked(morning(talk), false);
        verifier.verifyThat(MatchingConstraintProvider::changeToPublishedBooking)
                .givenSolution(plan(kept, on(talkFor(year9, 30), null)))
                .penalizesBy(0);
    }

    // Weights

    @Test
    void aWeightOfZeroSwitchesARuleOff() {
        verifier.verifyThat()
                .givenSolution(plan(
                        Map.of(
                                MatchingWeights.PUPILS_REACHED,
                                0L,
                                MatchingWeights.TRAVEL,
                                0L,
                                MatchingWeights.SAME_EMPLOYER_AGAIN,
                                0L),
                        on(talkFor(year9, 30), morning(talk(1, rolls, ann, MONDAY)))))
                .scores(org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore.ZERO);
    }

    @Test
    void preferWellRatedEmployersWeighsNothingUntilTheCoordinatorSetsItsWeight() {
        Employer wellRated = new Employer(9, "Well Rated", rolls.location(), Employer.NO_CAP, 0, 45);
        Map<String, Long> othersOff = Map.of(
                MatchingWeights.PUPILS_REACHED,
                0L,
                MatchingWeights.TRAVEL,
                0L,
                MatchingWeights.SAME_EMPLOYER_AGAIN,
                0L);
        assertThat(MatchingWeights.DEFAULTS.get(MatchingWeights.WELL_RATED_EMPLOYER))
                .isZero();
        verifier.verifyThat()
                .givenSolution(plan(othersOff, on(talkFor(year9, 30), morning(talk(1, wellRated, ann, MONDAY)))))
                .scores(org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore.ZERO);

        Map<String, Long> weighted = new java.util.HashMap<>(othersOff);
        weighted.put(MatchingWeights.WELL_RATED_EMPLOYER, 2L);
        verifier.verifyThat()
                .givenSolution(plan(weighted, on(talkFor(year9, 30), morning(talk(1, wellRated, ann, MONDAY)))))
                .scores(org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore.ofSoft(30));
    }
}

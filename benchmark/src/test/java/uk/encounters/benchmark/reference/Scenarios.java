package uk.encounters.benchmark.reference;

import static uk.encounters.benchmark.reference.Hub.ALVASTON;
import static uk.encounters.benchmark.reference.Hub.DERBY_CENTRE;
import static uk.encounters.benchmark.reference.Hub.MICKLEOVER;
import static uk.encounters.benchmark.reference.Hub.MONDAY;
import static uk.encounters.benchmark.reference.Hub.builder;
import static uk.encounters.benchmark.reference.Hub.cohort;
import static uk.encounters.benchmark.reference.Hub.coldSpotSchool;
import static uk.encounters.benchmark.reference.Hub.employer;
import static uk.encounters.benchmark.reference.Hub.event;
import static uk.encounters.benchmark.reference.Hub.offer;
import static uk.encounters.benchmark.reference.Hub.request;
import static uk.encounters.benchmark.reference.Hub.school;
import static uk.encounters.benchmark.reference.Hub.schoolWithBudget;
import static uk.encounters.benchmark.reference.Hub.volunteer;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;

/** Small problems, each showing one rule of the matcher at work; session ids are "request#number". */
final class Scenarios {

    private Scenarios() {}

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
                .offer(offer(1, employer(1), volunteer(1))
                        .mornings(MONDAY, MONDAY.plusDays(1))
                        .build())
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
                .offer(offer(1, employer(1), volunteer(1))
                        .type(EncounterType.WORK_EXPERIENCE)
                        .places(2)
                        .years(10, 13)
                        .on(MONDAY, Period.ALL_DAY)
                        .build())
                .request(request(1, a11, 3, 1)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .build())
                .build();
    }

    /**
     * One placement place wanted, two hosts alike but for their paperwork: the nearer one's
     * insurance ends on the Wednesday of the week, the farther one's holds all week.
     */
    static MatchingProblem placementHostsWithAndWithoutPaperwork() {
        Cohort a10 = cohort(school(1, ALVASTON), 10, 90, 10, false, true, 30);
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", DERBY_CENTRE, Employer.NO_CAP, 0);
        return builder()
                .offer(offer(1, near, volunteer(1))
                        .type(EncounterType.WORK_EXPERIENCE)
                        .years(10, 13)
                        .on(MONDAY, Period.ALL_DAY)
                        .build()
                        .withPaperworkHoldingUntil(MONDAY.plusDays(2)))
                .offer(offer(2, far, volunteer(2))
                        .type(EncounterType.WORK_EXPERIENCE)
                        .years(10, 13)
                        .on(MONDAY, Period.ALL_DAY)
                        .build()
                        .withPaperworkHoldingUntil(MONDAY.plusDays(4)))
                .request(request(1, a10, 1, 1)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .build())
                .build();
    }

    /**
     * One workplace visit, Monday morning, wanted by a Year 9 and a Year 11, alike (every pupil of
     * both one encounter behind) but that Benchmark 6 judges the Year 11's pupils this year.
     */
    static MatchingProblem visitForYear11ShortOfBenchmark6() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 150, 30);
        Cohort b11 = cohort(school(2, DERBY_CENTRE), 11, 150, 30, false, true, 150);
        return builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .type(EncounterType.WORKPLACE_VISIT)
                        .mornings(MONDAY)
                        .build())
                .request(request(1, a9, 30, 1)
                        .type(EncounterType.WORKPLACE_VISIT)
                        .build())
                .request(request(2, b11, 30, 1)
                        .type(EncounterType.WORKPLACE_VISIT)
                        .build())
                .build();
    }

    /** £30 left, two £20 talks wanted from two employers. */
    static MatchingProblem paidOfferOnTightBudget() {
        Cohort a9 = cohort(schoolWithBudget(1, 3_000), 9, 150, 30);
        return builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .cost(2_000)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, employer(2), volunteer(2))
                        .cost(2_000)
                        .mornings(MONDAY.plusDays(1))
                        .build())
                .request(request(1, a9, 60, 2).build())
                .build();
    }

    static MatchingProblem sendRequest() {
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", MICKLEOVER, Employer.NO_CAP, 0);
        Cohort a8 = cohort(school(1, ALVASTON), 8, 60, 10);
        return builder()
                .offer(offer(1, near, volunteer(1)).mornings(MONDAY).build())
                .offer(offer(2, far, volunteer(2))
                        .sendAdaptable()
                        .mornings(MONDAY)
                        .build())
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
     * Booked (not published) on Monday the 18th, after the request's window: the week before is
     * its only candidate, and moving there costs more than staying.
     */
    static MatchingProblem unpublishedBookingOutsideWindow() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 120, 20);
        LocalDate nextMonday = MONDAY.plusWeeks(1);
        return builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .mornings(MONDAY, nextMonday)
                        .maxSessions(2)
                        .build())
                .request(request(1, a9, 60, 1).build())
                .booking(1, 1, nextMonday, nextMonday, Period.MORNING, false)
                .build();
    }

    /**
     * Employer 1 may be asked once, though it offers three mornings; employer 2 was asked in three
     * recent rounds, and this hub's coordinator weights fatigue up (1,000 a round, ten times the
     * default) so that asking it again costs more than a second cohort's careers talk is worth.
     */
    static MatchingProblem cappedAndTiredEmployers() {
        Employer capped = new Employer(1, "Capped", DERBY_CENTRE, 1, 0);
        Employer tired = new Employer(2, "Tired", DERBY_CENTRE, Employer.NO_CAP, 3);
        School school = school(1, DERBY_CENTRE);
        Cohort a9 = cohort(school, 9, 30, 0);
        Cohort a10 = cohort(school, 10, 30, 0);
        return builder(new MatchingWeights(Map.of(MatchingWeights.EMPLOYER_FATIGUE, 1_000L)))
                .offer(offer(1, capped, volunteer(1))
                        .maxSessions(3)
                        .mornings(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2))
                        .build())
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
                .offer(offer(2, employer(2), ann)
                        .type(EncounterType.WORKPLACE_VISIT)
                        .on(MONDAY, Period.ALL_DAY)
                        .build())
                .request(request(1, a9, 60, 1).build())
                .request(request(2, b10, 60, 1)
                        .type(EncounterType.WORKPLACE_VISIT)
                        .build())
                .build();
    }

    /**
     * Ann hosts a placement week and gives a talk on its Wednesday: placement weeks are exempt from
     * the one-place-at-a-time rule (the host supervises the pupils in the workplace), whichever
     * session's id sorts first.
     */
    static MatchingProblem talkDuringPlacementWeek() {
        Volunteer ann = volunteer(1);
        Cohort a11 = cohort(school(1, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        Cohort b11 = cohort(school(2, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        Cohort c9 = cohort(school(3, DERBY_CENTRE), 9, 100, 10);
        return builder()
                .offer(offer(1, employer(1), ann).mornings(MONDAY.plusDays(2)).build())
                .offer(offer(2, employer(2), ann)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .places(2)
                        .years(10, 13)
                        .on(MONDAY, Period.ALL_DAY)
                        .build())
                .request(request(3, a11, 1, 1)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .build())
                .request(request(5, c9, 60, 1).build())
                .request(request(7, b11, 1, 1)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .build())
                .build();
    }

    /** Ann's check runs out on the Thursday of her placement week; a Monday talk is fine. */
    static MatchingProblem checkRunningOutMidPlacement() {
        Volunteer ann = new Volunteer(1, "Ann", MONDAY.plusDays(3));
        Cohort a11 = cohort(school(1, DERBY_CENTRE), 11, 100, 10, false, true, 20);
        return builder()
                .offer(offer(1, employer(1), ann)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .places(2)
                        .years(10, 13)
                        .on(MONDAY, Period.ALL_DAY)
                        .build())
                .offer(offer(2, employer(2), ann)
                        .type(EncounterType.MOCK_INTERVIEWS)
                        .mornings(MONDAY)
                        .build())
                .request(request(1, a11, 1, 1)
                        .type(EncounterType.WORK_EXPERIENCE)
                        .build())
                .request(request(2, a11, 30, 1)
                        .type(EncounterType.MOCK_INTERVIEWS)
                        .build())
                .build();
    }

    static MatchingProblem mentoringByUncheckedVolunteer() {
        Cohort a10 = cohort(school(1, DERBY_CENTRE), 10, 60, 10);
        return builder()
                .offer(offer(1, employer(1), Hub.unchecked(1))
                        .type(EncounterType.MENTORING)
                        .mornings(MONDAY)
                        .build())
                .request(request(1, a10, 10, 1).type(EncounterType.MENTORING).build())
                .build();
    }

    /**
     * A Year 9 fair for 100 of 120 pupils with four stalls on Monday morning, only three of which can
     * be filled (two fair offers, and the talk's employer, who may take a stall), and a talk for 40 of
     * the same pupils that can only be then: the filled stalls still take all 100 pupils, so the talk
     * does not fit beside them.
     */
    static MatchingProblem fairBesideATalk() {
        Cohort a9 = cohort(school(1, DERBY_CENTRE), 9, 120, 20);
        return builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .type(EncounterType.CAREERS_FAIR)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, employer(2), volunteer(2))
                        .type(EncounterType.CAREERS_FAIR)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(3, employer(3), volunteer(3)).mornings(MONDAY).build())
                .request(event(1, MONDAY, Period.MORNING, 4, new Attendance(a9, 100))
                        .build())
                .request(request(2, a9, 40, 1).build())
                .build();
    }

    /**
     * A sector day at a venue in the centre on Monday morning, two stalls, for 100 of Alvaston's
     * 150 Year 10 and 90 of a cold-spot school's 100, and a talk for each school's Year 10 that
     * can only be then: Alvaston's 40 fit beside the sector day, the other school's 30 do not.
     */
    static MatchingProblem hubEventForTwoSchools() {
        Cohort a10 = cohort(school(1, ALVASTON), 10, 150, 30);
        Cohort b10 = cohort(coldSpotSchool(2, MICKLEOVER), 10, 100, 20);
        return builder()
                .offer(offer(1, employer(1), volunteer(1))
                        .type(EncounterType.CAREERS_FAIR)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, employer(2), volunteer(2))
                        .type(EncounterType.CAREERS_FAIR)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(3, employer(3), volunteer(3)).mornings(MONDAY).build())
                .offer(offer(4, employer(4), volunteer(4)).mornings(MONDAY).build())
                .request(event(1, MONDAY, Period.MORNING, 2, new Attendance(a10, 100), new Attendance(b10, 90))
                        .venue(DERBY_CENTRE)
                        .build())
                .request(request(2, a10, 40, 1).build())
                .request(request(3, b10, 30, 1).build())
                .build();
    }

    /**
     * Ann's online talk on Monday morning serves several schools at once, up to 100 pupils: three
     * schools want it online for 60, 40 and 30 pupils, and a fourth would have Ann in school then.
     */
    static MatchingProblem schoolsSharingAnOnlineTalk() {
        Volunteer ann = volunteer(1);
        Set<DeliveryMode> online = Set.of(DeliveryMode.ONLINE);
        return builder()
                .offer(offer(1, employer(1), ann)
                        .modes(online)
                        .sharedOnline()
                        .pupilsMax(100)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, employer(2), ann).mornings(MONDAY).build())
                .request(request(1, cohort(school(1, ALVASTON), 9, 150, 30), 60, 1)
                        .modes(online)
                        .build())
                .request(request(2, cohort(school(2, MICKLEOVER), 9, 150, 30), 40, 1)
                        .modes(online)
                        .build())
                .request(request(3, cohort(school(3, DERBY_CENTRE), 9, 150, 30), 30, 1)
                        .modes(online)
                        .build())
                .request(request(4, cohort(school(4, DERBY_CENTRE), 10, 150, 30), 50, 1)
                        .build())
                .build();
    }

    /**
     * A mentoring series of two sessions: Ann and Bob, near the school, are free one morning each;
     * Cy, farther away, two mornings.
     */
    static MatchingProblem seriesWithNearMentorsFreeOnceEach() {
        Employer near = new Employer(1, "Near", ALVASTON, Employer.NO_CAP, 0);
        Employer far = new Employer(2, "Far", MICKLEOVER, Employer.NO_CAP, 0);
        Cohort a10 = cohort(school(1, ALVASTON), 10, 60, 10);
        return builder()
                .offer(offer(1, near, volunteer(1))
                        .type(EncounterType.MENTORING)
                        .mornings(MONDAY)
                        .build())
                .offer(offer(2, near, volunteer(2))
                        .type(EncounterType.MENTORING)
                        .mornings(MONDAY.plusDays(1))
                        .build())
                .offer(offer(3, far, volunteer(3))
                        .type(EncounterType.MENTORING)
                        .maxSessions(2)
                        .mornings(MONDAY.plusDays(2), MONDAY.plusDays(3))
                        .build())
                .request(request(1, a10, 8, 2).series().build())
                .build();
    }
}

package uk.encounters.matcher.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;
import uk.encounters.matcher.domain.HalfDay;
import uk.encounters.matcher.domain.PupilsMet;
import uk.encounters.matcher.domain.Session;

/**
 * The matching rules, one method each. Hard rules must hold for a plan to be published; soft
 * rules say what a better plan is, with the weights of {@link MatchingWeights}. Unmatched
 * sessions are left out of every stream but the last.
 */
public class MatchingConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            volunteerInTwoPlacesAtOnce(factory),
            onlineSessionBeyondItsCapacity(factory),
            seriesWithMoreThanOneMentor(factory),
            placementsBeyondThePlacesOffered(factory),
            offerBeyondItsMaximumSessions(factory),
            employerAskedBeyondTheirCap(factory),
            unsupervisedVolunteerWithoutSafeguardingCheck(factory),
            yearGroupOverBookedAtOneTime(factory),
            schoolBudgetExceeded(factory),
            sendSessionWithOfferThatCannotAdapt(factory),
            pupilsReached(factory),
            pupilsReachedInColdSpotSchool(factory),
            yearGroupWithNothingThisYearReached(factory),
            stemForCohortWithNone(factory),
            workplaceExperienceForYears10To13WithoutOne(factory),
            workplaceExperienceDueByTheEndOfThisYear(factory),
            workplaceExperienceInASectorNewToTheYearGroup(factory),
            placementForPupilsShortOfTheHoursTarget(factory),
            placementHostsPaperworkHolds(factory),
            preferredSector(factory),
            preferredEmployer(factory),
            linkedEmployer(factory),
            preferWellRatedEmployers(factory),
            travelDistance(factory),
            sameEmployerAgainForSameCohort(factory),
            employerFatigue(factory),
            changeToPublishedBooking(factory)
        };
    }

    // A volunteer (or an offer's unnamed team) gives one session at a time; placement weeks host
    // many pupils and are exempt, as in the database's rule, and so are the schools sharing one
    // online session.
    Constraint volunteerInTwoPlacesAtOnce(ConstraintFactory factory) {
        // placement weeks are left out before pairing, so their many pupils never make pairs at all
        return factory.forEach(Session.class)
                .filter(s -> !s.offer().placements())
                .join(
                        factory.forEach(Session.class).filter(s -> !s.offer().placements()),
                        Joiners.lessThan(Session::id),
                        Joiners.equal(s -> s.offer().presenter()),
                        Joiners.overlapping(
                                s -> s.slot().firstHalfDay(), s -> s.slot().endHalfDay()))
                .filter((a, b) -> a.slot() != b.slot() || !a.sharesOnline() || !b.sharesOnline())
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("Volunteer in two places at once");
    }

    // An online session several schools share takes no more pupils than the offer does.
    Constraint onlineSessionBeyondItsCapacity(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::sharesOnline)
                .groupBy(Session::slot, sum(Session::pupils))
                .filter((slot, pupils) -> pupils > slot.offer().pupilsMax())
                .penalize(
                        HardSoftLongScore.ONE_HARD,
                        (slot, pupils) -> pupils - slot.offer().pupilsMax())
                .asConstraint("Online session beyond its capacity");
    }

    // A mentoring series is one relationship: the same mentor at every session. (Their safeguarding
    // check then holds to the last session, as each session checks it on its own day.)
    Constraint seriesWithMoreThanOneMentor(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.request().series())
                .groupBy(Session::request, countDistinct(s -> s.offer().presenter()))
                .filter((request, mentors) -> mentors > 1)
                .penalize(HardSoftLongScore.ONE_HARD, (request, mentors) -> mentors - 1)
                .asConstraint("Series with more than one mentor");
    }

    // A placement week takes no more pupils than the places the employer offered.
    Constraint placementsBeyondThePlacesOffered(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.offer().placements())
                .groupBy(Session::slot, count())
                .filter((slot, pupils) -> pupils > slot.offer().places())
                .penalize(
                        HardSoftLongScore.ONE_HARD,
                        (slot, pupils) -> pupils - slot.offer().places())
                .asConstraint("Placements beyond the places offered");
    }

    // An offer gives at most its maximum sessions (placement weeks, for work experience).
    Constraint offerBeyondItsMaximumSessions(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .groupBy(Session::offer, countDistinct(Session::slot))
                .filter((offer, slots) -> slots > offer.maxSessions())
                .penalize(HardSoftLongScore.ONE_HARD, (offer, slots) -> slots - offer.maxSessions())
                .asConstraint("Offer beyond its maximum sessions");
    }

    // An employer is asked for no more sessions this round than its contact cap allows.
    Constraint employerAskedBeyondTheirCap(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .groupBy(Session::employer, countDistinct(Session::slot))
                .filter((employer, sessions) -> sessions > employer.sessionCap())
                .penalize(HardSoftLongScore.ONE_HARD, (employer, sessions) -> sessions - employer.sessionCap())
                .asConstraint("Employer asked beyond their cap");
    }

    // Mentoring, one-to-one interviews and placements need a volunteer checked on the day.
    Constraint unsupervisedVolunteerWithoutSafeguardingCheck(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::lacksSafeguarding)
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("Unsupervised volunteer without a safeguarding check");
    }

    // Parallel sessions for one year group are welcome, but not with more pupils than it has. An
    // event's pupils are there once, however many of its stalls are filled.
    Constraint yearGroupOverBookedAtOneTime(ConstraintFactory factory) {
        return pupilsMet(factory)
                .join(
                        HalfDay.class,
                        Joiners.overlapping(
                                met -> met.session().slot().firstHalfDay(),
                                met -> met.session().slot().endHalfDay(),
                                HalfDay::index,
                                halfDay -> halfDay.index() + 1))
                .groupBy((met, halfDay) -> met.cohort(), (met, halfDay) -> halfDay, new PupilsPresent())
                .filter((cohort, halfDay, pupils) -> pupils > cohort.pupils())
                .penalize(HardSoftLongScore.ONE_HARD, (cohort, halfDay, pupils) -> pupils - cohort.pupils())
                .asConstraint("Year group over-booked at one time");
    }

    // Paid sessions are paid from the school's encounter budget, which cannot go below zero.
    Constraint schoolBudgetExceeded(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.offer().paid())
                .groupBy(Session::school, sumLong(Session::costPence))
                .filter((school, cost) -> cost > school.budgetLeftPence())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (school, cost) -> ceilPounds(cost - school.budgetLeftPence()))
                .asConstraint("School budget exceeded");
    }

    private static long ceilPounds(long pence) {
        return (pence + 99) / 100;
    }

    // Pupils who need adapted activities go only to employers who can adapt.
    Constraint sendSessionWithOfferThatCannotAdapt(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::lacksSendAdaptation)
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("SEND session with an offer that cannot adapt");
    }

    // Reaching pupils, neediest first, worth less with each further session for the same cohort.
    Constraint pupilsReached(ConstraintFactory factory) {
        return pupilsMet(factory)
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurableLong((cohort, pupils) -> cohort.valueOf(pupils))
                .asConstraint(MatchingWeights.PUPILS_REACHED);
    }

    // Cold-spot schools' pupils count for more: funding has gone to better-placed schools before.
    Constraint pupilsReachedInColdSpotSchool(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().school().coldSpot())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurableLong((cohort, pupils) -> cohort.valueOf(pupils))
                .asConstraint(MatchingWeights.COLD_SPOT);
    }

    // A year group with no encounter yet this year: each of its pupils reached counts extra.
    Constraint yearGroupWithNothingThisYearReached(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().nothingThisYear())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupils()))
                .asConstraint(MatchingWeights.YEAR_GROUP_WITH_NOTHING);
    }

    // Some encounters should be with STEM employers: a cohort with none this year gets one first.
    Constraint stemForCohortWithNone(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met ->
                        !met.cohort().stemThisYear() && met.session().offer().stem())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupils()))
                .asConstraint(MatchingWeights.STEM_FOR_COHORT_WITH_NONE);
    }

    // Benchmark 6: a workplace experience by the end of Year 11 and another by Year 13 (online, only
    // an interactive one counts).
    Constraint workplaceExperienceForYears10To13WithoutOne(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().pupilsNeedingWorkplaceExperience() > 0
                        && met.session().countsForBenchmark6())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupilsNeedingWorkplaceExperience()))
                .asConstraint(MatchingWeights.WORKPLACE_EXPERIENCE);
    }

    // Benchmark 6 judges Years 11-13 when this year ends: a pupil short of it then has missed it, so
    // their workplace experience weighs with a first encounter of the year, not after it (the
    // simulation's solver gave the visits to younger years first come, first served had given them).
    Constraint workplaceExperienceDueByTheEndOfThisYear(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().pupilsShortOfBenchmark6() > 0
                        && met.session().countsForBenchmark6())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupilsShortOfBenchmark6()))
                .asConstraint(MatchingWeights.WORKPLACE_EXPERIENCE_DUE);
    }

    // A workplace in a sector the year group has not seen this year shows pupils more of the world
    // of work; counted for the pupils still short of Benchmark 6, whom the experience is for.
    Constraint workplaceExperienceInASectorNewToTheYearGroup(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().pupilsNeedingWorkplaceExperience() > 0
                        && met.session().countsForBenchmark6()
                        && !met.cohort().sawSectorThisYear(met.session().offer().sector()))
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupilsNeedingWorkplaceExperience()))
                .asConstraint(MatchingWeights.NEW_SECTOR);
    }

    // A placement week is most of the hub's target of hours of workplace experience (two weeks by
    // default): worth more to a year group whose pupils are short of it than to one that has it.
    Constraint placementForPupilsShortOfTheHoursTarget(ConstraintFactory factory) {
        return pupilsMet(factory)
                .filter(met -> met.cohort().pupilsShortOfHoursTarget() > 0
                        && met.session().offer().placements()
                        && met.session().countsForBenchmark6())
                .groupBy(PupilsMet::cohort, sum(PupilsMet::pupils))
                .rewardConfigurable((cohort, pupils) -> Math.min(pupils, cohort.pupilsShortOfHoursTarget()))
                .asConstraint(MatchingWeights.HOURS_TARGET);
    }

    // A host whose insurance and risk assessment hold through the placement week needs no chasing
    // before the school can sign it off: a pupil placed there is more likely to go.
    Constraint placementHostsPaperworkHolds(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.slot().hostPaperworkHolds())
                .rewardConfigurable()
                .asConstraint(MatchingWeights.PAPERWORK_HOLDS);
    }

    // The school asked for these sectors.
    Constraint preferredSector(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::inPreferredSector)
                .rewardConfigurable()
                .asConstraint(MatchingWeights.PREFERRED_SECTOR);
    }

    // The school asked for an employer it has worked with.
    Constraint preferredEmployer(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::withPreferredEmployer)
                .rewardConfigurable()
                .asConstraint(MatchingWeights.PREFERRED_EMPLOYER);
    }

    // The school's linked employer knows it already: an easier first ask, and a relationship that lasts.
    Constraint linkedEmployer(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(Session::withLinkedEmployer)
                .rewardConfigurable()
                .asConstraint(MatchingWeights.LINKED_EMPLOYER);
    }

    // Schools rated the employer's sessions above the middle of the scale: the better, the more it counts.
    // Weight zero unless the coordinator sets it.
    Constraint preferWellRatedEmployers(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.employer() != null && s.employer().ratingAboveMiddle() > 0)
                .rewardConfigurable(s -> s.employer().ratingAboveMiddle())
                .asConstraint(MatchingWeights.WELL_RATED_EMPLOYER);
    }

    // Nearer is better: volunteers' time and pupils' minibus trips.
    Constraint travelDistance(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.travelTenthsOfKm() > 0)
                .penalizeConfigurable(Session::travelTenthsOfKm)
                .asConstraint(MatchingWeights.TRAVEL);
    }

    // Pupils learn more from different employers: the same one again for a cohort counts against.
    // Visits are counted by slot, so the pupils of one placement week with one host are one visit,
    // and a mentoring series is one relationship however many sessions it has.
    Constraint sameEmployerAgainForSameCohort(ConstraintFactory factory) {
        return pupilsMet(factory)
                .groupBy(
                        PupilsMet::cohort,
                        met -> met.session().employer(),
                        countDistinct(met -> met.session().visit()))
                .filter((cohort, employer, sessions) -> repeats(cohort.visitedThisYearBy(employer), sessions) > 0)
                .penalizeConfigurable(
                        (cohort, employer, sessions) -> repeats(cohort.visitedThisYearBy(employer), sessions))
                .asConstraint(MatchingWeights.SAME_EMPLOYER_AGAIN);
    }

    // Every matched session, cohort by cohort: one for a talk, each attending cohort for an event's stall.
    private static UniConstraintStream<PupilsMet> pupilsMet(ConstraintFactory factory) {
        return factory.forEach(Session.class).flattenLast(Session::pupilsMet);
    }

    static int repeats(boolean visitedThisYear, int sessions) {
        return sessions - (visitedThisYear ? 0 : 1);
    }

    // Asking an employer who was asked in recent rounds tires them out: spread the asks.
    Constraint employerFatigue(ConstraintFactory factory) {
        return factory.forEach(Session.class)
                .filter(s -> s.employer().recentAsks() > 0)
                .groupBy(Session::employer)
                .penalizeConfigurable(employer -> employer.recentAsks())
                .asConstraint(MatchingWeights.EMPLOYER_FATIGUE);
    }

    // Re-planning disturbs as little as it can: moving or dropping a published booking costs.
    Constraint changeToPublishedBooking(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Session.class)
                .filter(Session::movedFromPrevious)
                .penalizeConfigurable()
                .asConstraint(MatchingWeights.CHANGED_PUBLISHED_BOOKING);
    }
}

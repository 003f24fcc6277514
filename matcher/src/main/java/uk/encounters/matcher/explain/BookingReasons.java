package uk.encounters.matcher.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.Reach;
import uk.encounters.matcher.domain.Session;

/**
 * Why a booking is in the plan: each soft rule it scores on, in words, from the same domain
 * facts the rules read. {@code placesBefore} is how many of the cohort's pupil places earlier
 * sessions of the plan already take, so the value shown is this session's share of the
 * cohort's concave value.
 */
final class BookingReasons {

    private BookingReasons() {}

    static List<String> of(Session session, int placesBefore, int sameEmployerSessions) {
        Cohort cohort = session.cohort();
        Employer employer = session.employer();
        List<String> reasons = new ArrayList<>();
        if (session.pinned()) {
            reasons.add("Published: the school and employer have been told, so it stays as booked");
        }
        // in words only: the value in score points means nothing to the coordinator reading it
        reasons.add(String.format(
                Locale.UK,
                "Reaches %d pupils of %s, where %d of %d pupils have no encounter this year"
                        + " (%s session for this year group this round)",
                session.pupils(),
                cohort.describe(),
                cohort.pupilsWithoutOne(),
                cohort.pupils(),
                placesBefore == 0 ? "the first" : "a further"));
        if (cohort.school().coldSpot()) {
            reasons.add(cohort.school().name() + " is a cold spot: its pupils count for more");
        }
        if (cohort.nothingThisYear()) {
            reasons.add("Year " + cohort.yearGroup() + " has had no encounter yet this year");
        }
        if (!cohort.stemThisYear() && session.offer().stem()) {
            reasons.add("A STEM employer for a year group with none this year");
        }
        if (cohort.pupilsNeedingWorkplaceExperience() > 0 && session.countsForBenchmark6()) {
            reasons.add("A workplace experience towards Benchmark 6: " + cohort.pupilsNeedingWorkplaceExperience()
                    + " pupils of this year group still need one"
                    + (cohort.pupilsShortOfBenchmark6() > 0 ? " by the end of this year" : ""));
            if (!cohort.sawSectorThisYear(session.offer().sector())) {
                reasons.add("A sector this year group has not seen this year ("
                        + session.offer().sector() + ")");
            }
        }
        if (session.offer().placements() && session.countsForBenchmark6() && cohort.pupilsShortOfHoursTarget() > 0) {
            reasons.add("A placement towards the hub's target of hours: " + cohort.pupilsShortOfHoursTarget()
                    + " pupils of this year group are short of it");
        }
        if (session.slot().hostPaperworkHolds()) {
            reasons.add("The host's placement paperwork holds until "
                    + DateStyle.of(session.offer().paperworkHoldsUntil()));
        } else if (session.offer().placements()) {
            reasons.add(
                    session.offer().paperworkHoldsUntil() == null
                            ? "The host has no placement paperwork in force yet: the school cannot sign off until it has"
                            : "The host's placement paperwork runs out on "
                                    + DateStyle.of(session.offer().paperworkHoldsUntil())
                                    + ", before the placement ends");
        }
        if (session.inPreferredSector()) {
            reasons.add("In a sector the school asked for (" + session.offer().sector() + ")");
        }
        if (session.withPreferredEmployer()) {
            reasons.add("The employer the school asked for");
        }
        if (session.withLinkedEmployer()) {
            reasons.add("The school's linked employer");
        }
        Reach reach = session.reachOf(session.offer());
        if (reach == null) {
            // a booking kept from before that this school can no longer reach (say, its location is unknown)
            reasons.add("Kept as booked");
        } else {
            reasons.add(
                    reach.mode().inPerson()
                            ? String.format(
                                    Locale.UK,
                                    "%s, %.1f km away",
                                    capitalised(reach.mode().words()),
                                    reach.km())
                            : "Online, no travel");
        }
        if (cohort.visitedThisYearBy(employer)) {
            reasons.add(employer.name() + " has already come to this year group this year");
        } else if (sameEmployerSessions > 1) {
            reasons.add(employer.name() + " gives this year group " + sameEmployerSessions + " sessions this round");
        }
        if (employer.recentAsks() > 0) {
            reasons.add(employer.name() + " was asked in " + employer.recentAsks() + " recent round"
                    + (employer.recentAsks() == 1 ? "" : "s"));
        }
        if (session.movedFromPrevious()) {
            reasons.add("Moved from " + session.previousSlot().describe() + ", where the earlier plan had it");
        }
        return reasons;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

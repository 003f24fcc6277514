package uk.encounters.benchmark.reference;

import com.google.ortools.sat.BoolVar;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.Offer;

/**
 * The pupils of one cohort a placement would meet, as the session's {@code pupilsMet()} counts
 * them: all the request's for a talk, a stall's share of each attending cohort for an event.
 *
 * @param pupils  what the placement counts for in value
 * @param present the cohort's pupils its occasion takes at its time: an event's whole attendance
 */
record CohortShare(Placement placement, Cohort cohort, int pupils, int present) {

    BoolVar chosen() {
        return placement.chosen();
    }

    Offer offer() {
        return placement.offer();
    }

    Employer employer() {
        return placement.employer();
    }
}

package uk.encounters.benchmark.reference;

import com.google.ortools.sat.BoolVar;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;

/**
 * A session on one of the slots it may take, and the boolean that says it is there. A pinned
 * session has a single placement, on its slot, whose boolean is fixed true.
 */
record Placement(Session session, OfferSlot slot, BoolVar chosen) {

    Offer offer() {
        return slot.offer();
    }

    Employer employer() {
        return slot.offer().employer();
    }

    Cohort cohort() {
        return session.cohort();
    }

    int pupils() {
        return session.pupils();
    }

    boolean covers(int halfDay) {
        return slot.firstHalfDay() <= halfDay && halfDay < slot.endHalfDay();
    }
}

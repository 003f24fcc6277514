package uk.encounters.benchmark.reference;

import com.google.ortools.sat.BoolVar;
import java.util.List;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Reach;
import uk.encounters.matcher.domain.Request;
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

    Request request() {
        return session.request();
    }

    int pupils() {
        return session.pupils();
    }

    /** Cohort by cohort; a session's shares depend on its request and number, never on its slot. */
    List<CohortShare> shares() {
        return session.pupilsMet().stream()
                .map(met -> new CohortShare(this, met.cohort(), met.pupils(), met.present()))
                .toList();
    }

    /** What takes the pupils' time, as Session.occasion: the event for its stalls, else the session. */
    Object occasion() {
        return session.occasion();
    }

    /** One visit of the employer, as Session.visit on this slot: a series is one, else the slot. */
    Object visit() {
        return request().series() ? request() : slot;
    }

    /** As Session.sharesOnline on this slot: online, on an offer several schools' classes share. */
    boolean sharesOnline() {
        if (!offer().sharedOnline()) {
            return false;
        }
        Reach reach = session.reachOf(offer());
        return reach != null && reach.mode() == DeliveryMode.ONLINE;
    }

    boolean covers(int halfDay) {
        return slot.firstHalfDay() <= halfDay && halfDay < slot.endHalfDay();
    }
}

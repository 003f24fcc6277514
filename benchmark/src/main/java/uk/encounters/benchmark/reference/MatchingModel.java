package uk.encounters.benchmark.reference;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;

/**
 * The matcher's model for CP-SAT: a boolean per (session, candidate slot), the hard rules as
 * constraints ({@link HardRules}) and the soft score as the objective ({@link SoftRules}), so that
 * the objective of a plan is its soft score under the matcher's rules.
 */
final class MatchingModel {

    final MatchingProblem problem;
    final CpModel model = new CpModel();
    /** Every placement, pinned ones included: they count in every rule, as in the matcher's score. */
    final List<Placement> placements = new ArrayList<>();
    /** By session (sessions have identity equality, as the solver sees them). */
    final Map<Session, List<Placement>> bySession = new LinkedHashMap<>();
    /** Every placement's pupils, cohort by cohort: what the cohort-valued rules add up. */
    final List<CohortShare> shares = new ArrayList<>();

    final LinearExpr objective;

    private MatchingModel(MatchingProblem problem) {
        this.problem = problem;
        for (Session session : problem.sessions()) {
            List<Placement> options = new ArrayList<>();
            for (OfferSlot slot : slotsOf(session)) {
                BoolVar chosen = model.newBoolVar(session.id() + "@" + slot.id());
                if (session.pinned()) {
                    model.addEquality(chosen, 1);
                }
                options.add(new Placement(session, slot, chosen));
            }
            if (!session.pinned() && options.size() > 1) {
                model.addAtMostOne(options.stream().map(Placement::chosen).toArray(Literal[]::new));
            }
            bySession.put(session, options);
            placements.addAll(options);
            options.forEach(p -> shares.addAll(p.shares()));
        }
        HardRules.addTo(this);
        objective = SoftRules.objective(this);
        model.maximize(objective);
    }

    /**
     * True when any of these placements is chosen, the placement's own boolean when there is one.
     * Only implied by them: exact where a rule counts it against the plan, which then keeps it false
     * unless a placement is chosen.
     */
    BoolVar anyChosen(List<Placement> of, String name) {
        List<BoolVar> chosen = of.stream().map(Placement::chosen).distinct().toList();
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        BoolVar any = model.newBoolVar(name);
        chosen.forEach(c -> model.addImplication(c, any));
        return any;
    }

    static MatchingModel of(MatchingProblem problem) {
        return new MatchingModel(problem);
    }

    /**
     * A pinned session stays on its slot (which need not be a candidate); others may take any
     * candidate, or stay on their previous slot even when it is not one: the matcher starts from
     * it and may keep it (its search only moves a session to candidates).
     */
    static Collection<OfferSlot> slotsOf(Session session) {
        if (session.pinned()) {
            return session.slot() == null ? List.of() : List.of(session.slot());
        }
        Collection<OfferSlot> slots = new LinkedHashSet<>(session.candidates());
        if (session.previousSlot() != null) {
            slots.add(session.previousSlot());
        }
        return slots;
    }

    /**
     * Fixes every unpinned session to its slot in {@code plan} (session id to slot id; absent:
     * unmatched), so that solving only tightens the objective's auxiliaries to the plan's score.
     *
     * @throws IllegalArgumentException when a session's slot is neither a candidate nor its previous one
     */
    void fixTo(Map<String, Long> plan) {
        bySession.forEach((session, options) -> {
            if (session.pinned()) {
                return;
            }
            Long slotId = plan.get(session.id());
            if (slotId != null && options.stream().noneMatch(p -> p.slot().id() == slotId)) {
                throw new IllegalArgumentException("Session " + session.id() + " is on slot " + slotId
                        + ", neither a candidate nor its previous slot");
            }
            for (Placement placement : options) {
                model.addEquality(
                        placement.chosen(), slotId != null && placement.slot().id() == slotId ? 1 : 0);
            }
        });
    }
}

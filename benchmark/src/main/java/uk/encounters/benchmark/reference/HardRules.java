package uk.encounters.benchmark.reference;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.HalfDay;
import uk.encounters.matcher.domain.OfferSlot;

/**
 * The matcher's hard rules (MatchingConstraintProvider) as constraints: a plan the model accepts
 * scores hard 0. Constraints that no plan could break are left out.
 */
final class HardRules {

    private final MatchingModel m;
    private final CpModel model;

    private HardRules(MatchingModel m) {
        this.m = m;
        this.model = m.model;
    }

    static void addTo(MatchingModel m) {
        HardRules rules = new HardRules(m);
        rules.safeguardingAndSend();
        rules.volunteerInOnePlaceAtATime();
        rules.placementsWithinPlaces();
        rules.offerAndEmployerLimits();
        rules.yearGroupNotOverBooked();
        rules.budget();
    }

    // Same tests as Session.lacksSafeguarding / lacksSendAdaptation, on the slot the session would take.
    private void safeguardingAndSend() {
        for (Placement p : m.placements) {
            boolean lacksSafeguarding = p.session().request().type().needsSafeguardingCheck()
                    && !p.offer().safeguardedOn(p.slot().endsOn());
            boolean lacksSend = p.session().request().needsSend() && !p.offer().sendAdaptable();
            if (lacksSafeguarding || lacksSend) {
                model.addEquality(p.chosen(), 0);
            }
        }
    }

    /**
     * A presenter's non-placement sessions never overlap (placement weeks are exempt, as in the
     * matcher and the database): pairwise overlaps of half-day intervals are exactly "at most one
     * per presenter per half-day".
     */
    private void volunteerInOnePlaceAtATime() {
        Map<Object, List<Placement>> byPresenter =
                group(m.placements, p -> p.offer().presenter());
        for (List<Placement> same : byPresenter.values()) {
            Map<Integer, List<BoolVar>> byHalfDay = new LinkedHashMap<>();
            for (Placement p : same) {
                if (!p.offer().placements()) {
                    for (int h = p.slot().firstHalfDay(); h < p.slot().endHalfDay(); h++) {
                        byHalfDay.computeIfAbsent(h, k -> new ArrayList<>()).add(p.chosen());
                    }
                }
            }
            byHalfDay.values().stream()
                    .filter(vars -> vars.size() > 1)
                    .forEach(vars -> model.addAtMostOne(vars.toArray(Literal[]::new)));
        }
    }

    private void placementsWithinPlaces() {
        Map<OfferSlot, List<Placement>> bySlot = group(m.placements, Placement::slot);
        bySlot.forEach((slot, on) -> {
            if (slot.offer().placements() && on.size() > slot.offer().places()) {
                model.addLessOrEqual(sum(on), slot.offer().places());
            }
        });
    }

    /** Both count distinct slots: a slot is used when any session is on it. */
    private void offerAndEmployerLimits() {
        Map<OfferSlot, List<Placement>> bySlot = group(m.placements, Placement::slot);
        Map<OfferSlot, BoolVar> used = new LinkedHashMap<>();
        bySlot.forEach((slot, on) -> {
            BoolVar slotUsed = model.newBoolVar("used " + slot.id());
            on.forEach(p -> model.addImplication(p.chosen(), slotUsed));
            used.put(slot, slotUsed);
        });
        group(used.keySet(), OfferSlot::offer).forEach((offer, slots) -> {
            if (slots.size() > offer.maxSessions()) {
                model.addLessOrEqual(
                        LinearExpr.sum(slots.stream().map(used::get).toArray(BoolVar[]::new)), offer.maxSessions());
            }
        });
        group(used.keySet(), OfferSlot::employer).forEach((employer, slots) -> {
            if (employer.sessionCap() != Employer.NO_CAP && slots.size() > employer.sessionCap()) {
                model.addLessOrEqual(
                        LinearExpr.sum(slots.stream().map(used::get).toArray(BoolVar[]::new)), employer.sessionCap());
            }
        });
    }

    /** Over the problem's half-day facts only, as the matcher joins them. */
    private void yearGroupNotOverBooked() {
        Map<Integer, Long> halfDays =
                m.problem.halfDays().stream().collect(groupingBy(HalfDay::index, LinkedHashMap::new, counting()));
        group(m.placements, Placement::cohort).forEach((cohort, ofCohort) -> {
            for (Map.Entry<Integer, Long> halfDay : halfDays.entrySet()) {
                LinearExprBuilder pupils = LinearExpr.newBuilder();
                long most = 0;
                for (Placement p : ofCohort) {
                    if (p.covers(halfDay.getKey())) {
                        pupils.addTerm(p.chosen(), p.pupils() * halfDay.getValue());
                        most += p.pupils() * halfDay.getValue();
                    }
                }
                if (most > cohort.pupils()) {
                    model.addLessOrEqual(pupils, cohort.pupils());
                }
            }
        });
    }

    private void budget() {
        group(m.placements, p -> p.session().school()).forEach((school, ofSchool) -> {
            LinearExprBuilder cost = LinearExpr.newBuilder();
            long most = 0;
            for (Placement p : ofSchool) {
                if (p.offer().paid()) {
                    cost.addTerm(p.chosen(), p.offer().costPencePerSession());
                    most += p.offer().costPencePerSession();
                }
            }
            if (most > school.budgetLeftPence()) {
                model.addLessOrEqual(cost, school.budgetLeftPence());
            }
        });
    }

    static LinearExpr sum(List<Placement> placements) {
        return LinearExpr.sum(placements.stream().map(Placement::chosen).toArray(BoolVar[]::new));
    }

    /** Groups with the keys' own equality, as the matcher's groupBy does, in first-seen order. */
    static <K, T> Map<K, List<T>> group(Collection<T> items, Function<T, K> key) {
        return items.stream().collect(groupingBy(key, LinkedHashMap::new, toList()));
    }
}

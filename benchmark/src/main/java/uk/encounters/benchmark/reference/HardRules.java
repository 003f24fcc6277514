package uk.encounters.benchmark.reference;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toList;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.HalfDay;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Request;

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
        rules.onlineSessionWithinItsCapacity();
        rules.seriesWithOneMentor();
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
     * per presenter per half-day". Schools sharing one online session are one session: the
     * placements that would share a slot count once, by a boolean any of them implies, so a
     * class in person on that slot (or another slot overlapping it) still clashes with them.
     */
    private void volunteerInOnePlaceAtATime() {
        Map<Object, List<Placement>> byPresenter = group(
                m.placements.stream().filter(p -> !p.offer().placements()).toList(),
                p -> p.offer().presenter());
        for (List<Placement> same : byPresenter.values()) {
            Map<Integer, List<Literal>> byHalfDay = new LinkedHashMap<>();
            for (Placement p : only(same, p -> !p.sharesOnline())) {
                busy(byHalfDay, p.slot(), p.chosen());
            }
            group(only(same, Placement::sharesOnline), Placement::slot)
                    .forEach((slot, sharing) -> busy(byHalfDay, slot, m.anyChosen(sharing, "shared " + slot.id())));
            byHalfDay.values().stream()
                    .filter(vars -> vars.size() > 1)
                    .forEach(vars -> model.addAtMostOne(vars.toArray(Literal[]::new)));
        }
    }

    private static void busy(Map<Integer, List<Literal>> byHalfDay, OfferSlot slot, Literal busy) {
        for (int h = slot.firstHalfDay(); h < slot.endHalfDay(); h++) {
            byHalfDay.computeIfAbsent(h, k -> new ArrayList<>()).add(busy);
        }
    }

    /** The schools sharing an online slot bring no more pupils than the offer takes at once. */
    private void onlineSessionWithinItsCapacity() {
        group(only(m.placements, Placement::sharesOnline), Placement::slot).forEach((slot, sharing) -> {
            LinearExprBuilder pupils = LinearExpr.newBuilder();
            sharing.forEach(p -> pupils.addTerm(p.chosen(), p.pupils()));
            if (sharing.stream().mapToLong(Placement::pupils).sum()
                    > slot.offer().pupilsMax()) {
                model.addLessOrEqual(pupils, slot.offer().pupilsMax());
            }
        });
    }

    /** A mentoring series has one mentor: a boolean per presenter its placements imply, at most one true. */
    private void seriesWithOneMentor() {
        group(only(m.placements, p -> p.request().series()), Placement::request).forEach((request, ofSeries) -> {
            Map<Object, List<Placement>> byMentor =
                    group(ofSeries, p -> p.offer().presenter());
            if (byMentor.size() > 1) {
                model.addAtMostOne(byMentor.values().stream()
                        .map(placements -> m.anyChosen(placements, "mentor of " + request.id()))
                        .toArray(Literal[]::new));
            }
        });
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

    /**
     * Over the problem's half-day facts only, as the matcher joins them; equal facts (the same
     * index) fall in one group there, so each index counts once.
     */
    private void yearGroupNotOverBooked() {
        Set<Integer> halfDays =
                m.problem.halfDays().stream().map(HalfDay::index).collect(toCollection(LinkedHashSet::new));
        group(m.shares, CohortShare::cohort)
                .forEach((cohort, ofCohort) -> halfDays.forEach(halfDay -> notOverBookedAt(
                        cohort, halfDay, only(ofCohort, s -> s.placement().covers(halfDay)))));
    }

    /**
     * Each occasion counts its pupils present once: a session's by the sum of its placements'
     * booleans (at most one is chosen), an event's whole attendance by a boolean any of its stalls
     * then implies, however many are filled.
     */
    private void notOverBookedAt(Cohort cohort, int halfDay, List<CohortShare> then) {
        Map<Object, List<CohortShare>> byOccasion =
                group(then, s -> s.placement().occasion());
        long most = byOccasion.values().stream().mapToLong(HardRules::present).sum();
        if (most <= cohort.pupils()) {
            return;
        }
        LinearExprBuilder pupils = LinearExpr.newBuilder();
        byOccasion.forEach((occasion, shares) -> {
            List<Placement> on =
                    shares.stream().map(CohortShare::placement).distinct().toList();
            if (occasion instanceof Request event) {
                pupils.addTerm(m.anyChosen(on, "event " + event.id() + " at " + halfDay), present(shares));
            } else {
                on.forEach(p -> pupils.addTerm(p.chosen(), present(shares)));
            }
        });
        model.addLessOrEqual(pupils, cohort.pupils());
    }

    /** The most of the cohort's pupils its occasion takes (an event's attendance, whichever stall). */
    private static long present(List<CohortShare> shares) {
        return shares.stream().mapToInt(CohortShare::present).max().orElse(0);
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

    static <T> List<T> only(List<T> items, Predicate<T> filter) {
        return items.stream().filter(filter).toList();
    }

    static LinearExpr sum(List<Placement> placements) {
        return LinearExpr.sum(placements.stream().map(Placement::chosen).toArray(BoolVar[]::new));
    }

    /** Groups with the keys' own equality, as the matcher's groupBy does, in first-seen order. */
    static <K, T> Map<K, List<T>> group(Collection<T> items, Function<T, K> key) {
        return items.stream().collect(groupingBy(key, LinkedHashMap::new, toList()));
    }
}

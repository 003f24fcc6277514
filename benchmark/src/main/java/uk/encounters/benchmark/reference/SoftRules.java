package uk.encounters.benchmark.reference;

import static uk.encounters.benchmark.reference.HardRules.group;
import static uk.encounters.benchmark.reference.HardRules.only;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Reach;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.domain.ValueCurve;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * The matcher's soft rules as one objective to maximise, weight by weight. Where a rule is a
 * concave function of the plan (a value curve, a minimum, a maximum with zero, "any session"), its
 * auxiliary variables are only bounded by the plan, not tied to it: maximising pushes each to the
 * rule's exact value, so at an optimum (and in {@link CpSatReference#evaluate}) the objective is
 * the plan's soft score, integer for integer.
 */
final class SoftRules {

    private final MatchingModel m;
    private final CpModel model;
    private final MatchingWeights weights;
    private final LinearExprBuilder objective = LinearExpr.newBuilder();

    private SoftRules(MatchingModel m) {
        this.m = m;
        this.model = m.model;
        this.weights = m.problem.weights();
    }

    static LinearExpr objective(MatchingModel m) {
        SoftRules rules = new SoftRules(m);
        rules.cohortRules();
        rules.perPlacementRules();
        rules.sameEmployerAgain();
        rules.employerFatigue();
        rules.changeToPublishedBooking();
        return rules.objective.build();
    }

    /** Each attending cohort gets its share of a placement's pupils, as the matcher's pupilsMet. */
    private void cohortRules() {
        long stemWeight = weights.of(MatchingWeights.STEM_FOR_COHORT_WITH_NONE);
        long workplaceWeight = weights.of(MatchingWeights.WORKPLACE_EXPERIENCE);
        long dueWeight = weights.of(MatchingWeights.WORKPLACE_EXPERIENCE_DUE);
        long newSectorWeight = weights.of(MatchingWeights.NEW_SECTOR);
        long hoursWeight = weights.of(MatchingWeights.HOURS_TARGET);
        group(m.shares, CohortShare::cohort).forEach((cohort, ofCohort) -> {
            valueCurve(cohort, ofCohort);
            if (cohort.nothingThisYear()) {
                capped(ofCohort, cohort.pupils(), weights.of(MatchingWeights.YEAR_GROUP_WITH_NOTHING));
            }
            if (!cohort.stemThisYear()) {
                capped(only(ofCohort, s -> s.offer().stem()), cohort.pupils(), stemWeight);
            }
            if (cohort.pupilsNeedingWorkplaceExperience() > 0) {
                List<CohortShare> workplace = only(ofCohort, s -> countsForBenchmark6(s.placement()));
                capped(workplace, cohort.pupilsNeedingWorkplaceExperience(), workplaceWeight);
                capped(workplace, cohort.pupilsShortOfBenchmark6(), dueWeight);
                capped(
                        only(workplace, s -> !cohort.sawSectorThisYear(s.offer().sector())),
                        cohort.pupilsNeedingWorkplaceExperience(),
                        newSectorWeight);
            }
            capped(
                    only(ofCohort, s -> s.offer().placements() && countsForBenchmark6(s.placement())),
                    cohort.pupilsShortOfHoursTarget(),
                    hoursWeight);
        });
    }

    private static boolean countsForBenchmark6(Placement p) {
        return p.session().countsForBenchmark6(p.slot());
    }

    /**
     * Pupils reached, and again for a cold-spot school: one variable per segment of the concave
     * curve, within its places and together within the cohort's pupil places (the rest is worth
     * nothing). Falling values per place make the maximiser fill segments in order.
     */
    private void valueCurve(Cohort cohort, List<CohortShare> ofCohort) {
        long weight = weights.of(MatchingWeights.PUPILS_REACHED)
                + (cohort.school().coldSpot() ? weights.of(MatchingWeights.COLD_SPOT) : 0);
        if (weight == 0) {
            return;
        }
        long most = pupils(ofCohort);
        LinearExprBuilder filled = LinearExpr.newBuilder();
        for (ValueCurve.Segment segment : cohort.curve().segments()) {
            IntVar places = model.newIntVar(0, Math.min(segment.places(), most), "segment");
            filled.add(places);
            objective.addTerm(places, weight * segment.valuePerPlace());
        }
        model.addLessOrEqual(filled, pupilsOf(ofCohort));
    }

    /** weight × min(pupils of these shares, cap). */
    private void capped(List<CohortShare> shares, int cap, long weight) {
        if (weight == 0 || shares.isEmpty() || cap <= 0) {
            return;
        }
        IntVar reached = model.newIntVar(0, Math.min(cap, pupils(shares)), "capped");
        model.addLessOrEqual(reached, pupilsOf(shares));
        objective.addTerm(reached, weight);
    }

    private void perPlacementRules() {
        long sector = weights.of(MatchingWeights.PREFERRED_SECTOR);
        long employer = weights.of(MatchingWeights.PREFERRED_EMPLOYER);
        long linked = weights.of(MatchingWeights.LINKED_EMPLOYER);
        long wellRated = weights.of(MatchingWeights.WELL_RATED_EMPLOYER);
        long travel = weights.of(MatchingWeights.TRAVEL);
        long paperwork = weights.of(MatchingWeights.PAPERWORK_HOLDS);
        for (Placement p : m.placements) {
            long worth = 0;
            if (p.slot().hostPaperworkHolds()) {
                worth += paperwork;
            }
            // as MatchingConstraintProvider.preferWellRatedEmployers: only a rating above the middle counts
            worth += wellRated * Math.max(0, p.employer().ratingAboveMiddle());
            if (p.session().request().preferredSectors().contains(p.offer().sector())) {
                worth += sector;
            }
            Long preferred = p.session().request().preferredEmployerId();
            Long linkedId = p.session().school().linkedEmployerId();
            if (preferred != null && preferred == p.employer().id()) {
                worth += employer;
            } else if (linkedId != null && linkedId == p.employer().id()) {
                // as Session.withLinkedEmployer: only when the request did not ask for that employer already
                worth += linked;
            }
            worth -= travel * travelTenthsOfKm(p);
            if (worth != 0) {
                objective.addTerm(p.chosen(), worth);
            }
        }
    }

    /** As Session.travelTenthsOfKm on this slot. */
    private static int travelTenthsOfKm(Placement p) {
        Reach reach = p.session().reachOf(p.offer());
        double km = reach == null ? 0 : reach.km();
        return (int) Math.round(km * 10);
    }

    /**
     * Per (attending cohort, employer), visits are distinct Session.visit keys (a placement week's
     * slot is one visit, a mentoring series one however many sessions): every visit counts if the
     * employer came this year, else all but the first.
     */
    private void sameEmployerAgain() {
        long weight = weights.of(MatchingWeights.SAME_EMPLOYER_AGAIN);
        if (weight == 0) {
            return;
        }
        group(m.shares, CohortShare::cohort)
                .forEach((cohort, ofCohort) -> group(ofCohort, CohortShare::employer)
                        .forEach((employer, options) ->
                                penaliseRepeats(cohort.visitedThisYearBy(employer), visits(options), weight)));
    }

    /** A boolean per distinct visit: whether any of its placements is chosen. */
    private List<BoolVar> visits(List<CohortShare> options) {
        List<BoolVar> visits = new ArrayList<>();
        group(options, s -> s.placement().visit())
                .forEach((visit, onVisit) -> visits.add(
                        m.anyChosen(onVisit.stream().map(CohortShare::placement).toList(), "visit")));
        return visits;
    }

    private void penaliseRepeats(boolean visitedThisYear, List<BoolVar> visits, long weight) {
        if (visitedThisYear) {
            visits.forEach(visit -> objective.addTerm(visit, -weight));
            return;
        }
        if (visits.size() < 2) {
            return;
        }
        IntVar repeats = model.newIntVar(0, visits.size() - 1, "repeats");
        model.addLessOrEqual(
                LinearExpr.newBuilder()
                        .add(LinearExpr.sum(visits.toArray(BoolVar[]::new)))
                        .addTerm(repeats, -1),
                1);
        objective.addTerm(repeats, -weight);
    }

    private void employerFatigue() {
        long weight = weights.of(MatchingWeights.EMPLOYER_FATIGUE);
        if (weight == 0) {
            return;
        }
        group(m.placements, Placement::employer).forEach((employer, on) -> {
            if (employer.recentAsks() > 0) {
                BoolVar asked = model.newBoolVar("asked " + employer.id());
                on.forEach(p -> model.addImplication(p.chosen(), asked));
                objective.addTerm(asked, -weight * employer.recentAsks());
            }
        });
    }

    /** Unmatched sessions count too: −w unless the session is on its previous slot (the very object). */
    private void changeToPublishedBooking() {
        long weight = weights.of(MatchingWeights.CHANGED_PUBLISHED_BOOKING);
        if (weight == 0) {
            return;
        }
        m.bySession.forEach((Session session, List<Placement> options) -> {
            if (session.previousSlot() == null) {
                return;
            }
            objective.add(-weight);
            options.stream()
                    .filter(p -> p.slot() == session.previousSlot())
                    .forEach(p -> objective.addTerm(p.chosen(), weight));
        });
    }

    private static long pupils(List<CohortShare> shares) {
        return shares.stream().mapToLong(CohortShare::pupils).sum();
    }

    private static LinearExpr pupilsOf(List<CohortShare> shares) {
        LinearExprBuilder pupils = LinearExpr.newBuilder();
        shares.forEach(s -> pupils.addTerm(s.chosen(), s.pupils()));
        return pupils.build();
    }
}

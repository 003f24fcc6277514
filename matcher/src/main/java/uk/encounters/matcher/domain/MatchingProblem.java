package uk.encounters.matcher.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * One matching round's problem, and once solved its plan: the sessions of the hub's open requests
 * in the horizon, the offer slots they may go to, and the weights the hub's coordinator chose.
 * Build it with {@link ProblemBuilder}.
 */
@PlanningSolution
public class MatchingProblem {

    private LocalDate horizonStart;
    private LocalDate horizonEnd;

    @ConstraintConfigurationProvider
    private MatchingWeights weights;

    @ProblemFactCollectionProperty
    private List<School> schools;

    @ProblemFactCollectionProperty
    private List<Cohort> cohorts;

    @ProblemFactCollectionProperty
    private List<Employer> employers;

    @ProblemFactCollectionProperty
    private List<Offer> offers;

    @ProblemFactCollectionProperty
    private List<OfferSlot> slots;

    @ProblemFactCollectionProperty
    private List<HalfDay> halfDays;

    @ProblemFactCollectionProperty
    private List<Request> requests;

    @PlanningEntityCollectionProperty
    private List<Session> sessions;

    @PlanningScore
    private HardSoftLongScore score;

    MatchingProblem() {
        // for OptaPlanner's planning clone
    }

    public MatchingProblem(
            LocalDate horizonStart,
            LocalDate horizonEnd,
            MatchingWeights weights,
            List<School> schools,
            List<Cohort> cohorts,
            List<Employer> employers,
            List<Offer> offers,
            List<OfferSlot> slots,
            List<HalfDay> halfDays,
            List<Request> requests,
            List<Session> sessions) {
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
        this.weights = weights;
        this.schools = schools;
        this.cohorts = cohorts;
        this.employers = employers;
        this.offers = offers;
        this.slots = slots;
        // one fact a half-day: the year group's pupil count at a half-day is a plain sum for sessions
        this.halfDays = List.copyOf(new LinkedHashSet<>(halfDays));
        this.requests = requests;
        this.sessions = sessions;
    }

    public LocalDate horizonStart() {
        return horizonStart;
    }

    public LocalDate horizonEnd() {
        return horizonEnd;
    }

    public MatchingWeights weights() {
        return weights;
    }

    public List<School> schools() {
        return schools;
    }

    public List<Cohort> cohorts() {
        return cohorts;
    }

    public List<Employer> employers() {
        return employers;
    }

    public List<Offer> offers() {
        return offers;
    }

    public List<OfferSlot> slots() {
        return slots;
    }

    public List<HalfDay> halfDays() {
        return halfDays;
    }

    public List<Request> requests() {
        return requests;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public HardSoftLongScore score() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    /** Feasible (session, slot) pairs: the size of the search. */
    public long candidatePairs() {
        return sessions.stream().mapToLong(s -> s.candidates().size()).sum();
    }
}

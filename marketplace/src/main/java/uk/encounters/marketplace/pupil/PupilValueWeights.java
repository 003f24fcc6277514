package uk.encounters.marketplace.pupil;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the pupil-value rule ({@link PupilProgress#valueOfNext}) gives for each reason to reach a
 * pupil. Hub settings with these defaults: the coordinator may change them, and zero switches a
 * reason off. One rule values cohorts for the matcher and ranks the pupils a school is offered.
 *
 * @param firstThisYear     a pupil's first encounter this school year (Benchmark 5: every pupil, every year)
 * @param catchUp           the next encounter towards the target to date, for a pupil who has one this year
 * @param catchUpDecay      how much each further catch-up encounter this year keeps of the one before
 *                          (0.5: half as much), so a pupil far behind does not absorb every session
 * @param beyondTarget      any further encounter, once the target is met: more encounters still help
 *                          (four or more cut the risk of NEET), and supply left over is not wasted
 * @param disadvantaged     extra share for a disadvantaged pupil (0.5 = half as much again)
 * @param send              extra share for a pupil with special educational needs
 * @param eal               extra share for a pupil with English as an additional language (off by default)
 * @param workplaceDue      added to a workplace experience (visit, shadowing, placement) for a pupil of
 *                          Years 10-13 still short of Benchmark 6
 */
public record PupilValueWeights(
        double firstThisYear,
        double catchUp,
        double catchUpDecay,
        double beyondTarget,
        double disadvantaged,
        double send,
        double eal,
        double workplaceDue) {

    public static final PupilValueWeights DEFAULTS = new PupilValueWeights(3.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0, 1.0);

    /** The largest weight a hub may set: a hundred times the first encounter's default. */
    public static final double MAX = 300;

    public PupilValueWeights {
        for (double weight :
                new double[] {firstThisYear, catchUp, beyondTarget, disadvantaged, send, eal, workplaceDue}) {
            if (!(weight >= 0 && weight <= MAX)) {
                throw new IllegalArgumentException("Pupil value weights are 0 to " + (int) MAX);
            }
        }
        if (!(catchUpDecay >= 0 && catchUpDecay <= 1)) {
            throw new IllegalArgumentException("The catch-up decay is 0 to 1");
        }
    }

    /** The weights by their field names, in the order a settings page lists them. */
    public Map<String, Double> byName() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("firstThisYear", firstThisYear);
        weights.put("catchUp", catchUp);
        weights.put("catchUpDecay", catchUpDecay);
        weights.put("beyondTarget", beyondTarget);
        weights.put("disadvantaged", disadvantaged);
        weights.put("send", send);
        weights.put("eal", eal);
        weights.put("workplaceDue", workplaceDue);
        return weights;
    }

    /** Weights from {@link #byName()}'s names; missing ones keep their default. */
    public static PupilValueWeights fromNames(Map<String, Double> weights) {
        Map<String, Double> merged = DEFAULTS.byName();
        weights.forEach((name, weight) -> {
            if (!merged.containsKey(name)) {
                throw new IllegalArgumentException("Unknown pupil value weight: " + name);
            }
            merged.put(name, weight);
        });
        return new PupilValueWeights(
                merged.get("firstThisYear"),
                merged.get("catchUp"),
                merged.get("catchUpDecay"),
                merged.get("beyondTarget"),
                merged.get("disadvantaged"),
                merged.get("send"),
                merged.get("eal"),
                merged.get("workplaceDue"));
    }
}

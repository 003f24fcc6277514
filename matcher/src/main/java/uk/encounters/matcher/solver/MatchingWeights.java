package uk.encounters.matcher.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * What each soft rule is worth, set per hub by its coordinator and carried in the problem. A weight
 * of zero switches a rule off. Units: a pupil's next encounter is worth what the pupil-value rule
 * says in hundredths (the first this year 300, a catch-up 100, one beyond the target 50) before the
 * {@value #PUPILS_REACHED} weight, so with the defaults a pupil beyond target scores 100. The costs
 * are sized so that reaching pupils outweighs them: a 10 km trip costs 100, an employer asked in
 * each of the last four rounds 400, the same employer again for a cohort 200, less than a small
 * group of pupils beyond target is worth. They choose between plans that reach pupils alike and
 * never leave supply unused that could reach them, unless a coordinator weights them up. (With
 * costs five to ten times these, the simulation's solver left a tenth of the sessions first come,
 * first served filled unmatched once most pupils had their first encounter of the year.)
 * Hard rules are not weights: they always hold.
 */
@ConstraintConfiguration(constraintPackage = MatchingWeights.PACKAGE)
public class MatchingWeights {

    static final String PACKAGE = "uk.encounters.matcher";

    public static final String PUPILS_REACHED = "Pupils reached";
    public static final String COLD_SPOT = "Pupils reached in a cold-spot school";
    public static final String YEAR_GROUP_WITH_NOTHING = "Year group with nothing this year reached";
    public static final String STEM_FOR_COHORT_WITH_NONE = "STEM for a cohort with none";
    public static final String WORKPLACE_EXPERIENCE = "Workplace experience for Years 10-13 without one";
    public static final String WORKPLACE_EXPERIENCE_DUE = "Workplace experience due by the end of this year";
    public static final String NEW_SECTOR = "Workplace experience in a sector new to the year group";
    public static final String HOURS_TARGET = "Placement for pupils short of the hours target";
    public static final String PAPERWORK_HOLDS = "Placement host's paperwork holds";
    public static final String PREFERRED_SECTOR = "Preferred sector";
    public static final String PREFERRED_EMPLOYER = "Preferred employer";
    public static final String LINKED_EMPLOYER = "The school's linked employer";
    public static final String WELL_RATED_EMPLOYER = "Prefer well-rated employers";
    public static final String TRAVEL = "Travel distance";
    public static final String SAME_EMPLOYER_AGAIN = "Same employer again for the same cohort";
    public static final String EMPLOYER_FATIGUE = "Employer fatigue";
    public static final String CHANGED_PUBLISHED_BOOKING = "Change to a published booking";

    /** The defaults, in the order a coordinator's settings page lists them. */
    public static final Map<String, Long> DEFAULTS = defaults();

    /** Every rule's weight by name, defaults filled in; the annotated fields below are what OptaPlanner reads. */
    private Map<String, Long> byName;

    @ConstraintWeight(PUPILS_REACHED)
    private HardSoftLongScore pupilsReached;

    @ConstraintWeight(COLD_SPOT)
    private HardSoftLongScore coldSpot;

    @ConstraintWeight(YEAR_GROUP_WITH_NOTHING)
    private HardSoftLongScore yearGroupWithNothing;

    @ConstraintWeight(STEM_FOR_COHORT_WITH_NONE)
    private HardSoftLongScore stemForCohortWithNone;

    @ConstraintWeight(WORKPLACE_EXPERIENCE)
    private HardSoftLongScore workplaceExperience;

    @ConstraintWeight(WORKPLACE_EXPERIENCE_DUE)
    private HardSoftLongScore workplaceExperienceDue;

    @ConstraintWeight(NEW_SECTOR)
    private HardSoftLongScore newSector;

    @ConstraintWeight(HOURS_TARGET)
    private HardSoftLongScore hoursTarget;

    @ConstraintWeight(PAPERWORK_HOLDS)
    private HardSoftLongScore paperworkHolds;

    @ConstraintWeight(PREFERRED_SECTOR)
    private HardSoftLongScore preferredSector;

    @ConstraintWeight(PREFERRED_EMPLOYER)
    private HardSoftLongScore preferredEmployer;

    @ConstraintWeight(LINKED_EMPLOYER)
    private HardSoftLongScore linkedEmployer;

    @ConstraintWeight(WELL_RATED_EMPLOYER)
    private HardSoftLongScore wellRatedEmployer;

    @ConstraintWeight(TRAVEL)
    private HardSoftLongScore travel;

    @ConstraintWeight(SAME_EMPLOYER_AGAIN)
    private HardSoftLongScore sameEmployerAgain;

    @ConstraintWeight(EMPLOYER_FATIGUE)
    private HardSoftLongScore employerFatigue;

    @ConstraintWeight(CHANGED_PUBLISHED_BOOKING)
    private HardSoftLongScore changedPublishedBooking;

    MatchingWeights() {
        this(DEFAULTS);
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put(PUPILS_REACHED, 2L);
        weights.put(COLD_SPOT, 1L);
        weights.put(YEAR_GROUP_WITH_NOTHING, 100L);
        weights.put(STEM_FOR_COHORT_WITH_NONE, 50L);
        weights.put(WORKPLACE_EXPERIENCE, 100L);
        weights.put(WORKPLACE_EXPERIENCE_DUE, 400L);
        weights.put(NEW_SECTOR, 100L);
        weights.put(HOURS_TARGET, 100L);
        weights.put(PAPERWORK_HOLDS, 200L);
        weights.put(PREFERRED_SECTOR, 1_000L);
        weights.put(PREFERRED_EMPLOYER, 2_000L);
        weights.put(LINKED_EMPLOYER, 1_000L);
        // off unless the coordinator sets it: a rating says how one school found one session
        weights.put(WELL_RATED_EMPLOYER, 0L);
        weights.put(TRAVEL, 1L);
        weights.put(SAME_EMPLOYER_AGAIN, 200L);
        weights.put(EMPLOYER_FATIGUE, 100L);
        weights.put(CHANGED_PUBLISHED_BOOKING, 50_000L);
        return Collections.unmodifiableMap(weights);
    }

    /**
     * Weights by rule name; rules left out keep their default.
     *
     * @throws IllegalArgumentException for an unknown rule or a negative weight
     */
    public MatchingWeights(Map<String, Long> weights) {
        weights.forEach((name, weight) -> {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown matching rule: " + name);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("A weight cannot be negative: " + name);
            }
        });
        Map<String, Long> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(weights);
        byName = Collections.unmodifiableMap(merged);
        pupilsReached = soft(PUPILS_REACHED);
        coldSpot = soft(COLD_SPOT);
        yearGroupWithNothing = soft(YEAR_GROUP_WITH_NOTHING);
        stemForCohortWithNone = soft(STEM_FOR_COHORT_WITH_NONE);
        workplaceExperience = soft(WORKPLACE_EXPERIENCE);
        workplaceExperienceDue = soft(WORKPLACE_EXPERIENCE_DUE);
        newSector = soft(NEW_SECTOR);
        hoursTarget = soft(HOURS_TARGET);
        paperworkHolds = soft(PAPERWORK_HOLDS);
        preferredSector = soft(PREFERRED_SECTOR);
        preferredEmployer = soft(PREFERRED_EMPLOYER);
        linkedEmployer = soft(LINKED_EMPLOYER);
        wellRatedEmployer = soft(WELL_RATED_EMPLOYER);
        travel = soft(TRAVEL);
        sameEmployerAgain = soft(SAME_EMPLOYER_AGAIN);
        employerFatigue = soft(EMPLOYER_FATIGUE);
        changedPublishedBooking = soft(CHANGED_PUBLISHED_BOOKING);
    }

    public static MatchingWeights defaultWeights() {
        return new MatchingWeights(Map.of());
    }

    private HardSoftLongScore soft(String name) {
        return HardSoftLongScore.ofSoft(byName.get(name));
    }

    public long of(String name) {
        Long weight = byName.get(name);
        if (weight == null) {
            throw new IllegalArgumentException("Unknown matching rule: " + name);
        }
        return weight;
    }
}

package uk.encounters.benchmark.instance;

/**
 * The size of an instance and what its demand was calibrated to.
 *
 * @param supplySessions the most sessions the offers could give in the horizon ({@link Supply})
 * @param pupilPlacesAsked pupil places over all sessions asked for
 * @param weeklyNeed       pupil-encounters a week the schools need for one per pupil per school year
 *                         (pupils / 38 school weeks), times the horizon's weeks
 */
public record InstanceFigures(
        int hubs,
        int schools,
        int cohorts,
        int requests,
        int sessions,
        int pinned,
        int slots,
        long candidatePairs,
        long supplySessions,
        long pupilPlacesAsked,
        long weeklyNeed) {

    public String describe() {
        return String.format(
                "%d hub%s, %d schools, %d cohorts, %d requests, %d sessions (%d pinned), %d slots, "
                        + "%d candidate pairs; sessions asked %d vs at most %d the offers could give (%.1fx); "
                        + "pupil places asked %d vs %d needed for one encounter per pupil per year",
                hubs,
                hubs == 1 ? "" : "s",
                schools,
                cohorts,
                requests,
                sessions,
                pinned,
                slots,
                candidatePairs,
                sessions,
                supplySessions,
                supplySessions == 0 ? 0.0 : (double) sessions / supplySessions,
                pupilPlacesAsked,
                weeklyNeed);
    }
}

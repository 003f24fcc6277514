package uk.encounters.demo.simulation;

import java.util.List;

/**
 * How the hub's schools and its coordinator hold events in a simulated year, stated plainly as
 * {@link Behaviour} is. DOMAIN.md: a school's own careers fair or mock-interview day is how most
 * schools reach a whole year group at once; the seeds' hub events are citywide (Norwich ran two
 * employer events a year for over 1,200 students from its 15 schools, and its head teachers kept
 * "two annual citywide careers events"; West Somerset's digital fair had 60 exhibitors).
 *
 * @param ownEventShare     chance a school holds an event of its own this year
 * @param mockInterviewShare of those, the chance it is a mock-interview day rather than a careers fair
 * @param fewestStalls      the stalls (or interviewers) a school's own event wants, from this ...
 * @param mostStalls        ... to this
 * @param firstWeek         the earliest school week (0 is the first) an event is held in
 * @param lastWeek          the latest
 * @param weeksAhead        school weeks between posting an event and holding it
 * @param hubEvents         the hub's citywide careers fairs a year, spread over the weeks above
 * @param hubCapacity       the pupils a hub fair's venue takes
 * @param hubStalls         the stalls a hub fair wants
 * @param hubSignUpShare    chance a school signs a year group up to a hub fair
 */
public record EventHabits(
        double ownEventShare,
        double mockInterviewShare,
        int fewestStalls,
        int mostStalls,
        int firstWeek,
        int lastWeek,
        int weeksAhead,
        int hubEvents,
        int hubCapacity,
        int hubStalls,
        double hubSignUpShare) {

    /**
     * Four schools in five hold one event a year, three in ten of those a mock-interview day, with 6
     * to 10 employers; between mid-October and mid-May (school weeks 6 to 31 of 39: not while
     * a year settles in, nor in the exam season), posted eight school weeks ahead. The hub runs two
     * citywide fairs a year, as Norwich did, of 20 stalls for 600 pupils (Norwich's 1,200 over two),
     * to which three schools in five sign a year group up: a quarter to a half of it.
     */
    public static final EventHabits DEFAULTS = new EventHabits(0.8, 0.3, 6, 10, 5, 30, 8, 2, 600, 20, 0.6);

    public EventHabits {
        for (double share : new double[] {ownEventShare, mockInterviewShare, hubSignUpShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("Shares are between 0 and 1");
            }
        }
        if (fewestStalls < 1 || mostStalls < fewestStalls || hubStalls < 1) {
            throw new IllegalArgumentException("An event wants at least one stall");
        }
        if (firstWeek < 0 || lastWeek < firstWeek || weeksAhead < 0 || hubEvents < 0 || hubCapacity < 1) {
            throw new IllegalArgumentException("Event weeks run forwards; a hub holds no fewer than no events");
        }
    }

    /** The parameters as printed with the figures. */
    public List<String> describe() {
        return List.of(
                String.format(
                        "%.0f%% of schools hold one event of their own for a year group (%.0f%% of them a"
                                + " mock-interview day, the rest a careers fair) of %d-%d stalls, posted %d school"
                                + " weeks ahead",
                        100 * ownEventShare, 100 * mockInterviewShare, fewestStalls, mostStalls, weeksAhead),
                String.format(
                        "the hub holds %d citywide careers fair%s of %d stalls for %d pupils; %.0f%% of schools"
                                + " sign a quarter to a half of a year group up",
                        hubEvents, hubEvents == 1 ? "" : "s", hubStalls, hubCapacity, 100 * hubSignUpShare),
                String.format(
                        "events are held in school weeks %d to %d; one with no stall filled (or no employer come)"
                                + " does not happen",
                        firstWeek + 1, lastWeek + 1));
    }
}

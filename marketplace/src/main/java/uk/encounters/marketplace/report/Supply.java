package uk.encounters.marketplace.report;

/**
 * The year's demand against what was found: sessions schools asked for (requests starting that
 * year, not cancelled) and how many of them a booking holds or held.
 *
 * @param unfilled sessions asked for that no booking holds: the supply gap
 */
public record Supply(int requested, int held, int unfilled) {

    public int percentHeld() {
        return requested == 0 ? 0 : Math.round(100f * held / requested);
    }
}

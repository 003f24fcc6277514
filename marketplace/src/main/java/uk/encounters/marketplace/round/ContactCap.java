package uk.encounters.marketplace.round;

import uk.encounters.matcher.domain.Employer;

/**
 * How much one round may ask of an employer. A round asks each employer once, in one digest,
 * for at most a few sessions by size: a micro firm one, a small firm two, a medium one four, a
 * large one six. Cornerstones have committed capacity and no cap. An employer asked as often this
 * month as it allows (its contact preference; 0 means "do not ask") is not asked at all, and one
 * that let schools down lately (no-shows, late cancellations) is asked for one session at most.
 */
public final class ContactCap {

    /** Let-downs in the last twelve weeks that limit an employer to one session a round. */
    public static final int UNRELIABLE_AFTER = 2;

    private ContactCap() {}

    public static int sessionsPerAsk(String sizeBand) {
        return switch (sizeBand) {
            case "micro" -> 1;
            case "small" -> 2;
            case "medium" -> 4;
            case "large" -> 6;
            default -> throw new IllegalArgumentException("Unknown size band " + sizeBand);
        };
    }

    /**
     * @param asksThisMonth rounds in the last four weeks that asked this employer for something
     * @param letDowns      no-shows and late cancellations in the last twelve weeks
     */
    public static int forRound(
            String sizeBand, boolean cornerstone, int maxAsksPerMonth, int asksThisMonth, int letDowns) {
        if (maxAsksPerMonth == 0 || asksThisMonth >= maxAsksPerMonth) {
            return 0;
        }
        if (letDowns >= UNRELIABLE_AFTER) {
            return 1;
        }
        return cornerstone ? Employer.NO_CAP : sessionsPerAsk(sizeBand);
    }
}

package uk.encounters.marketplace.report;

/**
 * Employers' part in the year: who gave sessions, and how often the hub's published rounds asked.
 * An ask is one round asking one employer for anything, as the cap on asks counts them.
 *
 * @param employersEngaged employers that gave at least one session
 * @param sessionsGiven    sessions given: delivered, or confirmed and past
 * @param employersAsked   employers the hub's rounds asked (0 for one school's report)
 * @param asks             asks in all
 */
public record Engagement(int employersEngaged, int sessionsGiven, int employersAsked, int asks) {

    /** Asks per employer asked, in tenths (15 is 1.5). */
    public String asksPerEmployer() {
        if (employersAsked == 0) {
            return "0";
        }
        int tenths = Math.round(10f * asks / employersAsked);
        return tenths / 10 + "." + tenths % 10;
    }
}

package uk.encounters.marketplace.employer;

import java.time.LocalDate;

/**
 * An organisation as one Careers Hub works with it.
 *
 * @param maxAsksPerMonth the most times this hub may ask it in a month
 */
public record HubPresence(long hubId, String hubName, boolean cornerstone, int maxAsksPerMonth, LocalDate joinedOn) {}

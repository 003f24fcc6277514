package uk.encounters.matcher.domain;

/** How a session meets an offer, and how far someone travels for it (zero online). */
public record Reach(DeliveryMode mode, double km) {}

package uk.encounters.matcher.domain;

/**
 * The pupils of one cohort a matched session meets: all of them for a talk, a share of each
 * attending cohort for an event's stall. Made afresh from the session whenever the score asks, so it
 * always refers to the session being solved, never to a copy of it.
 *
 * @param pupils  the pupils the session counts for in value: a stall's share of the attendance
 * @param present the cohort's pupils the occasion takes at its time: an event's whole attendance
 */
public record PupilsMet(Session session, Cohort cohort, int pupils, int present) {}

package uk.encounters.matcher.domain;

/** How a request's sessions belong together. */
public enum Arrangement {
    /** Separate sessions, each for the request's pupils: talks, visits, one placement per place. */
    SESSIONS,
    /**
     * The stalls of one event at one date and time (a careers fair, a mock-interview day, a
     * carousel, a panel): the same pupils move between them, so each stall meets a share of them
     * and together they take the year group's time once.
     */
    EVENT,
    /** A mentoring series: one mentor for every session, so the pupils build a relationship. */
    SERIES
}

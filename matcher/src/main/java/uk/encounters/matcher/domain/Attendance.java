package uk.encounters.matcher.domain;

/** The pupils of one cohort who attend an event: its own year group, or a school signed up to a hub event. */
public record Attendance(Cohort cohort, int pupils) {}

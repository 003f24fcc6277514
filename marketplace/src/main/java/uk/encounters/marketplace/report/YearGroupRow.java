package uk.encounters.marketplace.report;

/** One year group's figures in a year. */
public record YearGroupRow(int yearGroup, Breakdown figures) {}

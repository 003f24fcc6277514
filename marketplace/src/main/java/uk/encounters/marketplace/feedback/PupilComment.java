package uk.encounters.marketplace.feedback;

/** A pupil's own words about a booking, by the id of their answer. */
public record PupilComment(long id, String comment) {}

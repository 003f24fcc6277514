package uk.encounters.marketplace.feedback;

/**
 * One pupil's answers to the three questions after an encounter (the Gatsby meaning of a meaningful
 * one), and their own words if they gave any ({@code ""} when not).
 */
public record PupilFeedback(
        PupilAnswer learntWhatWorkIsLike, PupilAnswer learntWhatItTakes, PupilAnswer wouldConsider, String comment) {}

package uk.encounters.matcher.domain;

/**
 * Pupil places in a cohort that are worth the same: {@code value} is what each place is worth,
 * in hundredths of a point, as the marketplace's pupil-value rule gives it for a pupil's next
 * encounter (or, for a second place in the same round, the encounter after). A pupil can stand in
 * several bands, one for each of their next encounters.
 */
public record PupilBand(int places, long value) {

    public PupilBand {
        if (places < 0 || value < 0) {
            throw new IllegalArgumentException("A band needs places >= 0 and value >= 0");
        }
    }
}

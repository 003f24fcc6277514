package uk.encounters.matcher.domain;

/**
 * Pupils of a cohort who would gain the same from their next encounter: {@code priority} is what
 * one encounter is worth to each (their gap to target, raised for disadvantage and SEND), as the
 * marketplace's pupil progress rules compute it. Zero for pupils who already have this year's.
 */
public record PupilBand(int pupils, double priority) {

    public PupilBand {
        if (pupils < 0 || priority < 0) {
            throw new IllegalArgumentException("A band needs pupils >= 0 and priority >= 0");
        }
    }
}

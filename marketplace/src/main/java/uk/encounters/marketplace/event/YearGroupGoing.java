package uk.encounters.marketplace.event;

/** A year group going to an event, and how many of its pupils. */
public record YearGroupGoing(int yearGroup, int pupils) {

    public YearGroupGoing {
        if (yearGroup < 7 || yearGroup > 13 || pupils < 1) {
            throw new IllegalArgumentException("Year 7 to 13, at least one pupil");
        }
    }
}

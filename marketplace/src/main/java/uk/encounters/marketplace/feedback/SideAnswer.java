package uk.encounters.marketplace.feedback;

/** One side's answer about a booking: how it went (1 to 5) and what would make the next one better. */
public record SideAnswer(int rating, String comment) {

    /** The rating in the words the form offered. */
    public String ratingLabel() {
        return Rating.label(rating);
    }

    /** A rating of 1 or 2: the coordinator looks at it. */
    public boolean low() {
        return rating <= 2;
    }
}

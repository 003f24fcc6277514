package uk.encounters.marketplace.employer;

/** An organisation already on the marketplace that a new offer turns out to come from, and why we think so. */
public record ExistingEmployer(long employerId, String name, Reason reason) {

    public enum Reason {
        /** the person's email is on the organisation's own domain */
        SAME_EMAIL_DOMAIN,
        /** the same name, once legal suffixes and punctuation are set aside, at the same postcode */
        SAME_NAME_AND_POSTCODE,
        /** a near-identical name in the same postcode district */
        SIMILAR_NAME_NEARBY
    }
}

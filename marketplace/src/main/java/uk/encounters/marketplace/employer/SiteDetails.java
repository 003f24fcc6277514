package uk.encounters.marketplace.employer;

/**
 * Where pupils go for a workplace visit: the site's address, whom the school asks for, and how to
 * get in. Text the employer has not given is empty.
 */
public record SiteDetails(String address, String contactName, String contactPhone, String arrivalInstructions) {

    public SiteDetails {
        address = address == null ? "" : address;
        contactName = contactName == null ? "" : contactName;
        contactPhone = contactPhone == null ? "" : contactPhone;
        arrivalInstructions = arrivalInstructions == null ? "" : arrivalInstructions;
    }
}

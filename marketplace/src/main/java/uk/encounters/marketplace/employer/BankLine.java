package uk.encounters.marketplace.employer;

import java.time.LocalDate;

/**
 * One checked line of an employer bank file (an agency's or a chamber's contact list): an
 * organisation, its contact, and one of its volunteers when the line names one. Text fields are
 * "" when the line leaves them empty.
 *
 * @param postcode                 in its usual form ("DE24 8BY")
 * @param safeguardingCheckedUntil null when the volunteer has no check, or there is no volunteer
 * @param agency                   the agency or chamber the contact came from, as typed
 */
public record BankLine(
        int line,
        String organisation,
        String postcode,
        String sector,
        String sizeBand,
        String contactName,
        String contactEmail,
        String volunteerName,
        String volunteerEmail,
        LocalDate safeguardingCheckedUntil,
        String agency) {

    /** Lines with the same key are one organisation: the same normalised name at the same postcode. */
    public String organisationKey() {
        return key(OrganisationName.normalise(organisation), postcode);
    }

    static String key(String normalisedName, String postcode) {
        return normalisedName + "|" + postcode;
    }

    public boolean hasVolunteer() {
        return !volunteerEmail.isEmpty();
    }

    public boolean hasContact() {
        return !contactEmail.isEmpty();
    }
}

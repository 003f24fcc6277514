package uk.encounters.marketplace.offer;

import java.time.LocalDate;

/**
 * An offer through the public form: who the person and their organisation are, and what they
 * offer. Built by the web form once every field is valid.
 *
 * @param safeguardingCheckedUntil when the person's DBS or equivalent check needs renewing; null
 *                                 when they hold none
 */
public record OfferSubmission(
        long hubId,
        String organisation,
        String contactName,
        String email,
        String postcode,
        String sizeBand,
        OfferDetails offer,
        LocalDate safeguardingCheckedUntil) {

    /** The organisation's sector is the one it offers in. */
    public String sector() {
        return offer.sector();
    }
}

package uk.encounters.marketplace.account;

/**
 * Who made a change, as the audit log records it: the person signed in (null for someone acting
 * through an emailed link or a public form) and the address the request came from.
 */
public record Actor(Long userId, String ipAddress) {

    /** Someone not signed in: a public form, or a link whose secret stands for them. */
    public static Actor anonymous(String ipAddress) {
        return new Actor(null, ipAddress);
    }
}

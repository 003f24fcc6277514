package uk.encounters.marketplace.account;

import java.time.Instant;

/**
 * A freshly issued login token: the raw value goes into one email link and nowhere else (the
 * database keeps only its hash), so never log or store it.
 */
public record IssuedToken(long userId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}

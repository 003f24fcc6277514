package uk.encounters.web.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Message-ID header of an outbox message, derived from its idempotency key: a message sent
 * again after a crash (sent, but not yet marked sent) carries the same id, so mail systems and
 * people can recognise the duplicate. Hashed because a key may hold characters a Message-ID may not,
 * and so the header does not reveal what the key says.
 */
public record MessageId(String value) {

    /** @param host the app's host name (its BASE_URL's), so the id is unique in the world and says whose it is */
    public static MessageId forKey(String idempotencyKey, String host) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return new MessageId("<" + HexFormat.of().formatHex(hash, 0, 20) + "@"
                    + (host == null || host.isBlank() ? "localhost" : host) + ">");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package uk.encounters.web.school;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.web.WebConfig;

/**
 * The key pupils' references are made with. A reference must stay the same for as long as the
 * school imports, or a later import adds every pupil again: so never a random key per process as
 * for forms. PUPIL_REFERENCE_KEY when set; else one derived from SESSION_SECRET (the demo's kept
 * one included); else a built-in one, which keeps references stable but not secret. Both
 * fallbacks are logged.
 */
public final class PupilReferenceKey {

    private static final Logger log = LoggerFactory.getLogger(PupilReferenceKey.class);

    private PupilReferenceKey() {}

    public static PupilReferences of(WebConfig config) {
        if (config.pupilReferenceKey().isPresent()) {
            return new PupilReferences(derived(config.pupilReferenceKey().get()));
        }
        if (config.sessionSecret().isPresent()) {
            log.warn("PUPIL_REFERENCE_KEY is not set: pupil references from UPNs use a key derived from"
                    + " SESSION_SECRET, so changing that secret would change every reference; set PUPIL_REFERENCE_KEY");
            return new PupilReferences(
                    derived("session secret\n" + config.sessionSecret().get()));
        }
        log.warn("PUPIL_REFERENCE_KEY and SESSION_SECRET are not set: pupil references from UPNs use a built-in"
                + " key, so anyone with the code could test a UPN against them; set PUPIL_REFERENCE_KEY");
        return new PupilReferences(derived("built in"));
    }

    /** 32 bytes whatever the text's length, and labelled so no other use of the same secret gives this key. */
    private static byte[] derived(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("encounters pupil references\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

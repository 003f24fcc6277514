package uk.encounters.web.school;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.InstallationSecret;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.web.WebConfig;

/**
 * The key pupils' references are made with. A reference must stay the same for as long as the
 * school imports, or a later import adds every pupil again: so never a random key per process as
 * for forms. PUPIL_REFERENCE_KEY when set, kept apart from the database; else a key the installation
 * made once and keeps in its database (logged, since a copy of the database then holds the key
 * beside the references it made).
 */
public final class PupilReferenceKey {

    private static final Logger log = LoggerFactory.getLogger(PupilReferenceKey.class);

    private PupilReferenceKey() {}

    public static PupilReferences of(WebConfig config, DSLContext dsl) {
        if (config.pupilReferenceKey().isPresent()) {
            return new PupilReferences(derived(config.pupilReferenceKey().get()));
        }
        log.warn("PUPIL_REFERENCE_KEY is not set: pupil references from UPNs use a key this installation made and"
                + " keeps in its database, so a copy of the database holds both; set PUPIL_REFERENCE_KEY to keep"
                + " them apart");
        return new PupilReferences(InstallationSecret.named(dsl, "pupil_reference_key"));
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

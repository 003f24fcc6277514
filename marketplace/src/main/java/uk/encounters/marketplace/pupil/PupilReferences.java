package uk.encounters.marketplace.pupil;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A school's private reference for a pupil, made from the UPN or admission number its
 * information system exports: a keyed hash (HMAC-SHA256) of the school and the number, so the
 * same pupil gets the same reference at every import, whichever system exported them, while the
 * number itself is never stored and cannot be read back from the reference without the key.
 */
public final class PupilReferences {

    /** RFC 4648 base32: upper-case letters and digits 2 to 7, no 0/O or 1/I to misread. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SecretKeySpec key;

    public PupilReferences(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("A pupil reference key needs 16 bytes or more");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** "U-" and 16 characters: 80 bits of the hash, plenty for a school's roll, short enough to read out. */
    public String of(long schoolId, Upn upn) {
        return "U-" + hash(schoolId, upn.value());
    }

    /**
     * "A-" and 16 characters, for a school whose export has no UPNs. Leading zeros are dropped
     * (SIMS pads admission numbers to six digits, other systems do not) so the systems agree.
     */
    public String ofAdmissionNumber(long schoolId, String admissionNumber) {
        String number = admissionNumber.strip().toUpperCase(Locale.ROOT);
        if (number.matches("\\d+")) {
            number = number.replaceFirst("^0+(?=\\d)", "");
        }
        return "A-" + hash(schoolId, number);
    }

    private String hash(long schoolId, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // the school's id first, so one pupil's reference differs from school to school
            byte[] digest = mac.doFinal((schoolId + ":" + number).getBytes(StandardCharsets.UTF_8));
            return base32(Arrays.copyOf(digest, 10));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** 10 bytes are 80 bits: exactly 16 characters of 5 bits, no padding. */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}

package uk.encounters.marketplace.employer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UK postcodes as people type them ("de248by", "DE24  8BY"), written one way, and their
 * district (the outward code, "DE24"), which is what "nearby" means without a geocoder.
 */
public final class PostcodeDistrict {

    // outward code: area letters, district digit, optional digit or letter; inward: digit, two letters
    private static final Pattern SHAPE = Pattern.compile("^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$");
    private static final Pattern OUTWARD = Pattern.compile("^[A-Z]{1,2}[0-9][0-9A-Z]?$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    private PostcodeDistrict() {}

    /** The postcode in its usual form, or empty when it is not shaped like a UK postcode. */
    public static Optional<String> normalisePostcode(String typed) {
        var match = SHAPE.matcher(compact(typed));
        return match.matches() ? Optional.of(match.group(1) + " " + match.group(2)) : Optional.empty();
    }

    /**
     * The district of a whole postcode or of its first half as typed ("de23 6aa", "DE23"); empty
     * when it is neither.
     */
    public static Optional<String> typedDistrict(String typed) {
        String compact = compact(typed);
        var match = SHAPE.matcher(compact);
        if (match.matches()) {
            return Optional.of(match.group(1));
        }
        return OUTWARD.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * "DE24" for "DE24 8BY"; a postcode with no inward part is taken to be a district already. Only
     * letters and digits are kept, so a district is safe inside a LIKE pattern ("DE24 %").
     */
    public static String of(String postcode) {
        var match = SHAPE.matcher(compact(postcode));
        if (match.matches()) {
            return match.group(1);
        }
        int space = postcode.strip().indexOf(' ');
        String outward = space < 0 ? postcode.strip() : postcode.strip().substring(0, space);
        return NOT_ALPHANUMERIC.matcher(outward.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** Without spaces, in capitals: "de24 8by" is "DE248BY". */
    private static String compact(String postcode) {
        return SPACES.matcher(postcode).replaceAll("").toUpperCase(Locale.ROOT);
    }
}

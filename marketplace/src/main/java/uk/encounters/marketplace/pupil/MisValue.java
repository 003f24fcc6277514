package uk.encounters.marketplace.pupil;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A pupil's SEN status or first language as a school's information system writes it (SIMS, Arbor,
 * Bromcom, and Wonde, which reads them all), read alike whichever way the school's roll came in,
 * so a pupil is SEND or EAL here exactly when the school's own system says so.
 */
public final class MisValue {

    private static final Set<String> NO_SEN = Set.of("", "n", "none", "no", "no special educational need");
    /** K (SEN support) and E (an EHC plan), and the older S (a statement), in codes and words. */
    private static final Set<String> SEN = Set.of(
            "k",
            "sen support",
            "e",
            "ehc plan",
            "ehcp",
            "education health and care plan",
            "s",
            "statement",
            "y",
            "yes");
    /** DfE first-language codes and words that mean English, that nothing is known, or an EAL status of no. */
    private static final Set<String> NOT_EAL = Set.of(
            "",
            "eng",
            "enb",
            "english",
            "english assumed",
            "believed to be english",
            "not",
            "not eal",
            "no",
            "n",
            "false",
            "information not obtained",
            "not obtained",
            "ref",
            "refused");

    private MisValue() {}

    /** Whether the SEN status means SEND; empty when it is no status we know. */
    public static Optional<Boolean> send(String senStatus) {
        String words = words(senStatus);
        if (SEN.contains(words)) {
            return Optional.of(true);
        }
        return NO_SEN.contains(words) ? Optional.of(false) : Optional.empty();
    }

    /** Whether a first language (or an EAL status) means English as an additional language: any other language does. */
    public static boolean eal(String firstLanguageOrStatus) {
        return !NOT_EAL.contains(words(firstLanguageOrStatus));
    }

    /** Lower case, punctuation as spaces: "English (assumed)" reads as "english assumed". */
    public static String words(String value) {
        return value == null
                ? ""
                : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}

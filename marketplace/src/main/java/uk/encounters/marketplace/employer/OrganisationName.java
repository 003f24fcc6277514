package uk.encounters.marketplace.employer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The key that tells one organisation from another however it is typed: "ACME Engineering
 * Limited", "Acme Engineering Ltd." and "acme engineering" are one organisation.
 */
public final class OrganisationName {

    private static final Set<String> LEGAL_WORDS =
            Set.of("ltd", "limited", "plc", "llp", "cic", "co", "company", "inc", "group", "uk");

    private OrganisationName() {}

    /** Lower case, accents and punctuation gone, '&' read as 'and', legal and filler words dropped. */
    public static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replace("'", "")
                .replaceAll("[^a-z0-9 ]", " ");
        List<String> words = new ArrayList<>(List.of(plain.trim().split("\\s+")));
        // "Acme Group Ltd" loses both trailing words, but a name is never emptied
        while (words.size() > 1 && LEGAL_WORDS.contains(words.getLast())) {
            words.removeLast();
        }
        if (words.size() > 1 && words.getFirst().equals("the")) {
            words.removeFirst();
        }
        return String.join(" ", words);
    }

    /**
     * Whether two normalised names are near enough to be one organisation typed twice: equal, or
     * a typo or two apart in a name long enough for that not to be chance.
     */
    public static boolean nearlyEqual(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        int allowed = shorter >= 16 ? 2 : shorter >= 8 ? 1 : 0;
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && editDistance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, giving up once it passes {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

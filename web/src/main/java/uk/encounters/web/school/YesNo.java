package uk.encounters.web.school;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A yes-or-no cell as spreadsheets and school systems write it: Yes, Y, True, T, 1 or x; blank is no. */
final class YesNo {

    private static final Set<String> YES = Set.of("yes", "y", "true", "t", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "f", "0", "");

    private YesNo() {}

    /** Empty when the cell is neither, for the row's report to say so. */
    static Optional<Boolean> parse(String cell) {
        String value = cell.strip().toLowerCase(Locale.ROOT);
        return YES.contains(value) ? Optional.of(true) : NO.contains(value) ? Optional.of(false) : Optional.empty();
    }
}

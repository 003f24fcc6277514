package uk.encounters.web.form;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.matcher.domain.EncounterType;

/** The options a select shows (templates/partials/select.hbs reads value, label and selected), with the chosen one marked. */
public final class SelectOptions {

    /** "7" to "13", the values a year-group field accepts. */
    public static final List<String> YEAR_GROUPS = IntStream.rangeClosed(
                    EncounterTarget.FIRST_YEAR_GROUP, EncounterTarget.LAST_YEAR_GROUP)
            .mapToObj(String::valueOf)
            .toList();

    /** One option of a select: what is sent, what is shown, and whether it is the one chosen. */
    public record Option(String value, String label, boolean selected) {}

    /** An organisation's size band, as stored, with how many people work there. */
    public static final Map<String, String> SIZE_BANDS = sizeBands();

    private static Map<String, String> sizeBands() {
        Map<String, String> bands = new java.util.LinkedHashMap<>();
        bands.put("micro", "1 to 9 people");
        bands.put("small", "10 to 49");
        bands.put("medium", "50 to 249");
        bands.put("large", "250 or more");
        return java.util.Collections.unmodifiableMap(bands);
    }

    private SelectOptions() {}

    public static <T> List<Option> of(
            Collection<T> items, Function<T, String> value, Function<T, String> label, String selected) {
        return items.stream()
                .map(item -> new Option(
                        value.apply(item), label.apply(item), value.apply(item).equals(selected)))
                .toList();
    }

    /** In the map's order. */
    public static List<Option> of(Map<String, String> valueToLabel, String selected) {
        return of(valueToLabel.entrySet(), Map.Entry::getKey, Map.Entry::getValue, selected);
    }

    public static List<Option> encounterTypes(String selected) {
        return of(Arrays.asList(EncounterType.values()), EncounterType::code, EncounterType::label, selected);
    }

    public static List<Option> sectors(String selected) {
        return of(Sectors.ALL, s -> s, s -> s, selected);
    }

    public static List<Option> yearGroups(String selected) {
        return of(YEAR_GROUPS, y -> y, y -> "Year " + y, selected);
    }
}

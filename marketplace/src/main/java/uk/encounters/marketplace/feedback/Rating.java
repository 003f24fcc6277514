package uk.encounters.marketplace.feedback;

import java.util.List;

/** The answers to "how well did the session go?", best first, as both forms offer them. */
public enum Rating {
    VERY_WELL(5, "Very well"),
    WELL(4, "Well"),
    ALL_RIGHT(3, "All right"),
    NOT_VERY_WELL(2, "Not very well"),
    BADLY(1, "Badly");

    private final int value;
    private final String label;

    Rating(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** The values as a form posts them. */
    public static List<String> posted() {
        return java.util.Arrays.stream(values())
                .map(r -> String.valueOf(r.value))
                .toList();
    }

    public static String label(int value) {
        for (Rating r : values()) {
            if (r.value == value) {
                return r.label;
            }
        }
        throw new IllegalArgumentException("No rating " + value);
    }
}

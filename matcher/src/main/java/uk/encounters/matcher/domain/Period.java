package uk.encounters.matcher.domain;

import java.util.Arrays;

/** When in a school day an offer can be given or a session takes place. All day covers both halves. */
public enum Period {
    MORNING("morning", true, false),
    AFTERNOON("afternoon", false, true),
    ALL_DAY("all_day", true, true);

    private final String code;
    private final boolean morning;
    private final boolean afternoon;

    Period(String code, boolean morning, boolean afternoon) {
        this.code = code;
        this.morning = morning;
        this.afternoon = afternoon;
    }

    public static Period fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown period: " + code));
    }

    public String code() {
        return code;
    }

    public boolean includesMorning() {
        return morning;
    }

    public boolean includesAfternoon() {
        return afternoon;
    }

    /** Shares a half of the day with {@code other}: all day overlaps both. */
    public boolean overlaps(Period other) {
        return (morning && other.morning) || (afternoon && other.afternoon);
    }

    /** Fits a request that accepts mornings and/or afternoons: all day needs both. */
    public boolean fits(boolean mornings, boolean afternoons) {
        return (!morning || mornings) && (!afternoon || afternoons);
    }
}

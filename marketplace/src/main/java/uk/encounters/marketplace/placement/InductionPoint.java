package uk.encounters.marketplace.placement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The points of a pupil's first-day checklist, each confirmed by ticking it: what a pupil new to a
 * workplace needs to know before they go, from the host's declaration and the school's contact.
 */
public enum InductionPoint {
    FIRST_DAY("first_day", "I know where and when to arrive on the first day, and whom to ask for"),
    CONTACTS("contacts", "I know whom to contact at the workplace and at school"),
    ILL_OR_LATE(
            "ill_or_late", "I know what to do if I am ill or late: phone my supervisor and my school before I am due"),
    DRESS("dress", "I know what to wear and what to bring"),
    HAZARDS("hazards", "I have read what could harm me there and how I am kept safe");

    private final String code;
    private final String label;

    InductionPoint(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As stored in {@code placement_induction.confirmed} and posted by the form. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<InductionPoint> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}

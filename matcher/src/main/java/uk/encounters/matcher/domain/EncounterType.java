package uk.encounters.matcher.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of employer encounter (DOMAIN.md), with the Gatsby benchmark each counts towards.
 * The {@link #code()} is what the database stores.
 */
public enum EncounterType {
    CAREERS_TALK("careers_talk", "Careers talk", 5, false, false),
    CAREERS_FAIR("careers_fair", "Careers fair stall", 5, false, false),
    MOCK_INTERVIEWS("mock_interviews", "Mock interviews", 5, false, true),
    ENTERPRISE_CHALLENGE("enterprise_challenge", "Enterprise challenge", 5, false, false),
    MENTORING("mentoring", "Mentoring", 5, false, true),
    WORKPLACE_VISIT("workplace_visit", "Workplace visit", 6, true, false),
    WORK_SHADOWING("work_shadowing", "Work shadowing", 6, true, true),
    WORK_EXPERIENCE("work_experience", "Work experience placement", 6, true, true),
    ONLINE_INSIGHT("online_insight", "Online insight session", 5, false, false);

    private static final EncounterType[] VALUES = values();

    private final String code;
    private final String label;
    private final int benchmark;
    private final boolean workplaceExperience;
    private final boolean needsSafeguardingCheck;

    EncounterType(
            String code, String label, int benchmark, boolean workplaceExperience, boolean needsSafeguardingCheck) {
        this.code = code;
        this.label = label;
        this.benchmark = benchmark;
        this.workplaceExperience = workplaceExperience;
        this.needsSafeguardingCheck = needsSafeguardingCheck;
    }

    public static EncounterType fromCode(String code) {
        // a plain loop: pages map every row they read through here, thousands on a round review
        for (EncounterType type : VALUES) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown encounter type: " + code);
    }

    /**
     * A type as people write it in a spreadsheet, by code or by label, whatever the case, spacing or
     * punctuation: "mock_interviews", "Mock interviews", "MOCK-INTERVIEWS".
     */
    public static Optional<EncounterType> named(String text) {
        String key = key(text);
        return Arrays.stream(values())
                .filter(t -> key(t.code).equals(key) || key(t.label).equals(key))
                .findFirst();
    }

    private static String key(String text) {
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The Gatsby benchmark it counts for: 5 (encounters) or 6 (experiences of workplaces). */
    public int benchmark() {
        return benchmark;
    }

    /** Counts towards Benchmark 6: the pupil experiences a real workplace. */
    public boolean workplaceExperience() {
        return workplaceExperience;
    }

    /** A volunteer may be with pupils without a teacher present, so a DBS-style check is needed. */
    public boolean needsSafeguardingCheck() {
        return needsSafeguardingCheck;
    }
}

package uk.encounters.marketplace.placement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hazards HSE's guidance on work experience asks a host to think about for a young person, who
 * lacks the experience to see them: a risk assessment answered on the form covers each one.
 */
public enum Hazard {
    MACHINERY("machinery", "Machinery, tools and equipment", "Power tools, production machines, kitchen equipment"),
    VEHICLES("vehicles", "Vehicles and moving objects", "Forklifts, delivery vans, site traffic, conveyors"),
    WORK_AT_HEIGHT("work_at_height", "Work at height", "Ladders, platforms, scaffolding, roofs"),
    HAZARDOUS_SUBSTANCES(
            "hazardous_substances", "Hazardous substances", "Chemicals, cleaning products, dust, fumes, germs"),
    MANUAL_HANDLING("manual_handling", "Lifting and carrying", "Lifting, carrying, pushing or pulling loads"),
    NOISE_VIBRATION("noise_vibration", "Noise and vibration", "Loud machinery, vibrating tools"),
    TEMPERATURE("temperature", "Heat and cold", "Ovens, cold stores, outdoor work in bad weather"),
    LONE_WORKING("lone_working", "Working alone", "Any time the pupil would be out of sight of their supervisor");

    private final String code;
    private final String label;
    private final String examples;

    Hazard(String code, String label, String examples) {
        this.code = code;
        this.label = label;
        this.examples = examples;
    }

    /** The key it is stored under, and the part of its form fields' names. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String examples() {
        return examples;
    }

    public static Optional<Hazard> fromCode(String code) {
        return Arrays.stream(values()).filter(h -> h.code.equals(code)).findFirst();
    }
}

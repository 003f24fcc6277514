package uk.encounters.demo;

/** The employer.size_band vocabulary, which is ONS's employment size bands. */
public enum SizeBand {
    /** 0-9 staff. */
    MICRO("micro"),
    /** 10-49 staff. */
    SMALL("small"),
    /** 50-249 staff. */
    MEDIUM("medium"),
    /** 250 or more staff. */
    LARGE("large");

    private final String code;

    SizeBand(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

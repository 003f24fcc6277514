package uk.encounters.web.hub;

/**
 * Which fifth of the scale a share of pupils falls in: the shade of its cell in the dashboard's
 * year-group heat maps, darker for a larger share. The figure is always written in the cell too,
 * so the shade only helps the eye find the pale and dark patches among 24 schools.
 */
public enum ShareBand {
    UNDER_20("0–19%"),
    UNDER_40("20–39%"),
    UNDER_60("40–59%"),
    UNDER_80("60–79%"),
    AT_LEAST_80("80–100%");

    private final String label;

    ShareBand(String label) {
        this.label = label;
    }

    /** The band of a whole percentage, 0 to 100. */
    public static ShareBand of(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A share is 0 to 100%, not " + percent);
        }
        return values()[Math.min(percent / 20, AT_LEAST_80.ordinal())];
    }

    /** The range, as the legend names it: "40–59%". */
    public String label() {
        return label;
    }

    /** The class site.css shades: share-band-1 (palest) to share-band-5 (darkest). */
    public String cssClass() {
        return "share-band-" + (ordinal() + 1);
    }
}

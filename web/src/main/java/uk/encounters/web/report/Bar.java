package uk.encounters.web.report;

/**
 * One bar of a report's chart: a share drawn to scale beside its label and its figure in words,
 * so the chart reads the same to someone who cannot see it (the drawing itself is hidden from
 * screen readers).
 *
 * @param percent 0 to 100
 * @param figure  what the bar stands for, e.g. "62% (1,204 of 1,940 pupils)"
 */
public record Bar(String label, int percent, String figure) {

    /** Width of a full bar in the page's drawing, in pixels. */
    static final int FULL = 200;

    public Bar {
        percent = Math.clamp(percent, 0, 100);
    }

    public int width() {
        return FULL * percent / 100;
    }
}

package uk.encounters.web.print;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart: a caption, then one bar a line, its label on the left and its value written after the
 * bar in words the reader understands ("72%", "14 of 20"), so the chart reads without colour.
 */
public record PrintedBarChart(String caption, List<Bar> bars) implements PrintedBlock {

    public PrintedBarChart {
        Objects.requireNonNull(caption, "caption");
        bars = List.copyOf(bars);
    }

    /**
     * One bar, drawn as value / max of the full length (none when max is zero; never past full length).
     *
     * @param shown what is written after the bar, e.g. "72%"
     */
    public record Bar(String label, double value, double max, String shown) {

        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(shown, "shown");
        }

        /** A percentage: the bar's share of 100, written "72%". */
        public static Bar percent(String label, double percent) {
            return new Bar(label, percent, 100, Math.round(percent) + "%");
        }

        double share() {
            return max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
        }
    }
}

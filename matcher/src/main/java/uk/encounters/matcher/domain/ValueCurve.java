package uk.encounters.matcher.domain;

import java.util.List;

/**
 * A concave, piecewise-linear value of pupil places: segments of decreasing value per place.
 * The exact reference solver in the benchmark reads the same segments, so both score alike.
 */
public record ValueCurve(List<Segment> segments) {

    /** {@code places} pupil places each worth {@code valuePerPlace}. */
    public record Segment(int places, long valuePerPlace) {}

    public ValueCurve {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).valuePerPlace() > segments.get(i - 1).valuePerPlace()) {
                throw new IllegalArgumentException("A value curve must be concave: segments by falling value");
            }
        }
    }

    public long valueOf(int places) {
        long value = 0;
        int left = places;
        for (Segment segment : segments) {
            if (left <= 0) {
                break;
            }
            int taken = Math.min(left, segment.places());
            value += taken * segment.valuePerPlace();
            left -= taken;
        }
        return value;
    }
}

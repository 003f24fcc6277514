package uk.encounters.marketplace.pupil;

import java.util.Arrays;
import java.util.List;

/**
 * A hub's target of hours of workplace experience for each pupil by the end of Year 11: 50 unless
 * its coordinator sets another (1 to 200, migration V23's hub_workplace_hours_target_ck), two weeks
 * of five-hour days. Pupils' hours are told against it in four bands.
 */
public record WorkplaceHoursTarget(int hours) {

    public static final int MIN = 1;
    public static final int MAX = 200;
    public static final WorkplaceHoursTarget DEFAULT = new WorkplaceHoursTarget(50);

    public WorkplaceHoursTarget {
        if (hours < MIN || hours > MAX) {
            throw new IllegalArgumentException("A hub's target of hours is 1 to 200, not " + hours);
        }
    }

    /** Where a pupil's hours stand against the target. */
    public enum Band {
        NONE,
        UNDER_HALF,
        HALF,
        MET
    }

    public Band bandOf(Hours had) {
        if (had.isZero()) {
            return Band.NONE;
        }
        if (had.isLessThan(half())) {
            return Band.UNDER_HALF;
        }
        return had.isLessThan(asHours()) ? Band.HALF : Band.MET;
    }

    public Hours asHours() {
        return Hours.of(hours);
    }

    public Hours half() {
        return asHours().half();
    }

    /** "50 hours". */
    public String words() {
        return asHours().words();
    }

    /** The bands in words, in order: a table's columns. */
    public List<String> bandLabels() {
        return Arrays.stream(Band.values()).map(this::label).toList();
    }

    /** A band in words, for a pupil or a column: "None", "Under 25 hours", "25 hours up to 50", "50 hours or more". */
    public String label(Band band) {
        return switch (band) {
            case NONE -> "None";
            case UNDER_HALF -> "Under " + half().words();
            case HALF -> half().words() + " up to " + asHours().figure();
            case MET -> words() + " or more";
        };
    }
}

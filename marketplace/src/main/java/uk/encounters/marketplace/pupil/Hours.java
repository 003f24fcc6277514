package uk.encounters.marketplace.pupil;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hours of workplace experience, to a tenth of an hour as the database keeps them (encounter.hours,
 * numeric(5,1)), held in tenths so sums are exact.
 */
public record Hours(long tenths) implements Comparable<Hours> {

    public static final Hours ZERO = new Hours(0);

    /** As people type them: "5" or "2.5". */
    private static final Pattern TYPED = Pattern.compile("\\d{1,4}(\\.\\d)?");

    public Hours {
        if (tenths < 0) {
            throw new IllegalArgumentException("Hours cannot be negative: " + tenths + " tenths");
        }
    }

    public static Hours of(int whole) {
        return new Hours(whole * 10L);
    }

    /** From the database; null (not recorded) is none. */
    public static Hours of(BigDecimal hours) {
        return hours == null
                ? ZERO
                : new Hours(hours.movePointRight(1)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact());
    }

    /** A number of hours as typed, to a tenth of an hour; empty when it is not one. */
    public static Optional<Hours> parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        return TYPED.matcher(text).matches() ? Optional.of(of(new BigDecimal(text))) : Optional.empty();
    }

    public BigDecimal value() {
        return BigDecimal.valueOf(tenths, 1);
    }

    public Hours plus(Hours other) {
        return new Hours(tenths + other.tenths);
    }

    public Hours times(long factor) {
        return new Hours(tenths * factor);
    }

    /** Half of these hours, to the tenth below: "under half the target" is under this. */
    public Hours half() {
        return new Hours(tenths / 2);
    }

    public boolean isZero() {
        return tenths == 0;
    }

    public boolean isLessThan(Hours other) {
        return tenths < other.tenths;
    }

    @Override
    public int compareTo(Hours other) {
        return Long.compare(tenths, other.tenths);
    }

    /** "12" or "2.5": as a form shows it. */
    public String figure() {
        return tenths % 10 == 0
                ? String.valueOf(tenths / 10)
                : BigDecimal.valueOf(tenths, 1).toPlainString();
    }

    /** "1 hour", "12 hours", "2.5 hours". */
    public String words() {
        return figure() + (tenths == 10 ? " hour" : " hours");
    }

    @Override
    public String toString() {
        return words();
    }
}

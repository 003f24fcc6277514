package uk.encounters.marketplace.booking;

import java.util.EnumSet;
import java.util.Set;
import uk.encounters.marketplace.StoredStatus;

/**
 * Where a booking stands, stored in {@code booking.status} (jOOQ converts the column to this type, so
 * no status travels as a string). A booking is proposed by a round, published to both sides,
 * confirmed by the employer, and ends delivered, declined, cancelled or as a no-show.
 */
public enum BookingStatus implements StoredStatus {
    PROPOSED("proposed"),
    PUBLISHED("published"),
    CONFIRMED("confirmed"),
    DECLINED("declined"),
    DELIVERED("delivered"),
    CANCELLED("cancelled"),
    /** The employer did not come. */
    NO_SHOW("no_show", "employer did not come");

    /** Told to both sides and still on: a round never moves it, and either side may still answer. */
    public static final Set<BookingStatus> AGREED = EnumSet.of(PUBLISHED, CONFIRMED);

    /** Gives (or gave) a request one of its sessions. */
    public static final Set<BookingStatus> HELD = EnumSet.of(PUBLISHED, CONFIRMED, DELIVERED);

    private final String literal;
    private final String label;

    BookingStatus(String literal) {
        this(literal, null);
    }

    BookingStatus(String literal, String label) {
        this.literal = literal;
        this.label = label;
    }

    /** The word stored in the database. */
    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label != null ? label : StoredStatus.super.label();
    }

    @Override
    public String tagClass() {
        return switch (this) {
            case PUBLISHED -> "tag--blue";
            case CONFIRMED -> "tag--green";
            case NO_SHOW -> "tag--red";
            case PROPOSED, DECLINED, DELIVERED, CANCELLED -> "tag--grey";
        };
    }
}

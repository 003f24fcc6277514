package uk.encounters.matcher.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An offer at a date and period: what a session is matched to. A work-experience slot is a
 * placement week, from its Monday to its Friday. Slots are counted in half-days (morning,
 * afternoon) so that overlaps of all-day and half-day slots are plain interval overlaps.
 */
public final class OfferSlot {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final long id;
    private final Offer offer;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final Period period;
    private final int firstHalfDay;
    private final int endHalfDay;

    public OfferSlot(long id, Offer offer, LocalDate startsOn, LocalDate endsOn, Period period) {
        this.id = id;
        this.offer = offer;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.period = period;
        this.firstHalfDay = HalfDay.indexOf(startsOn, !period.includesMorning());
        this.endHalfDay = HalfDay.indexOf(endsOn, period.includesAfternoon()) + 1;
    }

    public boolean overlaps(OfferSlot other) {
        return firstHalfDay < other.endHalfDay && other.firstHalfDay < endHalfDay;
    }

    public long id() {
        return id;
    }

    public Offer offer() {
        return offer;
    }

    public Employer employer() {
        return offer.employer();
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    /** A placement week whose host's placement paperwork holds up to its last day. */
    public boolean hostPaperworkHolds() {
        return offer.placements() && offer.paperworkHoldsThrough(endsOn);
    }

    public Period period() {
        return period;
    }

    /** The first half-day it takes, as {@link HalfDay#index()} counts them. */
    public int firstHalfDay() {
        return firstHalfDay;
    }

    /** The half-day after its last. */
    public int endHalfDay() {
        return endHalfDay;
    }

    public String describe() {
        String when = period == Period.ALL_DAY ? "all day" : period.code();
        return startsOn.equals(endsOn) ? DAY.format(startsOn) + ", " + when : "week of " + DAY.format(startsOn);
    }

    @Override
    public String toString() {
        return offer + " " + describe();
    }
}

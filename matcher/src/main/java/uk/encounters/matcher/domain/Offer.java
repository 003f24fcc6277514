package uk.encounters.matcher.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an employer can give, and when.
 *
 * @param volunteer      who gives it, null when the employer has not named anyone yet
 * @param stem           science, technology, engineering or maths: counts for cohorts with none
 * @param places         work-experience places per placement week; ignored for other types
 * @param maxSessions    sessions (placement weeks for work experience) it can give in all
 * @param costPencePerSession zero unless it is a paid provider's
 * @param paperworkHoldsUntil the last day the host's placement paperwork (insurance, risk
 *     assessment) all holds, from its declaration in force; null when it has none in force
 * @param interactive online, the pupil does tasks and talks with staff (the Gatsby definition): only
 *     then does an online workplace experience count for Benchmark 6
 * @param sharedOnline   online, one session serves several schools' classes at once, up to
 *     {@code pupilsMax} pupils together (a virtual talk, a digital fair's stand)
 */
public record Offer(
        long id,
        Employer employer,
        Volunteer volunteer,
        EncounterType type,
        String title,
        String sector,
        boolean stem,
        int yearGroupMin,
        int yearGroupMax,
        Set<DeliveryMode> modes,
        int pupilsMin,
        int pupilsMax,
        int places,
        int maxSessions,
        double travelRadiusKm,
        long costPencePerSession,
        boolean sendAdaptable,
        LocalDate availableFrom,
        LocalDate availableUntil,
        List<Availability> availability,
        LocalDate paperworkHoldsUntil,
        boolean interactive,
        boolean sharedOnline) {

    public Offer {
        modes = Set.copyOf(modes);
        availability = List.copyOf(availability);
    }

    /** An offer whose online sessions serve one class at a time. */
    public Offer(
            long id,
            Employer employer,
            Volunteer volunteer,
            EncounterType type,
            String title,
            String sector,
            boolean stem,
            int yearGroupMin,
            int yearGroupMax,
            Set<DeliveryMode> modes,
            int pupilsMin,
            int pupilsMax,
            int places,
            int maxSessions,
            double travelRadiusKm,
            long costPencePerSession,
            boolean sendAdaptable,
            LocalDate availableFrom,
            LocalDate availableUntil,
            List<Availability> availability,
            LocalDate paperworkHoldsUntil,
            boolean interactive) {
        this(
                id,
                employer,
                volunteer,
                type,
                title,
                sector,
                stem,
                yearGroupMin,
                yearGroupMax,
                modes,
                pupilsMin,
                pupilsMax,
                places,
                maxSessions,
                travelRadiusKm,
                costPencePerSession,
                sendAdaptable,
                availableFrom,
                availableUntil,
                availability,
                paperworkHoldsUntil,
                interactive,
                false);
    }

    /** The same offer, its host's placement paperwork holding until {@code lastDay} (null: none in force). */
    public Offer withPaperworkHoldingUntil(LocalDate lastDay) {
        return copy(pupilsMax, availability, lastDay, sharedOnline);
    }

    /** The same offer, free at these times as well. */
    public Offer alsoAvailable(List<Availability> more) {
        List<Availability> all = new java.util.ArrayList<>(availability);
        all.addAll(more);
        return copy(pupilsMax, all, paperworkHoldsUntil, sharedOnline);
    }

    /** The same offer online, one session taking several schools' classes, up to {@code pupils} together. */
    public Offer sharedOnlineUpTo(int pupils) {
        return copy(
                Math.max(pupilsMax, pupils), availability, paperworkHoldsUntil, modes.contains(DeliveryMode.ONLINE));
    }

    private Offer copy(
            int pupilsMax, List<Availability> availability, LocalDate paperworkHoldsUntil, boolean sharedOnline) {
        return new Offer(
                id,
                employer,
                volunteer,
                type,
                title,
                sector,
                stem,
                yearGroupMin,
                yearGroupMax,
                modes,
                pupilsMin,
                pupilsMax,
                places,
                maxSessions,
                travelRadiusKm,
                costPencePerSession,
                sendAdaptable,
                availableFrom,
                availableUntil,
                availability,
                paperworkHoldsUntil,
                interactive,
                sharedOnline);
    }

    /** Whether the host's placement paperwork holds on every day up to {@code lastDay}. */
    public boolean paperworkHoldsThrough(LocalDate lastDay) {
        return paperworkHoldsUntil != null && !paperworkHoldsUntil.isBefore(lastDay);
    }

    public boolean placements() {
        return type == EncounterType.WORK_EXPERIENCE;
    }

    /** A volunteer (or, unnamed, the offer's own team) can be in one place at a time; placements host many. */
    public Object presenter() {
        return volunteer != null ? volunteer : this;
    }

    public boolean safeguardedOn(LocalDate day) {
        return volunteer != null && volunteer.checkedOn(day);
    }

    public boolean paid() {
        return costPencePerSession > 0;
    }

    @Override
    public String toString() {
        return title + " (" + employer.name() + ")";
    }

    /** Identity is the database id: cheap to hash when the solver groups by it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Offer that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

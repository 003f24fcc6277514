package uk.encounters.matcher.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a school asked for: {@code sessions} sessions of a type for {@code pupils} pupils of one
 * cohort each, in a window. For work experience {@code pupils} is the number of places, each
 * its own session.
 *
 * @param postedOrder      the order requests were posted in: first come, first served for the baseline
 * @param preferredSectors sectors the school would like, empty for any
 * @param preferredEmployerId an employer the school has worked with and asks for, or null
 * @param needsSend        pupils need adapted activities: only offers that can adapt will do
 * @param arrangement      how its sessions belong together: separate, an event's stalls, a series
 * @param audience         who attends an event (its year groups, or the schools signed up to a hub
 *                         event) and how many of each; for other requests its own cohort and pupils
 * @param venue            where an event meets in person when not at the cohort's school (a hub's
 *                         venue), or null
 */
public record Request(
        long id,
        Cohort cohort,
        EncounterType type,
        int pupils,
        int sessions,
        LocalDate windowStart,
        LocalDate windowEnd,
        boolean mornings,
        boolean afternoons,
        Set<DeliveryMode> modes,
        Set<String> preferredSectors,
        Long preferredEmployerId,
        boolean needsSend,
        long postedOrder,
        Arrangement arrangement,
        List<Attendance> audience,
        Location venue) {

    public Request {
        modes = Set.copyOf(modes);
        preferredSectors = Set.copyOf(preferredSectors);
        audience = audience.isEmpty() ? List.of(new Attendance(cohort, pupils)) : List.copyOf(audience);
        if (arrangement == Arrangement.EVENT && type == EncounterType.WORK_EXPERIENCE) {
            throw new IllegalArgumentException("Placements are not an event's stalls");
        }
    }

    /** Separate sessions for the request's own cohort. */
    public Request(
            long id,
            Cohort cohort,
            EncounterType type,
            int pupils,
            int sessions,
            LocalDate windowStart,
            LocalDate windowEnd,
            boolean mornings,
            boolean afternoons,
            Set<DeliveryMode> modes,
            Set<String> preferredSectors,
            Long preferredEmployerId,
            boolean needsSend,
            long postedOrder) {
        this(
                id,
                cohort,
                type,
                pupils,
                sessions,
                windowStart,
                windowEnd,
                mornings,
                afternoons,
                modes,
                preferredSectors,
                preferredEmployerId,
                needsSend,
                postedOrder,
                Arrangement.SESSIONS,
                List.of(),
                null);
    }

    public boolean event() {
        return arrangement == Arrangement.EVENT;
    }

    /**
     * Whether an offer of {@code offered} can meet it: its own type, and for a careers fair's stall
     * also a careers talk (an employer who comes in to talk to a class can take a stall, the pupils
     * coming to it; careers-fair offers alone were too few on any fair's day to fill one).
     */
    public boolean metBy(EncounterType offered) {
        return offered == type || (talksTakeStalls() && offered == EncounterType.CAREERS_TALK);
    }

    /** The types of offer that can meet it, as {@link #metBy} says. */
    public List<EncounterType> offerTypes() {
        return talksTakeStalls() ? List.of(type, EncounterType.CAREERS_TALK) : List.of(type);
    }

    private boolean talksTakeStalls() {
        return event() && type == EncounterType.CAREERS_FAIR;
    }

    public boolean series() {
        return arrangement == Arrangement.SERIES;
    }

    /** Where it meets in person: the event's venue, else the cohort's school; null when unknown. */
    public Location place() {
        return venue != null ? venue : cohort.school().location();
    }

    /** Whether every cohort attending is of a year group between these two. */
    public boolean yearGroupsWithin(int min, int max) {
        return audience.stream()
                .allMatch(a -> a.cohort().yearGroup() >= min && a.cohort().yearGroup() <= max);
    }

    /** Sessions to match: one per place for work experience. */
    public int sessionCount() {
        return type == EncounterType.WORK_EXPERIENCE ? pupils : sessions;
    }

    /** Pupils each session is for; an event's stall meets a share of its attendance, at most this. */
    public int pupilsPerSession() {
        if (type == EncounterType.WORK_EXPERIENCE) {
            return 1;
        }
        return event() ? (pupils + sessions - 1) / sessions : pupils;
    }

    /**
     * The share of {@code attending} pupils stall {@code number} of {@code stalls} meets: shares differ by
     * at most one and add up to them all.
     */
    static int share(int attending, int number, int stalls) {
        return attending * number / stalls - attending * (number - 1) / stalls;
    }

    public School school() {
        return cohort.school();
    }

    /**
     * How this request would meet an offer: in school when the volunteer will travel that far, at
     * the workplace when the school's pupils can, otherwise online if both can; null when none.
     */
    public Reach reach(Offer offer) {
        Location school = place();
        Location employer = offer.employer().location();
        double km = school == null || employer == null ? Double.NaN : school.kmTo(employer);
        for (DeliveryMode mode : DeliveryMode.values()) {
            if (!modes.contains(mode) || !offer.modes().contains(mode)) {
                continue;
            }
            if (mode == DeliveryMode.ONLINE) {
                return new Reach(mode, 0);
            }
            double limit = mode == DeliveryMode.IN_SCHOOL
                    ? offer.travelRadiusKm()
                    : cohort.school().travelLimitKm();
            if (km <= limit) {
                return new Reach(mode, km);
            }
        }
        return null;
    }

    public String describe() {
        if (event()) {
            return type.label() + " at an event, " + sessions + " wanted for " + pupils + " pupils: "
                    + String.join(
                            ", ",
                            audience.stream().map(a -> a.cohort().describe()).toList());
        }
        return type.label() + " for " + pupils + (type == EncounterType.WORK_EXPERIENCE ? " places" : " pupils") + ", "
                + cohort.describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Request that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return describe();
    }
}

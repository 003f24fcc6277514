package uk.encounters.matcher.domain;

import java.time.LocalDate;
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
        long postedOrder) {

    public Request {
        modes = Set.copyOf(modes);
        preferredSectors = Set.copyOf(preferredSectors);
    }

    /** Sessions to match: one per place for work experience. */
    public int sessionCount() {
        return type == EncounterType.WORK_EXPERIENCE ? pupils : sessions;
    }

    public int pupilsPerSession() {
        return type == EncounterType.WORK_EXPERIENCE ? 1 : pupils;
    }

    public School school() {
        return cohort.school();
    }

    /**
     * How this request would meet an offer: in school when the volunteer will travel that far, at
     * the workplace when the school's pupils can, otherwise online if both can; null when none.
     */
    public Reach reach(Offer offer) {
        Location school = cohort.school().location();
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

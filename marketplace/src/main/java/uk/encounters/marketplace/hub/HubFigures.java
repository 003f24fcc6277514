package uk.encounters.marketplace.hub;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The figures of a hub's dashboard, each read on its own: where its schools stand, how hard its
 * employers are asked, planned against delivered by week, and what to recruit (also as employers
 * are shown it).
 */
public final class HubFigures {

    private final DSLContext dsl;

    public HubFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Its schools' progress today, worst first. */
    public HubProgress progress(long hubId, LocalDate today) {
        return HubProgress.of(dsl, hubId, today);
    }

    /** Its employers, most asked lately first, at most {@code limit}. */
    public List<EmployerFatigue> employersMostAsked(long hubId, LocalDate today, int limit) {
        return EmployerFatigue.forHub(dsl, hubId, today, limit);
    }

    /** Each school week of the year so far and the next round's, planned against delivered. */
    public List<WeeklyDelivery> weeklyDelivery(long hubId, LocalDate today) {
        return WeeklyDelivery.forHub(dsl, hubId, today);
    }

    /** What to recruit: the sessions wanted that no offer can give. */
    public SupplyGaps supplyGaps(long hubId, LocalDate today) {
        return SupplyGaps.forHub(dsl, hubId, today);
    }

    /** What to recruit, placed by district, for employers to see what is needed near them. */
    public GapsNearby gapsNearby(long hubId, LocalDate today) {
        return GapsNearby.forHub(dsl, hubId, today);
    }
}

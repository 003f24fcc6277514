package uk.encounters.marketplace.privacy;

import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AuditLog;

/**
 * How many academic years a hub keeps its schools' pupils after the year they left, before the
 * nightly retention deletes them (LeaverDeletion). Set by the hub's coordinator.
 */
public final class LeaverRetention {

    public static final int DEFAULT_YEARS = 1;
    public static final int MOST_YEARS = 10;

    private final DSLContext dsl;

    public LeaverRetention(DSLContext dsl) {
        this.dsl = dsl;
    }

    public int yearsFor(long hubId) {
        Short years = dsl.select(HUB.PUPIL_RETENTION_YEARS)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchOne(HUB.PUPIL_RETENTION_YEARS);
        return years == null ? DEFAULT_YEARS : years;
    }

    public void save(long hubId, int years, long userId, String ipAddress) {
        if (years < DEFAULT_YEARS || years > MOST_YEARS) {
            throw new IllegalArgumentException("Pupils are kept 1 to 10 years after leaving, not " + years);
        }
        dsl.transaction(c -> {
            int before = new LeaverRetention(c.dsl()).yearsFor(hubId);
            c.dsl()
                    .update(HUB)
                    .set(HUB.PUPIL_RETENTION_YEARS, (short) years)
                    .where(HUB.ID.eq(hubId))
                    .execute();
            new AuditLog(c.dsl())
                    .record(
                            userId,
                            "hub.pupil_retention_years",
                            "hub",
                            hubId,
                            Map.of("from", before, "to", years),
                            ipAddress);
        });
    }
}

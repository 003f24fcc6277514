package uk.encounters.marketplace.pupil;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.WONDE_LINK;
import static uk.encounters.marketplace.jooq.Tables.WONDE_REFUSAL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Schools linked to Wonde: which Wonde school each is, who is pulling it now, and how its last
 * pull went. The token that reads Wonde belongs to the installation, not to a school.
 */
public final class WondeLinkRepository {

    /** A pull holds its school this long at most: time enough for thousands of pupils over a slow line. */
    public static final Duration CLAIM = Duration.ofMinutes(10);

    /** A row of the last pull left out, by Wonde's id for the pupil, and why. */
    public record Refusal(String wondeId, String reason) {}

    /**
     * A school's link and the last pull.
     *
     * @param attemptedAt the last attempt, whether it worked or not; null before the first
     * @param failure     why the last attempt changed nothing, or null when it worked
     * @param pulledAt    the last pull that worked; null before the first
     */
    public record WondeLink(
            String wondeSchoolId,
            OffsetDateTime attemptedAt,
            String failure,
            OffsetDateTime pulledAt,
            int added,
            int updated,
            int archived,
            int refused,
            List<Refusal> refusals) {

        public boolean failed() {
            return failure != null;
        }
    }

    private final DSLContext dsl;

    public WondeLinkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Links the school to a Wonde school, or to another one; the last pull's outcome stays until the next. */
    public void link(long schoolId, String wondeSchoolId) {
        dsl.insertInto(WONDE_LINK, WONDE_LINK.SCHOOL_ID, WONDE_LINK.WONDE_SCHOOL_ID)
                .values(schoolId, wondeSchoolId)
                .onConflict(WONDE_LINK.SCHOOL_ID)
                .doUpdate()
                .set(WONDE_LINK.WONDE_SCHOOL_ID, wondeSchoolId)
                .execute();
    }

    public Optional<WondeLink> find(long schoolId) {
        return dsl.select(
                        WONDE_LINK.WONDE_SCHOOL_ID,
                        WONDE_LINK.ATTEMPTED_AT,
                        WONDE_LINK.FAILURE,
                        WONDE_LINK.PULLED_AT,
                        WONDE_LINK.ADDED,
                        WONDE_LINK.UPDATED,
                        WONDE_LINK.ARCHIVED,
                        WONDE_LINK.REFUSED,
                        DSL.multiset(DSL.select(WONDE_REFUSAL.WONDE_ID, WONDE_REFUSAL.REASON)
                                        .from(WONDE_REFUSAL)
                                        .where(WONDE_REFUSAL.SCHOOL_ID.eq(WONDE_LINK.SCHOOL_ID))
                                        .orderBy(WONDE_REFUSAL.POSITION))
                                .convertFrom(r -> r.map(mapping(Refusal::new))))
                .from(WONDE_LINK)
                .where(WONDE_LINK.SCHOOL_ID.eq(schoolId))
                .fetchOptional(mapping(WondeLink::new));
    }

    /**
     * Takes the school for one pull, unless another pull holds it; the Wonde school id to pull, or
     * empty when it is not linked or is being pulled.
     *
     * @param attemptedBefore only a school not tried since then (the nightly pull); null for any
     */
    public Optional<String> claim(long schoolId, OffsetDateTime now, OffsetDateTime attemptedBefore) {
        var due = attemptedBefore == null
                ? DSL.noCondition()
                : WONDE_LINK.ATTEMPTED_AT.isNull().or(WONDE_LINK.ATTEMPTED_AT.lt(attemptedBefore));
        return dsl.update(WONDE_LINK)
                .set(WONDE_LINK.CLAIMED_UNTIL, now.plus(CLAIM))
                .where(WONDE_LINK.SCHOOL_ID.eq(schoolId))
                .and(WONDE_LINK.CLAIMED_UNTIL.isNull().or(WONDE_LINK.CLAIMED_UNTIL.lt(now)))
                .and(due)
                .returning(WONDE_LINK.WONDE_SCHOOL_ID)
                .fetchOptional(WONDE_LINK.WONDE_SCHOOL_ID);
    }

    /** The linked schools not tried since then, for the nightly pull. */
    public List<Long> dueSince(OffsetDateTime attemptedBefore) {
        return dsl.select(WONDE_LINK.SCHOOL_ID)
                .from(WONDE_LINK)
                .where(WONDE_LINK.ATTEMPTED_AT.isNull().or(WONDE_LINK.ATTEMPTED_AT.lt(attemptedBefore)))
                .orderBy(WONDE_LINK.SCHOOL_ID)
                .fetch(WONDE_LINK.SCHOOL_ID);
    }

    /** An attempt that changed nothing, and why; the last pull that worked is still shown. */
    public void recordFailure(long schoolId, OffsetDateTime now, String failure) {
        dsl.update(WONDE_LINK)
                .set(WONDE_LINK.ATTEMPTED_AT, now)
                .set(WONDE_LINK.FAILURE, failure.length() > 300 ? failure.substring(0, 300) : failure)
                .setNull(WONDE_LINK.CLAIMED_UNTIL)
                .where(WONDE_LINK.SCHOOL_ID.eq(schoolId))
                .execute();
    }

    /** A pull that worked, its claim let go; run it in the pull's transaction. */
    void recordPull(long schoolId, OffsetDateTime now, WondePull.Outcome outcome, List<Refusal> refusals) {
        dsl.update(WONDE_LINK)
                .set(WONDE_LINK.ATTEMPTED_AT, now)
                .setNull(WONDE_LINK.FAILURE)
                .set(WONDE_LINK.PULLED_AT, now)
                .set(WONDE_LINK.ADDED, outcome.added())
                .set(WONDE_LINK.UPDATED, outcome.updated())
                .set(WONDE_LINK.ARCHIVED, outcome.archived())
                .set(WONDE_LINK.REFUSED, refusals.size())
                .setNull(WONDE_LINK.CLAIMED_UNTIL)
                .where(WONDE_LINK.SCHOOL_ID.eq(schoolId))
                .execute();
        dsl.deleteFrom(WONDE_REFUSAL)
                .where(WONDE_REFUSAL.SCHOOL_ID.eq(schoolId))
                .execute();
        var insert = dsl.insertInto(
                WONDE_REFUSAL,
                WONDE_REFUSAL.SCHOOL_ID,
                WONDE_REFUSAL.POSITION,
                WONDE_REFUSAL.WONDE_ID,
                WONDE_REFUSAL.REASON);
        int shown = Math.min(refusals.size(), WondePull.REFUSALS_SHOWN);
        for (int i = 0; i < shown; i++) {
            Refusal refusal = refusals.get(i);
            insert = insert.values(schoolId, i + 1, refusal.wondeId(), refusal.reason());
        }
        if (shown > 0) {
            insert.execute();
        }
    }
}

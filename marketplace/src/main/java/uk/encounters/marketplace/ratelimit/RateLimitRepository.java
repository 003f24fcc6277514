package uk.encounters.marketplace.ratelimit;

import static org.jooq.impl.DSL.inline;
import static uk.encounters.marketplace.jooq.Tables.RATE_LIMIT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every app instance. One upsert
 * per attempt counts it and answers whether it is still within the limit.
 */
public final class RateLimitRepository {

    private final DSLContext dsl;
    private final Clock clock;

    public RateLimitRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Counts one attempt in {@code bucket}; true while the window holds at most {@code limit}. */
    public boolean allow(String bucket, int limit, Duration window) {
        long windowSeconds = window.toSeconds();
        long now = clock.instant().getEpochSecond();
        OffsetDateTime start =
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(now - now % windowSeconds), ZoneOffset.UTC);
        int hits = dsl.insertInto(RATE_LIMIT, RATE_LIMIT.BUCKET, RATE_LIMIT.WINDOW_START, RATE_LIMIT.HITS)
                .values(bucket.length() > 200 ? bucket.substring(0, 200) : bucket, start, 1)
                .onConflict(RATE_LIMIT.BUCKET, RATE_LIMIT.WINDOW_START)
                .doUpdate()
                .set(RATE_LIMIT.HITS, RATE_LIMIT.HITS.plus(inline(1)))
                .returning(RATE_LIMIT.HITS)
                .fetchOne(RATE_LIMIT.HITS);
        return hits <= limit;
    }

    /** Drops windows older than a day; run now and then. */
    public int deleteOld() {
        return dsl.deleteFrom(RATE_LIMIT)
                .where(RATE_LIMIT.WINDOW_START.lt(OffsetDateTime.now(clock).minus(Duration.ofDays(1))))
                .execute();
    }
}

package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.request.RequestStatus;

/** The matching_round rows of a hub: created, solved, progressed, stopped, published, discarded. */
public final class RoundRepository {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What matching_round.settings holds. */
    private record Settings(Map<String, Long> weights) {}

    private final DSLContext dsl;

    public RoundRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The round of the hub still open to change (draft, solving or proposed), if any. */
    public Optional<Round> findOpen(long hubId) {
        return select().where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.in(RoundStatus.DRAFT, RoundStatus.SOLVING, RoundStatus.PROPOSED))
                .orderBy(MATCHING_ROUND.ID.desc())
                .limit(1)
                .fetchOptional(this::round);
    }

    /** A round, only if it belongs to the hub: a coordinator never reaches another hub's round by its id. */
    public Optional<Round> find(long hubId, long roundId) {
        return select().where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.ID.eq(roundId))
                .fetchOptional(this::round);
    }

    /** The hub's latest rounds, newest first. */
    public List<Round> recent(long hubId, int limit) {
        return select().where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .orderBy(MATCHING_ROUND.ID.desc())
                .limit(limit)
                .fetch(this::round);
    }

    /**
     * Requests a decline reopened whose window has not passed: what a quick re-match plans
     * (everything else stays as published).
     */
    public Set<Long> reopenedByDeclines(long hubId, LocalDate today) {
        return Set.copyOf(dsl.selectDistinct(REQUEST.ID)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .join(BOOKING)
                .on(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(REQUEST.STATUS.eq(RequestStatus.OPEN))
                .and(REQUEST.WINDOW_END.ge(today))
                .and(BOOKING.STATUS.eq(BookingStatus.DECLINED))
                .fetch(REQUEST.ID));
    }

    public long create(long hubId, Horizon horizon, String kind, Long userId) {
        return dsl.insertInto(MATCHING_ROUND)
                .set(MATCHING_ROUND.HUB_ID, hubId)
                .set(MATCHING_ROUND.STATUS, RoundStatus.DRAFT)
                .set(MATCHING_ROUND.KIND, kind)
                .set(MATCHING_ROUND.HORIZON_START, horizon.start())
                .set(MATCHING_ROUND.HORIZON_END, horizon.end())
                .set(MATCHING_ROUND.RUN_BY_USER_ID, userId)
                .returning(MATCHING_ROUND.ID)
                .fetchOne()
                .getId();
    }

    /** Marks the round as solving from now, with these settings. */
    void startSolving(long roundId, Long userId, int timeLimitSeconds, Map<String, Long> weights) {
        dsl.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.STATUS, RoundStatus.SOLVING)
                .set(MATCHING_ROUND.RUN_BY_USER_ID, userId)
                .set(MATCHING_ROUND.TIME_LIMIT_SECONDS, timeLimitSeconds)
                .set(MATCHING_ROUND.SETTINGS, settings(weights))
                .set(MATCHING_ROUND.SOLVE_STARTED_AT, currentOffsetDateTime())
                .setNull(MATCHING_ROUND.SOLVE_FINISHED_AT)
                .setNull(MATCHING_ROUND.STOP_REQUESTED_AT)
                .setNull(MATCHING_ROUND.ERROR)
                .setNull(MATCHING_ROUND.SCORE)
                .setNull(MATCHING_ROUND.SESSIONS_MATCHED)
                .setNull(MATCHING_ROUND.PUPILS_COVERED)
                .setNull(MATCHING_ROUND.PROGRESS_AT)
                .where(MATCHING_ROUND.ID.eq(roundId))
                .execute();
    }

    void progress(long roundId, String score, int sessionsTotal, int sessionsMatched, long pupilsCovered) {
        dsl.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.SCORE, score)
                .set(MATCHING_ROUND.SESSIONS_TOTAL, sessionsTotal)
                .set(MATCHING_ROUND.SESSIONS_MATCHED, sessionsMatched)
                .set(MATCHING_ROUND.PUPILS_COVERED, (int) pupilsCovered)
                .set(MATCHING_ROUND.PROGRESS_AT, currentOffsetDateTime())
                .where(MATCHING_ROUND.ID.eq(roundId))
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING))
                .execute();
    }

    void finishSolving(long roundId) {
        dsl.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.STATUS, RoundStatus.PROPOSED)
                .set(MATCHING_ROUND.SOLVE_FINISHED_AT, currentOffsetDateTime())
                .where(MATCHING_ROUND.ID.eq(roundId))
                .execute();
    }

    /** The solve failed: the round goes back to what it was before (its earlier proposal stands). */
    void failSolving(long roundId, String error) {
        dsl.update(MATCHING_ROUND)
                .set(
                        MATCHING_ROUND.STATUS,
                        when(
                                        exists(selectOne().from(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))),
                                        inline(RoundStatus.PROPOSED))
                                .otherwise(inline(RoundStatus.DRAFT)))
                .set(MATCHING_ROUND.SOLVE_FINISHED_AT, currentOffsetDateTime())
                .set(MATCHING_ROUND.ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .where(MATCHING_ROUND.ID.eq(roundId))
                .execute();
    }

    /**
     * Rounds left "solving" by an instance that died: called with the hub's lock held, so nothing
     * is solving them. Their earlier proposal, if any, stands.
     */
    int recoverAbandoned(long hubId) {
        List<Long> abandoned = dsl.select(MATCHING_ROUND.ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING))
                .fetch(MATCHING_ROUND.ID);
        abandoned.forEach(id -> failSolving(id, "The solve was interrupted (the app stopped); run it again."));
        return abandoned.size();
    }

    /** Hubs with a round marked solving: being solved, or left so by an instance that died. */
    List<Long> hubsSolving() {
        return dsl.selectDistinct(MATCHING_ROUND.HUB_ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING))
                .fetch(MATCHING_ROUND.HUB_ID);
    }

    /** Asks whichever instance is solving the round to stop and keep its best plan so far. */
    public boolean requestStop(long hubId, long roundId) {
        return dsl.update(MATCHING_ROUND)
                        .set(MATCHING_ROUND.STOP_REQUESTED_AT, currentOffsetDateTime())
                        .where(MATCHING_ROUND.ID.eq(roundId))
                        .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                        .and(MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING))
                        .execute()
                == 1;
    }

    /**
     * Someone asked the solve to stop, or the round is no longer solving: its solve lost the hub's
     * lock and another instance recovered the round, so nothing this solve finds can be saved.
     */
    boolean solveShouldEnd(long roundId) {
        return dsl.fetchExists(
                MATCHING_ROUND,
                MATCHING_ROUND
                        .ID
                        .eq(roundId)
                        .and(MATCHING_ROUND
                                .STOP_REQUESTED_AT
                                .isNotNull()
                                .or(MATCHING_ROUND.STATUS.ne(RoundStatus.SOLVING))));
    }

    /** Sets the round aside unpublished; its proposed bookings go with it. */
    public boolean discard(long hubId, long roundId) {
        int changed = dsl.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.STATUS, RoundStatus.DISCARDED)
                .where(MATCHING_ROUND.ID.eq(roundId))
                .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.in(RoundStatus.DRAFT, RoundStatus.PROPOSED))
                .execute();
        if (changed == 1) {
            dsl.deleteFrom(BOOKING)
                    .where(BOOKING.ROUND_ID.eq(roundId))
                    .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                    .execute();
        }
        return changed == 1;
    }

    private static JSONB settings(Map<String, Long> weights) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(new Settings(weights)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Weights are names and numbers, always writable", e);
        }
    }

    private static Map<String, Long> weights(JSONB settings) {
        if (settings == null) {
            return Map.of();
        }
        try {
            Map<String, Long> weights =
                    JSON.readValue(settings.data(), Settings.class).weights();
            return weights == null ? Map.of() : weights;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A round's settings are not valid JSON: " + e.getMessage(), e);
        }
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return dsl.select(MATCHING_ROUND.asterisk(), currentOffsetDateTime().as("now"))
                .from(MATCHING_ROUND);
    }

    private Round round(Record r) {
        LocalDate start = r.get(MATCHING_ROUND.HORIZON_START);
        return new Round(
                r.get(MATCHING_ROUND.ID),
                r.get(MATCHING_ROUND.HUB_ID),
                r.get(MATCHING_ROUND.STATUS),
                r.get(MATCHING_ROUND.KIND),
                start,
                r.get(MATCHING_ROUND.HORIZON_END),
                r.get(MATCHING_ROUND.TIME_LIMIT_SECONDS),
                weights(r.get(MATCHING_ROUND.SETTINGS)),
                r.get(MATCHING_ROUND.SCORE),
                r.get(MATCHING_ROUND.SESSIONS_TOTAL),
                r.get(MATCHING_ROUND.SESSIONS_MATCHED),
                r.get(MATCHING_ROUND.PUPILS_COVERED),
                r.get(MATCHING_ROUND.SOLVE_STARTED_AT),
                r.get(MATCHING_ROUND.SOLVE_FINISHED_AT),
                r.get(MATCHING_ROUND.PROGRESS_AT),
                r.get(MATCHING_ROUND.PUBLISHED_AT),
                r.get(MATCHING_ROUND.STOP_REQUESTED_AT) != null,
                r.get(MATCHING_ROUND.ERROR),
                r.get("now", OffsetDateTime.class));
    }
}

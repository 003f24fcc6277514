package uk.encounters.marketplace.round;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A matching round as the coordinator sees it: its horizon, how it is (or was) solved, and the
 * figures of its latest best plan.
 *
 * @param weights the constraint weights it solves with, by rule name (empty: the defaults)
 */
public record Round(
        long id,
        long hubId,
        RoundStatus status,
        String kind,
        LocalDate horizonStart,
        LocalDate horizonEnd,
        int timeLimitSeconds,
        Map<String, Long> weights,
        String score,
        Integer sessionsTotal,
        Integer sessionsMatched,
        Integer pupilsCovered,
        OffsetDateTime solveStartedAt,
        OffsetDateTime solveFinishedAt,
        OffsetDateTime progressAt,
        OffsetDateTime publishedAt,
        boolean stopRequested,
        String error,
        OffsetDateTime now) {

    /** Still open to change: draft, solving or proposed (a hub has at most one such round). */
    public boolean open() {
        return RoundStatus.OPEN.contains(status);
    }

    public boolean solving() {
        return status == RoundStatus.SOLVING;
    }

    /** Time since the solve started, by the database's clock, to the finish or now. */
    public Duration elapsed() {
        if (solveStartedAt == null) {
            return Duration.ZERO;
        }
        OffsetDateTime end = solving() || solveFinishedAt == null ? now : solveFinishedAt;
        Duration elapsed = Duration.between(solveStartedAt, end);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}

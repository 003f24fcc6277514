package uk.encounters.marketplace.round;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.matcher.baseline.FirstComeFirstServed;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * A weekly round brokered first come, first served instead of solved: the same horizon, the
 * same problem from {@link RoundProblem}, planned by {@link FirstComeFirstServed} and saved as
 * the round's proposal by {@link Proposal}, so publishing it and everything after is exactly what
 * follows a solved round. The status quo the simulation measures the solver against.
 */
public final class FirstComeFirstServedRound {

    private final Database database;

    public FirstComeFirstServedRound(Database database) {
        this.database = database;
    }

    /** Plans the hub's next six school weeks from {@code today}; the round is left proposed, ready to publish. */
    public RoundSolver.Outcome run(long hubId, LocalDate today) {
        Optional<RoundLock> lock = RoundLock.tryAcquire(database, hubId);
        if (lock.isEmpty()) {
            throw new IllegalStateException("A matching round of hub " + hubId + " is being solved already");
        }
        try (RoundLock held = lock.get()) {
            SchoolCalendar calendar = new HubCalendarSettings(held.dsl()).calendarOf(hubId);
            Horizon fresh = RoundSolver.nextHorizon(calendar, today);
            Round round = RoundSolver.open(held.dsl(), hubId, fresh, null, RoundSolver.Options.weekly(1, Map.of()));
            MatchingProblem problem = new RoundProblem(database.dsl())
                    .load(
                            new RoundProblem.Scope(
                                    hubId,
                                    round.id(),
                                    Horizon.between(calendar, round.horizonStart(), round.horizonEnd()),
                                    today,
                                    null),
                            new MatchingWeights(Map.of()));
            return RoundSolver.propose(held.dsl(), round.id(), FirstComeFirstServed.plan(problem), false);
        }
    }
}

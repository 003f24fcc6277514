package uk.encounters.web.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.web.WebConfig;
import uk.encounters.web.WebServer;
import uk.encounters.web.account.Links;

/** {@code encounters match}: the coordinator's weekly round without the browser, for a scheduler. */
final class MatchCommand {

    /** Exit status when another solve of the hub holds its lock: try again later. */
    static final int BUSY = 3;

    private final WebConfig config;
    private final Clock clock;
    private final PrintStream out;

    MatchCommand(WebConfig config, Clock clock, PrintStream out) {
        this.config = config;
        this.clock = clock;
        this.out = out;
    }

    int run(CommandLine line) {
        long hubId = line.longOption("hub", -1);
        if (hubId < 0) {
            throw new IllegalArgumentException("match needs --hub with the hub's id (see /admin for the ids)");
        }
        long seconds = line.longOption("seconds", RoundSolver.DEFAULT_SECONDS);
        if (seconds < 1 || seconds > RoundSolver.MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be 1 to " + RoundSolver.MAX_SECONDS);
        }
        try (DatabaseConnection connection = DatabaseConnection.open(config, out);
                RoundSolver solver = new RoundSolver(connection.database(), clock)) {
            connection.database().migrate();
            var dsl = connection.database().dsl();
            String hub = new HubRepository(dsl)
                    .findById(hubId)
                    .map(HubRepository.Hub::name)
                    .orElseThrow(() -> new IllegalArgumentException("There is no hub " + hubId));
            // the weights the coordinator last chose for the hub's open round carry over
            Map<String, Long> weights =
                    new RoundRepository(dsl).findOpen(hubId).map(Round::weights).orElse(Map.of());
            RoundSolver.Start start = solver.start(hubId, null, RoundSolver.Options.weekly((int) seconds, weights));
            if (start instanceof RoundSolver.Busy) {
                System.err.println(
                        "encounters: a matching round of " + hub + " is being solved already; try again later.");
                return BUSY;
            }
            RoundSolver.Running running = (RoundSolver.Running) start;
            out.printf("Matching %s, round %d, for up to %d s...%n", hub, running.roundId(), seconds);
            RoundSolver.Outcome outcome = running.outcome().get();
            Round round =
                    new RoundRepository(dsl).find(hubId, running.roundId()).orElseThrow();
            out.printf("Horizon            %s to %s%n", round.horizonStart(), round.horizonEnd());
            out.printf("Sessions matched   %d of %d%n", outcome.matched(), outcome.sessions());
            out.printf("Pupil places       %d%n", outcome.pupilPlaces());
            out.printf("Employers asked    %d (one digest each)%n", outcome.employersAsked());
            out.printf("Score              %s%n", outcome.score());
            out.printf(
                    "Solved in          %s%s%n",
                    Main.seconds(round.elapsed()), outcome.stoppedEarly() ? " (stopped early)" : "");
            if (line.flag("publish")) {
                Publication.Published published = new Publication(
                                new Links(config.baseUrl()), WebServer.PRODUCT_NAME, clock)
                        .publish(dsl, hubId, running.roundId());
                out.printf(
                        "Published          %s: %d bookings, %d employer digests, %d school digests%s%n",
                        published.result().name().toLowerCase().replace('_', ' '),
                        published.bookings(),
                        published.employerDigests(),
                        published.schoolDigests(),
                        published.undeliverable() > 0
                                ? ", " + published.undeliverable() + " with nobody to send to"
                                : "");
            } else {
                out.println("Not published: rerun with --publish to publish it and queue the digests.");
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while matching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Matching failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}

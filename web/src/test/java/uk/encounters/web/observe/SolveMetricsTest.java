package uk.encounters.web.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;

/** A real one-second solve of a small hub, recorded as the app records every solve. */
class SolveMetricsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aSolveIsRecordedWithItsDurationResultScoreAndWhatItPlaced() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RoundHub hub = RoundHub.create(db.dsl(), "Solved hub");
        RoundSolver.Outcome outcome;
        try (RoundSolver solver = new RoundSolver(db.database(), RoundHub.CLOCK, new SolveMetrics(registry))) {
            RoundSolver.Start start = solver.start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of()));
            outcome = ((RoundSolver.Running) start).outcome().get(60, TimeUnit.SECONDS);
        }

        PrometheusScrape scrape = PrometheusScrape.parse("", registry.scrape());

        Map<String, String> weekly = Map.of("kind", "weekly");
        assertThat(scrape.value("encounters_round_solve_seconds_count", Map.of("kind", "weekly", "result", "feasible")))
                .isEqualTo(1);
        assertThat(scrape.value("encounters_round_solve_seconds_sum", weekly))
                .as("the 1 s limit and more")
                .isGreaterThan(1.0);
        assertThat(scrape.value("encounters_round_sessions_sum", weekly))
                .isEqualTo(outcome.sessions())
                .isEqualTo(4);
        assertThat(scrape.value("encounters_round_sessions_matched_sum", weekly))
                .isEqualTo(outcome.matched())
                .isPositive();
        assertThat(scrape.value("encounters_round_pupil_places_sum", weekly))
                .isEqualTo(outcome.pupilPlaces())
                .isPositive();
        Map<String, String> ofHub = Map.of("hub", String.valueOf(hub.id()));
        assertThat(scrape.value("encounters_round_last_hard_score", ofHub)).isZero();
        assertThat(scrape.value("encounters_round_last_soft_score", ofHub))
                .isEqualTo(Double.parseDouble(outcome.score().replaceAll(".*/(-?\\d+)soft", "$1")));
    }
}

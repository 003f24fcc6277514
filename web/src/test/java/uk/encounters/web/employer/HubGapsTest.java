package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.hub.GapsNearby;
import uk.encounters.marketplace.hub.HubFigures;
import uk.encounters.marketplace.hub.RecruitmentTarget;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Blocking;

/** A hub's gaps are read once and shown for five minutes, then read again. */
class HubGapsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void aHubsGapsAreReadAgainOnlyAfterFiveMinutes() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Cached hub");
        long school = data.school(hub, "Bemrose School", "DE23 6AA", 52.900, -1.490);
        data.openRequest(school, 8, "careers_talk", 2, null, false, DECEMBER);
        MovingClock clock =
                new MovingClock(LocalDate.of(2026, 11, 23).atTime(10, 0).toInstant(ZoneOffset.UTC));
        HubGaps gaps = new HubGaps(new HubFigures(db.dsl()), new Blocking(vertx), clock);
        assertThat(needed(gaps.of(hub))).containsExactly(2);

        data.openRequest(school, 12, "careers_talk", 3, null, false, DECEMBER);
        clock.move(HubGaps.FRESH_FOR.minusSeconds(1));
        assertThat(needed(gaps.of(hub))).as("the reading of a moment ago").containsExactly(2);

        clock.move(Duration.ofSeconds(1));
        assertThat(needed(gaps.of(hub))).containsExactly(3, 2);
    }

    private static List<Integer> needed(GapsNearby gaps) {
        return gaps.gaps().stream().map(RecruitmentTarget::needed).toList();
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test's clock keeps UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

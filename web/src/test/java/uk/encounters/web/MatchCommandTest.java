package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

/** {@code encounters match} on the Derby demo hub, as a scheduler would run it. */
class MatchCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void matchRunsTheHubsRoundHeadlessPrintsItsFiguresAndPublishesIt() {
        assertThat(run("seed", "--area", "derby", "--seed", "3")).isZero();
        long hub = db.dsl().select(HUB.ID).from(HUB).fetchSingle().value1();

        assertThat(run("match", "--hub", String.valueOf(hub), "--seconds", "3", "--publish")).isZero();

        assertThat(printed()).containsPattern("Sessions matched   (\\d+) of \\d+")
                .containsPattern("Employers asked    \\d+ \\(one digest each\\)")
                .containsPattern("Published          published: \\d+ bookings, \\d+ employer digests");
        int matched = Integer.parseInt(printed().replaceAll("(?s).*Sessions matched   (\\d+) of.*", "$1"));
        assertThat(matched).isPositive();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("round_digest_employer"))).isPositive();

        assertThat(run("match")).isEqualTo(1);
        assertThat(run("match", "--hub", "999999")).isEqualTo(1);
        assertThat(run("match", "--hub", String.valueOf(hub), "--seconds", "0")).isEqualTo(1);
    }

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.settings().jdbcUrl());
        if (db.settings().user() != null) env.put("DATABASE_USER", db.settings().user());
        if (db.settings().password() != null) env.put("DATABASE_PASSWORD", db.settings().password());
        Clock clock = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new Main(WebConfig.fromEnvironment(env), clock,
                new PrintStream(output, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}

package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

/** {@code encounters match} on the Derby demo hub, as a scheduler would run it. */
class MatchCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Operator operator = new Operator(db);

    @Test
    void matchRunsTheHubsRoundHeadlessPrintsItsFiguresAndPublishesIt() {
        assertThat(run("seed", "--area", "derby", "--seed", "3")).isZero();
        long hub = db.dsl().select(HUB.ID).from(HUB).fetchSingle().value1();

        assertThat(run("match", "--hub", String.valueOf(hub), "--seconds", "3", "--publish"))
                .isZero();

        assertThat(printed())
                .containsPattern("Sessions matched   (\\d+) of \\d+")
                .containsPattern("Employers asked    \\d+ \\(one digest each\\)")
                .containsPattern("Published          published: \\d+ bookings, \\d+ employer digests");
        int matched = Integer.parseInt(printed().replaceAll("(?s).*Sessions matched   (\\d+) of.*", "$1"));
        assertThat(matched).isPositive();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("round_digest_employer")))
                .isPositive();

        assertThat(run("match")).isEqualTo(1);
        assertThat(run("match", "--hub", "999999")).isEqualTo(1);
        assertThat(run("match", "--hub", String.valueOf(hub), "--seconds", "0")).isEqualTo(1);
    }

    private int run(String... args) {
        return operator.run(args);
    }

    private String printed() {
        return operator.printed();
    }
}

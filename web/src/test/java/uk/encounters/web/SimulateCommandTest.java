package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.demo.SharedData;
import uk.encounters.marketplace.testing.TestDatabase;

/** {@code encounters simulate}: two weeks of one-second rounds, compared, in scratch databases that go afterwards. */
class SimulateCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Operator operator = new Operator(db);

    @Test
    void simulatePlaysWeeksForBothBrokersPrintsTheComparisonAndDropsItsScratchDatabases() {
        String area = SharedData.locate().isPresent() ? "west-somerset" : "derby";

        assertThat(operator.run("simulate", "--area", area, "--seed", "2", "--weeks", "2", "--seconds", "1")).isZero();

        String printed = operator.printed();
        assertThat(printed).contains("Simulated 2 school weeks of")
                .containsPattern("Week  1, 2026-09-04: +\\d+ requests and +\\d+ offers posted; solver matched +\\d+ of +\\d+ sessions")
                .containsPattern("Week  2, 2026-09-11:")
                .containsPattern("Pupils on track for seven \\(Years 7-13\\) +\\d+\\.\\d% \\([\\d,]+ of [\\d,]+\\)")
                .containsPattern("Benchmark 5: an encounter this year +\\d+\\.\\d%")
                .containsPattern("Asks per employer per round: mean / max +1\\.00 / 1 ")
                .contains("employers decline 10% of published bookings")
                .contains("An ask: under the solver, one digest");
        Matcher names = Pattern.compile("scratch databases (\\S+) and (\\S+) \\(dropped").matcher(printed);
        assertThat(names.find()).isTrue();
        for (String name : new String[] {names.group(1), names.group(2)}) {
            assertThat(db.dsl().fetchExists(DSL.table("pg_database"), DSL.field("datname").eq(name)))
                    .as("scratch database %s is dropped", name).isFalse();
        }
        // the app's own database is left as it was
        assertThat(db.dsl().fetchExists(HUB)).isFalse();
    }

    @Test
    void simulateRefusesWeeksOutsideTheSchoolYearAndUnknownAreas() {
        assertThat(operator.run("simulate", "--weeks", "0")).isEqualTo(1);
        assertThat(operator.run("simulate", "--weeks", "60")).isEqualTo(1);
        assertThat(operator.run("simulate", "--area", "atlantis")).isEqualTo(1);
        assertThat(operator.run("simulate", "--seconds", "0")).isEqualTo(1);
        assertThat(operator.run("simulate", "--hub", "1")).isEqualTo(2);
    }
}

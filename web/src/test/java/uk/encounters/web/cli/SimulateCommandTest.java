package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.demo.SharedData;
import uk.encounters.marketplace.testing.TestDatabase;

/** {@code encounters simulate}: two weeks of one-second rounds, compared, in scratch databases that go afterwards. */
class SimulateCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Operator operator = new Operator(db);

    @Tag("slow")
    @Test
    void simulatePlaysWeeksForEveryArmPrintsTheComparisonWritesTheCsvAndDropsItsScratchDatabases(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws java.io.IOException {
        String area = SharedData.locate().isPresent() ? "west-somerset" : "derby";
        java.nio.file.Path csv = folder.resolve("simulation.csv");

        assertThat(operator.run(
                        "simulate",
                        "--area",
                        area,
                        "--seeds",
                        "2",
                        "--supply",
                        "1.0,1.5",
                        "--weeks",
                        "1",
                        "--seconds",
                        "1",
                        "--csv",
                        csv.toString()))
                .isZero();

        String printed = operator.printed();
        assertThat(printed)
                .containsPattern("Hub data: (the public data in .+|made from parameters)")
                .contains("Simulated 1 school week of")
                .contains("supply x1.00")
                .contains("supply x1.50")
                .containsPattern("Week  1, 2026-09-04: +\\d+ requests and +\\d+ offers drawn; product matched +\\d+ of"
                        + " +\\d+ sessions in +[\\d.]+ s; status-quo matched +\\d+ of +\\d+ sessions")
                .containsPattern("Benchmark 5: an encounter this year +\\d+\\.\\d% \\([\\d,]+ of [\\d,]+\\)")
                .containsPattern("Supply ceiling: places to pupils without one +\\d+\\.\\d%")
                .containsPattern("Asks per employer per round: mean / max +(1\\.00 / 1|0\\.00 / 0) ")
                .contains("employers decline 10% of published bookings")
                .contains("An ask: under the solver, one digest");
        var lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        assertThat(lines.getFirst()).startsWith("seed,supply,arm,bm5_pct,bm5_disadvantaged_pct,");
        assertThat(lines.subList(1, 7))
                .extracting(line -> line.split(",")[0] + "/" + line.split(",")[1] + "/" + line.split(",")[2])
                .containsExactly(
                        "2/1.00/product",
                        "2/1.00/status-quo",
                        "2/1.00/attribution",
                        "2/1.50/product",
                        "2/1.50/status-quo",
                        "2/1.50/attribution");
        Matcher names = Pattern.compile("scratch databases (\\S+), (\\S+), (\\S+) \\(dropped")
                .matcher(printed);
        assertThat(names.find()).isTrue();
        for (String name : new String[] {names.group(1), names.group(2), names.group(3)}) {
            assertThat(db.dsl()
                            .fetchExists(
                                    DSL.table("pg_database"),
                                    DSL.field("datname").eq(name)))
                    .as("scratch database %s is dropped", name)
                    .isFalse();
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
        assertThat(operator.run("simulate", "--supply", "0.5")).isEqualTo(1);
        assertThat(operator.run("simulate", "--supply", "more")).isEqualTo(1);
        assertThat(operator.run("simulate", "--seed", "1", "--seeds", "1,2")).isEqualTo(1);
        assertThat(operator.run("simulate", "--plan-share", "2")).isEqualTo(1);
        assertThat(operator.run("simulate", "--hub", "1")).isEqualTo(2);
        assertThat(operator.run("simulate", "--weights", "Travel distance=-1")).isEqualTo(1);
        assertThat(operator.run("simulate", "--weights", "Travel distance")).isEqualTo(1);
        assertThat(operator.run("simulate", "--weights", "Pupils reached=2;Travel=1"))
                .isEqualTo(1);
    }

    @Test
    void weightsAreReadAsACoordinatorWouldSetThemAndAnUnknownRuleIsNamed() {
        assertThat(SimulateCommand.weights(CommandLine.parse(List.of("simulate"))))
                .isEmpty();
        assertThat(SimulateCommand.weights(CommandLine.parse(List.of(
                        "simulate",
                        "--weights",
                        "Travel distance=0; Workplace experience due by the end of" + " this year = 200"))))
                .containsExactly(
                        Map.entry("Travel distance", 0L),
                        Map.entry("Workplace experience due by the end of this year", 200L));
        assertThatThrownBy(() -> SimulateCommand.weights(
                        CommandLine.parse(List.of("simulate", "--weights", "Travel distance=-1"))))
                .hasMessage("--weights needs a whole number, zero or more, after 'Travel distance='");
        assertThatThrownBy(() -> SimulateCommand.weights(
                        CommandLine.parse(List.of("simulate", "--weights", "Pupils reached=2;Travel=1"))))
                .hasMessageStartingWith("--weights takes \"Rule name=weight\" pairs separated by ';'; 'Travel' is"
                        + " not a rule. The rules: Pupils reached; ");
    }
}

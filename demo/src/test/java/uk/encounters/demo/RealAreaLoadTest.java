package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

/** Loading areas made from shared/data; skipped, with the reason, without it. */
class RealAreaLoadTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Optional<Path> sharedData() {
        Optional<Path> data = SharedData.locate();
        Assumptions.assumeTrue(
                data.isPresent(), "shared/data not found (set SHARED_DATA_DIR): real-data loads skipped");
        return data;
    }

    @Test
    void loadingDerbyWritesExactlyTheGeneratedRows() {
        Optional<Path> data = sharedData();
        RowCounts generated = DemoData.generate("derby", 42, TODAY, data).get(0).counts();

        LoadReport report = DemoData.load(db.database(), "derby", 42, TODAY, data);

        assertThat(report.rows()).isEqualTo(generated);
        assertThat(LoadedRows.ofHub(db.dsl(), "Derby Careers Hub")).isEqualTo(generated);
        assertThat(db.dsl()
                        .fetchExists(SCHOOL, SCHOOL.URN.eq(112956).and(SCHOOL.NAME.eq("Littleover Community School"))))
                .isTrue();
    }

    @Test
    void westSomersetLoadsBesideDerbyAsItsOwnHub() {
        Optional<Path> data = sharedData();

        LoadReport report = DemoData.load(db.database(), "west-somerset", 42, TODAY, data);

        assertThat(report.rows().schools()).isEqualTo(3);
        assertThat(LoadedRows.ofHub(db.dsl(), "West Somerset Careers Hub")).isEqualTo(report.rows());
    }
}

package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

/** A load that fails part-way leaves nothing of its hub behind. */
class HubLoaderRollbackTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aFailureWhileWritingTheLastTableLeavesNothingOfTheHub() {
        // encounters are written last, after every other table of the hub
        db.dsl().execute("""
                create function refuse_encounters() returns trigger language plpgsql as $$
                begin raise exception 'encounters refused by the test'; end $$""");
        db.dsl()
                .execute("create trigger refuse_encounters before insert on encounter "
                        + "for each statement execute function refuse_encounters()");
        try {
            assertThatThrownBy(() -> DemoData.load(db.database(), "derby", 1, TODAY, Optional.empty()))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("encounters refused by the test");
            assertThat(LoadedRows.all(db.dsl())).isEqualTo(RowCounts.NONE);
        } finally {
            db.dsl().execute("drop trigger refuse_encounters on encounter");
        }

        LoadReport retried = DemoData.load(db.database(), "derby", 1, TODAY, Optional.empty());
        assertThat(LoadedRows.all(db.dsl())).isEqualTo(retried.rows());
    }
}

package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class RolloverTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void onTheFirstOfSeptemberPupilsMoveUpAndYear13LeaversAreArchivedWithTheirHistory() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("Rollover hub"), "Rollover School");
        long year7 = data.pupil(school, 7);
        long year12 = data.pupil(school, 12);
        long year13 = data.pupil(school, 13);
        long movedAway = data.pupil(school, 9);
        data.archive(movedAway, LocalDate.of(2026, 2, 1));
        data.encounter(year13, LocalDate.of(2026, 3, 10), true);
        Rollover rollover = new Rollover(db.dsl());

        rollover.run(LocalDate.of(2026, 8, 31));
        assertThat(yearGroup(year7))
                .as("the first check takes the roll as it stands")
                .isEqualTo(7);

        Rollover.Result result = rollover.run(LocalDate.of(2026, 9, 1));

        assertThat(result.movedUp()).isGreaterThanOrEqualTo(2);
        assertThat(yearGroup(year7)).isEqualTo(8);
        assertThat(yearGroup(year12)).isEqualTo(13);
        assertThat(yearGroup(year13)).isEqualTo(13);
        assertThat(archivedOn(year13)).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(archivedOn(year12)).isNull();
        assertThat(yearGroup(movedAway))
                .as("a pupil who has left stays as they were")
                .isEqualTo(9);
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.PUPIL_ID.eq(year13)))
                .isEqualTo(1);

        rollover.run(LocalDate.of(2026, 9, 2));
        assertThat(yearGroup(year7)).as("once a year, however often it runs").isEqualTo(8);
    }

    @Test
    void aSchoolLeftForTwoYearsMovesUpTwice() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("Idle hub"), "Idle School");
        long pupil = data.pupil(school, 8);
        long leaver = data.pupil(school, 12);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.PUPILS_ROLLED_FOR, (short) 2024)
                .where(SCHOOL.ID.eq(school))
                .execute();

        new Rollover(db.dsl()).run(LocalDate.of(2026, 10, 1));

        assertThat(yearGroup(pupil)).isEqualTo(10);
        assertThat(archivedOn(leaver))
                .as("Year 13 in 2025/26, so left on 1 September 2026")
                .isEqualTo(LocalDate.of(2026, 9, 1));
    }

    private static int yearGroup(long pupil) {
        return db.dsl()
                .select(PUPIL.YEAR_GROUP)
                .from(PUPIL)
                .where(PUPIL.ID.eq(pupil))
                .fetchOne(0, Integer.class);
    }

    private static LocalDate archivedOn(long pupil) {
        return db.dsl()
                .select(PUPIL.ARCHIVED_ON)
                .from(PUPIL)
                .where(PUPIL.ID.eq(pupil))
                .fetchOne(0, LocalDate.class);
    }
}

package uk.encounters.marketplace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** A hub of three schools whose figures were worked out by hand, one of them a cold spot. */
class HubProgressTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static long hub;
    static long alvaston;
    static long bemrose;
    static long chellaston;

    @BeforeAll
    static void threeSchools() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Progress hub");
        long otherHub = data.hub("Another hub");
        // Alvaston, decile 5: three Year 8 pupils with nothing at all, each two behind (one disadvantaged)
        alvaston = school(data, hub, "Alvaston Academy", "DE24 8AA", 5);
        disadvantaged(data.pupil(alvaston, 8));
        data.pupil(alvaston, 8);
        data.pupil(alvaston, 8);
        // Bemrose, a cold spot: b1 (disadvantaged) has two before and one this year; b2 has none, three behind
        bemrose = school(data, hub, "Bemrose School", "de236aa", 1);
        long b1 = disadvantaged(data.pupil(bemrose, 9));
        data.encounter(b1, LocalDate.of(2025, 3, 1), true);
        data.encounter(b1, LocalDate.of(2026, 3, 1), true);
        data.encounter(b1, LocalDate.of(2026, 10, 1), true);
        data.pupil(bemrose, 9);
        // Chellaston, decile 8: c1 has four before and nothing this year, no workplace; c2 four before (one a
        // workplace visit, one talk missed) and one this year
        chellaston = school(data, hub, "Chellaston Academy", "DE73 5UB", 8);
        long c1 = data.pupil(chellaston, 11);
        long c2 = data.pupil(chellaston, 11);
        for (int year = 2023; year <= 2026; year++) {
            data.encounter(c1, LocalDate.of(year, 2, 1), true);
            data.encounter(c2, LocalDate.of(year, 2, 1), year != 2026);
        }
        encounter(c2, "workplace_visit", LocalDate.of(2026, 6, 1));
        data.encounter(c2, LocalDate.of(2026, 11, 2), true);
        // an archived pupil and another hub's school count nowhere
        data.archive(data.pupil(chellaston, 11), LocalDate.of(2026, 9, 1));
        data.pupil(school(data, otherHub, "Elsewhere School", "NG1 1AA", 1), 7);
        // a school without pupils is still listed, with nothing to count
        school(data, hub, "Derby Pride Academy", null, null);
    }

    @Test
    void schoolsAreRankedColdSpotsFirstThenByEncountersStillNeeded() {
        HubProgress progress = HubProgress.of(db.dsl(), hub, TODAY);

        assertThat(progress.schools())
                .extracting(SchoolProgress::name)
                .containsExactly("Bemrose School", "Alvaston Academy", "Chellaston Academy", "Derby Pride Academy");
        assertThat(progress.schools())
                .extracting(SchoolProgress::encountersBehind)
                .containsExactly(3, 6, 1, 0);
        SchoolProgress bemroseRow = progress.schools().getFirst();
        assertThat(bemroseRow.coldSpot()).isTrue();
        assertThat(bemroseRow.district()).isEqualTo("DE23");
        assertThat(bemroseRow.all()).isEqualTo(new Coverage(2, 1, 1, 0, 0));
        assertThat(bemroseRow.all().anyBenchmark6Due())
                .as("Year 9 only: not due, not 100%")
                .isFalse();
        assertThat(progress.schools().get(1).all().percentOnTrack()).isZero();
        assertThat(progress.schools().get(3).district()).isNull();
        assertThat(progress.encountersBehind()).isEqualTo(10);
    }

    @Test
    void benchmarksFiveAndSixPerSchoolAndYearGroupAreTheSchoolPagesFigures() {
        HubProgress progress = HubProgress.of(db.dsl(), hub, TODAY);

        List<YearGroupProgress> chellastonYears = progress.schools().get(2).years();
        assertThat(chellastonYears).hasSize(7);
        YearGroupProgress year11 = chellastonYears.get(4);
        assertThat(year11.yearGroup()).isEqualTo(11);
        assertThat(year11.pupils()).isEqualTo(2);
        assertThat(year11.percentBenchmark5()).isEqualTo(50);
        assertThat(year11.percentBenchmark6()).isEqualTo(50);
        assertThat(year11.percentOnTrack()).isEqualTo(50);
        YearGroupProgress bemroseYear9 = progress.schools().getFirst().years().get(2);
        assertThat(bemroseYear9.percentBenchmark5()).isEqualTo(50);
        assertThat(bemroseYear9.percentOnTrack()).isEqualTo(50);
        assertThat(progress.schools().getFirst().years().get(0).pupils()).isZero();
        assertThat(bemroseYear9.benchmark6Due()).isFalse();
        assertThat(year11.benchmark6Due()).isTrue();
    }

    @Test
    void disadvantagedPupilsAreSetAgainstTheRestHubWideAndPerSchool() {
        HubProgress progress = HubProgress.of(db.dsl(), hub, TODAY);

        // disadvantaged: a Year 8 pupil with nothing, and b1 on track with one this year
        assertThat(progress.disadvantaged()).isEqualTo(new Coverage(2, 1, 1, 0, 0));
        assertThat(progress.disadvantaged().percentOnTrack()).isEqualTo(50);
        // the rest: two Year 8 and b2 with nothing (Benchmark 6 not yet due), c1 short of it, c2 with everything:
        // Benchmark 6 is counted over c1 and c2 alone, not over pupils who meet it because nothing is due
        assertThat(progress.others()).isEqualTo(new Coverage(5, 1, 1, 2, 1));
        assertThat(progress.others().percentBenchmark6()).isEqualTo(50);
        assertThat(progress.all().pupils()).isEqualTo(7);
        SchoolProgress alvastonRow = progress.schools().get(1);
        assertThat(alvastonRow.disadvantaged()).isEqualTo(new Coverage(1, 0, 0, 0, 0));
        assertThat(alvastonRow.others()).isEqualTo(new Coverage(2, 0, 0, 0, 0));
    }

    @Test
    void coldSpotSchoolsPupilsAreSetAgainstTheOtherSchools() {
        HubProgress progress = HubProgress.of(db.dsl(), hub, TODAY);

        // Bemrose alone is a cold spot: b1 on track with one this year, b2 with nothing
        assertThat(progress.coldSpots()).isEqualTo(new Coverage(2, 1, 1, 0, 0));
        // Alvaston's three with nothing, Chellaston's c1 (nothing this year) and c2 (one, on track, workplace met)
        assertThat(progress.outsideColdSpots()).isEqualTo(new Coverage(5, 1, 1, 2, 1));
        assertThat(progress.coldSpots().plus(progress.outsideColdSpots())).isEqualTo(progress.all());
    }

    private static long school(TestData data, long hubId, String name, String postcode, Integer decile) {
        long id = data.school(hubId, name);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .set(SCHOOL.DEPRIVATION_DECILE, decile == null ? null : decile.shortValue())
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }

    private static long disadvantaged(long pupil) {
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.eq(pupil))
                .execute();
        return pupil;
    }

    private static void encounter(long pupil, String type, LocalDate on) {
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.PROVIDER_NAME)
                .values(pupil, type, on, "A local employer")
                .execute();
    }
}

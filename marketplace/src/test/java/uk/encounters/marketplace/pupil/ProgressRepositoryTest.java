package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** Dashboard figures from the database against values worked out by hand on a small school. */
class ProgressRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void yearGroupFiguresMatchTheHandCount() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Progress hub");
        long school = data.school(hub, "Progress School");
        // Year 7: a has nothing; b (disadvantaged) had a talk in October; c is chosen for a December booking
        long a = data.pupil(school, 7);
        long b = disadvantaged(data.pupil(school, 7));
        long c = data.pupil(school, 7);
        data.encounter(b, LocalDate.of(2026, 10, 5), true);
        long employer = data.employer(hub, "Progress Employer");
        long booking = data.booking(
                data.request(school, 7, RequestStatus.MATCHED, TODAY),
                data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(2)),
                null,
                LocalDate.of(2026, 12, 10),
                BookingStatus.PUBLISHED);
        data.choose(booking, c);
        // Year 10: d (disadvantaged) three before and a workplace visit this year; e two before; f three before
        // and absent this year
        long d = disadvantaged(data.pupil(school, 10));
        long e = data.pupil(school, 10);
        long f = data.pupil(school, 10);
        for (LocalDate on : List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 1), LocalDate.of(2026, 3, 1))) {
            data.encounter(d, on, true);
            data.encounter(f, on, true);
        }
        encounter(d, "workplace_visit", LocalDate.of(2026, 10, 10));
        data.encounter(e, LocalDate.of(2025, 1, 1), true);
        data.encounter(e, LocalDate.of(2026, 1, 1), true);
        data.encounter(f, LocalDate.of(2026, 11, 2), false);
        // Year 13: g left on 1 September; h has six before (one a workplace visit) and one this year
        long g = data.pupil(school, 13);
        data.archive(g, LocalDate.of(2026, 9, 1));
        long h = data.pupil(school, 13);
        for (int year = 2020; year <= 2024; year++) {
            data.encounter(h, LocalDate.of(year + 1, 2, 1), true);
        }
        encounter(h, "workplace_visit", LocalDate.of(2026, 6, 1));
        data.encounter(h, LocalDate.of(2026, 9, 20), true);

        List<PupilProgress> pupils = new ProgressRepository(db.dsl()).forSchool(school, TODAY);
        List<YearGroupProgress> years = YearGroupProgress.of(pupils);

        assertThat(pupils).extracting(PupilProgress::pupilId).containsExactlyInAnyOrder(a, b, c, d, e, f, h);
        assertThat(years).hasSize(7);
        assertThat(years.get(0)).isEqualTo(new YearGroupProgress(7, 3, 1, 2, 1, 3, 1, 1, 1, 1, 0));
        assertThat(years.get(3)).isEqualTo(new YearGroupProgress(10, 3, 9, 1, 1, 3, 1, 1, 0, 2, 2));
        assertThat(years.get(6)).isEqualTo(new YearGroupProgress(13, 1, 7, 1, 1, 0, 0, 0, 1, 0, 1));
        assertThat(years.get(1)).isEqualTo(new YearGroupProgress(8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(years.get(0).percentOnTrack()).isEqualTo(67);
        assertThat(years.get(0).percentBenchmark5()).isEqualTo(33);
        assertThat(years.get(3).percentDisadvantagedOnTrack()).isEqualTo(100);
        assertThat(years.get(3).percentOthersOnTrack()).isZero();
        assertThat(years.get(6).percentBenchmark6()).isZero();
    }

    @Test
    void aPupilIsJudgedAgainstTheirHubsTarget() {
        TestData data = new TestData(db.dsl());
        long sevenHub = data.hub("Target seven hub");
        long fourHub = data.hub("Target four hub");
        db.dsl()
                .update(HUB)
                .set(HUB.TARGET_ENCOUNTERS, (short) 4)
                .where(HUB.ID.eq(fourHub))
                .execute();
        // Year 10 pupils with two encounters before this year and one this year, in each hub
        long inSeven = data.pupil(data.school(sevenHub, "Target seven school"), 10);
        long inFour = data.pupil(data.school(fourHub, "Target four school"), 10);
        for (long pupil : List.of(inSeven, inFour)) {
            data.encounter(pupil, LocalDate.of(2025, 2, 1), true);
            data.encounter(pupil, LocalDate.of(2026, 2, 1), true);
            data.encounter(pupil, LocalDate.of(2026, 10, 1), true);
        }
        ProgressRepository progress = new ProgressRepository(db.dsl());

        PupilProgress seven =
                progress.forHub(sevenHub, TODAY).values().iterator().next().getFirst();
        PupilProgress four =
                progress.forHub(fourHub, TODAY).values().iterator().next().getFirst();

        assertThat(seven.onTrack()).as("seven asks for three before Year 10").isFalse();
        assertThat(seven.encountersBehind()).isEqualTo(1);
        assertThat(four.onTrack()).as("four asks for two before Year 10").isTrue();
        assertThat(four.targetByEndOfYear()).isEqualTo(2);
        assertThat(four.encountersBehind()).isZero();
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

package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.TermDates;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;

/** A small school's hours of workplace experience, counted by hand, against the summaries the progress page reads. */
class WorkplaceSpreadTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void eachYearGroupsSpreadOfHoursAndWorkplaceExperiencesMatchesTheHandCount() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        long hub = data.hub("Spread hub");
        long school = data.school(hub, "Spread School");
        // Year 11: a none; b a visit of 10 hours; c a placement of 25; d 24.5 and a second of 25 (49.5);
        // e 50 over two; f a visit with no hours recorded; g a talk (not a workplace experience) and an
        // absence from a placement
        data.pupil(school, 11);
        long b = data.pupil(school, 11);
        long c = data.pupil(school, 11);
        long d = data.pupil(school, 11);
        long e = data.pupil(school, 11);
        long f = data.pupil(school, 11);
        long g = data.pupil(school, 11);
        workplace.history(b, "workplace_visit", LocalDate.of(2026, 10, 5), "10");
        workplace.history(c, "work_experience", LocalDate.of(2026, 7, 6), "25");
        workplace.history(d, "work_experience", LocalDate.of(2026, 7, 6), "24.5");
        workplace.history(d, "work_shadowing", LocalDate.of(2026, 10, 5), "25");
        workplace.history(e, "work_experience", LocalDate.of(2026, 7, 6), "25");
        workplace.history(e, "work_experience", LocalDate.of(2025, 7, 7), "25");
        workplace.history(f, "workplace_visit", LocalDate.of(2026, 10, 5), null);
        data.encounter(g, "careers_talk", LocalDate.of(2026, 10, 5), true);
        data.encounter(g, "work_experience", LocalDate.of(2026, 7, 6), false);
        // Year 13, one disadvantaged: h 60 hours over two; i a visit of 5 this afternoon, after today: not yet
        long h = data.pupil(school, 13);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.eq(h))
                .execute();
        workplace.history(h, "work_experience", LocalDate.of(2025, 7, 7), "30");
        workplace.history(h, "work_experience", LocalDate.of(2024, 7, 8), "30");
        long i = data.pupil(school, 13);
        workplace.history(i, "workplace_visit", TODAY.plusDays(1), "5");

        List<WorkplaceSpread> years = WorkplaceSpread.fromTallies(
                new ProgressSummaries(db.dsl()).forSchool(school, TODAY), WorkplaceHoursTarget.DEFAULT);

        assertThat(years).hasSize(7);
        assertThat(years.get(4)).isEqualTo(new WorkplaceSpread(11, 7, 5, 2, 3, 1, 2, 1, WorkplaceHoursTarget.DEFAULT));
        assertThat(years.get(6)).isEqualTo(new WorkplaceSpread(13, 2, 1, 1, 1, 0, 0, 1, WorkplaceHoursTarget.DEFAULT));
        assertThat(years.get(0)).isEqualTo(new WorkplaceSpread(7, 0, 0, 0, 0, 0, 0, 0, WorkplaceHoursTarget.DEFAULT));
        assertThat(years.get(4).metLine()).isEqualTo("1 of 7 pupils have 50 hours or more");
        assertThat(years.get(4).percentMet()).isEqualTo(14);

        // the hub lowers its target to 25 hours: the summaries are judged again against it
        HubCalendarSettings settings = new HubCalendarSettings(db.dsl());
        settings.save(
                hub,
                List.of(TermDates.england(AcademicYear.containing(TODAY))),
                settings.targetOf(hub),
                new WorkplaceHoursTarget(25),
                Actor.anonymous(null));
        WorkplaceHoursTarget lower = settings.hoursTargetOfSchool(school);

        assertThat(WorkplaceSpread.fromTallies(new ProgressSummaries(db.dsl()).forSchool(school, TODAY), lower)
                        .get(4))
                .isEqualTo(new WorkplaceSpread(11, 7, 5, 2, 3, 1, 0, 3, lower));
    }
}

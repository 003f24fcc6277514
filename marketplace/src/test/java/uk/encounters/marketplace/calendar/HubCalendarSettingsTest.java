package uk.encounters.marketplace.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.HUB_TERM;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class HubCalendarSettingsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final AcademicYear YEAR = new AcademicYear(2026);
    private static final Actor COORDINATOR = new Actor(null, "192.0.2.1");

    @Test
    void aHubUsesTheEnglandPatternAndSevenUntilItsCoordinatorSavesItsOwn() {
        long hub = new TestData(db.dsl()).hub("Calendar hub");
        HubCalendarSettings settings = new HubCalendarSettings(db.dsl());

        assertThat(settings.calendarOf(hub).termDates(YEAR)).isEqualTo(TermDates.england(YEAR));
        assertThat(settings.targetOf(hub)).isEqualTo(EncounterTarget.SEVEN);

        TermDates checked = TermDates.england(YEAR).withInsetDays(new TreeSet<>(List.of(LocalDate.of(2026, 11, 23))));
        settings.save(hub, List.of(checked), EncounterTarget.FOUR, WorkplaceHoursTarget.DEFAULT, COORDINATOR);

        SchoolCalendar calendar = settings.calendarOf(hub);
        assertThat(calendar.termDates(YEAR).checked()).isTrue();
        assertThat(calendar.termDates(YEAR).insetDays()).containsExactly(LocalDate.of(2026, 11, 23));
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 23))).isFalse();
        assertThat(calendar.termDates(YEAR.next()).checked()).isFalse();
        assertThat(settings.targetOf(hub)).isEqualTo(EncounterTarget.FOUR);
        assertThat(db.dsl()
                        .selectFrom(AUDIT_LOG)
                        .where(AUDIT_LOG.ACTION.eq("hub.calendar"))
                        .and(AUDIT_LOG.SUBJECT_ID.eq(hub))
                        .fetchOne(AUDIT_LOG.DETAIL)
                        .data())
                .contains("2026/27", "2026-11-23", "\"before\": 7", "\"after\": 4");
    }

    @Test
    void savingAgainReplacesTheYearsDatesAndNoOthers() {
        long hub = new TestData(db.dsl()).hub("Calendar hub twice");
        HubCalendarSettings settings = new HubCalendarSettings(db.dsl());
        TermDates england = TermDates.england(YEAR);
        settings.save(
                hub,
                List.of(
                        england.withInsetDays(new TreeSet<>(List.of(LocalDate.of(2026, 11, 23)))),
                        TermDates.england(YEAR.next())),
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT,
                COORDINATOR);

        settings.save(hub, List.of(england), EncounterTarget.SEVEN, WorkplaceHoursTarget.DEFAULT, COORDINATOR);

        assertThat(settings.calendarOf(hub).termDates(YEAR).insetDays()).isEmpty();
        assertThat(db.dsl().fetchCount(HUB_TERM, HUB_TERM.HUB_ID.eq(hub))).isEqualTo(6);
    }

    @Test
    void datesWithProblemsAreNeverSaved() {
        long hub = new TestData(db.dsl()).hub("Calendar hub refused");
        TermDates onASaturday =
                TermDates.england(YEAR).withInsetDays(new TreeSet<>(List.of(LocalDate.of(2026, 11, 21))));

        assertThatThrownBy(() -> new HubCalendarSettings(db.dsl())
                        .save(
                                hub,
                                List.of(onASaturday),
                                EncounterTarget.FOUR,
                                WorkplaceHoursTarget.DEFAULT,
                                COORDINATOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.dsl().fetchCount(HUB_TERM, HUB_TERM.HUB_ID.eq(hub))).isZero();
        assertThat(new HubCalendarSettings(db.dsl()).targetOf(hub)).isEqualTo(EncounterTarget.SEVEN);
    }

    @Test
    void theNewestBankHolidayUploadWinsOverTheShippedFile() throws BankHolidays.Invalid {
        BankHolidayRepository repository = new BankHolidayRepository(db.dsl());
        assertThat(repository.current()).isEqualTo(BankHolidays.shipped());

        repository.replace(
                new BankHolidays(new java.util.TreeMap<>(Map.of(LocalDate.of(2026, 11, 24), "A royal wedding"))),
                COORDINATOR);
        repository.replace(
                BankHolidays.parse("{\"england-and-wales\": {\"events\": [{\"title\": \"Coronation\", \"date\":"
                        + " \"2026-11-25\"}]}}"),
                COORDINATOR);

        assertThat(repository.current().days()).containsOnlyKeys(LocalDate.of(2026, 11, 25));
        long hub = new TestData(db.dsl()).hub("Calendar hub with a coronation");
        SchoolCalendar calendar = new HubCalendarSettings(db.dsl()).calendarOf(hub);
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 25))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 24))).isTrue();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("bank_holidays.upload")))
                .isEqualTo(2);
    }
}

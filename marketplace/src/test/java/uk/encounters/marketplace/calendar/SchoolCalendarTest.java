package uk.encounters.marketplace.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

    private static final AcademicYear YEAR = new AcademicYear(2026);
    private static final SchoolCalendar ENGLAND = SchoolCalendar.ENGLAND;

    @Test
    void easterSundayIsComputedForEachYear() {
        assertThat(Easter.sunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.sunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Easter.sunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Easter.sunday(2028)).isEqualTo(LocalDate.of(2028, 4, 16));
    }

    @Test
    void theEnglandPatternFollowsItsRuleIn2026To27() {
        TermDates dates = TermDates.england(YEAR);

        assertThat(dates.term(Term.Name.AUTUMN))
                .isEqualTo(new Term(
                        Term.Name.AUTUMN,
                        LocalDate.of(2026, 9, 3),
                        LocalDate.of(2026, 12, 18),
                        LocalDate.of(2026, 10, 26),
                        LocalDate.of(2026, 10, 30)));
        assertThat(dates.term(Term.Name.SPRING))
                .as("Easter 28 March 2027: spring ends the Friday before Holy Week")
                .isEqualTo(new Term(
                        Term.Name.SPRING,
                        LocalDate.of(2027, 1, 4),
                        LocalDate.of(2027, 3, 19),
                        LocalDate.of(2027, 2, 15),
                        LocalDate.of(2027, 2, 19)));
        assertThat(dates.term(Term.Name.SUMMER))
                .as("half term the week of the late May bank holiday, 31 May 2027")
                .isEqualTo(new Term(
                        Term.Name.SUMMER,
                        LocalDate.of(2027, 4, 5),
                        LocalDate.of(2027, 7, 21),
                        LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 6, 4)));
        assertThat(dates.checked()).isFalse();
        assertThat(dates.problems()).isEmpty();
    }

    @Test
    void goodFridayAndEasterMondayFallInTheEasterHolidayEveryYear() {
        for (int year = 2024; year <= 2030; year++) {
            LocalDate easter = Easter.sunday(year + 1);
            TermDates dates = TermDates.england(new AcademicYear(year));
            assertThat(dates.term(Term.Name.SPRING).end()).isBefore(easter.minusDays(2));
            assertThat(dates.term(Term.Name.SUMMER).start()).isAfter(easter.plusDays(1));
            assertThat(dates.problems()).as("%d's pattern", year).isEmpty();
        }
    }

    @Test
    void weekendsHalfTermsHolidaysAndBankHolidaysAreNotSchoolDays() {
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2026, 11, 22)))
                .as("a Sunday")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2026, 10, 28)))
                .as("October half term")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 2, 17)))
                .as("February half term")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 6, 2)))
                .as("May half term")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 3, 24)))
                .as("Easter holiday")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 5, 3)))
                .as("early May bank holiday, in term")
                .isFalse();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 5, 4))).isTrue();
        assertThat(ENGLAND.isSchoolDay(LocalDate.of(2027, 7, 22))).as("summer").isFalse();
    }

    @Test
    void aBankHolidayOnATeachingDayMovesTheNextSchoolDay() {
        // 4 January 2028 is the first weekday on or after the 4th; 3 January, New Year's substitute, is not
        assertThat(ENGLAND.schoolDayOnOrAfter(LocalDate.of(2027, 12, 20))).isEqualTo(LocalDate.of(2028, 1, 4));
        assertThat(ENGLAND.firstTeachingDay(new AcademicYear(2027))).isEqualTo(LocalDate.of(2027, 9, 3));
        assertThat(ENGLAND.lastTeachingDay(YEAR)).isEqualTo(LocalDate.of(2027, 7, 21));
        assertThat(ENGLAND.schoolDayOnOrBefore(LocalDate.of(2027, 8, 10))).isEqualTo(LocalDate.of(2027, 7, 21));
    }

    @Test
    void aHubsCheckedDatesAndInsetDaysReplaceThePattern() {
        TermDates england = TermDates.england(YEAR);
        LocalDate inset = LocalDate.of(2026, 11, 23);
        TermDates checked = new TermDates(
                YEAR,
                List.of(
                        new Term(
                                Term.Name.AUTUMN,
                                LocalDate.of(2026, 9, 7),
                                LocalDate.of(2026, 12, 18),
                                LocalDate.of(2026, 10, 19),
                                LocalDate.of(2026, 10, 23)),
                        england.term(Term.Name.SPRING),
                        england.term(Term.Name.SUMMER)),
                new TreeSet<>(List.of(inset)),
                true);
        SchoolCalendar hub = new SchoolCalendar(Map.of(2026, checked), BankHolidays.shipped());

        assertThat(hub.isSchoolDay(inset)).as("an INSET day").isFalse();
        assertThat(hub.isSchoolDay(LocalDate.of(2026, 10, 21)))
                .as("the hub's half term")
                .isFalse();
        assertThat(hub.isSchoolDay(LocalDate.of(2026, 10, 28)))
                .as("England's half term, not the hub's")
                .isTrue();
        assertThat(hub.firstTeachingDay(YEAR)).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(hub.termDates(new AcademicYear(2027)).checked())
                .as("the next year, not checked")
                .isFalse();
        assertThat(Horizon.schoolWeeks(hub, LocalDate.of(2026, 10, 16), 2).mondays())
                .as("the half-term week is skipped, not counted")
                .containsExactly(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2));
    }

    @Test
    void termDatesWithProblemsSayWhichFieldToFix() {
        TermDates england = TermDates.england(YEAR);
        Term autumn = england.term(Term.Name.AUTUMN);
        TermDates bad = new TermDates(
                YEAR,
                List.of(
                        new Term(
                                Term.Name.AUTUMN,
                                LocalDate.of(2026, 8, 28),
                                autumn.end(),
                                autumn.halfTermStart(),
                                autumn.halfTermEnd()),
                        new Term(
                                Term.Name.SPRING,
                                LocalDate.of(2027, 1, 4),
                                LocalDate.of(2027, 3, 19),
                                LocalDate.of(2027, 3, 22),
                                LocalDate.of(2027, 3, 26)),
                        new Term(
                                Term.Name.SUMMER,
                                LocalDate.of(2027, 4, 5),
                                LocalDate.of(2027, 4, 1),
                                LocalDate.of(2027, 5, 31),
                                LocalDate.of(2027, 5, 28))),
                new TreeSet<>(List.of(LocalDate.of(2026, 11, 21))),
                true);

        assertThat(bad.problems())
                .containsEntry("autumnStart", "Autumn term must start in 2026/27 (1 September to 31 August)")
                .containsEntry("springHalfStart", "Spring term's half term must start inside the term")
                .containsEntry("summerEnd", "Summer term must end on or after the day it starts")
                .containsEntry("summerHalfEnd", "Summer term's half term must end on or after the day it starts")
                .containsEntry("inset", "An INSET day must be a weekday");
        assertThat(england.withInsetDays(new TreeSet<>(List.of(LocalDate.of(2026, 10, 27))))
                        .problems())
                .containsEntry("inset", "An INSET day must be in term time, not in a holiday or half term");
    }
}

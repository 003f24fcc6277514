package uk.encounters.marketplace.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.privacy.Erasure;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class EmployerYearRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2027, 2, 1);

    @Test
    void aHostWithPupilsFromTwoSchoolsInTheSameWeekGaveTheWeekOnce() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        long host = data.employer(hub, "Acme Ltd");
        long supervisor = data.volunteer(host);
        LocalDate monday = LocalDate.of(2027, 1, 11);
        // two schools' placements, Mon 11 to Sun 17 Jan 2027, all day, the same supervisor: 5 weekdays of 6.25
        // hours = 31.25 hours, not twice that
        for (String school : new String[] {"Bemrose School", "Littleover Community School"}) {
            long booking = data.workExperienceBooking(data.school(hub, school), host, monday, monday.plusDays(6), 2);
            db.dsl()
                    .update(BOOKING)
                    .set(BOOKING.VOLUNTEER_ID, supervisor)
                    .set(BOOKING.PERIOD, "all_day")
                    .set(BOOKING.STATUS, BookingStatus.DELIVERED)
                    .where(BOOKING.ID.eq(booking))
                    .execute();
        }

        EmployerYear year = new EmployerYearRepository(db.dsl())
                .find(host, new AcademicYear(2026), TODAY)
                .orElseThrow();

        assertThat(year.sessions()).isEqualTo(2);
        assertThat(year.schools()).isEqualTo(2);
        assertThat(year.volunteers()).isEqualTo(1);
        assertThat(year.volunteerHours()).isEqualByComparingTo(new BigDecimal("31.25"));
    }

    @Test
    void aYearWithNoSessionsHasNoFiguresAndNoAverage() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(data.hub("Leicester Careers Hub"), "Quiet Ltd");

        EmployerYear year = new EmployerYearRepository(db.dsl())
                .find(employer, new AcademicYear(2026), TODAY)
                .orElseThrow();

        assertThat(year.sessions()).isZero();
        assertThat(year.pupilsReached()).isZero();
        assertThat(year.volunteerHours()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(year.pupilAnswers().answered()).isZero();
        assertThat(year.schoolRatings().average()).isNull();
        assertThat(new EmployerYearRepository(db.dsl()).yearsWithSessions(employer, TODAY))
                .isEmpty();
    }

    @Test
    void anErasedVolunteerOfTheYearKeepsTheNamingButNotTheirNameOrCitation() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Nottingham Careers Hub");
        long employer = data.employer(hub, "Named Ltd");
        long ada = data.volunteer(employer, "Ada Lovelace");
        String email = db.dsl().fetchValue(VOLUNTEER.EMAIL, VOLUNTEER.ID.eq(ada));
        data.volunteerOfTheYear(hub, ada, 2026, "Ada came back every term");

        new Erasure(db.dsl(), Clock.systemUTC()).erase(email, data.user(), null);

        assertThat(new EmployerYearRepository(db.dsl())
                        .find(employer, new AcademicYear(2026), TODAY)
                        .orElseThrow()
                        .volunteersOfTheYear())
                .singleElement()
                .satisfies(named -> {
                    assertThat(named.volunteerName()).isEqualTo("a volunteer");
                    assertThat(named.citation()).doesNotContain("Ada");
                });
    }

    @Test
    void noSuchEmployerHasNoYear() {
        assertThat(new EmployerYearRepository(db.dsl()).find(999_999, new AcademicYear(2026), TODAY))
                .isEmpty();
    }

    @Test
    void theHoursOfEachPartOfTheDayComeFromTheSchoolDay() {
        assertThat(VolunteerHours.of("morning")).isEqualByComparingTo("3");
        assertThat(VolunteerHours.of("afternoon")).isEqualByComparingTo("2");
        assertThat(VolunteerHours.of("all_day")).isEqualByComparingTo("6.25");
    }
}

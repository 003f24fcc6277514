package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The hours a booked workplace experience gives, before the school corrects them. */
class WorkplaceHoursTest {

    static final LocalDate MONDAY = LocalDate.of(2027, 6, 14);

    @Test
    void aWholeDayIsFiveHoursAMorningThreeAndAnAfternoonTwo() {
        assertThat(WorkplaceHours.forBooking(MONDAY, MONDAY, "all_day")).isEqualTo(Hours.of(5));
        assertThat(WorkplaceHours.forBooking(MONDAY, MONDAY, "morning")).isEqualTo(Hours.of(3));
        assertThat(WorkplaceHours.forBooking(MONDAY, MONDAY, "afternoon")).isEqualTo(Hours.of(2));
    }

    @Test
    void aWeeksPlacementIsItsFiveWeekdaysAndTwoWeeksMeetTheUsualTarget() {
        assertThat(WorkplaceHours.forBooking(MONDAY, MONDAY.plusDays(4), "all_day"))
                .isEqualTo(Hours.of(25));
        assertThat(WorkplaceHours.days(MONDAY, MONDAY.plusDays(11)))
                .as("the weekend between is not counted")
                .isEqualTo(10);
        assertThat(WorkplaceHours.forBooking(MONDAY, MONDAY.plusDays(11), "all_day"))
                .isEqualTo(WorkplaceHoursTarget.DEFAULT.asHours());
    }

    @Test
    void aDayOnAWeekendCountsItself() {
        LocalDate saturday = MONDAY.minusDays(2);
        assertThat(WorkplaceHours.forBooking(saturday, saturday, "all_day")).isEqualTo(Hours.of(5));
    }

    @Test
    void noMoreThanTwentyFourHoursADayMayBeRecorded() {
        assertThat(WorkplaceHours.mostFor(MONDAY, MONDAY)).isEqualTo(Hours.of(24));
        assertThat(WorkplaceHours.mostFor(MONDAY, MONDAY.plusDays(4))).isEqualTo(Hours.of(120));
    }

    @Test
    void hoursAreTypedToATenthAndToldInPlainWords() {
        assertThat(Hours.parse("2.5")).contains(new Hours(25));
        assertThat(Hours.parse(" 12 ")).contains(Hours.of(12));
        assertThat(Hours.parse("2.25")).isEmpty();
        assertThat(Hours.parse("five")).isEmpty();
        assertThat(Hours.parse("-3")).isEmpty();
        assertThat(Hours.of(12).words()).isEqualTo("12 hours");
        assertThat(Hours.of(1).words()).isEqualTo("1 hour");
        assertThat(new Hours(25).words()).isEqualTo("2.5 hours");
        assertThat(Hours.of(new java.math.BigDecimal("49.5"))).isEqualTo(new Hours(495));
    }

    @Test
    void aPupilsHoursFallInOneBandOfTheTarget() {
        WorkplaceHoursTarget fifty = WorkplaceHoursTarget.DEFAULT;
        assertThat(fifty.bandOf(Hours.ZERO)).isEqualTo(WorkplaceHoursTarget.Band.NONE);
        assertThat(fifty.bandOf(new Hours(249))).isEqualTo(WorkplaceHoursTarget.Band.UNDER_HALF);
        assertThat(fifty.bandOf(Hours.of(25))).isEqualTo(WorkplaceHoursTarget.Band.HALF);
        assertThat(fifty.bandOf(new Hours(499))).isEqualTo(WorkplaceHoursTarget.Band.HALF);
        assertThat(fifty.bandOf(Hours.of(50))).isEqualTo(WorkplaceHoursTarget.Band.MET);
        assertThat(fifty.bandLabels())
                .containsExactly("None", "Under 25 hours", "25 hours up to 50", "50 hours or more");
        assertThat(new WorkplaceHoursTarget(45).label(WorkplaceHoursTarget.Band.UNDER_HALF))
                .isEqualTo("Under 22.5 hours");
    }
}

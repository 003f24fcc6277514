package uk.encounters.matcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortTest {

    private static final School SCHOOL = new School(1, "Sinfin Academy", null, false, 0, 20);

    @Test
    void valueCurveTakesThePlacesWorthMostFirstWhateverOrderTheBandsComeIn() {
        // second encounters listed before first ones, and two bands of equal value
        Cohort cohort = new Cohort(
                SCHOOL,
                13,
                30,
                20,
                List.of(new PupilBand(30, 50), new PupilBand(10, 450), new PupilBand(20, 300), new PupilBand(5, 50)),
                false,
                false,
                0,
                Set.of());

        assertThat(cohort.curve().segments())
                .containsExactly(
                        new ValueCurve.Segment(10, 450),
                        new ValueCurve.Segment(20, 300),
                        new ValueCurve.Segment(35, 50));
        assertThat(cohort.valueOf(30)).isEqualTo(10 * 450 + 20 * 300);
        assertThat(cohort.valueOf(31)).isEqualTo(10 * 450 + 20 * 300 + 50);
        assertThat(cohort.valueOf(1000))
                .as("nothing beyond the places valued")
                .isEqualTo(10 * 450 + 20 * 300 + 35 * 50);
    }

    @Test
    void placesWorthNothingAreLeftOutOfTheCurve() {
        Cohort cohort = new Cohort(
                SCHOOL, 9, 30, 0, List.of(new PupilBand(30, 0), new PupilBand(0, 100)), false, false, 0, Set.of());

        assertThat(cohort.curve().segments()).isEmpty();
        assertThat(cohort.valueOf(30)).isZero();
    }

    @Test
    void hundredthsRoundToTheNearest() {
        assertThat(Cohort.hundredths(5.25)).isEqualTo(525);
        assertThat(Cohort.hundredths(0.125)).isEqualTo(13);
    }
}

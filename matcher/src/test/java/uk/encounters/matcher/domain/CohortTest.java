package uk.encounters.matcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortTest {

    private static final School SCHOOL = new School(1, "Sinfin Academy", null, false, 0, 20);

    @Test
    void valueCurveStaysConcaveWhenPrioritiesDifferMoreThanFourfold() {
        // a Year 13 pupil seven encounters behind and disadvantaged against one a single encounter behind
        Cohort cohort = new Cohort(SCHOOL, 13, 30, List.of(new PupilBand(10, 10.5), new PupilBand(20, 1.0)),
                false, false, 0, Set.of());

        List<ValueCurve.Segment> segments = cohort.curve().segments();
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).valuePerPlace()).isLessThanOrEqualTo(segments.get(i - 1).valuePerPlace());
        }
        assertThat(cohort.valueOf(30)).isEqualTo(10 * 1050 + 20 * 100);
        assertThat(cohort.valueOf(31)).isEqualTo(10 * 1050 + 20 * 100 + 100);
    }
}

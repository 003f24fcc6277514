package uk.encounters.marketplace.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.matcher.domain.EncounterType;

/** "What to request next", sized to the pupils a benchmark still needs. */
class RequestPlanTest {

    static final LocalDate MONDAY = LocalDate.of(2027, 1, 11);

    static List<PupilProgress> pupils(int yearGroup, int count, int thisYear, int workplace) {
        List<PupilProgress> pupils = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pupils.add(new PupilProgress(
                    yearGroup * 1000L + thisYear * 100 + i,
                    yearGroup,
                    yearGroup - 7,
                    thisYear,
                    false,
                    workplace,
                    Hours.ZERO,
                    false,
                    false,
                    false,
                    EncounterTarget.SEVEN,
                    WorkplaceHoursTarget.DEFAULT));
        }
        return pupils;
    }

    @Test
    void proposesClassSizedTalksForThePupilsWithoutOneAndVisitsWhereBenchmark6IsDue() {
        List<PupilProgress> school = new ArrayList<>(pupils(8, 95, 0, 0));
        school.addAll(pupils(8, 30, 1, 0));
        school.addAll(pupils(11, 12, 1, 0));

        List<RequestPlan.Proposal> plan =
                RequestPlan.propose(school, Map.of(), Map.of(), SchoolCalendar.ENGLAND, MONDAY);

        assertThat(plan)
                .extracting(RequestPlan.Proposal::what)
                .containsExactly(
                        "4 sessions of careers talk for 24 pupils of Year 8 each",
                        "A workplace visit for 12 pupils of Year 11");
        assertThat(plan.getFirst().why()).isEqualTo("95 pupils have no encounter this year");
        assertThat(plan.getFirst().details().windowStart()).isEqualTo(MONDAY.plusWeeks(1));
        assertThat(plan.getFirst().details().windowEnd())
                .isEqualTo(MONDAY.plusWeeks(5).minusDays(3));
        assertThat(plan.get(1).details().atWorkplace()).isTrue();
        assertThat(plan.get(1).details().inSchool()).isFalse();
    }

    @Test
    void placesTheSchoolHasAskedForAlreadyAreNotAskedForAgain() {
        Map<Integer, Map<RequestPlan.Need, Integer>> open = Map.of(8, Map.of(RequestPlan.Need.FIRST_THIS_YEAR, 60));

        List<RequestPlan.Proposal> plan =
                RequestPlan.propose(pupils(8, 95, 0, 0), open, Map.of(), SchoolCalendar.ENGLAND, MONDAY);

        assertThat(plan)
                .extracting(RequestPlan.Proposal::what)
                .containsExactly("2 sessions of careers talk for 18 pupils of Year 8 each");
        assertThat(plan.getFirst().why())
                .isEqualTo("95 pupils have no encounter this year; your open requests ask for 60 of them");
        assertThat(RequestPlan.propose(
                        pupils(8, 95, 0, 0),
                        Map.of(8, Map.of(RequestPlan.Need.FIRST_THIS_YEAR, 95)),
                        Map.of(),
                        SchoolCalendar.ENGLAND,
                        MONDAY))
                .isEmpty();
    }

    @Test
    void theSchoolsUsualKindAndSizeAreKept() {
        var usual = Map.of(
                RequestPlan.Need.FIRST_THIS_YEAR,
                new RequestPlan.Usual(EncounterType.MOCK_INTERVIEWS, 12, true, false, true));

        List<RequestPlan.Proposal> plan =
                RequestPlan.propose(pupils(12, 30, 0, 1), Map.of(), usual, SchoolCalendar.ENGLAND, MONDAY);

        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("3 sessions of mock interviews for 10 pupils of Year 12 each");
            assertThat(p.details().online()).isTrue();
        });
    }

    @Test
    void pupilsStillBehindAfterThisYearsFirstAreAskedForLastWithWhatOpenTalksLeaveOver() {
        List<PupilProgress> school = new ArrayList<>(pupils(9, 10, 0, 0));
        // Year 9s who missed Year 8: one this year, still one behind
        for (int i = 0; i < 40; i++) {
            school.add(new PupilProgress(
                    5000 + i,
                    9,
                    1,
                    1,
                    false,
                    0,
                    Hours.ZERO,
                    false,
                    false,
                    false,
                    EncounterTarget.SEVEN,
                    WorkplaceHoursTarget.DEFAULT));
        }

        List<RequestPlan.Proposal> plan = RequestPlan.propose(
                school,
                Map.of(9, Map.of(RequestPlan.Need.FIRST_THIS_YEAR, 25)),
                Map.of(),
                SchoolCalendar.ENGLAND,
                MONDAY);

        assertThat(plan)
                .extracting(RequestPlan.Proposal::need, RequestPlan.Proposal::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        RequestPlan.Need.CATCH_UP, "A careers talk for 25 pupils of Year 9"));
        assertThat(plan.getFirst().why())
                .isEqualTo("40 pupils are still behind the target to date after this year's"
                        + " first; your open requests ask for 15 of them");
    }

    @Test
    void pupilsBookedOrWithOneThisYearNeedNothing() {
        List<PupilProgress> school = new ArrayList<>(pupils(9, 20, 1, 0));
        school.add(new PupilProgress(
                1,
                9,
                2,
                0,
                true,
                0,
                Hours.ZERO,
                false,
                false,
                false,
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT));

        assertThat(RequestPlan.propose(school, Map.of(), Map.of(), SchoolCalendar.ENGLAND, MONDAY))
                .isEmpty();
    }
}

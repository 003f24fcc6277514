package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_ACTIVITY;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.EncounterType;

/** A school's own activities count in progress like the marketplace's, and can be corrected or deleted. */
class SchoolActivityRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate FAIR = LocalDate.of(2026, 11, 12);
    static final Actor NOBODY = Actor.anonymous(null);

    @Test
    void anActivitysPupilsCountInProgressAndEvidenceAndCorrectingOrDeletingItChangesThem() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("Activity hub"), "Activity School");
        long other = data.school(data.hub("Other hub"), "Other School");
        List<Long> year9 = List.of(data.pupil(school, 9), data.pupil(school, 9), data.pupil(school, 9));
        SchoolActivityRepository activities = new SchoolActivityRepository(db.dsl());
        Map<Long, Boolean> register = new LinkedHashMap<>();
        register.put(year9.get(0), true);
        register.put(year9.get(1), true);
        register.put(year9.get(2), false);

        long fair = activities.record(
                Actor.anonymous("127.0.0.1"),
                school,
                new SchoolActivityRepository.Details(EncounterType.CAREERS_FAIR, "Our careers fair", FAIR, 9, null),
                register);

        List<PupilProgress> progress = new ProgressRepository(db.dsl()).forSchool(school, TODAY);
        assertThat(progress)
                .filteredOn(PupilProgress::hadEncounterThisYear)
                .extracting(PupilProgress::pupilId)
                .containsExactly(year9.get(0), year9.get(1));
        assertThat(new EncounterLog(db.dsl()).forSchool(school))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.provider()).isEqualTo("Our careers fair"));
        assertThat(activities.forSchool(school)).singleElement().satisfies(a -> {
            assertThat(a.attended()).isEqualTo(2);
            assertThat(a.absent()).isEqualTo(1);
            assertThat(a.yearGroup()).isEqualTo(9);
        });
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("school_activity_recorded").and(AUDIT_LOG.SUBJECT_ID.eq(fair))))
                .isEqualTo(1);

        // the third pupil came after all; a mock-interview morning, not a fair
        register.put(year9.get(2), true);
        assertThat(activities.correct(
                        NOBODY,
                        other,
                        fair,
                        new SchoolActivityRepository.Details(
                                EncounterType.MOCK_INTERVIEWS, "Rotary Club", FAIR, 9, null),
                        register))
                .as("another school's")
                .isFalse();
        assertThat(activities.correct(
                        NOBODY,
                        school,
                        fair,
                        new SchoolActivityRepository.Details(
                                EncounterType.MOCK_INTERVIEWS, "Rotary Club", FAIR, 9, null),
                        register))
                .isTrue();
        assertThat(new ProgressRepository(db.dsl()).forSchool(school, TODAY))
                .allSatisfy(p -> assertThat(p.hadEncounterThisYear()).isTrue());
        assertThat(db.dsl()
                        .selectDistinct(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.PROVIDER_NAME)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.ACTIVITY_ID.eq(fair))
                        .fetch(r -> r.value1() + "/" + r.value2()))
                .containsExactly("mock_interviews/Rotary Club");

        assertThat(activities.delete(NOBODY, other, fair)).isFalse();
        assertThat(activities.delete(NOBODY, school, fair)).isTrue();
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.PUPIL_ID.in(year9))).isZero();
        assertThat(new ProgressRepository(db.dsl()).forSchool(school, TODAY))
                .noneSatisfy(p -> assertThat(p.hadEncounterThisYear()).isTrue());
    }

    @Test
    void severalActivitiesFromAFileAreSavedWholeOrNotAtAll() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("File hub"), "File School");
        long pupil = data.pupil(school, 10);
        SchoolActivityRepository activities = new SchoolActivityRepository(db.dsl());
        int before = db.dsl().fetchCount(SCHOOL_ACTIVITY);
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> file = new LinkedHashMap<>();
        file.put(
                new SchoolActivityRepository.Details(EncounterType.CAREERS_TALK, "NHS", FAIR, 10, null),
                Map.of(pupil, true));
        // a pupil id that does not exist: the database refuses it, and the first activity goes too
        file.put(
                new SchoolActivityRepository.Details(EncounterType.CAREERS_TALK, "Police", FAIR, 10, null),
                Map.of(-1L, true));

        assertThatThrownBy(() -> activities.recordAll(NOBODY, school, file)).isInstanceOf(RuntimeException.class);
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isEqualTo(before);

        file.remove(new SchoolActivityRepository.Details(EncounterType.CAREERS_TALK, "Police", FAIR, 10, null));
        assertThat(activities.recordAll(NOBODY, school, file)).hasSize(1);
        assertThat(activities.register(
                        school, activities.forSchool(school).getFirst().id()))
                .containsOnlyKeys(db.dsl()
                        .select(uk.encounters.marketplace.jooq.Tables.PUPIL.REFERENCE)
                        .from(uk.encounters.marketplace.jooq.Tables.PUPIL)
                        .where(uk.encounters.marketplace.jooq.Tables.PUPIL.ID.eq(pupil))
                        .fetchSingle()
                        .value1());
    }
}

package uk.encounters.marketplace.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;

import java.time.LocalTime;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** A school's arrangements for visitors: saved whole, audited without what was typed, refused when impossible. */
class VisitorArrangementChangesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Actor LEADER = Actor.anonymous("192.0.2.4");

    final TestData data = new TestData(db.dsl());
    final VisitorArrangementsRepository repository = new VisitorArrangementsRepository(db.dsl());
    final VisitorArrangementChanges changes = new VisitorArrangementChanges(db.dsl());

    static VisitorArrangements arrangements(String phone, LocalTime morningStart) {
        return new VisitorArrangements(
                "Bemrose School\nUttoxeter New Road\nDerby DE22 3HU",
                "Main reception",
                "Visitor bays by the gate",
                "Bring photo ID",
                "Mrs Shah",
                phone,
                morningStart,
                LocalTime.of(12, 10),
                LocalTime.of(13, 5),
                LocalTime.of(15, 5));
    }

    @Test
    void aSchoolThatHasSavedNothingHasTheUsualTimesAndNoDetails() {
        long school = data.school(data.hub("Derby quiet"), "Quiet School");

        assertThat(repository.find(school)).isEmpty();
        assertThat(repository.findOrUsual(school)).isEqualTo(VisitorArrangements.usual());
        assertThat(VisitorArrangements.usual().sessionStart("morning")).isEqualTo(LocalTime.of(9, 0));
        assertThat(VisitorArrangements.usual().contactName()).isEmpty();
    }

    @Test
    void savingAgainKeepsOneRowAndTheAuditSaysWhichPartsChangedNotWhatTheySay() {
        long school = data.school(data.hub("Derby"), "Bemrose School");

        changes.save(LEADER, school, arrangements("01332 123456", LocalTime.of(8, 50)));
        changes.save(LEADER, school, arrangements("+44 1332 654321", LocalTime.of(8, 50)));

        assertThat(repository.find(school)).contains(arrangements("+44 1332 654321", LocalTime.of(8, 50)));
        assertThat(db.dsl().fetchCount(SCHOOL_VISITOR_ARRANGEMENTS, SCHOOL_VISITOR_ARRANGEMENTS.SCHOOL_ID.eq(school)))
                .isEqualTo(1);
        var entries = db.dsl()
                .select(AUDIT_LOG.DETAIL)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("visitor_arrangements_changed"))
                .and(AUDIT_LOG.SUBJECT_ID.eq(school))
                .orderBy(AUDIT_LOG.ID)
                .fetch(r -> r.value1().data());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1))
                .contains("contactPhone")
                .doesNotContain("654321")
                .doesNotContain("address");
        assertThat(entries.get(0)).contains("address").contains("morningStart").doesNotContain("Mrs Shah");
    }

    @Test
    void theDatabaseRefusesASessionEndingBeforeItStartsAndAPhoneOfLetters() {
        long school = data.school(data.hub("Derby careless"), "Careless School");
        var a = SCHOOL_VISITOR_ARRANGEMENTS;

        assertThatThrownBy(() -> db.dsl()
                        .insertInto(a, a.SCHOOL_ID, a.MORNING_START, a.MORNING_END, a.AFTERNOON_START, a.AFTERNOON_END)
                        .values(
                                school,
                                LocalTime.of(12, 0),
                                LocalTime.of(9, 0),
                                LocalTime.of(13, 0),
                                LocalTime.of(15, 0))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("school_visitor_arrangements_morning_ck");
        assertThatThrownBy(() -> repository.save(school, arrangements("call reception", LocalTime.of(9, 0))))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("school_visitor_arrangements_phone_ck");
        assertThatThrownBy(() -> arrangements("01332 123456", LocalTime.of(12, 30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

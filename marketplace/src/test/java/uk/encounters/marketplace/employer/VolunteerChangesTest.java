package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditEntry;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class VolunteerChangesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Actor CONTACT = new Actor(null, "198.51.100.7");

    final VolunteerChanges changes = new VolunteerChanges(db.dsl());

    @Test
    void savingAVolunteerAuditsTheAddressAndWhetherTheyWereNew() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(data.hub("Derby Careers Hub"), "Rolls-Royce plc");

        assertThat(changes.save(CONTACT, employer, new VolunteerDetails("Val", "val@example.org", null)))
                .isEqualTo(VolunteerRepository.Saved.ADDED);

        AuditEntry entry = new AuditLog(db.dsl()).findRecent(1).getFirst();
        assertThat(entry.action()).isEqualTo("volunteer_saved");
        assertThat(entry.subjectType()).isEqualTo("employer");
        assertThat(entry.subjectId()).isEqualTo(employer);
        assertThat(entry.detail()).contains("val@example.org").contains("ADDED");
    }

    @Test
    void importingCountsTheNewOnesAndAuditsTheFileOnce() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(data.hub("Norwich Careers Hub"), "Aviva");
        changes.save(CONTACT, employer, new VolunteerDetails("Ann", "ann@example.org", null));
        long before = db.dsl().fetchCount(AUDIT_LOG);

        long added = changes.importAll(
                CONTACT,
                employer,
                List.of(
                        new VolunteerDetails("Ann Smith", "ann@example.org", null),
                        new VolunteerDetails("Bob", "bob@example.org", LocalDate.of(2027, 6, 30))),
                3);

        assertThat(added).isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(before + 1);
        assertThat(new AuditLog(db.dsl()).findRecent(1).getFirst().action()).isEqualTo("volunteers_imported");
    }

    @Test
    void anotherEmployersVolunteerIsNotChangedNorAudited() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Leeds Careers Hub");
        long theirs = data.volunteer(data.employer(hub, "Asda"));
        long ours = data.employer(hub, "Arla");
        long before = db.dsl().fetchCount(AUDIT_LOG);

        assertThat(changes.setActive(CONTACT, ours, theirs, false)).isFalse();

        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(before);
    }
}

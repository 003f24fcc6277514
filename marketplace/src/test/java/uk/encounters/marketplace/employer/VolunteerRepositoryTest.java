package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class VolunteerRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate CHECKED_UNTIL = LocalDate.of(2027, 6, 30);

    @Test
    void savingTheSameAddressAgainUpdatesTheVolunteerWhateverItsCase() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(data.hub("Derby Careers Hub"), "Rolls-Royce plc");
        VolunteerRepository volunteers = new VolunteerRepository(db.dsl());

        assertThat(volunteers.save(employer, "Val", "Val@Example.org", CHECKED_UNTIL))
                .isEqualTo(VolunteerRepository.Saved.ADDED);
        assertThat(volunteers.save(employer, "Val Smith", "val@example.ORG", CHECKED_UNTIL))
                .isEqualTo(VolunteerRepository.Saved.UPDATED);

        assertThat(volunteers.findByEmployer(employer))
                .extracting(Volunteer::name)
                .containsExactly("Val Smith");
    }

    /** Java lowers "İ" to two characters, PostgreSQL to one: the unique index is PostgreSQL's. */
    @Test
    void anAddressJavaAndPostgresqlLowerDifferentlyIsStillTheSameVolunteer() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(data.hub("Istanbul Hub"), "Boğaziçi Ltd");
        VolunteerRepository volunteers = new VolunteerRepository(db.dsl());

        volunteers.save(employer, "Ayşe", "ayse@İstanbul.example", CHECKED_UNTIL);
        assertThat(volunteers.save(employer, "Ayşe Yılmaz", "ayse@İstanbul.example", CHECKED_UNTIL))
                .isEqualTo(VolunteerRepository.Saved.UPDATED);

        assertThat(volunteers.findByEmployer(employer)).hasSize(1);
    }
}

package uk.encounters.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;

import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class AccountRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final AtomicInteger unique = new AtomicInteger();
    private static long hubId;
    private static long schoolId;
    private static long employerId;
    private static long otherHubSchoolId;

    private final AccountRepository accounts = new AccountRepository(db.dsl());

    @BeforeAll
    static void hubWithASchoolAndAnEmployerAndAnotherHub() {
        TestData data = new TestData(db.dsl());
        hubId = data.hub("Derby");
        schoolId = data.school(hubId, "Littleover Community School");
        employerId = data.employer(hubId, "Acme Engineering");
        otherHubSchoolId = data.school(data.hub("West Somerset"), "West Somerset College");
    }

    @Test
    void createsAPersonWithTheirFirstScope() {
        long id = accounts.create("  sam.jones@example.org ", "Sam Jones", null, Scope.careersLeader(schoolId));

        Account account = accounts.findById(id).orElseThrow();
        assertThat(account.email()).isEqualTo("sam.jones@example.org");
        assertThat(account.displayName()).isEqualTo("Sam Jones");
        assertThat(account.scopes()).containsExactly(Scope.careersLeader(schoolId));
        assertThat(account.hasRole(Role.CAREERS_LEADER)).isTrue();
        assertThat(account.isAdmin()).isFalse();
        assertThat(account.schoolIds()).containsExactly(schoolId);
        assertThat(account.employerIds()).isEmpty();
    }

    @Test
    void findsAPersonByEmailWhateverTheCase() {
        long id = accounts.create("Priya.Patel@Example.org", "Priya Patel", null, Scope.employer(employerId));

        assertThat(accounts.findByEmail("priya.patel@example.ORG"))
                .map(Account::id)
                .contains(id);
        assertThat(accounts.findByEmail(" PRIYA.PATEL@EXAMPLE.ORG "))
                .map(Account::id)
                .contains(id);
        assertThat(accounts.findByEmail("priya@example.org")).isEmpty();
    }

    @Test
    void refusesASecondPersonWithTheSameEmailInAnotherCase() {
        accounts.create("lee.wong@example.org", "Lee Wong", null, Scope.coordinator(hubId));

        assertThatThrownBy(() -> accounts.create("LEE.WONG@example.org", "Another Lee", null, Scope.admin()))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("app_user_email_uk");
        assertThat(db.dsl().fetchCount(APP_USER, APP_USER.DISPLAY_NAME.eq("Another Lee")))
                .isZero();
        assertThat(accounts.emailTaken("Lee.Wong@Example.org")).isTrue();
    }

    @Test
    void addsAndRemovesScopesAndIgnoresAScopeAlreadyHeld() {
        long id = accounts.create(email(), "Alex Hill", null, Scope.careersLeader(schoolId));

        accounts.addScope(id, Scope.coordinator(hubId));
        accounts.addScope(id, Scope.coordinator(hubId));
        accounts.addScope(id, Scope.employer(employerId));
        Account widened = accounts.findById(id).orElseThrow();
        assertThat(widened.scopes())
                .containsExactly(Scope.careersLeader(schoolId), Scope.coordinator(hubId), Scope.employer(employerId));
        assertThat(widened.hubIds()).containsExactly(hubId);
        assertThat(widened.employerIds()).containsExactly(employerId);

        accounts.removeScope(id, Scope.coordinator(hubId));
        assertThat(accounts.findById(id).orElseThrow().scopes())
                .containsExactly(Scope.careersLeader(schoolId), Scope.employer(employerId));
    }

    @Test
    void refusesAScopeThatDoesNotFitItsRole() {
        assertThatThrownBy(() -> new Scope(Role.CAREERS_LEADER, null, null, hubId))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scope(Role.ADMIN, schoolId, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsAPasswordAndRecordsWhenItChanged() {
        long id = accounts.create(email(), "Jo Link", null, Scope.employer(employerId));
        assertThat(accounts.passwordHashOf(id)).isEmpty();

        accounts.setPassword(id, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

        assertThat(accounts.passwordHashOf(id)).contains("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        assertThat(db.dsl()
                        .select(APP_USER.PASSWORD_CHANGED_AT)
                        .from(APP_USER)
                        .where(APP_USER.ID.eq(id))
                        .fetchOne(0))
                .isNotNull();
    }

    @Test
    void findsTheCoordinatorsOfAHubAndTheCareersLeadersOfItsSchoolsOnly() {
        long coordinator = accounts.create(email(), "Hub Coordinator", null, Scope.coordinator(hubId));
        long careersLeader = accounts.create(email(), "Hub Careers Leader", null, Scope.careersLeader(schoolId));
        long elsewhere =
                accounts.create(email(), "Elsewhere Careers Leader", null, Scope.careersLeader(otherHubSchoolId));
        long employer = accounts.create(email(), "Hub Employer", null, Scope.employer(employerId));

        assertThat(accounts.findByHub(hubId))
                .extracting(Account::id)
                .contains(coordinator, careersLeader)
                .doesNotContain(elsewhere, employer);
    }

    @Test
    void findsWhoeverHoldsExactlyAScope() {
        long coordinator = accounts.create(email(), "Hub Coordinator", null, Scope.coordinator(hubId));
        accounts.create(email(), "Careers Leader", null, Scope.careersLeader(schoolId));

        assertThat(accounts.findHolding(Scope.coordinator(hubId)))
                .extracting(Account::id)
                .contains(coordinator)
                .allSatisfy(id ->
                        assertThat(accounts.findById(id).orElseThrow().scopes()).contains(Scope.coordinator(hubId)));
    }

    @Test
    void namesThePlacesOfAPersonsScopes() {
        long id = accounts.create(email(), "Many Hats", null, Scope.careersLeader(schoolId));
        accounts.addScope(id, Scope.employer(employerId));
        accounts.addScope(id, Scope.coordinator(hubId));

        AccountRepository.PlaceNames places =
                accounts.findPlaceNames(accounts.findById(id).orElseThrow());

        assertThat(places.hubs()).containsExactly(entry(hubId, "Derby"));
        assertThat(places.schools()).containsExactly(entry(schoolId, "Littleover Community School"));
        assertThat(places.employers()).containsExactly(entry(employerId, "Acme Engineering"));
    }

    @Test
    void findsNobodyDisabledButKeepsTheirEmailTaken() {
        String email = email();
        long id = accounts.create(email, "Gone Away", null, Scope.coordinator(hubId));

        accounts.disable(id);

        assertThat(accounts.findById(id)).isEmpty();
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(accounts.findByHub(hubId)).extracting(Account::id).doesNotContain(id);
        assertThat(accounts.emailTaken(email)).isTrue();

        accounts.enable(id);
        assertThat(accounts.findById(id)).isPresent();
    }

    @Test
    void readsRoleCodesAndLabelsBothWays() {
        assertThat(Role.fromCode("careers_leader")).isEqualTo(Role.CAREERS_LEADER);
        assertThat(Role.COORDINATOR.code()).isEqualTo("coordinator");
        assertThat(Role.COORDINATOR.label()).isEqualTo("Enterprise coordinator");
        assertThatThrownBy(() -> Role.fromCode("headteacher")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String email() {
        return "person" + unique.incrementAndGet() + "@example.org";
    }
}

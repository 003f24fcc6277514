package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * An enterprise adviser, invited by the coordinator, reads their school's progress, requests and
 * bookings and changes nothing; the school chooses whether its digests go to them and which
 * employer it is linked with.
 */
class EnterpriseAdviserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long hub;
    static long school;
    static long otherSchool;
    static long employer;
    static long elsewhere;

    @BeforeAll
    static void aHubWithASchoolAndItsPeople() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Littleover Community School");
        otherSchool = data.school(hub, "Murray Park School");
        employer = data.employer(hub, "Rolls-Royce");
        elsewhere = data.employer(data.hub("Norwich Hub"), "Aviva");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "ada@rolls.example", "Ada", Scope.enterpriseAdviser(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 12, 7));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theCoordinatorInvitesAnAdviserForOneOfTheHubsSchools() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/hubs/" + hub + "/people");

        var invited = cora.post(
                "/hubs/" + hub + "/enterprise-advisers",
                Map.of(
                        "adviserSchool",
                        String.valueOf(otherSchool),
                        "adviserName",
                        "Bo Adviser",
                        "adviserEmail",
                        "bo@example.org"));

        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(db.dsl()
                        .fetchCount(
                                USER_SCOPE,
                                USER_SCOPE
                                        .SCHOOL_ID
                                        .eq(otherSchool)
                                        .and(USER_SCOPE.ROLE.eq(Role.ENTERPRISE_ADVISER.code()))))
                .isOne();
        assertThat(cora.get("/hubs/" + hub + "/people").body())
                .contains("Bo Adviser is now enterprise adviser to Murray Park School")
                .contains("<td>Enterprise adviser</td><td>Murray Park School</td>");
        var missing = cora.post("/hubs/" + hub + "/enterprise-advisers", Map.of("adviserName", "No School"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"adviserSchool-error\"");
    }

    @Test
    void anAdviserReadsTheSchoolsProgressRequestsAndBookingsAndChangesNothing() {
        Visitor ada = new Visitor(app).signIn("ada@rolls.example", Accounts.PASSWORD);
        assertThat(ada.get("/account").body()).contains("Enterprise adviser to Littleover Community School");

        // the pages offer them nothing the rules would refuse
        assertThat(ada.get("/schools/" + school + "/progress").body())
                .contains("You are the school's enterprise adviser")
                .doesNotContain("/requests/plan")
                .doesNotContain("/pupils\"");
        assertThat(ada.get("/schools/" + school + "/requests").body())
                .doesNotContain("Request an encounter")
                .doesNotContain("/cancel");
        assertThat(ada.get("/schools/" + school + "/bookings").statusCode()).isEqualTo(200);
        assertThat(ada.get("/schools/" + school + "/pupils").statusCode()).isEqualTo(403);
        assertThat(ada.get("/schools/" + school + "/links").statusCode()).isEqualTo(403);
        assertThat(ada.post("/schools/" + school + "/requests", Map.of("yearGroup", "9"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(ada.get("/schools/" + otherSchool + "/progress").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSchoolSendsItsDigestsToItsAdvisersAndLinksAnEmployerOfItsHubOnly() {
        Visitor lee = new Visitor(app).signIn("lee@littleover.example", Accounts.PASSWORD);
        assertThat(lee.get("/schools/" + school + "/requests").body()).contains("Request an encounter");
        assertThat(lee.get("/schools/" + school + "/links").body()).contains("Ada (ada@rolls.example)");

        var saved = lee.post(
                "/schools/" + school + "/links",
                Map.of("digestToAdvisers", "yes", "linkedEmployer", String.valueOf(employer)));

        assertThat(saved.statusCode()).isEqualTo(302);
        var row = db.dsl().selectFrom(SCHOOL).where(SCHOOL.ID.eq(school)).fetchSingle();
        assertThat(row.getDigestToAdvisers()).isTrue();
        assertThat(row.getLinkedEmployerId()).isEqualTo(employer);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("school_links_changed")))
                .isPositive();

        lee.get("/schools/" + school + "/links");
        var otherHubs = lee.post("/schools/" + school + "/links", Map.of("linkedEmployer", String.valueOf(elsewhere)));
        assertThat(otherHubs.statusCode()).isEqualTo(422);
        assertThat(db.dsl().fetchValue(SCHOOL.LINKED_EMPLOYER_ID, SCHOOL.ID.eq(school)))
                .isEqualTo(employer);
    }
}

package uk.encounters.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The account journeys through real HTTP, real sessions and the real outbox. */
class AccountJourneyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String ADMIN_PASSWORD = "granite otter lantern meadow";
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/\\S+)");

    static RunningApp app;
    static long schoolId;
    static long employerId;

    @BeforeAll
    static void anAdministratorAndAnEmptyHubWithASchool() {
        new AccountRepository(db.dsl())
                .create("admin@example.org", "Ada Admin", new Passwords().hash(ADMIN_PASSWORD), Scope.admin());
        TestData data = new TestData(db.dsl());
        long derby = data.hub("Derby Careers Hub");
        schoolId = data.school(derby, "Noel-Baker Academy");
        employerId = data.employer(derby, "Riverside Engineering");
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdminCreatesAHubAndInvitesACoordinatorWhoInvitesACareersLeader() {
        Visitor admin = new Visitor(app).signIn("admin@example.org", ADMIN_PASSWORD);
        admin.get("/admin");
        HttpResponse<String> created =
                admin.post("/admin/hubs", Map.of("name", "Norwich Careers Hub", "area", "norwich"));
        assertThat(created.statusCode()).isEqualTo(302);
        String hubPath = created.headers().firstValue("location").orElseThrow();
        long hubId = Long.parseLong(hubPath.substring(hubPath.lastIndexOf('/') + 1));
        long school = new TestData(db.dsl()).school(hubId, "City of Norwich School");

        admin.get(hubPath);
        assertThat(admin.post(
                                hubPath + "/coordinators",
                                Map.of("name", "Cora Ordinator", "email", "cora@norwich.example"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get(hubPath).body()).contains("Cora Ordinator");

        String invitation = linkIn(latestMessageTo("cora@norwich.example"));
        Visitor cora = new Visitor(app);
        assertThat(cora.get(invitation).body()).contains("Accept your invitation");
        HttpResponse<String> weak = cora.post(invitation, Map.of("password", "password123", "confirm", "password123"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("There is a problem").contains("aria-invalid=\"true\"");
        HttpResponse<String> accepted = cora.post(
                invitation,
                Map.of("password", "kettle harbour violet engine", "confirm", "kettle harbour violet engine"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(cora.get("/account").body()).contains("Enterprise coordinator for Norwich Careers Hub");

        cora.get("/hubs/" + hubId + "/people");
        assertThat(cora.post(
                                "/hubs/" + hubId + "/careers-leaders",
                                Map.of(
                                        "school",
                                        String.valueOf(school),
                                        "name",
                                        "Cal Leader",
                                        "email",
                                        "cal@cns.example"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(cora.get("/hubs/" + hubId + "/people").body())
                .contains("Cal Leader")
                .contains("City of Norwich School");
        assertThat(latestMessageTo("cal@cns.example")).contains("careers leader at City of Norwich School");

        assertThat(new Visitor(app).get(invitation).statusCode())
                .as("an invitation works once")
                .isEqualTo(410);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("scope_granted")))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCoordinatorCannotInviteALeaderForASchoolOutsideTheirHub() {
        long otherHub = new TestData(db.dsl()).hub("Blackpool Careers Hub");
        new AccountRepository(db.dsl())
                .create(
                        "bea@blackpool.example",
                        "Bea",
                        new Passwords().hash(ADMIN_PASSWORD),
                        Scope.coordinator(otherHub));
        Visitor bea = new Visitor(app).signIn("bea@blackpool.example", ADMIN_PASSWORD);
        bea.get("/hubs/" + otherHub + "/people");
        int users = db.dsl().fetchCount(APP_USER);

        HttpResponse<String> response = bea.post(
                "/hubs/" + otherHub + "/careers-leaders",
                Map.of("school", String.valueOf(schoolId), "name", "Sneaky", "email", "sneaky@example.org"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Select the school");
        assertThat(db.dsl().fetchCount(APP_USER)).isEqualTo(users);
    }

    @Test
    void anInvalidFormSaysWhatIsWrongBesideEachFieldKeepsTheInputAndWritesNothing() {
        Visitor admin = new Visitor(app).signIn("admin@example.org", ADMIN_PASSWORD);
        admin.get("/admin");
        int hubs = db.dsl().fetchCount(HUB);

        HttpResponse<String> response = admin.post("/admin/hubs", Map.of("name", "Derby Careers Hub", "area", ""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("There is a problem")
                .contains("<a href=\"#name\">There is already a hub called Derby Careers Hub</a>")
                .contains("<a href=\"#area\">Enter the area it covers</a>")
                .contains("value=\"Derby Careers Hub\"")
                .contains("aria-describedby=\"area-error");
        assertThat(db.dsl().fetchCount(HUB)).isEqualTo(hubs);
    }

    @Test
    void signInGivesANewSessionIdAndSignOutEndsTheSession() {
        new AccountRepository(db.dsl())
                .create("sam@example.org", "Sam", new Passwords().hash(ADMIN_PASSWORD), Scope.careersLeader(schoolId));
        Visitor sam = new Visitor(app);
        sam.get("/sign-in");
        String before = sam.cookie("encounters_session");
        assertThat(before).isNotNull();

        sam.post("/sign-in", Map.of("email", "SAM@example.org", "password", ADMIN_PASSWORD));
        String after = sam.cookie("encounters_session");
        assertThat(after).isNotEqualTo(before);
        assertThat(sam.get("/account").statusCode()).isEqualTo(200);
        assertThat(new Visitor(app)
                        .withCookie("encounters_session", before)
                        .get("/account")
                        .statusCode())
                .as("the id from before sign-in is worthless")
                .isEqualTo(302);
        assertThat(new Visitor(app)
                        .withCookie("encounters_session", after)
                        .get("/account")
                        .statusCode())
                .as("the session works from another client too, as behind a load balancer")
                .isEqualTo(200);

        sam.post("/sign-out", Map.of());
        assertThat(sam.get("/account").statusCode()).isEqualTo(302);
        assertThat(new Visitor(app)
                        .withCookie("encounters_session", after)
                        .get("/account")
                        .statusCode())
                .as("signing out ends the session everywhere")
                .isEqualTo(302);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswerAndBothAreAudited() {
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in");
        HttpResponse<String> wrong =
                visitor.post("/sign-in", Map.of("email", "admin@example.org", "password", "not it at all"));
        visitor.get("/sign-in");
        HttpResponse<String> unknown =
                visitor.post("/sign-in", Map.of("email", "nobody@example.org", "password", "not it at all"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The email address or password is not right");
        assertThat(unknown.body()).contains("The email address or password is not right");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("sign_in_failed")))
                .isGreaterThanOrEqualTo(2);
        assertThat(db.dsl().fetch("select detail::text from audit_log").toString())
                .doesNotContain("not it at all");
    }

    @Test
    void aForgottenPasswordIsResetByAnEmailedLinkThatWorksOnce() {
        new AccountRepository(db.dsl())
                .create(
                        "rita@example.org",
                        "Rita",
                        new Passwords().hash(ADMIN_PASSWORD),
                        Scope.careersLeader(schoolId));
        Visitor rita = new Visitor(app);
        rita.get("/password-reset");
        assertThat(rita.post("/password-reset", Map.of("email", "rita@example.org"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(rita.get("/sign-in").body()).contains("If rita@example.org has an account, we have sent it a link");

        String reset = linkIn(latestMessageTo("rita@example.org"));
        rita.get(reset);
        assertThat(rita.post(
                                reset,
                                Map.of("password", "saddle comet orchard nine", "confirm", "saddle comet orchard nine"))
                        .statusCode())
                .isEqualTo(302);

        new Visitor(app).signIn("rita@example.org", "saddle comet orchard nine");
        Visitor old = new Visitor(app);
        old.get("/sign-in");
        assertThat(old.post("/sign-in", Map.of("email", "rita@example.org", "password", ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(401);
        assertThat(new Visitor(app).get(reset).statusCode()).isEqualTo(410);
    }

    @Test
    void askingForALinkForAnUnknownAddressSaysTheSameAndSendsNothing() {
        int before = new Outbox(db.dsl()).findRecent(1000).size();
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in/link");

        assertThat(visitor.post("/sign-in/link", Map.of("email", "stranger@example.org"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(visitor.get("/sign-in").body()).contains("If stranger@example.org has an account");
        assertThat(new Outbox(db.dsl()).findRecent(1000)).hasSize(before);
    }

    @Test
    void anEmployerWithoutAPasswordSignsInOnceWithAnEmailedLink() {
        new AccountRepository(db.dsl()).create("owner@riverside.example", "Rhys", null, Scope.employer(employerId));
        Visitor rhys = new Visitor(app);
        rhys.get("/sign-in/link");
        rhys.post("/sign-in/link", Map.of("email", "owner@riverside.example"));

        String link = linkIn(latestMessageTo("owner@riverside.example"));
        assertThat(rhys.get(link).body()).contains("Press the button to sign in");
        assertThat(rhys.post(link, Map.of()).statusCode()).isEqualTo(302);
        assertThat(rhys.get("/account").body()).contains("Contact for Riverside Engineering");

        Visitor again = new Visitor(app);
        again.get("/sign-in/link");
        assertThat(again.post(link, Map.of()).statusCode())
                .as("a link works once")
                .isEqualTo(410);
    }

    private static String latestMessageTo(String recipient) {
        return Mailbox.latestTo(app, recipient);
    }

    private static String linkIn(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in %s", body).isTrue();
        return URI.create(m.group()).getPath();
    }
}

package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** An organisation's contact preferences, opened by the link in each request: one click, or its page. */
class ContactPreferencesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long employer;
    static long otherEmployer;
    static long hub;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Preferences hub");
        Accounts.create(db.dsl(), "cora@prefhub.example", "Cora", Scope.coordinator(hub));
        employer = data.employer(hub, "Quiet Firm");
        otherEmployer = data.employer(hub, "Other Firm");
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void askedAsUsual() {
        db.dsl()
                .update(EMPLOYER)
                .setNull(EMPLOYER.ASKS_STOPPED_AT)
                .setNull(EMPLOYER.ASKS_PAUSED_UNTIL)
                .execute();
    }

    /** The link a request to {@code employerId} carries, as its message is sent. */
    static String link(long employerId) {
        LoginTokenRepository tokens = new LoginTokenRepository(db.dsl(), Clock.systemUTC());
        long id = tokens.issueContactPreferences(List.of(employerId)).get(employerId);
        return "/organisations/" + employerId + "/contact-preferences/"
                + tokens.mint(id).orElseThrow().token();
    }

    @Test
    void aMailAppsOneClickStopsRequestsWithoutAFormTokenAndIsAudited() {
        String link = link(employer);

        HttpResponse<String> stopped = new Visitor(app).postExactly(link, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("Requests to Quiet Firm are stopped");
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ID.eq(employer)))
                .isNotNull();
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("contact_preferences_changed")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(employer))))
                .isPositive();
        // the coordinator sees it beside the organisation
        Visitor cora = new Visitor(app).signIn("cora@prefhub.example", Accounts.PASSWORD);
        assertThat(cora.get("/hubs/" + hub + "/employers").body()).contains("Stopped requests");
        // a second click (mail apps retry) changes nothing and still succeeds
        assertThat(new Visitor(app)
                        .postExactly(link, Map.of("List-Unsubscribe", "One-Click"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLinkWorksForItsOwnOrganisationOnlyAndAnythingElseWithoutAFormTokenIsRefused() {
        String link = link(employer);
        String secret = link.substring(link.lastIndexOf('/') + 1);

        assertThat(new Visitor(app)
                        .get("/organisations/" + otherEmployer + "/contact-preferences/" + secret)
                        .statusCode())
                .isEqualTo(410);
        assertThat(new Visitor(app)
                        .postExactly(
                                "/organisations/" + otherEmployer + "/contact-preferences/" + secret,
                                Map.of("List-Unsubscribe", "One-Click"))
                        .statusCode())
                .isEqualTo(410);
        assertThat(new Visitor(app)
                        .get("/organisations/" + employer + "/contact-preferences/not-the-secret")
                        .statusCode())
                .isEqualTo(410);
        // the page's own form needs its form token like every other
        assertThat(new Visitor(app)
                        .postExactly(link, Map.of("asking", "stopped"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ID.eq(otherEmployer)))
                .isNull();
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ID.eq(employer)))
                .isNull();
    }

    @Test
    void onThePageAPersonPausesRequestsForAWhileThenAsksForThemAgain() {
        String link = link(employer);
        Visitor visitor = new Visitor(app);

        HttpResponse<String> page = visitor.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("The hub may ask Quiet Firm for sessions")
                .contains("Pause requests for a while");

        HttpResponse<String> noChoice = visitor.post(link, Map.of());
        assertThat(noChoice.statusCode()).isEqualTo(422);
        assertThat(noChoice.body()).contains("Select whether the hub may ask you");

        visitor.get(link);
        HttpResponse<String> paused = visitor.post(link, Map.of("asking", "paused", "pause", "three_months"));
        assertThat(paused.statusCode()).isEqualTo(200);
        LocalDate until = db.dsl().fetchValue(EMPLOYER.ASKS_PAUSED_UNTIL, EMPLOYER.ID.eq(employer));
        assertThat(until).isEqualTo(TODAY.plusMonths(3));
        assertThat(paused.body()).contains("paused until Tue 23 Feb 2027");

        visitor.get(link);
        visitor.post(link, Map.of("asking", "as_usual"));
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_PAUSED_UNTIL, EMPLOYER.ID.eq(employer)))
                .isNull();
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_STOPPED_AT, EMPLOYER.ID.eq(employer)))
                .isNull();
    }
}

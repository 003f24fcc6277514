package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The employer bank import and the cornerstone and agency marks, through real HTTP and PostgreSQL. */
class EmployerBankRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PASSWORD = "quarry lemon bicycle anchor";

    static RunningApp app;
    static long derby;
    static long nottingham;
    static long kiln;

    @BeforeAll
    static void aHubWithKilnStreetPotteryAndTwoCoordinators() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        data.school(derby, "Noel-Baker Academy");
        kiln = new EmployerRepository(db.dsl())
                .create(
                        derby,
                        "Kiln Street Pottery Ltd",
                        "jo@kilnstreet.example",
                        "DE1 4KS",
                        "small",
                        "Manufacturing",
                        false,
                        1);
        db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(kiln, "Jo Potter", "jo@kilnstreet.example")
                .execute();
        AccountRepository accounts = new AccountRepository(db.dsl());
        String hash = new Passwords().hash(PASSWORD);
        accounts.create("cora@derby.example", "Cora Ordinator", hash, Scope.coordinator(derby));
        accounts.create("nia@nottingham.example", "Nia Ordinator", hash, Scope.coordinator(nottingham));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, PASSWORD);
    }

    static String agencyList() throws IOException {
        try (InputStream in = EmployerBankRoutesTest.class.getResourceAsStream("/imports/agency-list.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The list's organisations in the hub (other tests add their own). */
    static int organisationsInDerby() {
        return db.dsl()
                .fetchCount(
                        EMPLOYER,
                        EmployerRepository.presentIn(derby)
                                .and(EMPLOYER.POSTCODE
                                        .like("DE1 4KS")
                                        .or(EMPLOYER.VIA_AGENCY_ID.isNotNull())
                                        .or(EMPLOYER.NAME.in(
                                                "Derby and Derbyshire Chamber of Commerce",
                                                "Cathedral Quarter Coffee Co",
                                                "Normanton Community Pharmacy",
                                                "Sinfin Signs"))));
    }

    @Test
    void anAgencyListIsPreviewedLineByLineRefusedWhileALineIsBadThenSavedWithTheBadLineSkipped() throws IOException {
        String csv = agencyList();
        String path = "/hubs/" + derby + "/import/employers";
        Visitor cora = signedIn("cora@derby.example");
        assertThat(cora.get("/hubs/" + derby + "/employers/import").body()).contains("Check the list");

        HttpResponse<String> preview =
                cora.upload(path, "file", "agency-list.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("1 of the rows have errors")
                .contains("New organisation: Derwent Precision Engineering Ltd, DE24 8UP, via Derby and Derbyshire")
                .contains("Derwent Precision Engineering Limited: the same new organisation as line 3")
                .contains("Already in the hub: Kiln Street Pottery Ltd (same name and postcode)")
                .contains("volunteer Jo Potter already known")
                .contains("Priya Shah&#x27;s safeguarding check ran out on Mon 31 Aug 2026")
                .contains("Enter an email address in the right format");
        assertThat(organisationsInDerby()).isEqualTo(1);

        HttpResponse<String> refused = cora.post(path, Map.of("csv", csv, "action", "save"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("nothing was saved");
        assertThat(organisationsInDerby())
                .as("nothing saved while a line is bad")
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(OUTBOX)).isZero();

        HttpResponse<String> saved = cora.post(path, Map.of("csv", csv, "action", "save", "skipBadRows", "true"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(organisationsInDerby()).as("9 new and Kiln Street Pottery").isEqualTo(10);
        assertThat(db.dsl().fetchCount(EMPLOYER, EMPLOYER.NAME.eq("Sinfin Signs")))
                .isZero();
        long chamber = db.dsl()
                .select(EMPLOYER.ID)
                .from(EMPLOYER)
                .where(EMPLOYER.NAME.eq("Derby and Derbyshire Chamber of Commerce"))
                .fetchSingle(EMPLOYER.ID);
        assertThat(db.dsl().fetchCount(EMPLOYER, EMPLOYER.VIA_AGENCY_ID.eq(chamber)))
                .isEqualTo(6);
        assertThat(db.dsl().select(OUTBOX.RECIPIENT).from(OUTBOX).fetch(OUTBOX.RECIPIENT))
                .as("new organisations' contacts only, each once")
                .hasSize(9)
                .contains("raj.patel@derwentprecision.example", "helen.marsh@derbychamber.example")
                .doesNotContain("jo@kilnstreet.example");
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(kiln)))
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("employer_bank_imported")))
                .isEqualTo(1);
        assertThat(cora.get("/hubs/" + derby + "/employers").body())
                .contains("Imported the list: 9 new organisations, 1 organisation already in the hub, 10 new"
                        + " volunteers, 1 volunteer already known; 9 contacts invited")
                .contains("1 line with errors was skipped")
                .contains("via Derby and Derbyshire Chamber of Commerce")
                .contains(">Agency<");
    }

    @Test
    void anotherHubsCoordinatorCanNeitherSeeNorSendTheImport() {
        Visitor nia = signedIn("nia@nottingham.example");

        assertThat(nia.get("/hubs/" + derby + "/employers/import").statusCode()).isEqualTo(403);
        assertThat(nia.upload(
                                "/hubs/" + derby + "/import/employers",
                                "file",
                                "list.csv",
                                "organisation,postcode,sector,size\nX,DE1 1AA,Retail,micro\n"
                                        .getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.dsl().fetchCount(EMPLOYER, EMPLOYER.NAME.eq("X"))).isZero();
    }

    @Test
    void aCoordinatorMarksAndUnmarksACornerstoneAndEachChangeIsAudited() {
        long rolls = new EmployerRepository(db.dsl())
                .create(derby, "Sinfin Aero Engines", "", "DE24 9BJ", "large", "Manufacturing", false, 1);
        Visitor cora = signedIn("cora@derby.example");
        String path = "/hubs/" + derby + "/employers/cornerstone";
        cora.get("/hubs/" + derby + "/employers");

        assertThat(cora.post(path, Map.of("employer", String.valueOf(rolls), "mark", "yes"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(cornerstone(rolls)).isTrue();
        assertThat(cora.get("/hubs/" + derby + "/employers?q=Sinfin+Aero").body())
                .contains("Sinfin Aero Engines is now a cornerstone employer.")
                .contains(">Cornerstone\n");

        assertThat(cora.post(path, Map.of("employer", String.valueOf(rolls), "mark", "no"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(cornerstone(rolls)).isFalse();
        assertThat(db.dsl()
                        .select(AUDIT_LOG.ACTION)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SUBJECT_ID.eq(rolls))
                        .and(AUDIT_LOG.SUBJECT_TYPE.eq("employer"))
                        .orderBy(AUDIT_LOG.ID)
                        .fetch(AUDIT_LOG.ACTION))
                .containsExactly("cornerstone_marked", "cornerstone_unmarked");

        cora.get("/hubs/" + derby + "/employers");
        HttpResponse<String> wrong = cora.post(path, Map.of("employer", String.valueOf(rolls), "mark", "maybe"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        long elsewhere = new EmployerRepository(db.dsl())
                .create(nottingham, "Trent Bridge Cycles", "", "NG2 6AG", "micro", "Retail", false, 1);
        assertThat(cora.post(path, Map.of("employer", String.valueOf(elsewhere), "mark", "yes"))
                        .statusCode())
                .as("an organisation of another hub")
                .isEqualTo(422);
        assertThat(cornerstone(elsewhere)).isFalse();
    }

    @Test
    void aCoordinatorRecordsAnOrganisationAsAnAgency() {
        long broker = new EmployerRepository(db.dsl())
                .create(
                        derby,
                        "Derby Business Brokers",
                        "",
                        "DE1 2BB",
                        "micro",
                        "Business administration & support services",
                        false,
                        1);
        Visitor cora = signedIn("cora@derby.example");

        assertThat(cora.post(
                                "/hubs/" + derby + "/employers/agency",
                                Map.of("employer", String.valueOf(broker), "mark", "yes"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(db.dsl()
                        .select(EMPLOYER.KIND)
                        .from(EMPLOYER)
                        .where(EMPLOYER.ID.eq(broker))
                        .fetchSingle(EMPLOYER.KIND))
                .isEqualTo("agency");
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("employer_kind_changed").and(AUDIT_LOG.SUBJECT_ID.eq(broker))))
                .isEqualTo(1);
    }

    /** Marked as a cornerstone in Derby: another hub's mark is its own. */
    private static boolean cornerstone(long employerId) {
        return db.dsl()
                .fetchExists(
                        EMPLOYER_HUB_PRESENCE,
                        EMPLOYER_HUB_PRESENCE
                                .EMPLOYER_ID
                                .eq(employerId)
                                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(derby))
                                .and(EMPLOYER_HUB_PRESENCE.CORNERSTONE));
    }
}

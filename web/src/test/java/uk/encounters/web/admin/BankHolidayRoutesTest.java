package uk.encounters.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BANK_HOLIDAY_UPLOAD;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.calendar.BankHolidayRepository;
import uk.encounters.marketplace.calendar.BankHolidays;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** An administrator replaces the shipped bank holidays with GOV.UK's newer file: checked, previewed, saved. */
class BankHolidayRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String FILE = """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true},
              {"title": "Good Friday", "date": "2029-03-30", "notes": "", "bunting": false},
              {"title": "Boxing Day", "date": "2028-12-26", "notes": "", "bunting": true}]}}
            """;

    static RunningApp app;
    static long hub;

    @BeforeAll
    static void anAdministratorAndACoordinator() {
        hub = new TestData(db.dsl()).hub("Bank holiday hub");
        Accounts.create(db.dsl(), "ada@admin.example", "Ada", Scope.admin());
        Accounts.create(db.dsl(), "cora@hub.example", "Cora", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theAdministratorChecksTheFileSeesHowManyDatesEachYearThenSavesIt() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        assertThat(ada.get("/admin/bank-holidays").body()).contains("The file shipped with the app");

        HttpResponse<String> preview = ada.upload(
                "/admin/import/bank-holidays", "file", "bank-holidays.json", FILE.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Check the file before saving")
                .contains("From Tue 26 Dec 2028 to Fri 30 Mar 2029")
                .contains("<td>2029</td><td class=\"numeric\">2</td>");
        assertThat(db.dsl().fetchCount(BANK_HOLIDAY_UPLOAD))
                .as("nothing saved yet")
                .isZero();

        HttpResponse<String> saved = ada.post("/admin/import/bank-holidays", Map.of("json", FILE, "action", "save"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(new BankHolidayRepository(db.dsl()).current().days())
                .containsOnlyKeys(LocalDate.of(2028, 12, 26), LocalDate.of(2029, 1, 1), LocalDate.of(2029, 3, 30));
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("bank_holidays.upload")))
                .isEqualTo(1);
        assertThat(ada.get("/admin/bank-holidays").body())
                .contains("Uploaded by Ada")
                .contains("Saved: every hub");
    }

    @Test
    void aFileNotInGovUksShapeIsRefusedBesideTheFileField() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/bank-holidays");
        long uploads = db.dsl().fetchCount(BANK_HOLIDAY_UPLOAD);

        HttpResponse<String> refused = ada.upload(
                "/admin/import/bank-holidays",
                "file",
                "holidays.csv",
                "Date,Title\n2029-01-01,New Year".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"file-error\"").contains("The file is not JSON");
        HttpResponse<String> tampered = ada.post(
                "/admin/import/bank-holidays",
                Map.of("json", FILE.replace("Good Friday", "Good\\u0007Friday"), "action", "save"));
        assertThat(tampered.statusCode()).isEqualTo(422);
        assertThat(tampered.body()).contains("Event 2 needs a title of one line");
        assertThat(db.dsl().fetchCount(BANK_HOLIDAY_UPLOAD)).isEqualTo(uploads);
    }

    @Test
    void aCoordinatorCannotReplaceTheBankHolidays() {
        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        cora.get("/account");
        assertThat(cora.get("/admin/bank-holidays").statusCode()).isEqualTo(403);
        assertThat(cora.post("/admin/import/bank-holidays", Map.of("json", FILE, "action", "save"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(BankHolidays.shipped().perYear()).containsKey(2028);
    }
}

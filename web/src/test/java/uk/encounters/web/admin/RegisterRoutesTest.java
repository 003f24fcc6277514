package uk.encounters.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ESTABLISHMENT;
import static uk.encounters.marketplace.jooq.Tables.NEIGHBOURHOOD_DEPRIVATION;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.register.RegisterExcerpt;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** An administrator loads the register of schools; a bad file is refused whole, with its lines named. */
class RegisterRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;

    @BeforeAll
    static void anAdministratorAndACoordinator() {
        Accounts.create(db.dsl(), "ada@admin.example", "Ada", Scope.admin());
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(new TestData(db.dsl()).hub("Derby")));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 12, 7));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdministratorLoadsTheRegisterAndSeesWhichCopyIsInUse() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        assertThat(ada.get("/admin").body()).contains("href=\"/admin/register\"");
        ada.get("/admin/register");

        var loaded = ada.upload(
                "/admin/import/register",
                "file",
                "gias-derby.csv",
                RegisterExcerpt.derby().getBytes(StandardCharsets.UTF_8));

        assertThat(loaded.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(ESTABLISHMENT)).isGreaterThanOrEqualTo(117);
        assertThat(ada.get("/admin/register").body())
                .contains("Loaded 117 establishments from gias-derby.csv")
                // loaded when the database says, in the one date style
                .containsPattern("In use: <strong>gias-derby.csv</strong>, 117 establishments, loaded on"
                        + " (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4} by Ada\\.");
    }

    @Test
    void theDfesWindows1252FileIsReadWithItsAccents() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/register");
        String file = "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\r\n"
                + "999101,\u00c9cole Fran\u00e7aise,Other independent school,Secondary\r\n";

        assertThat(ada.upload(
                                "/admin/import/register",
                                "file",
                                "edubase.csv",
                                file.getBytes(Charset.forName("windows-1252")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchValue(ESTABLISHMENT.NAME, ESTABLISHMENT.URN.eq(999101)))
                .isEqualTo("\u00c9cole Fran\u00e7aise");
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithTheLinesNamed() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/register");
        String file = "urn,establishment_name,establishment_type,education_phase\n"
                + "999201,Good School,Community school,Secondary\n"
                + "12x,Bad School,Community school,Secondary\n";

        var refused = ada.upload("/admin/import/register", "file", "bad.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Nothing was loaded")
                .contains("<td>3</td><td>The URN must be a whole number, not &quot;12x&quot;</td>");
        assertThat(db.dsl().fetchCount(ESTABLISHMENT, ESTABLISHMENT.URN.eq(999201)))
                .isZero();

        var wrongFile = ada.upload(
                "/admin/import/register",
                "file",
                "pupils.csv",
                "reference,year_group\nA1,9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongFile.statusCode()).isEqualTo(422);
        assertThat(wrongFile.body())
                .contains("This is not the register of establishments: it has no column EstablishmentName");
    }

    @Test
    void theIndicesOfDeprivationLoadBesideTheRegisterAndAnotherFileIsRefused() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/register");

        var loaded = ada.upload(
                "/admin/import/deprivation",
                "deprivationFile",
                "File_1_IoD2019.csv",
                RegisterExcerpt.derbyDeprivation().getBytes(StandardCharsets.UTF_8));

        assertThat(loaded.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(NEIGHBOURHOOD_DEPRIVATION)).isEqualTo(151);
        assertThat(ada.get("/admin/register").body())
                .contains("Loaded the deprivation deciles of 151 neighbourhoods from File_1_IoD2019.csv")
                .contains("In use: the deciles of 151 neighbourhoods");

        var wrong = ada.upload(
                "/admin/import/deprivation",
                "deprivationFile",
                "register.csv",
                RegisterExcerpt.derby().getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("This is not file 1 of the indices of deprivation");
    }

    @Test
    void aCoordinatorCannotLoadIt() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/account");

        assertThat(cora.get("/admin/register").statusCode()).isEqualTo(403);
        assertThat(cora.upload("/admin/import/register", "file", "x.csv", "urn\n1\n".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
    }
}

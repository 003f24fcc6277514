package uk.encounters.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** An administrator exports or erases what is held about an email address; nobody else can. */
class PrivacyRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long volunteer;
    static long booking;

    @BeforeAll
    static void aVolunteerWhoIsAlsoAnEmployerContact() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Privacy hub");
        long school = data.school(hub, "Privacy School");
        long employer = data.employer(hub, "Privacy Ltd");
        Accounts.create(db.dsl(), "ada@admin.example", "Ada", Scope.admin());
        long eve = Accounts.create(db.dsl(), "eve@privacy.example", "Eve Contact", Scope.employer(employer));
        var twoStep = new uk.encounters.marketplace.account.SecondFactor(db.dsl(), java.time.Clock.systemUTC());
        String secret = uk.encounters.marketplace.account.SecondFactor.newSecret();
        twoStep.enrol(
                eve, secret, uk.encounters.marketplace.account.SecondFactor.codeAt(secret, twoStep.currentStep()));
        Accounts.create(db.dsl(), "cora@hub.example", "Cora", Scope.coordinator(hub));
        volunteer = data.volunteer(employer);
        db.dsl()
                .update(VOLUNTEER)
                .set(VOLUNTEER.EMAIL, "Eve@Privacy.example")
                .set(VOLUNTEER.NAME, "Eve Volunteer")
                .where(VOLUNTEER.ID.eq(volunteer))
                .execute();
        long offer = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, LocalDate.of(2026, 12, 1)),
                offer,
                volunteer,
                LocalDate.of(2026, 12, 2),
                BookingStatus.PUBLISHED);
        new Outbox(db.dsl())
                .enqueue(new OutboxMessage(
                        "privacy-digest",
                        "digest",
                        "eve@privacy.example",
                        "Your bookings",
                        "Reply at https://encounters.example/bookings/1/reply/secret-token",
                        null));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void processExportDownloadsEverythingHeldWithoutLiveLinks() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        assertThat(ada.get("/admin/privacy").body()).contains("Privacy requests");

        HttpResponse<String> file = ada.post("/admin/privacy/export", Map.of("email", "EVE@privacy.example"));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-disposition").orElse("")).contains("attachment");
        assertThat(file.body())
                .contains("\"accounts\"")
                .contains("Eve Contact")
                .contains("\"employer\"")
                .contains("Eve Volunteer")
                .contains("\"bookingsNamedOn\"")
                .contains("Your bookings")
                .contains("[link removed]")
                .doesNotContain("secret-token")
                .doesNotContain("$argon2");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("personal_data_exported")))
                .isEqualTo(1);
    }

    @Test
    void processErasureAsksFirstThenAnonymisesKeepingTheBooking() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/privacy");

        HttpResponse<String> asked = ada.post("/admin/privacy/erase", Map.of("email", "eve@privacy.example"));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("cannot be undone").contains("name=\"confirm\" value=\"yes\"");
        assertThat(db.dsl().fetchCount(APP_USER, APP_USER.EMAIL.eq("eve@privacy.example")))
                .as("not yet")
                .isEqualTo(1);

        HttpResponse<String> erased =
                ada.post("/admin/privacy/erase", Map.of("email", "eve@privacy.example", "confirm", "yes"));

        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(APP_USER, APP_USER.EMAIL.equalIgnoreCase("eve@privacy.example")))
                .isZero();
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMAIL.equalIgnoreCase("eve@privacy.example")))
                .isZero();
        assertThat(db.dsl().fetchValue(VOLUNTEER.NAME, VOLUNTEER.ID.eq(volunteer)))
                .isEqualTo("Erased volunteer");
        assertThat(db.dsl()
                        .fetchCount(
                                APP_USER,
                                APP_USER.TOTP_SECRET.isNotNull().and(APP_USER.DISPLAY_NAME.eq("Erased user"))))
                .as("nor their authenticator's secret")
                .isZero();
        assertThat(db.dsl().fetchCount(uk.encounters.marketplace.jooq.Tables.RECOVERY_CODE))
                .isZero();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.RECIPIENT.equalIgnoreCase("eve@privacy.example")))
                .isZero();
        assertThat(db.dsl().fetchValue(BOOKING.VOLUNTEER_ID, BOOKING.ID.eq(booking)))
                .isEqualTo(volunteer);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("personal_data_erased")))
                .isEqualTo(1);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG, AUDIT_LOG.DETAIL.cast(String.class).containsIgnoreCase("eve@privacy")))
                .isZero();
        assertThat(ada.get("/admin/privacy").body()).contains("Erased: 1 account(s) and 1 volunteer record(s).");
        Visitor eve = new Visitor(app);
        eve.get("/sign-in");
        assertThat(eve.post("/sign-in", Map.of("email", "eve@privacy.example", "password", Accounts.PASSWORD))
                        .statusCode())
                .as("the erased person can no longer sign in")
                .isNotIn(302, 303);
    }

    @Test
    void onlyAnAdministratorMayExportOrErase() {
        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        cora.get("/account");

        assertThat(cora.post("/admin/privacy/export", Map.of("email", "ada@admin.example"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(cora.post("/admin/privacy/erase", Map.of("email", "ada@admin.example", "confirm", "yes"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.dsl().fetchValue(APP_USER.ERASED_AT, APP_USER.EMAIL.eq("ada@admin.example")))
                .isNull();
    }

    @Test
    void anAdministratorCannotEraseThemselves() {
        Visitor ada = new Visitor(app).signIn("ada@admin.example", Accounts.PASSWORD);
        ada.get("/admin/privacy");

        HttpResponse<String> refused =
                ada.post("/admin/privacy/erase", Map.of("email", "ada@admin.example", "confirm", "yes"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("You cannot erase your own account");
    }
}

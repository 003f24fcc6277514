package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER_OF_THE_YEAR;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A hub names its volunteers of the year; their employer's statement quotes the citation. */
class VolunteerOfTheYearRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static TestData data;
    static long hub;
    static long employer;
    static long ada;
    static long bob;
    static long cy;

    @BeforeAll
    static void aHubWhoseSchoolsHadSessions() {
        data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        long school = data.school(hub, "Bemrose School");
        employer = data.employer(hub, "Acme Ltd");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        ada = data.volunteer(employer, "Ada Lovelace");
        bob = data.volunteer(employer, "Bob Idle");
        cy = data.volunteer(employer, "Cy Gone");
        // Ada gave Bemrose one session, to 2 pupils who came; Bob gave none; Cy gave one and has since been erased
        long b1 = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, TODAY.minusMonths(2)),
                offer,
                ada,
                LocalDate.of(2026, 10, 12),
                BookingStatus.DELIVERED);
        for (int i = 0; i < 2; i++) {
            data.attendance(b1, data.pupil(school, 9), true);
        }
        data.booking(
                data.request(school, 10, RequestStatus.MATCHED, TODAY.minusMonths(2)),
                offer,
                cy,
                LocalDate.of(2026, 10, 14),
                BookingStatus.DELIVERED);
        db.dsl()
                .update(VOLUNTEER)
                .set(VOLUNTEER.ERASED_AT, OffsetDateTime.parse("2026-11-01T10:00:00Z"))
                .where(VOLUNTEER.ID.eq(cy))
                .execute();
        Accounts.create(db.dsl(), "lee@derby.example", "Lee", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    Visitor lee() {
        return new Visitor(app).signIn("lee@derby.example", Accounts.PASSWORD);
    }

    String page() {
        return "/hubs/" + hub + "/volunteers-of-the-year";
    }

    HttpResponse<String> name(Visitor lee, long volunteer, String citation) {
        lee.get(page());
        return lee.post(page(), Map.of("year", "2026", "volunteerId", String.valueOf(volunteer), "citation", citation));
    }

    @Test
    void theYearsVolunteersAreListedWithTheirSessionsAndPupilsReached() {
        String body = lee().get(page()).body();

        assertThat(body)
                .contains("Volunteers of the year, 2026/27")
                .contains("<td data-label=\"Volunteer\">Ada Lovelace</td>")
                .contains("<td class=\"numeric\" data-label=\"Sessions\">1</td><td class=\"numeric\""
                        + " data-label=\"Pupils reached\">2</td>")
                .contains("<td data-label=\"Volunteer\">a volunteer</td>")
                .doesNotContain("Bob Idle")
                .doesNotContain("Cy Gone");
    }

    @Test
    void aNamedVolunteerIsOnTheStatementUntilTheNamingIsTakenBack() {
        Visitor lee = lee();
        HttpResponse<String> named = name(lee, ada, "Two schools asked her back");
        assertThat(named.statusCode()).isEqualTo(302);
        String statement = "/employers/" + employer + "/statement";
        assertThat(lee.get(statement).body())
                .contains("Named volunteer of the year by Derby Careers Hub: Ada Lovelace — Two schools asked her"
                        + " back");
        long namedId = db.dsl()
                .select(VOLUNTEER_OF_THE_YEAR.ID)
                .from(VOLUNTEER_OF_THE_YEAR)
                .where(VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID.eq(ada))
                .fetchOne(VOLUNTEER_OF_THE_YEAR.ID);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("volunteer_of_the_year.named")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(namedId))))
                .isEqualTo(1);

        String remove = page() + "/" + namedId + "/remove";
        assertThat(lee.get(remove).body()).contains("Take back Ada Lovelace's naming as volunteer of the year?");
        HttpResponse<String> removed = lee.post(remove, Map.of("confirm", "remove"));

        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(lee.get(statement).body()).doesNotContain("Named volunteer of the year");
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("volunteer_of_the_year.removed")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(namedId))))
                .isEqualTo(1);
    }

    @Test
    void anErasedVolunteerIsNamedAsAVolunteerOnTheStatement() {
        Visitor lee = lee();
        assertThat(name(lee, cy, "Ran the fair").statusCode()).isEqualTo(302);

        assertThat(lee.get("/employers/" + employer + "/statement").body())
                .contains("Named volunteer of the year by Derby Careers Hub: a volunteer — Ran the fair")
                .doesNotContain("Cy Gone");
    }

    @Test
    void aCitationTooLongOrHoldingAControlCharacterIsRefusedBesideTheField() {
        Visitor lee = lee();
        HttpResponse<String> tooLong = name(lee, ada, "x".repeat(301));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body())
                .contains("id=\"citation-error\"")
                .contains("Why they are named must be 300 characters or fewer");

        HttpResponse<String> bell = name(lee, ada, "Rang the \u0007 bell");
        assertThat(bell.statusCode()).isEqualTo(422);
        assertThat(bell.body()).contains("id=\"citation-error\"");

        HttpResponse<String> empty = name(lee, ada, " ");
        assertThat(empty.body()).contains("Enter why they are named");
        assertThat(db.dsl().fetchCount(VOLUNTEER_OF_THE_YEAR, VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID.eq(ada)))
                .isZero();
    }

    @Test
    void aVolunteerWhoGaveTheHubNoSessionCannotBeNamed() {
        HttpResponse<String> refused = name(lee(), bob, "Never came");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"volunteerId-error\"")
                .contains("Choose one of the volunteers who gave Derby Careers Hub a session this year");
    }
}

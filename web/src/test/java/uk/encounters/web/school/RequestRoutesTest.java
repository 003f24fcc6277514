package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.jooq.tables.records.RequestRecord;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A careers leader posts, edits and cancels requests; matched ones stay as they are. */
class RequestRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static TestData data;
    static long school;
    static long otherSchool;
    static long employerWorkedWith;
    Visitor visitor;

    @BeforeAll
    static void aSchoolThatHasWorkedWithAnEmployer() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        otherSchool = data.school(hub, "Other School");
        employerWorkedWith = data.employer(hub, "Rolls-Royce");
        long offer = data.offer(employerWorkedWith, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        data.booking(
                data.request(school, 10, RequestStatus.CLOSED, TODAY.minusMonths(2)),
                offer,
                null,
                TODAY.minusMonths(1),
                BookingStatus.DELIVERED);
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "olly@other.example", "Olly", Scope.careersLeader(otherSchool));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signIn() {
        visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
    }

    static Map<String, String> talk(String notes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "careers_talk");
        fields.put("yearGroup", "8");
        fields.put("pupils", "60");
        fields.put("sessions", "2");
        fields.put("from", "2027-01-11");
        fields.put("until", "2027-02-12");
        fields.put("morning", "true");
        fields.put("inSchool", "true");
        fields.put("preferredEmployer", "");
        fields.put("sendAdjustments", "");
        fields.put("notes", notes);
        return fields;
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String... sectors) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        for (String sector : sectors) {
            entries.add(Map.entry("sector", sector));
        }
        return visitor.postAll(path, entries);
    }

    @Test
    void aTalkRequestWithPreferredSectorsAndAnEmployerWorkedWithIsPosted() {
        visitor.get("/schools/" + school + "/requests/new");
        Map<String, String> fields = talk("STEM talk for Year 8");
        fields.put("preferredEmployer", String.valueOf(employerWorkedWith));

        HttpResponse<String> response = post(
                "/schools/" + school + "/requests", fields, "Manufacturing", "Professional, scientific & technical");

        assertThat(response.statusCode()).isEqualTo(302);
        RequestRecord request = db.dsl().fetchSingle(REQUEST, REQUEST.NOTES.eq("STEM talk for Year 8"));
        assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.getSessions()).isEqualTo(2);
        assertThat(request.getAfternoon()).isFalse();
        assertThat(request.getPreferredEmployerId()).isEqualTo(employerWorkedWith);
        assertThat(request.getPreferredSectors()).isEqualTo("Manufacturing|Professional, scientific & technical");
        String edit = visitor.get("/schools/" + school + "/requests/" + request.getId() + "/edit")
                .body();
        assertThat(edit).containsPattern("value=\"Professional, scientific &amp; technical\" checked");
    }

    @Test
    void theFormAsksWhatIsNeededWithRadiosAndHeadsEachTypesFields() {
        String form = visitor.get("/schools/" + school + "/requests/new").body();

        assertThat(form)
                .contains("<legend>What you need</legend>")
                .contains("id=\"type\" name=\"type\" value=\"careers_talk\" checked")
                .contains("id=\"type-work_experience\" name=\"type\" value=\"work_experience\">")
                .contains("<div class=\"for-sessions\">")
                .contains("If you need sessions: how many, when and where")
                .contains("<div class=\"for-placement\">")
                .contains("If you need a work placement: places and dates")
                .contains("<label for=\"places\">Number of places</label>")
                .doesNotContain("(places, for a placement)")
                .doesNotContain("(one, for a placement)")
                .doesNotContain("(the placement&#x27;s first day)");
        assertThat(form.indexOf("id=\"places\"")).isGreaterThan(form.indexOf("<div class=\"for-placement\">"));
        assertThat(form.indexOf("id=\"pupils\""))
                .isBetween(form.indexOf("<div class=\"for-sessions\">"), form.indexOf("<div class=\"for-placement\">"));
    }

    /** A placement as a browser without JavaScript sends it: the sessions' fields come too, and are not read. */
    static Map<String, String> placement(String notes) {
        Map<String, String> fields = talk(notes);
        fields.put("type", "work_experience");
        fields.put("yearGroup", "10");
        fields.put("places", "12");
        fields.put("placementFrom", "2027-06-14");
        fields.put("placementUntil", "2027-06-18");
        return fields;
    }

    @Test
    void aWorkPlacementTakesPlacesAndDatesAndHappensAtTheWorkplace() {
        visitor.get("/schools/" + school + "/requests/new");

        assertThat(post("/schools/" + school + "/requests", placement("Placement week"))
                        .statusCode())
                .isEqualTo(302);

        RequestRecord request = db.dsl().fetchSingle(REQUEST, REQUEST.NOTES.eq("Placement week"));
        assertThat(request.getEncounterType()).isEqualTo("work_experience");
        assertThat(request.getPupils())
                .as("the places, not the sessions' 60 pupils")
                .isEqualTo(12);
        assertThat(request.getSessions()).as("one placement of twelve places").isEqualTo(1);
        assertThat(request.getWindowStart()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(request.getWindowEnd()).isEqualTo(LocalDate.of(2027, 6, 18));
        assertThat(request.getAtWorkplace()).isTrue();
        assertThat(request.getInSchool())
                .as("the sessions' ticked box is not read")
                .isFalse();
    }

    @Test
    void aTalkTakesTheSessionsFieldsAndNotThePlacements() {
        visitor.get("/schools/" + school + "/requests/new");
        Map<String, String> fields = placement("Talk, not placement");
        fields.put("type", "careers_talk");

        post("/schools/" + school + "/requests", fields);

        RequestRecord request = db.dsl().fetchSingle(REQUEST, REQUEST.NOTES.eq("Talk, not placement"));
        assertThat(request.getPupils()).isEqualTo(60);
        assertThat(request.getSessions()).isEqualTo(2);
        assertThat(request.getWindowStart()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(request.getWindowEnd()).isEqualTo(LocalDate.of(2027, 2, 12));
    }

    @Test
    void aPlacementsMistakesAreShownBesideThePlacementsFields() {
        visitor.get("/schools/" + school + "/requests/new");
        Map<String, String> fields = placement("Broken placement");
        fields.put("places", "0");
        fields.put("placementUntil", "2027-06-01");
        fields.put("pupils", "0");

        HttpResponse<String> response = post("/schools/" + school + "/requests", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"places-error\"")
                .contains("Number of places must be between 1 and 300")
                .contains("id=\"placementUntil-error\"")
                .contains("The placement&#x27;s last day must be the same as or after the first")
                .contains("<a href=\"#places\">")
                .as("the sessions' fields are not read for a placement")
                .doesNotContain("id=\"pupils-error\"")
                .as("the placement stays chosen")
                .contains("id=\"type-work_experience\" name=\"type\" value=\"work_experience\" checked");
        assertThat(db.dsl().fetchCount(REQUEST, REQUEST.NOTES.eq("Broken placement")))
                .isZero();
    }

    @Test
    void aPlacementIsEditedInThePlacementsFields() {
        visitor.get("/schools/" + school + "/requests/new");
        post("/schools/" + school + "/requests", placement("Placement to edit"));
        long id = db.dsl()
                .fetchSingle(REQUEST, REQUEST.NOTES.eq("Placement to edit"))
                .getId();

        String edit =
                visitor.get("/schools/" + school + "/requests/" + id + "/edit").body();

        assertThat(edit)
                .contains("id=\"type-work_experience\" name=\"type\" value=\"work_experience\" checked")
                .contains("id=\"places\" name=\"places\" type=\"number\" value=\"12\"")
                .contains("id=\"placementFrom\" name=\"placementFrom\" type=\"date\" value=\"2027-06-14\"")
                .contains("id=\"placementUntil\" name=\"placementUntil\" type=\"date\" value=\"2027-06-18\"")
                .as("the sessions' fields keep their defaults")
                .contains("id=\"pupils\" name=\"pupils\" type=\"number\" value=\"30\"");
        Map<String, String> changed = placement("Placement to edit");
        changed.put("places", "8");
        post("/schools/" + school + "/requests/" + id, changed);
        assertThat(db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(id)).getPupils()).isEqualTo(8);
    }

    @Test
    void eachKindOfMistakeGetsAMessageBesideItsFieldAndNothingIsSaved() {
        visitor.get("/schools/" + school + "/requests/new");
        Map<String, String> fields = talk("Broken request");
        fields.put("from", "2026-11-01");
        fields.put("until", "2026-10-01");
        fields.put("morning", null);
        fields.remove("morning");
        fields.remove("inSchool");
        fields.put("pupils", "0");
        fields.put("preferredEmployer", "999999");

        HttpResponse<String> response = post("/schools/" + school + "/requests", fields, "Astrology");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"from-error\"")
                .contains("The first date must be today or later")
                .contains("id=\"until-error\"")
                .contains("Choose mornings, afternoons or both")
                .contains("Choose at least one: in school, at a workplace or online")
                .contains("must be between 1 and 300")
                .contains("Choose preferred sectors from the list")
                .contains("Choose an employer your school has worked with");
        assertThat(db.dsl().fetchCount(REQUEST, REQUEST.NOTES.eq("Broken request")))
                .isZero();
    }

    @Test
    void anOpenRequestIsEditedAndCancelledButAMatchedOneIsNot() {
        visitor.get("/schools/" + school + "/requests/new");
        post("/schools/" + school + "/requests", talk("To edit"));
        long id = db.dsl().fetchSingle(REQUEST, REQUEST.NOTES.eq("To edit")).getId();

        visitor.get("/schools/" + school + "/requests/" + id + "/edit");
        Map<String, String> changed = talk("To edit");
        changed.put("pupils", "90");
        post("/schools/" + school + "/requests/" + id, changed);
        assertThat(db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(id)).getPupils()).isEqualTo(90);

        // cancelling cannot be undone: the list links to a check, and only its button cancels
        String cancel = "/schools/" + school + "/requests/" + id + "/cancel";
        assertThat(visitor.get("/schools/" + school + "/requests").body())
                .as("statuses are tags")
                .contains("<td><strong class=\"tag tag--blue\">Open</strong></td>");
        assertThat(visitor.get("/schools/" + school + "/requests").body())
                .contains("<a href=\"" + cancel + "\">Cancel")
                .doesNotContain("<form method=\"post\" action=\"" + cancel + "\"");
        HttpResponse<String> check = visitor.get(cancel);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body())
                .contains(
                        "Cancel this request?",
                        "90 pupils in Year 8, 2 sessions,",
                        "Mon 11 Jan 2027 to Fri 12 Feb 2027",
                        "It cannot be undone",
                        "Keep it")
                .containsPattern("<input type=\"hidden\" name=\"confirm\" value=\"yes\">\\s*<p><button type=\"submit\""
                        + " class=\"button--warning\">Cancel the request</button>");
        // a post without the check's confirmation (an old page's button) cancels nothing and shows the check
        HttpResponse<String> unconfirmed = visitor.post(cancel, Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(200);
        assertThat(unconfirmed.body()).contains("Cancel this request?");
        assertThat(db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(id)).getStatus()).isEqualTo(RequestStatus.OPEN);
        HttpResponse<String> confirmed = visitor.post(cancel, Map.of("confirm", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(id)).getStatus()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(visitor.get("/schools/" + school + "/requests").body()).contains("Cancelled: it leaves matching.");
        assertThat(visitor.get("/schools/" + school + "/requests").body())
                .contains("<td><strong class=\"tag tag--grey\">Cancelled</strong></td>");
        // a cancelled request has nothing left to check
        assertThat(visitor.get(cancel).statusCode()).isEqualTo(302);

        long matched = data.request(school, 9, RequestStatus.MATCHED, TODAY.plusWeeks(3));
        assertThat(visitor.get("/schools/" + school + "/requests/" + matched + "/edit")
                        .body())
                .contains("can no longer be changed here");
        Map<String, String> sneaky = talk("Sneaky edit");
        post("/schools/" + school + "/requests/" + matched, sneaky);
        visitor.get("/schools/" + school + "/requests");
        visitor.post("/schools/" + school + "/requests/" + matched + "/cancel", Map.of("confirm", "yes"));
        RequestRecord unchanged = db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(matched));
        assertThat(unchanged.getStatus()).isEqualTo(RequestStatus.MATCHED);
        assertThat(unchanged.getNotes()).isNull();
    }

    @Test
    void anotherSchoolsRequestIsNotFoundAndAnotherSchoolsLeaderIsRefused() {
        long theirs = data.request(otherSchool, 9, RequestStatus.OPEN, TODAY.plusWeeks(3));

        assertThat(visitor.get("/schools/" + school + "/requests/" + theirs + "/edit")
                        .statusCode())
                .isEqualTo(404);
        visitor.get("/schools/" + school + "/requests");
        visitor.post("/schools/" + school + "/requests/" + theirs + "/cancel", Map.of("confirm", "yes"));
        assertThat(db.dsl().fetchSingle(REQUEST, REQUEST.ID.eq(theirs)).getStatus())
                .isEqualTo(RequestStatus.OPEN);

        Visitor other = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);
        assertThat(other.get("/schools/" + school + "/requests").statusCode()).isEqualTo(403);
    }
}

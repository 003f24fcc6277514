package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.event.EventDetails;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.event.StallsWanted;
import uk.encounters.marketplace.event.YearGroupGoing;
import uk.encounters.marketplace.jooq.tables.records.EventRecord;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Period;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A careers leader posts a fair at the school; a coordinator posts a hub's event and schools sign up. */
class EventRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static long hub;
    static long bemrose;
    static long coldSchool;
    static long elsewhere;

    @BeforeAll
    static void aHubWithTwoSchoolsAndAnotherHub() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        bemrose = data.school(hub, "Bemrose School");
        coldSchool = data.school(hub, "Sinfin School");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) 1)
                .where(SCHOOL.ID.eq(coldSchool))
                .execute();
        long otherHub = data.hub("Elsewhere Hub");
        elsewhere = data.school(otherHub, "Elsewhere School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(bemrose));
        Accounts.create(db.dsl(), "sian@sinfin.example", "Sian", Scope.careersLeader(coldSchool));
        Accounts.create(db.dsl(), "ed@elsewhere.example", "Ed", Scope.careersLeader(elsewhere));
        Accounts.create(db.dsl(), "cora@hub.example", "Cora", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> fair(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "careers_fair");
        fields.put("title", title);
        fields.put("heldOn", "2027-02-02");
        fields.put("period", "morning");
        fields.put("pupils9", "180");
        fields.put("stallsAny", "5");
        fields.put("sector1", "Health");
        fields.put("stalls1", "2");
        fields.put("sector2", "Manufacturing");
        fields.put("stalls2", "1");
        fields.put("sector3", "");
        fields.put("stalls3", "");
        return fields;
    }

    /** A hub's event: a fair's fields without the school's year groups. */
    static Map<String, String> hubEvent(String title) {
        Map<String, String> fields = fair(title);
        fields.remove("pupils9");
        return fields;
    }

    /** Posts the event from the hub's form, as its coordinator: its id. */
    static long postedByTheHub(Visitor coordinator, Map<String, String> fields) {
        coordinator.get("/hubs/" + hub + "/events/new");
        assertThat(coordinator.post("/hubs/" + hub + "/events", fields).statusCode())
                .isEqualTo(302);
        return db.dsl().fetchSingle(EVENT, EVENT.TITLE.eq(fields.get("title"))).getId();
    }

    /** Posts the event from Bemrose's form, as its careers leader: its id. */
    static long postedAtBemrose(Visitor leader, Map<String, String> fields) {
        leader.get("/schools/" + bemrose + "/events/new");
        assertThat(leader.post("/schools/" + bemrose + "/events", fields).statusCode())
                .isEqualTo(302);
        return db.dsl().fetchSingle(EVENT, EVENT.TITLE.eq(fields.get("title"))).getId();
    }

    @Test
    void aCareersLeaderPostsAYear9FairOfEightStallsAndSeesItAmongTheSchoolsEvents() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String form = carla.get("/schools/" + bemrose + "/events/new").body();
        assertThat(form).contains("Pupils going, by year group").doesNotContain("The venue");

        HttpResponse<String> posted = carla.post("/schools/" + bemrose + "/events", fair("Year 9 careers fair"));

        assertThat(posted.statusCode()).isEqualTo(302);
        EventRecord event = db.dsl().fetchSingle(EVENT, EVENT.TITLE.eq("Year 9 careers fair"));
        assertThat(posted.headers().firstValue("location"))
                .hasValue("/schools/" + bemrose + "/events/" + event.getId());
        assertThat(event.getSchoolId()).isEqualTo(bemrose);
        assertThat(event.getHubId()).isEqualTo(hub);
        assertThat(event.getKind()).isEqualTo(EventKind.CAREERS_FAIR);
        assertThat(db.dsl()
                        .select(org.jooq.impl.DSL.sum(EVENT_STALLS.STALLS))
                        .from(EVENT_STALLS)
                        .where(EVENT_STALLS.EVENT_ID.eq(event.getId()))
                        .fetchOne(0, Integer.class))
                .isEqualTo(8);
        assertThat(db.dsl()
                        .fetchSingle(EVENT_SIGN_UP, EVENT_SIGN_UP.EVENT_ID.eq(event.getId()))
                        .getPupils())
                .isEqualTo(180);
        String page =
                carla.get("/schools/" + bemrose + "/events/" + event.getId()).body();
        assertThat(page)
                .contains("Year 9 careers fair")
                .contains("Tue 2 Feb 2027, Morning")
                .contains("5 from any sector; 2 from Health; 1 from Manufacturing")
                .contains("Year 9");
        assertThat(carla.get("/schools/" + bemrose + "/events").body()).contains("Year 9 careers fair");
    }

    @Test
    void aFairWithoutPupilsOrStallsOnADayGoneIsRefusedBesideEachFieldAndNothingIsSaved() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        carla.get("/schools/" + bemrose + "/events/new");
        Map<String, String> fields = fair("Nothing saved fair");
        fields.put("heldOn", "2026-11-20");
        fields.put("pupils9", "");
        fields.put("stallsAny", "");
        fields.put("sector1", "");
        fields.put("stalls1", "");
        fields.put("stalls2", "");

        HttpResponse<String> refused = carla.post("/schools/" + bemrose + "/events", fields);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"heldOn-error\"")
                .contains("The date must be after today")
                .contains("Enter how many pupils of at least one year group go")
                .contains("id=\"stalls2-error\"");
        assertThat(db.dsl().fetchCount(EVENT, EVENT.TITLE.eq("Nothing saved fair")))
                .isZero();
    }

    @Test
    void aHubsSectorDayIsSignedUpToByItsSchoolsAndAFullVenueSeatsTheColdSpotSchoolFirst() {
        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        assertThat(cora.get("/hubs/" + hub + "/events/new").body()).contains("id=\"venuePostcode\"");
        Map<String, String> fields = fair("Engineering sector day");
        fields.remove("pupils9");
        fields.put("venueName", "Derby Arena");
        fields.put("venuePostcode", "de21 7rw");
        fields.put("capacity", "100");
        fields.put("signUpBy", "2027-01-22");
        HttpResponse<String> posted = cora.post("/hubs/" + hub + "/events", fields);
        assertThat(posted.statusCode()).isEqualTo(302);
        EventRecord event = db.dsl().fetchSingle(EVENT, EVENT.TITLE.eq("Engineering sector day"));
        assertThat(event.getSchoolId()).isNull();
        assertThat(event.getVenuePostcode()).isEqualTo("DE21 7RW");

        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String eventPage = "/schools/" + bemrose + "/events/" + event.getId();
        assertThat(carla.get("/schools/" + bemrose + "/events").body()).contains("Engineering sector day");
        assertThat(carla.get(eventPage).body()).contains("Sign a year group up");
        carla.post(eventPage + "/sign-up", Map.of("yearGroup", "10", "pupils", "80", "transportNeeded", "true"));
        Visitor sian = new Visitor(app).signIn("sian@sinfin.example", Accounts.PASSWORD);
        sian.get("/schools/" + coldSchool + "/events/" + event.getId());
        HttpResponse<String> signedUp = sian.post(
                "/schools/" + coldSchool + "/events/" + event.getId() + "/sign-up",
                Map.of("yearGroup", "10", "pupils", "60"));
        assertThat(signedUp.statusCode()).isEqualTo(302);

        String hubPage = cora.get("/hubs/" + hub + "/events/" + event.getId()).body();
        assertThat(hubPage)
                .contains("100 pupils with places of the 100 it takes")
                .contains("Bemrose School")
                .contains("Sinfin School")
                .contains("Needed");
        assertThat(carla.get(eventPage).body())
                .as("the cold-spot school was seated first; Bemrose has the 40 left")
                .contains("40 (the event is full)");
    }

    @Test
    void theRegisterGivesEachPupilWhoCameOneEncounterForTheEventAndTheEvidenceNamesIt() {
        TestData data = new TestData(db.dsl());
        long ann = data.pupil(bemrose, 11);
        long ben = data.pupil(bemrose, 11);
        long cal = data.pupil(bemrose, 11);
        long event = new EventRepository(db.dsl())
                .postForSchool(
                        Actor.anonymous(null),
                        bemrose,
                        new EventDetails(
                                EventKind.MOCK_INTERVIEW_DAY,
                                "Year 11 mock interviews",
                                TODAY.minusDays(1),
                                Period.ALL_DAY,
                                null,
                                null,
                                false,
                                null,
                                null,
                                List.of(new StallsWanted(null, 6))),
                        List.of(new YearGroupGoing(11, 3)))
                .orElseThrow();
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String path = "/schools/" + bemrose + "/events/" + event;
        assertThat(carla.get(path).body()).contains("Who came").contains("Record who came");

        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (long pupil : List.of(ann, ben, cal)) {
            fields.add(Map.entry("listed", String.valueOf(pupil)));
        }
        fields.add(Map.entry("present", String.valueOf(ann)));
        fields.add(Map.entry("present", String.valueOf(ben)));
        assertThat(carla.postAll(path + "/register", fields).statusCode()).isEqualTo(302);
        // taken again, as a correction: still one encounter a pupil
        fields.add(Map.entry("present", String.valueOf(cal)));
        carla.get(path);
        carla.postAll(path + "/register", fields);

        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.EVENT_ID.eq(event))).isEqualTo(3);
        assertThat(db.dsl()
                        .fetchCount(
                                ENCOUNTER,
                                ENCOUNTER
                                        .EVENT_ID
                                        .eq(event)
                                        .and(ENCOUNTER.ATTENDED)
                                        .and(ENCOUNTER.BOOKING_ID.isNull())))
                .isEqualTo(3);
        assertThat(carla.get(path).body()).contains("Correct the register");
        String reference = db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.PUPIL.REFERENCE)
                .from(uk.encounters.marketplace.jooq.Tables.PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.PUPIL.ID.eq(ann))
                .fetchSingle(0, String.class);
        assertThat(carla.get("/schools/" + bemrose + "/pupils/log?reference=" + reference)
                        .body())
                .as("the event is what the pupil went to")
                .contains("Year 11 mock interviews");
    }

    @Test
    void anotherHubsSchoolCannotSeeTheEventNorAdvisersSignUp() {
        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        Map<String, String> fields = hubEvent("Hub panel");
        fields.put("kind", "panel");
        fields.put("online", "true");
        long panel = postedByTheHub(cora, fields);

        Visitor ed = new Visitor(app).signIn("ed@elsewhere.example", Accounts.PASSWORD);
        assertThat(ed.get("/schools/" + elsewhere + "/events/" + panel).statusCode())
                .isEqualTo(404);
        assertThat(ed.post(
                                "/schools/" + elsewhere + "/events/" + panel + "/sign-up",
                                Map.of("yearGroup", "9", "pupils", "30"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(db.dsl().fetchCount(EVENT_SIGN_UP, EVENT_SIGN_UP.EVENT_ID.eq(panel)))
                .isZero();
    }

    @Test
    void aCareersLeaderCancelsTheirFairAfterAConfirmationButNotTheHubsEventWhichOnlyTheCoordinatorCancels() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        long fairId = postedAtBemrose(carla, fair("Fair to cancel"));
        String fairPage = "/schools/" + bemrose + "/events/" + fairId;
        assertThat(carla.get(fairPage).body()).contains("Cancel this event");

        String check = carla.get(fairPage + "/cancel").body();
        assertThat(check).contains("Cancel Fair to cancel?").contains("It cannot be undone");
        HttpResponse<String> unconfirmed = carla.post(fairPage + "/cancel", Map.of("reason", "Mocks moved"));
        assertThat(unconfirmed.statusCode())
                .as("without the confirmation, the check again")
                .isEqualTo(200);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(fairId)).getStatus()).isEqualTo(EventStatus.OPEN);
        HttpResponse<String> badReason =
                carla.post(fairPage + "/cancel", Map.of("confirm", "yes", "reason", "Mocks\u0007 moved"));
        assertThat(badReason.statusCode()).isEqualTo(422);
        assertThat(badReason.body()).contains("The reason must be one line of text");
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(fairId)).getStatus()).isEqualTo(EventStatus.OPEN);

        HttpResponse<String> cancelled =
                carla.post(fairPage + "/cancel", Map.of("confirm", "yes", "reason", "Mocks moved"));

        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(fairId)).getStatus()).isEqualTo(EventStatus.CANCELLED);
        String after = carla.get(fairPage).body();
        assertThat(after)
                .contains("Cancelled. 0 stalls stopped")
                .contains("Cancelled")
                .doesNotContain("Cancel this event");
        carla.get(fairPage + "/cancel");
        assertThat(carla.get(fairPage).body()).contains("This event has already been cancelled.");

        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        Map<String, String> fields = hubEvent("Hub day to cancel");
        fields.put("online", "true");
        long hubDay = postedByTheHub(cora, fields);
        String schoolView = "/schools/" + bemrose + "/events/" + hubDay;
        assertThat(carla.get(schoolView).body()).doesNotContain("Cancel this event");
        carla.get(schoolView + "/cancel");
        assertThat(carla.post(schoolView + "/cancel", Map.of("confirm", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(hubDay)).getStatus())
                .as("a school cannot cancel its hub's event")
                .isEqualTo(EventStatus.OPEN);
        String hubView = "/hubs/" + hub + "/events/" + hubDay;
        cora.get(hubView);
        assertThat(cora.get(hubView + "/cancel").body()).contains("Cancel the event");
        assertThat(cora.post(hubView + "/cancel", Map.of("confirm", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(hubDay)).getStatus()).isEqualTo(EventStatus.CANCELLED);
        cora.get("/hubs/" + hub + "/events/" + fairId + "/cancel");
        assertThat(cora.get("/hubs/" + hub + "/events/" + fairId).body())
                .as("a school's own event is the school's to cancel")
                .contains("A school&#x27;s own event is changed or cancelled by the school that posted it.");
    }

    @Test
    void aCareersLeaderChangesTheirFairFromItsFormFilledInAndTheCoordinatorTheHubsCapacity() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        long fairId = postedAtBemrose(carla, fair("Fair to change"));
        String fairPage = "/schools/" + bemrose + "/events/" + fairId;
        assertThat(carla.get(fairPage).body()).contains("Change this event");

        String form = carla.get(fairPage + "/edit").body();
        assertThat(form)
                .contains("value=\"Fair to change\"")
                .contains("value=\"180\"")
                .contains("value=\"Health\" selected")
                .contains("Save the changes");
        Map<String, String> changed = fair("Years 9 and 10 fair");
        changed.put("pupils10", "150");
        changed.put("stallsAny", "");
        HttpResponse<String> saved = carla.post(fairPage, changed);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("location")).hasValue(fairPage);
        assertThat(db.dsl().fetchCount(EVENT_SIGN_UP, EVENT_SIGN_UP.EVENT_ID.eq(fairId)))
                .isEqualTo(2);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(fairId)).getTitle()).isEqualTo("Years 9 and 10 fair");
        carla.get(fairPage + "/edit");
        HttpResponse<String> refused = carla.post(fairPage, Map.of("title", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter its name");
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(fairId)).getTitle())
                .as("nothing of a refused change is saved")
                .isEqualTo("Years 9 and 10 fair");

        Visitor cora = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
        Map<String, String> fields = hubEvent("Hub day to change");
        fields.put("venueName", "Derby Arena");
        fields.put("venuePostcode", "DE21 7RW");
        long hubDay = postedByTheHub(cora, fields);
        new EventRepository(db.dsl())
                .signUp(new Actor(null, "127.0.0.1"), hubDay, bemrose, new YearGroupGoing(9, 80), false, "", TODAY);
        assertThat(carla.get("/schools/" + bemrose + "/events/" + hubDay).body())
                .doesNotContain("Change this event");
        carla.get("/schools/" + bemrose + "/events");
        carla.post("/schools/" + bemrose + "/events/" + hubDay, fair("Taken over by a school"));
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(hubDay)).getTitle())
                .as("a school cannot change its hub's event")
                .isEqualTo("Hub day to change");
        String hubView = "/hubs/" + hub + "/events/" + hubDay;
        assertThat(cora.get(hubView + "/edit").body()).contains("value=\"DE21 7RW\"");
        fields.put("capacity", "50");
        assertThat(cora.post(hubView, fields).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(hubDay)).getCapacity())
                .isEqualTo(50);
        assertThat(db.dsl()
                        .fetchSingle(EVENT_SIGN_UP, EVENT_SIGN_UP.EVENT_ID.eq(hubDay))
                        .getPlaces())
                .as("places shared again for the new capacity")
                .isEqualTo(50);
    }

    @Test
    void aSchoolWithdrawsAYearGroupFromAFullHubEventAndItsPlacesGoToTheSchoolWaiting() {
        EventRepository events = new EventRepository(db.dsl());
        long day = events.postForHub(
                new Actor(null, "127.0.0.1"),
                hub,
                new EventDetails(
                        EventKind.CAREERS_FAIR,
                        "Full day to withdraw from",
                        LocalDate.of(2027, 3, 2),
                        Period.MORNING,
                        null,
                        null,
                        true,
                        100,
                        null,
                        List.of(new StallsWanted(null, 4))));
        events.signUp(new Actor(null, "127.0.0.1"), day, bemrose, new YearGroupGoing(9, 80), false, "", TODAY);
        events.signUp(new Actor(null, "127.0.0.1"), day, coldSchool, new YearGroupGoing(9, 60), false, "", TODAY);
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        assertThat(carla.get("/schools/" + bemrose + "/events/" + day).body()).contains("40 (the event is full)");

        Visitor sian = new Visitor(app).signIn("sian@sinfin.example", Accounts.PASSWORD);
        String page = "/schools/" + coldSchool + "/events/" + day;
        assertThat(sian.get(page).body()).contains("Withdraw<span class=\"visually-hidden\"> Year 9</span>");
        HttpResponse<String> withdrawn = sian.post(page + "/withdraw", Map.of("yearGroup", "9"));

        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(sian.get(page).body())
                .contains("Year 9 no longer goes")
                .contains("None of your year groups is signed up.");
        assertThat(carla.get("/schools/" + bemrose + "/events/" + day).body()).doesNotContain("(the event is full)");
        assertThat(db.dsl()
                        .fetchSingle(EVENT_SIGN_UP, EVENT_SIGN_UP.EVENT_ID.eq(day))
                        .getPlaces())
                .as("room for everyone now")
                .isNull();
        carla.get("/schools/" + bemrose + "/events");
        carla.post("/schools/" + bemrose + "/events/" + day + "/withdraw", Map.of("yearGroup", "10"));
        assertThat(carla.get("/schools/" + bemrose + "/events/" + day).body())
                .contains("That year group is not signed up");
    }
}

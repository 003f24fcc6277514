package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.HUB_TERM;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.Term;
import uk.encounters.marketplace.calendar.TermDates;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator checks the hub's term dates, adds INSET days and sets its target; nobody else can. */
class CalendarRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final AcademicYear THIS_YEAR = new AcademicYear(2026);

    static RunningApp app;
    static long derby;
    static long nottingham;

    @BeforeAll
    static void twoHubs() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        long school = data.school(derby, "Bemrose School");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The page's fields for both years as England's pattern fills them, and a target. */
    static Map<String, String> englandFields(String target) {
        Map<String, String> fields = new HashMap<>();
        for (AcademicYear year : List.of(THIS_YEAR, THIS_YEAR.next())) {
            for (Term term : TermDates.england(year).terms()) {
                String key = term.name().code();
                int y = year.startYear();
                fields.put(key + "Start" + y, term.start().toString());
                fields.put(key + "End" + y, term.end().toString());
                fields.put(key + "HalfStart" + y, term.halfTermStart().toString());
                fields.put(key + "HalfEnd" + y, term.halfTermEnd().toString());
            }
        }
        fields.put("target", target);
        fields.put("hoursTarget", "50");
        return fields;
    }

    @Test
    void theCoordinatorChecksTheDatesAddsAnInsetDayAndChoosesFour() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        String page = cora.get("/hubs/" + derby + "/calendar").body();
        assertThat(page)
                .contains("Term dates and target")
                .contains("England pattern — not yet checked against your local authority's dates")
                .contains(
                        "Autumn term: Thu 3 Sep 2026 to Fri 18 Dec 2026, half term Mon 26 Oct 2026 to Fri 30 Oct 2026")
                .contains("Mon 28 Dec 2026: Boxing Day")
                .contains("2027/28")
                .contains("id=\"target-7\" name=\"target\" value=\"7\" checked");

        Map<String, String> fields = englandFields("4");
        fields.put("autumnHalfStart2026", "2026-10-19");
        fields.put("autumnHalfEnd2026", "2026-10-23");
        fields.put("newInset2026", "2026-11-27");
        HttpResponse<String> saved = cora.post("/hubs/" + derby + "/calendar", fields);

        assertThat(saved.statusCode()).isEqualTo(302);
        HubCalendarSettings settings = new HubCalendarSettings(db.dsl());
        var calendar = settings.calendarOf(derby);
        assertThat(calendar.termDates(THIS_YEAR).checked()).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 21))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 28))).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 27)))
                .as("the INSET day")
                .isFalse();
        assertThat(settings.targetOf(derby)).isEqualTo(EncounterTarget.FOUR);
        assertThat(settings.calendarOf(nottingham).termDates(THIS_YEAR).checked())
                .isFalse();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("hub.calendar")))
                .isEqualTo(1);
        String after = cora.get("/hubs/" + derby + "/calendar").body();
        assertThat(after)
                .contains("pupils are judged against four encounters")
                .contains("Checked by the hub")
                .contains("Remove Fri 27 Nov 2026")
                .contains("id=\"target-4\" name=\"target\" value=\"4\" checked");

        // the INSET day removed again, the target back to seven
        Map<String, String> again = englandFields("7");
        List<Map.Entry<String, String>> posted = new ArrayList<>(again.entrySet());
        posted.add(Map.entry("inset2026", "2026-11-27"));
        posted.add(Map.entry("removeInset2026", "2026-11-27"));
        assertThat(cora.postAll("/hubs/" + derby + "/calendar", posted).statusCode())
                .isEqualTo(302);
        assertThat(settings.calendarOf(derby).termDates(THIS_YEAR).insetDays()).isEmpty();
        assertThat(settings.targetOf(derby)).isEqualTo(EncounterTarget.SEVEN);
    }

    @Test
    void badDatesAreShownBesideTheirFieldsAndNothingIsSaved() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/hubs/" + nottingham + "/calendar");
        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);
        nia.get("/hubs/" + nottingham + "/calendar");
        Map<String, String> fields = englandFields("4");
        fields.put("springHalfStart2026", "2027-04-12");
        fields.put("summerEnd2027", "2028-13-40");
        fields.put("newInset2026", "2026-11-28");

        HttpResponse<String> refused = nia.post("/hubs/" + nottingham + "/calendar", fields);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"springHalfStart2026-error\"")
                .contains("Spring term&#x27;s half term must start inside the term")
                .contains("id=\"summerEnd2027-error\"")
                .contains("Summer term 2027/28: last day must be a real date")
                .contains("id=\"newInset2026-error\"")
                .contains("An INSET day must be a weekday")
                .contains("value=\"2027-04-12\"");
        assertThat(db.dsl().fetchCount(HUB_TERM, HUB_TERM.HUB_ID.eq(nottingham)))
                .isZero();
        assertThat(new HubCalendarSettings(db.dsl()).targetOf(nottingham)).isEqualTo(EncounterTarget.SEVEN);
    }

    @Test
    void theTargetOfHoursIsAWholeNumberFromOneTo200ShownBesideItsFieldWhenNot() {
        long leicester = new TestData(db.dsl()).hub("Leicester Careers Hub");
        Accounts.create(db.dsl(), "lee@leicester.example", "Lee", Scope.coordinator(leicester));
        Visitor lee = new Visitor(app).signIn("lee@leicester.example", Accounts.PASSWORD);
        String path = "/hubs/" + leicester + "/calendar";
        assertThat(lee.get(path).body())
                .contains("The hub&#x27;s target of hours of workplace experience by the end of Year 11")
                .contains("id=\"hoursTarget\" name=\"hoursTarget\" type=\"number\" value=\"50\"");

        for (var bad : Map.of(
                        "fifty", "The target of hours must be a whole number of hours, like 50",
                        "12.5", "The target of hours must be a whole number of hours, like 50",
                        "0", "The target of hours must be between 1 and 200 hours",
                        "201", "The target of hours must be between 1 and 200 hours",
                        "", "Enter the target of hours, like 50")
                .entrySet()) {
            Map<String, String> fields = englandFields("7");
            fields.put("hoursTarget", bad.getKey());

            HttpResponse<String> refused = lee.post(path, fields);

            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(422);
            assertThat(refused.body())
                    .as(bad.getKey())
                    .contains(
                            "<span id=\"hoursTarget-error\" class=\"field-error\"><span class=\"visually-hidden\">Error: </span>"
                                    + bad.getValue() + "</span>")
                    .contains("<a href=\"#hoursTarget\">")
                    .contains("value=\"" + bad.getKey() + "\"");
        }
        assertThat(db.dsl().fetchCount(HUB_TERM, HUB_TERM.HUB_ID.eq(leicester)))
                .as("nothing saved")
                .isZero();

        Map<String, String> fields = englandFields("7");
        fields.put("hoursTarget", "70");
        assertThat(lee.post(path, fields).statusCode()).isEqualTo(302);
        assertThat(new HubCalendarSettings(db.dsl()).hoursTargetOf(leicester)).isEqualTo(new WorkplaceHoursTarget(70));
        assertThat(lee.get(path).body())
                .contains("70 hours of workplace experience by the end of Year 11")
                .contains("value=\"70\"");
        assertThat(db.dsl()
                        .select(AUDIT_LOG.DETAIL)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.ACTION.eq("hub.calendar"))
                        .and(AUDIT_LOG.SUBJECT_ID.eq(leicester))
                        .fetchOne(0, String.class))
                .contains("\"workplace_hours_target\": {\"after\": 70, \"before\": 50}");
    }

    @Test
    void anotherHubsCoordinatorAndACareersLeaderAreRefused() {
        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);
        nia.get("/account");
        assertThat(nia.get("/hubs/" + derby + "/calendar").statusCode()).isEqualTo(403);
        assertThat(nia.post("/hubs/" + derby + "/calendar", englandFields("4")).statusCode())
                .isEqualTo(403);
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        carla.get("/account");
        assertThat(carla.get("/hubs/" + derby + "/calendar").statusCode()).isEqualTo(403);
        assertThat(carla.post("/hubs/" + derby + "/calendar", englandFields("4"))
                        .statusCode())
                .isEqualTo(403);
    }
}

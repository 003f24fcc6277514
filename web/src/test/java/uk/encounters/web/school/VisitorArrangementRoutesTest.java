package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A careers leader's arrangements for visitors: shown with defaults, refused with reasons, saved and audited. */
class VisitorArrangementRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long school;

    @BeforeAll
    static void aSchoolAndItsCareersLeader() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> form(String phone, String morningEnd) {
        Map<String, String> form = new HashMap<>();
        form.put("address", "Bemrose School\nUttoxeter New Road\nDerby DE22 3HU");
        form.put("meetingPoint", "Main reception");
        form.put("parking", "Visitor bays by the gate");
        form.put("signInRules", "Bring photo ID");
        form.put("contactName", "Mrs Shah");
        form.put("contactPhone", phone);
        form.put("morningStart", "08:50");
        form.put("morningEnd", morningEnd);
        form.put("afternoonStart", "13:00");
        form.put("afternoonEnd", "15:00");
        return form;
    }

    @Test
    void theFormStartsFromTheUsualTimesRefusesWhatCannotBeAndSavesTheRestInOneGo() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/visitors";
        assertThat(visitor.get("/schools/" + school + "/progress").body()).contains("href=\"" + path + "\"");

        String blank = visitor.get(path).body();
        assertThat(blank).contains("value=\"09:00\"").contains("value=\"12:00\"");

        Map<String, String> bad = form("call the office", "08:30");
        bad.put("meetingPoint", "Main\u202Ereception");
        HttpResponse<String> refused = visitor.post(path, bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Their phone number must be a phone number of digits and spaces")
                .contains("Morning end time must be later than the start, 8:50am")
                .contains("Where to go on arrival must be one line of text")
                .contains("class=\"error-summary\"");
        assertThat(db.dsl().fetchCount(SCHOOL_VISITOR_ARRANGEMENTS)).isZero();

        HttpResponse<String> saved = visitor.post(path, form("01332 123456", "11:50"));

        assertThat(saved.statusCode()).isEqualTo(302);
        var row = db.dsl()
                .selectFrom(SCHOOL_VISITOR_ARRANGEMENTS)
                .where(SCHOOL_VISITOR_ARRANGEMENTS.SCHOOL_ID.eq(school))
                .fetchSingle();
        assertThat(row.getContactPhone()).isEqualTo("01332 123456");
        assertThat(row.getMorningEnd()).isEqualTo(LocalTime.of(11, 50));
        assertThat(row.getVisitorAddress()).isEqualTo("Bemrose School\nUttoxeter New Road\nDerby DE22 3HU");
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("visitor_arrangements_changed")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(school))))
                .isEqualTo(1);
        assertThat(visitor.get(path).body()).contains("value=\"11:50\"").contains("Mrs Shah");
    }
}

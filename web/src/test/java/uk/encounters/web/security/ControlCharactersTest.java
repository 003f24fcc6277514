package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_ACTIVITY;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Names are one line of text: a line break, a tab or another character that is never text,
 * typed into a form or carried in a CSV file, is refused beside its field with nothing saved, and
 * one already in the database never reaches a calendar as a line of its own.
 */
class ControlCharactersTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** CR, LF, tab, NEL, escape, the line separator and a right-to-left override. */
    static final List<String> NEVER_IN_A_NAME = List.of("\r", "\n", "\t", "\u0085", "\u001b", "\u2028", "\u202e");

    static final String ONE_LINE = "must be one line of text";
    static final Pattern CALENDAR = Pattern.compile("value=\"https?://[^/\"]+(/calendar/[^\"]+\\.ics)\"");

    static RunningApp app;
    static TestData data;
    static long hub;
    static long school;
    static long employer;

    @BeforeAll
    static void start() {
        data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        employer = data.employer(hub, "Acme Engineering");
        Accounts.create(db.dsl(), "admin@example.org", "Ada Admin", Scope.admin());
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "priya@acme.example", "Priya", Scope.employer(employer));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNameWithALineBreakTabOrControlCharacterIsRefusedBesideItsFieldAndNothingIsSaved() {
        Visitor admin = new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD);
        int hubs = db.dsl().fetchCount(HUB);
        int volunteers = db.dsl().fetchCount(VOLUNTEER);
        List<String> wrong = new ArrayList<>();
        for (String c : NEVER_IN_A_NAME) {
            String name = "Sam" + c + "Smith";
            admin.get("/admin");
            check(wrong, "hub " + escaped(c), admin.post("/admin/hubs", Map.of("name", name, "area", "Derby")));
            admin.get("/employers/" + employer + "/volunteers/new");
            check(
                    wrong,
                    "volunteer " + escaped(c),
                    admin.post(
                            "/employers/" + employer + "/volunteers",
                            Map.of("name", name, "email", "sam@acme.example", "safeguardingUntil", "")));
        }

        assertThat(wrong).isEmpty();
        assertThat(db.dsl().fetchCount(HUB)).isEqualTo(hubs);
        assertThat(db.dsl().fetchCount(VOLUNTEER)).isEqualTo(volunteers);
    }

    /** Notes and reasons keep their line breaks; nothing else that is never text. */
    @Test
    void aFieldOfSeveralLinesKeepsLineBreaksButRefusesOtherControlCharacters() {
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        long request = data.request(school, 9, RequestStatus.MATCHED, TODAY.plusDays(7));
        long booking = data.booking(request, offer, null, TODAY.plusDays(9), BookingStatus.PUBLISHED);
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String decline = "/schools/" + school + "/bookings/" + booking + "/decline";

        carla.get(decline);
        HttpResponse<String> refused = carla.post(decline, Map.of("reason", "Exams\u0007moved"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("error-summary")
                .contains("line breaks are fine, but not tabs or other control characters");
        assertThat(status(booking)).isEqualTo(BookingStatus.PUBLISHED);

        carla.get(decline);
        assertThat(carla.post(decline, Map.of("reason", "Exams moved\r\nto that week"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(booking)).isEqualTo(BookingStatus.DECLINED);
    }

    @Test
    void aCsvImportRefusesNamesOfMoreThanOneLineAndSavesNothing() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        Visitor priya = new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
        String pupils = "/schools/" + school + "/import/pupils";
        String volunteers = "/employers/" + employer + "/import/volunteers";
        String activities = "/schools/" + school + "/import/activities";
        long pupil = data.pupil(school, 9);
        String reference = db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.ID.eq(pupil))
                .fetchOne(PUPIL.REFERENCE);
        int pupilsBefore = db.dsl().fetchCount(PUPIL);
        int volunteersBefore = db.dsl().fetchCount(VOLUNTEER);

        carla.get("/schools/" + school + "/pupils");
        HttpResponse<String> pupilFile = carla.upload(
                pupils,
                "file",
                "pupils.csv",
                "reference,year_group\n\"R0\r01\",7\nR002,7\n".getBytes(StandardCharsets.UTF_8),
                Map.of("action", "save"));
        priya.get("/employers/" + employer + "/import");
        HttpResponse<String> volunteerFile = priya.upload(
                volunteers,
                "file",
                "volunteers.csv",
                "name,email\n\"Sam\rORGANIZER:mailto:x@evil.example\",sam@acme.example\n"
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("action", "save"));
        carla.get("/schools/" + school + "/activities");
        HttpResponse<String> activityList = carla.post(
                activities,
                Map.of(
                        "action",
                        "save",
                        "csv",
                        "pupil_reference,date,type,provider,attended\n" + reference
                                + ",2026-10-05,Careers talk,NHS\u2028Trust,yes\n"));

        assertThat(List.of(pupilFile, volunteerFile)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("nothing was saved").contains(ONE_LINE);
        });
        // a line separator is refused in the file as a whole, as in any field
        assertThat(activityList.statusCode()).isEqualTo(422);
        assertThat(activityList.body()).contains("Line 2 of the file holds a character that is not text");
        assertThat(db.dsl().fetchCount(PUPIL)).isEqualTo(pupilsBefore);
        assertThat(db.dsl().fetchCount(VOLUNTEER)).isEqualTo(volunteersBefore);
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isZero();
    }

    /** A NUL byte in a file was a 500 when saved: PostgreSQL cannot store one. */
    @Test
    void aFileHoldingANulByteIsRefusedWithAClearMessageWhenSaved() {
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        Visitor priya = new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
        int pupilsBefore = db.dsl().fetchCount(PUPIL);
        int volunteersBefore = db.dsl().fetchCount(VOLUNTEER);

        carla.get("/schools/" + school + "/pupils");
        HttpResponse<String> pupilFile = carla.upload(
                "/schools/" + school + "/import/pupils",
                "file",
                "pupils.csv",
                "reference,year_group\nR\u000001,7\n".getBytes(StandardCharsets.UTF_8),
                Map.of("action", "save"));
        priya.get("/employers/" + employer + "/import");
        HttpResponse<String> volunteerFile = priya.upload(
                "/employers/" + employer + "/import/volunteers",
                "file",
                "volunteers.csv",
                "name,email\nSam\u0000Smith,sam@acme.example\n".getBytes(StandardCharsets.UTF_8),
                Map.of("action", "save"));

        assertThat(List.of(pupilFile, volunteerFile)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("Line 2 of the file holds a character that is not text");
        });
        assertThat(db.dsl().fetchCount(PUPIL)).isEqualTo(pupilsBefore);
        assertThat(db.dsl().fetchCount(VOLUNTEER)).isEqualTo(volunteersBefore);
    }

    /** Names written before the rule, or by anything but a form, are still only text in a calendar. */
    @Test
    void aLoneCarriageReturnInTheDatabaseNeverStartsALineInTheCalendarFeed() throws Exception {
        long otherSchool = data.school(hub, "Bemrose\rLOCATION:Elsewhere");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        db.dsl()
                .update(OFFER)
                .set(OFFER.TITLE, "Talk\rX-INJECTED:yes\u000b")
                .where(OFFER.ID.eq(offer))
                .execute();
        long volunteer = data.volunteer(employer);
        db.dsl()
                .update(VOLUNTEER)
                .set(VOLUNTEER.NAME, "Sam\rORGANIZER:mailto:x@evil.example")
                .where(VOLUNTEER.ID.eq(volunteer))
                .execute();
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE22\r3HU")
                .where(SCHOOL.ID.eq(otherSchool))
                .execute();
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.NAME, "Acme\rMETHOD:CANCEL")
                .where(EMPLOYER.ID.eq(employer))
                .execute();
        long request = data.request(otherSchool, 9, RequestStatus.MATCHED, TODAY.plusDays(7));
        data.booking(request, offer, volunteer, TODAY.plusDays(9), BookingStatus.CONFIRMED);
        Visitor priya = new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
        priya.get("/employers/" + employer);
        Matcher link = CALENDAR.matcher(
                priya.post("/employers/" + employer + "/calendar", Map.of()).body());
        assertThat(link.find()).isTrue();

        String ics = new Visitor(app).get(link.group(1)).body();
        List<String> lines = Arrays.asList(ics.split("\r\n"));

        assertThat(lines)
                .as("every line is a property or a folded continuation, with no break inside it")
                .allSatisfy(line -> assertThat(line)
                        .matches("([A-Z][A-Z-]*[;:]| ).*")
                        .doesNotContain("\r")
                        .doesNotContain("\n")
                        .doesNotContain("\u000b"))
                .noneMatch(line -> line.startsWith("X-INJECTED")
                        // the app's own organiser, its name quoted, is the only one
                        || (line.startsWith("ORGANIZER") && !line.endsWith("\":mailto:no-reply@localhost"))
                        || line.startsWith("LOCATION:Elsewhere")
                        || line.startsWith("METHOD:CANCEL"));
        assertThat(lines.stream().filter(line -> line.startsWith("ORGANIZER")).count())
                .isEqualTo(lines.stream()
                        .filter(line -> line.equals("BEGIN:VEVENT"))
                        .count());
        assertThat(lines)
                .filteredOn(line -> line.startsWith("DESCRIPTION"))
                .singleElement()
                .asString()
                .contains("TalkX-INJECTED:yes");
    }

    private static void check(List<String> wrong, String what, HttpResponse<String> response) {
        if (response.statusCode() != 422
                || !response.body().contains("error-summary")
                || !response.body().contains(ONE_LINE)) {
            wrong.add(what + ": " + response.statusCode());
        }
    }

    private static String escaped(String c) {
        return String.format("U+%04X", (int) c.charAt(0));
    }

    private static BookingStatus status(long booking) {
        return db.dsl()
                .select(BOOKING.STATUS)
                .from(BOOKING)
                .where(BOOKING.ID.eq(booking))
                .fetchOne(BOOKING.STATUS);
    }
}

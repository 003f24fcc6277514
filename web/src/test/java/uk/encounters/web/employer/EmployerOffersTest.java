package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A cornerstone employer's offers and volunteers: made on the page or imported from CSV. */
class EmployerOffersTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static TestData data;
    static long employer;
    static long otherEmployer;
    Visitor visitor;

    @BeforeAll
    static void cornerstoneWithAccount() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        employer = data.employer(hub, "Rolls-Royce");
        otherEmployer = data.employer(hub, "Other Firm");
        Accounts.create(db.dsl(), "ed@rr.example", "Ed", Scope.employer(employer));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signIn() {
        visitor = new Visitor(app).signIn("ed@rr.example", Accounts.PASSWORD);
    }

    static List<Map.Entry<String, String>> weeklyOffer(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "mock_interviews");
        fields.put("title", title);
        fields.put("topics", "Interview practice for engineering apprenticeships");
        fields.put("sector", "Manufacturing");
        fields.put("volunteer", "");
        fields.put("yearFrom", "11");
        fields.put("yearTo", "13");
        fields.put("pupils", "8");
        fields.put("sessions", "12");
        fields.put("inSchool", "true");
        fields.put("radius", "25");
        fields.put("from", "2027-01-05");
        fields.put("until", "2027-03-26");
        fields.put("afternoon", "true");
        fields.put("cost", "45.50");
        fields.put("requirements", "");
        fields.put("dates", "");
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        entries.add(Map.entry("weekday", "2"));
        entries.add(Map.entry("weekday", "4"));
        return entries;
    }

    @Test
    void aWeeklyOfferOverATermWithACostIsLiveAtOnceAndCanBeEditedPausedResumedAndWithdrawn() {
        visitor.get("/employers/" + employer + "/offers/new");
        HttpResponse<String> created =
                visitor.postAll("/employers/" + employer + "/offers", weeklyOffer("Spring mock interviews"));

        assertThat(created.statusCode()).isEqualTo(302);
        var offer = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Spring mock interviews"));
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.ACTIVE);
        assertThat(offer.getCostPerSessionPence()).isEqualTo(4550);
        assertThat(offer.getMaxSessions()).isEqualTo(12);
        assertThat(db.dsl()
                        .select(OFFER_AVAILABILITY.WEEKDAY, OFFER_AVAILABILITY.PERIOD)
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(offer.getId()))
                        .orderBy(OFFER_AVAILABILITY.WEEKDAY)
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2()))
                .containsExactly("2 afternoon", "4 afternoon");

        String edit = visitor.get("/employers/" + employer + "/offers/" + offer.getId() + "/edit")
                .body();
        assertThat(edit).contains("value=\"45.50\"").contains("value=\"Spring mock interviews\"");
        List<Map.Entry<String, String>> changed = new ArrayList<>(weeklyOffer("Spring mock interviews"));
        changed.replaceAll(e -> e.getKey().equals("pupils") ? Map.entry("pupils", "10") : e);
        changed.removeIf(e -> e.getKey().equals("weekday") && e.getValue().equals("4"));
        visitor.postAll("/employers/" + employer + "/offers/" + offer.getId(), changed);
        assertThat(db.dsl().fetchSingle(OFFER, OFFER.ID.eq(offer.getId())).getPupilsMax())
                .isEqualTo(10);
        assertThat(db.dsl().fetchCount(OFFER_AVAILABILITY, OFFER_AVAILABILITY.OFFER_ID.eq(offer.getId())))
                .isEqualTo(1);

        String status = "/employers/" + employer + "/offers/" + offer.getId() + "/status";
        assertThat(visitor.get("/employers/" + employer).body())
                .contains("<td data-label=\"Status\"><strong class=\"tag tag--green\">Active</strong></td>");
        visitor.post(status, Map.of("status", "paused"));
        assertThat(statusOf(offer.getId())).isEqualTo(OfferStatus.PAUSED);
        assertThat(visitor.get("/employers/" + employer).body())
                .contains("<td data-label=\"Status\"><strong class=\"tag tag--grey\">Paused</strong></td>");
        visitor.get("/employers/" + employer);
        visitor.post(status, Map.of("status", "active"));
        assertThat(statusOf(offer.getId())).isEqualTo(OfferStatus.ACTIVE);
        // withdrawing cannot be undone: the page links to a check, and only its button withdraws
        String withdraw = "/employers/" + employer + "/offers/" + offer.getId() + "/withdraw";
        assertThat(visitor.get("/employers/" + employer).body())
                .contains("<a href=\"" + withdraw + "\">Withdraw")
                .doesNotContain("value=\"withdrawn\"");
        String check = visitor.get(withdraw).body();
        assertThat(check)
                .contains("It cannot be undone", "Keep it", "name=\"status\" value=\"withdrawn\"")
                .containsPattern("<button type=\"submit\" class=\"button--warning\">Withdraw the offer</button>");
        // a withdrawal posted without the check's confirmation changes nothing and shows the check
        HttpResponse<String> unconfirmed = visitor.post(status, Map.of("status", "withdrawn"));
        assertThat(unconfirmed.statusCode()).isEqualTo(200);
        assertThat(unconfirmed.body()).contains("Withdraw the offer");
        assertThat(statusOf(offer.getId())).isEqualTo(OfferStatus.ACTIVE);
        visitor.post(status, Map.of("status", "withdrawn", "confirm", "yes"));
        assertThat(statusOf(offer.getId())).isEqualTo(OfferStatus.WITHDRAWN);
        visitor.get("/employers/" + employer);
        visitor.post(status, Map.of("status", "active"));
        assertThat(statusOf(offer.getId())).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(visitor.get(withdraw).statusCode()).isEqualTo(302);
    }

    @Test
    void aDistanceGivenInMilesIsEditedInMilesAndOneInKilometresInKilometres() {
        List<Map.Entry<String, String>> inMiles = new ArrayList<>(weeklyOffer("Ten miles out"));
        inMiles.replaceAll(e -> e.getKey().equals("radius") ? Map.entry("radius", "10") : e);
        inMiles.add(Map.entry("radiusUnit", "miles"));
        visitor.get("/employers/" + employer + "/offers/new");
        visitor.postAll("/employers/" + employer + "/offers", inMiles);
        visitor.get("/employers/" + employer + "/offers/new");
        visitor.postAll("/employers/" + employer + "/offers", weeklyOffer("Twenty-five km out"));

        var miles = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Ten miles out"));
        assertThat(miles.getTravelRadiusKm()).isEqualByComparingTo("16");
        assertThat(visitor.get("/employers/" + employer + "/offers/" + miles.getId() + "/edit")
                        .body())
                .contains("name=\"radius\" type=\"number\" inputmode=\"numeric\" min=\"0\" value=\"10\"")
                .contains("id=\"radiusUnit\" name=\"radiusUnit\" value=\"miles\" checked")
                .contains("within 10 miles (16 km) of your postcode");
        var km = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Twenty-five km out"));
        assertThat(visitor.get("/employers/" + employer + "/offers/" + km.getId() + "/edit")
                        .body())
                .as("25 km is no whole number of miles")
                .contains("name=\"radius\" type=\"number\" inputmode=\"numeric\" min=\"0\" value=\"25\"")
                .contains("id=\"radiusUnit-km\" name=\"radiusUnit\" value=\"km\" checked");
    }

    @Test
    void anOfferWithBadFieldsSaysWhatIsWrongBesideEachAndSavesNothing() {
        List<Map.Entry<String, String>> bad = new ArrayList<>(weeklyOffer("Broken offer"));
        bad.replaceAll(e -> switch (e.getKey()) {
            case "cost" -> Map.entry("cost", "lots");
            case "yearFrom" -> Map.entry("yearFrom", "12");
            case "yearTo" -> Map.entry("yearTo", "8");
            default -> e;
        });
        visitor.get("/employers/" + employer + "/offers/new");

        HttpResponse<String> response = visitor.postAll("/employers/" + employer + "/offers", bad);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"cost-error\"")
                .contains("Cost per session must be an amount in pounds")
                .contains("id=\"yearTo-error\"")
                .as("the cost is folded under More options, opened to show its message")
                .contains("<details class=\"more-options\" id=\"more-options\" open>");
        assertThat(db.dsl().fetchCount(OFFER, OFFER.TITLE.eq("Broken offer"))).isZero();
    }

    @Test
    void mockInterviewsNeedAVolunteerWhoseSafeguardingCheckCoversTheDates() {
        visitor.get("/employers/" + employer + "/volunteers/new");
        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "Nadia Expired", "email", "nadia@rr.example", "safeguardingUntil", "2027-02-01"));
        long nadia = db.dsl()
                .select(VOLUNTEER.ID)
                .from(VOLUNTEER)
                .where(VOLUNTEER.EMAIL.eq("nadia@rr.example"))
                .fetchOne(0, Long.class);
        List<Map.Entry<String, String>> fields = new ArrayList<>(weeklyOffer("Nadia's interviews"));
        fields.replaceAll(e -> e.getKey().equals("volunteer") ? Map.entry("volunteer", String.valueOf(nadia)) : e);
        visitor.get("/employers/" + employer + "/offers/new");

        HttpResponse<String> response = visitor.postAll("/employers/" + employer + "/offers", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Nadia Expired&#x27;s safeguarding check does not cover these dates");
    }

    @Test
    void anotherEmployersOfferCannotBeEditedFromThisPage() {
        long theirs = data.offer(otherEmployer, OfferStatus.ACTIVE, TODAY.plusMonths(3));

        assertThat(visitor.get("/employers/" + employer + "/offers/" + theirs + "/edit")
                        .statusCode())
                .isEqualTo(404);
        visitor.get("/employers/" + employer);
        assertThat(visitor.post(
                                "/employers/" + employer + "/offers/" + theirs + "/status",
                                Map.of("status", "withdrawn", "confirm", "yes"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(statusOf(theirs)).isEqualTo(OfferStatus.ACTIVE);
    }

    @Test
    void volunteersShowTheirSafeguardingStatus() {
        visitor.get("/employers/" + employer + "/volunteers/new");
        HttpResponse<String> bad = visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "", "email", "not an email", "safeguardingUntil", "31/02/2027"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Enter their name")
                .contains("Enter an email address in the right format")
                .contains("must be a real date");

        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "Olu Checked", "email", "olu@rr.example", "safeguardingUntil", "2029-09-01"));
        visitor.get("/employers/" + employer + "/volunteers/new");
        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of(
                        "name",
                        "Kim Soon",
                        "email",
                        "kim@rr.example",
                        "safeguardingUntil",
                        TODAY.plusDays(20).toString()));
        visitor.get("/employers/" + employer + "/volunteers/new");
        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "Lee None", "email", "lee@rr.example", "safeguardingUntil", ""));
        visitor.get("/employers/" + employer + "/volunteers/new");
        assertThat(visitor.post(
                                "/employers/" + employer + "/volunteers",
                                Map.of(
                                        "name",
                                        "Pat Lapsed",
                                        "email",
                                        "pat@rr.example",
                                        "safeguardingUntil",
                                        TODAY.minusDays(3).toString()))
                        .statusCode())
                .as("kept: the check may be renewed")
                .isEqualTo(302);
        assertThat(visitor.get("/employers/" + employer).body())
                .as("but said plainly")
                .contains("Added Pat Lapsed. Warning: Pat Lapsed&#x27;s safeguarding check ran out on "
                        + uk.encounters.matcher.explain.DateStyle.of(TODAY.minusDays(3)));

        String page = visitor.get("/employers/" + employer).body();
        assertThat(page)
                .containsPattern(
                        "Olu Checked</td><td[^>]*>olu@rr.example</td><td[^>]*>Checked</td><td[^>]*>Sat 1 Sep 2029")
                .containsPattern("Kim Soon</td><td[^>]*>kim@rr.example</td><td[^>]*><strong>Renew soon</strong>")
                .containsPattern("Lee None</td><td[^>]*>lee@rr.example</td><td[^>]*>No check")
                // "Has left" can be taken back ("Back again"), so it asks nothing more, but is no green button
                .contains("class=\"button--secondary\">Has left<span class=\"visually-hidden\">: Lee None")
                // a check to renew keeps the folded list open, and is counted above it
                .contains("with a safeguarding check to renew</strong>", "<details id=\"volunteer-list\" open>");
    }

    @Test
    void aVolunteerFileWithBadRowsSavesNothingUntilFixedOrSkippedOnPurpose() {
        String csv = "\uFEFFName;Email;Safeguarding checked until\n"
                + "Ann Adams;ann@rr.example;15/03/2028\n"
                + "\"Bo; Brown\";not-an-email;\n"
                + "Cy Cole;cy@rr.example;sometime\n"
                + "Di Dean;DI@rr.example;\n";
        String path = "/employers/" + employer + "/import/volunteers";
        visitor.get("/employers/" + employer + "/import");

        HttpResponse<String> preview =
                visitor.upload(path, "file", "volunteers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("2 of the rows have errors")
                .containsPattern(
                        "<td class=\"numeric\">3</td><td>Bo; Brown not-an-email</td><td><ul><li class=\"field-error\">Enter an email address")
                .containsPattern(
                        "<td class=\"numeric\">4</td><td>Cy Cole cy@rr.example</td><td><ul><li class=\"field-error\">When their safeguarding check needs renewing must be a real date");
        assertThat(volunteers()).isZero();

        HttpResponse<String> refused = visitor.post(path, Map.of("csv", csv, "action", "save"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("nothing was saved");
        assertThat(volunteers()).isZero();

        HttpResponse<String> saved = visitor.post(path, Map.of("csv", csv, "action", "save", "skipBadRows", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(db.dsl()
                        .select(VOLUNTEER.NAME, VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                        .from(VOLUNTEER)
                        .where(VOLUNTEER.EMPLOYER_ID.eq(employer))
                        .and(VOLUNTEER.EMAIL.in("ann@rr.example", "DI@rr.example"))
                        .orderBy(VOLUNTEER.NAME)
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2()))
                .containsExactly("Ann Adams 2028-03-15", "Di Dean null");
        assertThat(volunteers()).isEqualTo(2);

        // importing the fixed file again updates, never duplicates
        String fixed =
                "name,email,safeguarding_checked_until\r\nAnn Adams,ANN@rr.example,2029-01-01\r\nBo Brown,bo@rr.example,\r\n";
        visitor.get("/employers/" + employer + "/import");
        visitor.post(path, Map.of("csv", fixed, "action", "save"));
        assertThat(volunteers()).isEqualTo(3);
        assertThat(db.dsl()
                        .select(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                        .from(VOLUNTEER)
                        .where(VOLUNTEER.NAME.eq("Ann Adams"))
                        .fetchOne(0, LocalDate.class))
                .isEqualTo("2029-01-01");
    }

    @Test
    void aListOfThousandsIsPreviewedAndSavedWhole() {
        StringBuilder csv = new StringBuilder("name,email,safeguarding_checked_until\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("Volunteer ").append(i).append(",bulk").append(i).append("@rr.example,2028-01-01\n");
        }
        String path = "/employers/" + employer + "/import/volunteers";
        visitor.get("/employers/" + employer + "/import");

        HttpResponse<String> preview = visitor.post(path, Map.of("csv", csv.toString()));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("All 3000 rows are ready");
        HttpResponse<String> saved = visitor.post(path, Map.of("csv", csv.toString(), "action", "save"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMAIL.like("bulk%@rr.example")))
                .isEqualTo(3000);
    }

    @Test
    void aFileThatIsNotTheExpectedCsvIsRefusedWithAClearMessage() {
        String path = "/employers/" + employer + "/import/volunteers";
        visitor.get("/employers/" + employer + "/import");

        HttpResponse<String> wrongColumns = visitor.post(path, Map.of("csv", "forename,surname\nAnn,Adams\n"));
        assertThat(wrongColumns.statusCode()).isEqualTo(422);
        assertThat(wrongColumns.body()).contains("The header line needs the columns name, email");

        HttpResponse<String> empty = visitor.post(path, Map.of("csv", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("The file is empty");

        // Excel on Windows saves "CSV" in Windows-1252
        byte[] latin = "name,email\nZoë Ærø,zoe@rr.example\n".getBytes(Charset.forName("windows-1252"));
        HttpResponse<String> preview = visitor.upload(path, "file", "legacy.csv", latin);
        assertThat(preview.body()).contains("Zoë Ærø zoe@rr.example").contains("All 1 rows are ready");
    }

    @Test
    void anOfferFileIsCheckedByTheOfferFormsRulesAndSavedWhole() {
        visitor.get("/employers/" + employer + "/volunteers/new");
        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "Raj Patel", "email", "raj@rr.example", "safeguardingUntil", "2029-01-01"));
        String csv =
                "type,title,year_from,year_to,pupils,sessions,from,until,weekdays,periods,where,cost,volunteer_email,requirements\n"
                        + "Careers talk,Jet engines,8,9,60,10,2027-01-04,2027-03-26,Mon Wed,morning,in school,,raj@rr.example,\n"
                        + "work_experience,Engineering week,10,10,4,1,2027-06-14,2027-06-18,Mon Tue Wed Thu Fri,,at workplace,,,Safety boots provided; aged 15+\n"
                        + "juggling,Circus skills,7,13,30,1,2027-01-04,2027-03-26,Mon,,,,,\n"
                        + "careers_talk,Old dates,7,13,30,1,2026-01-04,2026-03-26,Funday,,,,nobody@rr.example,\n";
        String path = "/employers/" + employer + "/import/offers";
        visitor.get("/employers/" + employer + "/import");

        HttpResponse<String> preview = visitor.post(path, Map.of("csv", csv));

        assertThat(preview.body())
                .contains("2 of the rows have errors")
                .contains("Select what you can offer")
                .contains("The first date must be today or later")
                .contains("Choose days from the list")
                .contains("No volunteer of yours has the email nobody@rr.example");
        assertThat(db.dsl()
                        .fetchCount(
                                OFFER,
                                OFFER.EMPLOYER_ID.eq(employer).and(OFFER.TITLE.in("Jet engines", "Engineering week"))))
                .isZero();

        visitor.post(path, Map.of("csv", csv, "action", "save", "skipBadRows", "true"));

        var talk = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Jet engines"));
        assertThat(talk.getEncounterType()).isEqualTo("careers_talk");
        assertThat(talk.getVolunteerId()).isNotNull();
        assertThat(talk.getStatus()).isEqualTo(OfferStatus.ACTIVE);
        var placement = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Engineering week"));
        assertThat(placement.getPlaces()).isEqualTo(4);
        assertThat(placement.getAtWorkplace()).isTrue();
        assertThat(placement.getRequirements()).isEqualTo("Safety boots provided; aged 15+");
        assertThat(db.dsl().fetchCount(OFFER, OFFER.TITLE.in("Circus skills", "Old dates")))
                .isZero();
    }

    private static int volunteers() {
        return db.dsl()
                .fetchCount(
                        VOLUNTEER,
                        VOLUNTEER
                                .EMPLOYER_ID
                                .eq(employer)
                                .and(VOLUNTEER.EMAIL.notIn(
                                        "nadia@rr.example",
                                        "olu@rr.example",
                                        "kim@rr.example",
                                        "lee@rr.example",
                                        "raj@rr.example"))
                                .and(VOLUNTEER.EMAIL.notLike("bulk%")));
    }

    private static OfferStatus statusOf(long offer) {
        return db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(offer));
    }
}

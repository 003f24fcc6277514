package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

/** Choosing who goes (neediest suggested) and recording who attended, which makes the encounters. */
class SchoolBookingsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static TestData data;
    static long school;
    static long offer;
    static long farBehind;
    static long disadvantaged;
    static long oneBehind;
    static long atTarget;
    static long otherSchoolsPupil;
    static Visitor carla;

    @BeforeAll
    static void aYear9WithDifferentGaps() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long otherSchool = data.school(hub, "Other School");
        offer = data.offer(data.employer(hub, "Rolls-Royce"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        farBehind = data.pupil(school, 9);
        disadvantaged = data.pupil(school, 9);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.eq(disadvantaged))
                .execute();
        oneBehind = data.pupil(school, 9);
        atTarget = data.pupil(school, 9);
        data.encounter(disadvantaged, LocalDate.of(2025, 3, 1), true);
        data.encounter(oneBehind, LocalDate.of(2025, 3, 1), true);
        for (LocalDate on : List.of(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 10, 1))) {
            data.encounter(atTarget, on, true);
        }
        otherSchoolsPupil = data.pupil(otherSchool, 9);
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    long booking(LocalDate on, int pupils) {
        long booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, on.minusDays(7)),
                offer,
                null,
                on,
                BookingStatus.CONFIRMED);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PUPILS, pupils)
                .where(BOOKING.ID.eq(booking))
                .execute();
        return booking;
    }

    @Test
    void aWorkplaceVisitShowsTheEmployersSiteAddressContactAndArrivalTime() {
        long hub = db.dsl().fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(school));
        long foundry = data.employer(hub, "Foundry Builders Limited");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.SITE_ADDRESS, "Foundry Builders\nUnit 4, Ascot Drive\nDerby DE24 8GW")
                .set(EMPLOYER.SITE_CONTACT_NAME, "Dan Price")
                .set(EMPLOYER.SITE_CONTACT_PHONE, "07700 900123")
                .set(EMPLOYER.ARRIVAL_INSTRUCTIONS, "Wait at the gatehouse")
                .where(EMPLOYER.ID.eq(foundry))
                .execute();
        long visitOffer = data.offer(foundry, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        long request = data.request(school, 10, RequestStatus.MATCHED, TODAY);
        data.atWorkplace(request, visitOffer);
        long booking = data.booking(request, visitOffer, null, TODAY.plusDays(9), BookingStatus.CONFIRMED);
        Visitor visitor = carla();

        String page = visitor.get("/schools/" + school + "/bookings/" + booking).body();
        String list = visitor.get("/schools/" + school + "/bookings").body();

        assertThat(page)
                .contains("Taking the pupils to Foundry Builders Limited")
                .contains("Foundry Builders<br>Unit 4, Ascot Drive<br>Derby DE24 8GW")
                .contains("Arrive by 8:45am. The session runs 9am to midday.")
                .contains("Dan Price, 07700 900123")
                .contains("Wait at the gatehouse");
        assertThat(list)
                .contains("Unit 4, Ascot Drive")
                .contains("Arrive by 8:45am")
                .contains("Ask for Dan Price");
    }

    @Test
    void theNeediestAreSuggestedAndTheCareersLeaderCanChooseOthersUpToTheBookingsSize() {
        long booking = booking(TODAY.plusDays(17), 2);
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;

        String page = visitor.get(path).body();
        assertThat(page)
                .contains("id=\"pupil-" + farBehind + "\" name=\"pupil\" value=\"" + farBehind + "\" checked")
                .contains("id=\"pupil-" + disadvantaged + "\" name=\"pupil\" value=\"" + disadvantaged + "\" checked")
                .contains("id=\"pupil-" + oneBehind + "\" name=\"pupil\" value=\"" + oneBehind + "\">")
                .contains("Suggested: the pupils with most to gain")
                .contains("In school");

        HttpResponse<String> tooMany = choose(visitor, path, farBehind, disadvantaged, oneBehind);
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("Choose at most 2 pupils");
        HttpResponse<String> stranger = choose(visitor, path, otherSchoolsPupil);
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("Choose pupils of Year 9 from the list");
        assertThat(db.dsl().fetchCount(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID.eq(booking)))
                .isZero();

        assertThat(choose(visitor, path, farBehind, oneBehind).statusCode()).isEqualTo(302);
        assertThat(db.dsl()
                        .select(BOOKING_PUPIL.PUPIL_ID)
                        .from(BOOKING_PUPIL)
                        .where(BOOKING_PUPIL.BOOKING_ID.eq(booking))
                        .fetch(BOOKING_PUPIL.PUPIL_ID))
                .containsExactlyInAnyOrder(farBehind, oneBehind);

        visitor.get(path);
        HttpResponse<String> early = visitor.postAll(
                path + "/attendance",
                List.of(
                        Map.entry("listed", String.valueOf(farBehind)),
                        Map.entry("present", String.valueOf(farBehind))));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.eq(booking)))
                .isZero();
    }

    @Test
    void afterSavingThePupilsGoingAreListedFirstWithTheirCountAndAFlashSayingHowMany() {
        long booking = booking(TODAY.plusDays(18), 3);
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;
        String suggested = visitor.get(path).body();
        assertThat(suggested)
                .contains("Suggested to go (<span data-going-count>3 of 3 places</span>)")
                .contains("3 of 3 places chosen");
        assertThat(suggested.indexOf("Save who goes"))
                .as("a save button comes before the list")
                .isLessThan(suggested.indexOf("id=\"pupil-" + farBehind + "\""));

        // the two least behind, whom the suggestion lists last
        assertThat(choose(visitor, path, atTarget, oneBehind).statusCode()).isEqualTo(302);
        String saved = visitor.get(path).body();

        assertThat(saved)
                .contains("Saved: 2 pupils are going, of 3 places. They are listed first.")
                .contains("Going (<span data-going-count>2 of 3 places</span>)")
                .contains("2 of 3 places chosen, 1 left")
                .contains("List for form tutors, to print");
        int going = saved.indexOf("id=\"pupil-" + atTarget + "\" name=\"pupil\" value=\"" + atTarget + "\" checked");
        int others = saved.indexOf("Others in Year 9");
        assertThat(going).isPositive().isLessThan(others);
        assertThat(saved.indexOf("id=\"pupil-" + oneBehind + "\" name=\"pupil\" value=\"" + oneBehind + "\" checked"))
                .isPositive()
                .isLessThan(others);
        assertThat(saved.indexOf("id=\"pupil-" + farBehind + "\" name=\"pupil\" value=\"" + farBehind + "\">"))
                .as("the rest follow, unticked")
                .isGreaterThan(others);
    }

    @Test
    void moreThanTheBookingsPlacesIsRefusedAndShownAsSentWithHowManyToUntick() {
        long booking = booking(TODAY.plusDays(19), 2);
        data.choose(booking, farBehind);
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;

        HttpResponse<String> over = choose(visitor, path, farBehind, oneBehind, atTarget);

        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.body())
                .contains("<span id=\"pupil-error\" class=\"field-error\">Choose at most 2 pupils")
                .contains("choice-count choice-count--over")
                .contains("3 of 2 places chosen: 1 too many")
                .contains("id=\"pupil-" + atTarget + "\" name=\"pupil\" value=\"" + atTarget + "\" checked");
        assertThat(chosen(booking)).containsExactly(farBehind);
    }

    @Test
    void aFilterNarrowsTheOtherPupilsButSavingFromItKeepsEveryPupilGoing() {
        long booking = booking(TODAY.plusDays(20), 3);
        data.choose(booking, farBehind);
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;

        String filtered = visitor.get(path + "?disadvantaged=on").body();

        assertThat(filtered)
                .as("the pupil going is listed, though not disadvantaged")
                .contains("id=\"pupil-" + farBehind + "\" name=\"pupil\" value=\"" + farBehind + "\" checked")
                .contains("id=\"pupil-" + disadvantaged + "\"")
                .doesNotContain("id=\"pupil-" + oneBehind + "\"")
                .doesNotContain("id=\"pupil-" + atTarget + "\"")
                .contains("Showing 1 of 3: disadvantaged pupils.")
                .contains("<input type=\"hidden\" name=\"disadvantaged\" value=\"on\">");

        // ticks the disadvantaged pupil and saves the form as the browser sends it
        List<Map.Entry<String, String>> form = saveForm(filtered);
        form.add(Map.entry("pupil", String.valueOf(disadvantaged)));
        HttpResponse<String> saved = visitor.postAll(path + "/pupils", form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValue(path + "?disadvantaged=on");
        assertThat(chosen(booking)).containsExactlyInAnyOrder(farBehind, disadvantaged);

        String reference = db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(atTarget));
        assertThat(visitor.get(path + "?reference=" + reference.toLowerCase()).body())
                .contains("id=\"pupil-" + atTarget + "\"")
                .doesNotContain("id=\"pupil-" + oneBehind + "\"")
                .contains("id=\"pupil-" + farBehind + "\"");
        HttpResponse<String> tooLong = visitor.get(path + "?reference=" + "x".repeat(41));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Reference must be 40 characters or fewer");
    }

    @Test
    void whoGoesPrintsForFormTutorsAndDownloadsAsCsvWithTheSchoolsOwnFlags() {
        long booking = booking(TODAY.plusDays(21), 3);
        data.choose(booking, farBehind);
        data.choose(booking, disadvantaged);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.SEND, true)
                .where(PUPIL.ID.eq(farBehind))
                .execute();
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;
        String farBehindRef = db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(farBehind));
        String disadvantagedRef = db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(disadvantaged));

        String printable = visitor.get(path + "/who-goes").body();
        HttpResponse<String> csv = visitor.get(path + "/pupils.csv");

        assertThat(printable)
                .contains("Who goes: Careers talk for Year 9")
                .contains("Mon 14 Dec 2026")
                .contains("the session runs")
                .contains("In school")
                .contains("2 of 3 places")
                .contains("<td>" + farBehindRef + "</td>")
                .contains("<td>" + disadvantagedRef + "</td>")
                .doesNotContain("SEND");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"who-goes-2026-12-14-booking-" + booking + ".csv\"");
        assertThat(csv.body()).as("a byte order mark, so Excel reads UTF-8").startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("pupil_reference,year_group,disadvantaged,send,eal");
        assertThat(lines.subList(1, lines.size()))
                .as("by reference")
                .containsExactlyElementsOf(Stream.of(farBehindRef + ",9,no,yes,no", disadvantagedRef + ",9,yes,no,no")
                        .sorted()
                        .toList());
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.SEND, false)
                .where(PUPIL.ID.eq(farBehind))
                .execute();
    }

    @Test
    void whoGoesIsForTheSchoolsOwnPeopleOnly() {
        long booking = booking(TODAY.plusDays(22), 3);
        data.choose(booking, farBehind);
        long otherSchool = data.school(db.dsl().fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(school)), "Littleover");
        Accounts.create(db.dsl(), "olu@littleover.example", "Olu", Scope.careersLeader(otherSchool));
        Accounts.create(db.dsl(), "ada@adviser.example", "Ada", Scope.enterpriseAdviser(school));
        long theirs = data.booking(
                data.request(otherSchool, 9, RequestStatus.MATCHED, TODAY),
                offer,
                null,
                TODAY.plusDays(3),
                BookingStatus.CONFIRMED);
        String path = "/schools/" + school + "/bookings/" + booking;

        Visitor otherLeader = new Visitor(app).signIn("olu@littleover.example", Accounts.PASSWORD);
        Visitor adviser = new Visitor(app).signIn("ada@adviser.example", Accounts.PASSWORD);
        Visitor leader = carla();

        for (String list : List.of("/pupils.csv", "/who-goes")) {
            assertThat(otherLeader.get(path + list).statusCode()).isEqualTo(403);
            assertThat(adviser.get(path + list).statusCode())
                    .as("an enterprise adviser never sees pupil references")
                    .isEqualTo(403);
            assertThat(carla.get("/schools/" + school + "/bookings/" + theirs + list)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(new Visitor(app).get(path + list).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void attendanceCreatesTheEncountersAndACorrectionIsAudited() {
        long booking = booking(TODAY.minusDays(4), 2);
        data.choose(booking, farBehind);
        data.choose(booking, disadvantaged);
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + booking;

        String page = visitor.get(path).body();
        assertThat(page)
                .contains("Untick anyone who was absent")
                .contains("id=\"present-" + farBehind + "\" name=\"present\" value=\"" + farBehind + "\" checked");

        visitor.postAll(
                path + "/attendance",
                List.of(
                        Map.entry("listed", String.valueOf(farBehind)),
                        Map.entry("listed", String.valueOf(disadvantaged)),
                        Map.entry("present", String.valueOf(farBehind))));

        assertThat(encounters(booking)).containsExactlyInAnyOrder(farBehind + " true", disadvantaged + " false");
        assertThat(db.dsl()
                        .select(BOOKING.STATUS)
                        .from(BOOKING)
                        .where(BOOKING.ID.eq(booking))
                        .fetchOne(0))
                .isEqualTo(BookingStatus.DELIVERED);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("attendance_recorded").and(AUDIT_LOG.SUBJECT_ID.eq(booking))))
                .isEqualTo(1);

        // the absentee was there after all
        assertThat(visitor.get(path).body())
                .contains("Correct attendance")
                .contains("id=\"present-" + disadvantaged + "\" name=\"present\" value=\"" + disadvantaged + "\">");
        visitor.postAll(
                path + "/attendance",
                List.of(
                        Map.entry("listed", String.valueOf(farBehind)),
                        Map.entry("listed", String.valueOf(disadvantaged)),
                        Map.entry("present", String.valueOf(farBehind)),
                        Map.entry("present", String.valueOf(disadvantaged))));

        assertThat(encounters(booking)).containsExactlyInAnyOrder(farBehind + " true", disadvantaged + " true");
        assertThat(db.dsl()
                        .select(AUDIT_LOG.DETAIL)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.ACTION.eq("attendance_changed"))
                        .and(AUDIT_LOG.SUBJECT_ID.eq(booking))
                        .fetchOne(0, String.class))
                .contains("\"changed\": 1");
        assertThat(visitor.get("/schools/" + school + "/progress").body().replaceAll(">\\s+<", "><"))
                .as("the progress page counts the new encounters")
                .containsPattern("Year 9</th><td class=\"numeric\"[^>]*>4</td><td class=\"numeric\"[^>]*>[0-9]+</td>");
    }

    @Test
    void theSchoolConfirmsInOneClickOrDeclinesWithAReasonWhichReopensTheRequest() {
        long confirmed = booking(TODAY.plusDays(10), 30);
        long declined = booking(TODAY.plusDays(11), 30);
        data.choose(declined, farBehind);
        Visitor visitor = carla();
        String base = "/schools/" + school + "/bookings/";

        assertThat(visitor.get(base + confirmed).body())
                .as("the status and what it needs from the school, as tags, as the bookings list shows them")
                .contains("<dt>Status</dt><dd><strong class=\"tag tag--green\">Confirmed</strong></dd>")
                .contains("<dt>To do</dt><dd><strong class=\"tag tag--blue\">To confirm</strong></dd>");
        assertThat(visitor.post(base + confirmed + "/confirm", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl()
                        .select(BOOKING.SCHOOL_CONFIRMED_AT)
                        .from(BOOKING)
                        .where(BOOKING.ID.eq(confirmed))
                        .fetchOne(0, java.time.OffsetDateTime.class))
                .isNotNull();
        assertThat(visitor.get(base + confirmed).body())
                .contains("<strong class=\"tag tag--green\">Confirmed</strong> and confirmed by your school")
                .contains("<strong class=\"tag tag--yellow\">Choose pupils</strong>");

        visitor.get(base + declined + "/decline");
        HttpResponse<String> noReason = visitor.post(base + declined + "/decline", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Enter why you cannot do it");
        visitor.post(base + declined + "/decline", Map.of("reason", "Mock exams moved to that week"));

        var row = db.dsl().fetchSingle(BOOKING, BOOKING.ID.eq(declined));
        assertThat(row.getStatus()).isEqualTo(BookingStatus.DECLINED);
        assertThat(row.getDeclinedBy()).isEqualTo("school");
        assertThat(row.getDeclineReason()).isEqualTo("Mock exams moved to that week");
        assertThat(db.dsl()
                        .select(uk.encounters.marketplace.jooq.Tables.REQUEST.STATUS)
                        .from(uk.encounters.marketplace.jooq.Tables.REQUEST)
                        .where(uk.encounters.marketplace.jooq.Tables.REQUEST.ID.eq(row.getRequestId()))
                        .fetchOne(0))
                .isEqualTo(RequestStatus.OPEN);
        assertThat(db.dsl().fetchCount(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID.eq(declined)))
                .isZero();

        long past = booking(TODAY.minusDays(1), 30);
        visitor.get(base + past + "/decline");
        visitor.post(base + past + "/decline", Map.of("reason", "Too late"));
        assertThat(db.dsl().fetchSingle(BOOKING, BOOKING.ID.eq(past)).getStatus())
                .isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void anEmployerWhoDidNotComeIsRecordedAndTheSessionGoesBackIntoMatching() {
        long future = booking(TODAY.plusDays(3), 30);
        long missed = booking(TODAY.minusDays(2), 30);
        data.choose(missed, farBehind);
        Visitor visitor = carla();
        String base = "/schools/" + school + "/bookings/";

        assertThat(visitor.get(base + future).body()).doesNotContain("The employer did not come");
        visitor.post(base + future + "/no-show", Map.of());
        assertThat(db.dsl().fetchSingle(BOOKING, BOOKING.ID.eq(future)).getStatus())
                .isEqualTo(BookingStatus.CONFIRMED);

        assertThat(visitor.get(base + missed).body()).contains("The employer did not come");
        visitor.post(base + missed + "/no-show", Map.of());
        var row = db.dsl().fetchSingle(BOOKING, BOOKING.ID.eq(missed));
        assertThat(row.getStatus()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(db.dsl()
                        .select(uk.encounters.marketplace.jooq.Tables.REQUEST.STATUS)
                        .from(uk.encounters.marketplace.jooq.Tables.REQUEST)
                        .where(uk.encounters.marketplace.jooq.Tables.REQUEST.ID.eq(row.getRequestId()))
                        .fetchOne(0))
                .isEqualTo(RequestStatus.OPEN);
        assertThat(db.dsl().fetchCount(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID.eq(missed)))
                .isZero();
        assertThat(db.dsl()
                        .fetchExists(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("booking_no_show").and(AUDIT_LOG.SUBJECT_ID.eq(missed))))
                .isTrue();
        // it counts against the employer's reliability, which the next round's contact cap reads
        long employer = db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.OFFER.EMPLOYER_ID)
                .from(uk.encounters.marketplace.jooq.Tables.OFFER)
                .where(uk.encounters.marketplace.jooq.Tables.OFFER.ID.eq(offer))
                .fetchSingle()
                .value1();
        long hub = db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.EMPLOYER.REGISTERED_IN_HUB_ID)
                .from(uk.encounters.marketplace.jooq.Tables.EMPLOYER)
                .where(uk.encounters.marketplace.jooq.Tables.EMPLOYER.ID.eq(employer))
                .fetchSingle()
                .value1();
        assertThat(uk.encounters.marketplace.round.EmployerLoad.letDownsSince(db.dsl(), hub, TODAY.minusWeeks(1)))
                .containsEntry(employer, 1);

        // once recorded it cannot be recorded again
        visitor.get(base + missed);
        assertThat(visitor.post(base + missed + "/no-show", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("booking_no_show")))
                .isEqualTo(1);
    }

    @Test
    void aPaidSessionIsSpentFromTheBudgetOnceWhenItsAttendanceIsFirstRecorded() {
        long paidOffer = data.offer(
                data.employer(data.hub("Charities"), "Young Enterprise"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.OFFER)
                .set(uk.encounters.marketplace.jooq.Tables.OFFER.COST_PER_SESSION_PENCE, 5_000)
                .where(uk.encounters.marketplace.jooq.Tables.OFFER.ID.eq(paidOffer))
                .execute();
        long paid = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, TODAY.minusWeeks(2)),
                paidOffer,
                null,
                TODAY.minusDays(2),
                BookingStatus.CONFIRMED);
        data.choose(paid, oneBehind);
        db.dsl()
                .insertInto(
                        SCHOOL_BUDGET,
                        SCHOOL_BUDGET.SCHOOL_ID,
                        SCHOOL_BUDGET.ACADEMIC_YEAR,
                        SCHOOL_BUDGET.FUNDER,
                        SCHOOL_BUDGET.AMOUNT_PENCE)
                .values(school, (short) 2026, "Derby Careers Hub", 12_000L)
                .execute();
        Visitor visitor = carla();
        String path = "/schools/" + school + "/bookings/" + paid;
        List<Map.Entry<String, String>> register = List.of(
                Map.entry("listed", String.valueOf(oneBehind)), Map.entry("present", String.valueOf(oneBehind)));

        visitor.get(path);
        visitor.postAll(path + "/attendance", register);
        assertThat(visitor.get(path).body()).contains("£50 paid from your budget");
        visitor.postAll(path + "/attendance", register);

        assertThat(db.dsl()
                        .select(SCHOOL_BUDGET.SPENT_PENCE)
                        .from(SCHOOL_BUDGET)
                        .where(SCHOOL_BUDGET.SCHOOL_ID.eq(school))
                        .fetchOne(0, Long.class))
                .as("spent once, however often attendance is saved")
                .isEqualTo(5_000L);
    }

    @Test
    void anotherSchoolsBookingIsNotFound() {
        long theirs = data.booking(
                data.request(data.school(data.hub("Elsewhere"), "Elsewhere School"), 9, RequestStatus.MATCHED, TODAY),
                offer,
                null,
                TODAY.plusDays(3),
                BookingStatus.CONFIRMED);
        Visitor visitor = carla();

        assertThat(visitor.get("/schools/" + school + "/bookings/" + theirs).statusCode())
                .isEqualTo(404);
    }

    /**
     * Carla, signed in once for the whole class: signing in for each test would meet the sign-in
     * limit (10 an account in 15 minutes).
     */
    private static Visitor carla() {
        if (carla == null) {
            carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        }
        return carla;
    }

    private static List<Long> chosen(long booking) {
        return db.dsl()
                .select(BOOKING_PUPIL.PUPIL_ID)
                .from(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.BOOKING_ID.eq(booking))
                .fetch(BOOKING_PUPIL.PUPIL_ID);
    }

    /** What the page's save form sends as it stands: its ticked pupils and the filter it carries. */
    private static List<Map.Entry<String, String>> saveForm(String page) {
        String form = page.substring(page.indexOf("data-who-goes"));
        form = form.substring(0, form.indexOf("</form>"));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher ticked =
                Pattern.compile("name=\"pupil\" value=\"(\\d+)\" checked").matcher(form);
        while (ticked.find()) {
            fields.add(Map.entry("pupil", ticked.group(1)));
        }
        Matcher hidden = Pattern.compile(
                        "<input type=\"hidden\" name=\"(reference|disadvantaged|send|eal)\" value=\"([^\"]*)\">")
                .matcher(form);
        while (hidden.find()) {
            fields.add(Map.entry(hidden.group(1), hidden.group(2)));
        }
        return fields;
    }

    private static HttpResponse<String> choose(Visitor visitor, String path, long... pupils) {
        visitor.get(path);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (long pupil : pupils) {
            fields.add(Map.entry("pupil", String.valueOf(pupil)));
        }
        return visitor.postAll(path + "/pupils", fields);
    }

    private static List<String> encounters(long booking) {
        return db.dsl()
                .select(ENCOUNTER.PUPIL_ID, ENCOUNTER.ATTENDED)
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(booking))
                .fetch(r -> r.value1() + " " + r.value2());
    }
}

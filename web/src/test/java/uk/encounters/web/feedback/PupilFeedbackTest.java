package uk.encounters.web.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecretToken;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** Pupils' anonymous answers on a phone: once per browser, no more than attended, nothing identifying kept. */
class PupilFeedbackTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static final Pattern LINK = Pattern.compile("http://[^<\"]*(/feedback/(\\d+)/([A-Za-z0-9_-]+))");

    static RunningApp app;
    static TestData data;
    static long school;
    static long offer;
    static Visitor leader;

    @BeforeAll
    static void aSchoolWithATalkToday() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        offer = data.offer(data.employer(hub, "Rolls-Royce"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "cora@hub.example", "Cora", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), TODAY);
        leader = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long booking(LocalDate on, int pupils) {
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

    /** The link the careers leader shows the class, as written under its QR code: its path. */
    static String pupilLink(long booking) {
        String page = "/schools/" + school + "/bookings/" + booking;
        leader.get(page);
        HttpResponse<String> shown = leader.post(page + "/pupil-link", Map.of());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("class=\"qr-code\"");
        Matcher m = LINK.matcher(shown.body());
        assertThat(m.find()).as("the written link").isTrue();
        assertThat(m.group(2)).isEqualTo(String.valueOf(booking));
        return m.group(1);
    }

    static Map<String, String> answers(String workIsLike, String itTakes, String consider, String comment) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (workIsLike != null) {
            fields.put("workIsLike", workIsLike);
        }
        if (itTakes != null) {
            fields.put("itTakes", itTakes);
        }
        if (consider != null) {
            fields.put("wouldConsider", consider);
        }
        fields.put("comment", comment);
        return fields;
    }

    static HttpResponse<String> answer(Visitor pupil, String link, Map<String, String> fields) {
        pupil.get(link);
        return pupil.post(link, fields);
    }

    static int counted(long booking) {
        return db.dsl().fetchValue(BOOKING.PUPIL_ANSWERS, BOOKING.ID.eq(booking));
    }

    @Test
    void aPupilAnswersOnceFromTheirBrowserAndOnlyAHashOfItsCookieIsKept() {
        long booking = booking(TODAY, 30);
        String link = pupilLink(booking);
        Visitor pupil = new Visitor(app);

        HttpResponse<String> form = pupil.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Did you learn what this work is like?")
                .contains("Would you consider this kind of work?")
                .contains(">A bit</label>")
                .contains(">Maybe</label>");
        String setCookie = form.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("respondent="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .contains("Path=/feedback/" + booking)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> sent = pupil.post(link, answers("yes", "partly", "no", "  Loved the robot arm  "));
        assertThat(sent.statusCode()).isEqualTo(302);
        var row = db.dsl()
                .selectFrom(PUPIL_FEEDBACK)
                .where(PUPIL_FEEDBACK.BOOKING_ID.eq(booking))
                .fetchSingle();
        assertThat(row.getLearntWhatWorkIsLike()).isEqualTo(PupilAnswer.YES);
        assertThat(row.getLearntWhatItTakes()).isEqualTo(PupilAnswer.PARTLY);
        assertThat(row.getWouldConsider()).isEqualTo(PupilAnswer.NO);
        assertThat(row.getComment()).isEqualTo("Loved the robot arm");
        assertThat(row.getCommentApprovedAt()).isNull();
        String cookie = pupil.cookie("respondent");
        assertThat(row.getRespondentHash())
                .isEqualTo(SecretToken.hashOf(cookie))
                .doesNotContain(cookie);
        // the table holds answers and the hash, nothing of the pupil's address, browser or session
        assertThat(PUPIL_FEEDBACK.fields())
                .extracting(f -> f.getName())
                .containsExactlyInAnyOrder(
                        "id",
                        "booking_id",
                        "respondent_hash",
                        "learnt_what_work_is_like",
                        "learnt_what_it_takes",
                        "would_consider",
                        "comment",
                        "comment_approved_at",
                        "created_at");
        // an audit entry would put an address beside an answer: only the link's making is audited
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG, AUDIT_LOG.SUBJECT_TYPE.eq("booking").and(AUDIT_LOG.SUBJECT_ID.eq(booking))))
                .isEqualTo(1);
        assertThat(counted(booking)).isEqualTo(1);

        assertThat(pupil.get(link).body()).contains("You have already answered").doesNotContain("name=\"workIsLike\"");
        assertThat(counted(booking)).isEqualTo(1);

        // another pupil's phone answers as well
        assertThat(answer(new Visitor(app), link, answers("yes", "yes", "yes", ""))
                        .statusCode())
                .isEqualTo(302);
        assertThat(counted(booking)).isEqualTo(2);
    }

    @Test
    void aMissedQuestionIsNamedBesideItAndNothingIsSaved() {
        long booking = booking(TODAY, 30);
        String link = pupilLink(booking);
        Visitor pupil = new Visitor(app);

        HttpResponse<String> refused = answer(pupil, link, answers("yes", "no", null, "x".repeat(501)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"wouldConsider-error\"")
                .contains("Select whether you would consider this kind of work")
                .contains("Anything else must be 500 characters or fewer")
                .contains("value=\"yes\" checked");
        assertThat(db.dsl().fetchCount(PUPIL_FEEDBACK, PUPIL_FEEDBACK.BOOKING_ID.eq(booking)))
                .isZero();
        assertThat(counted(booking)).isZero();
    }

    @Test
    void aBookingTakesNoMoreAnswersThanPupilsAttended() {
        long booking = booking(TODAY, 30);
        long came = data.pupil(school, 9);
        long alsoCame = data.pupil(school, 9);
        long absent = data.pupil(school, 9);
        for (long pupil : new long[] {came, alsoCame, absent}) {
            data.attendance(booking, pupil, TODAY, pupil != absent);
        }
        String link = pupilLink(booking);
        Visitor third = new Visitor(app);
        assertThat(third.get(link).body()).contains("name=\"workIsLike\"");

        assertThat(answer(new Visitor(app), link, answers("yes", "yes", "yes", ""))
                        .statusCode())
                .isEqualTo(302);
        assertThat(answer(new Visitor(app), link, answers("no", "yes", "yes", ""))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> refused = third.post(link, answers("yes", "yes", "yes", ""));

        assertThat(refused.body()).contains("Everyone who went");
        assertThat(new Visitor(app).get(link).body()).contains("Everyone who went");
        assertThat(counted(booking)).isEqualTo(2);
        assertThat(db.dsl().fetchCount(PUPIL_FEEDBACK, PUPIL_FEEDBACK.BOOKING_ID.eq(booking)))
                .isEqualTo(2);
    }

    @Test
    void aForgedExpiredOrOtherBookingsLinkIsRefusedAndNamesNothing() {
        long booking = booking(TODAY, 30);
        long other = booking(TODAY, 30);
        String link = pupilLink(booking);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String expired = new LoginTokenRepository(db.dsl(), app.clock())
                .issuePupilFeedback(booking, OffsetDateTime.now(app.clock()).minusMinutes(1));
        Visitor pupil = new Visitor(app);
        pupil.get(link);
        assertThat(pupil.post("/feedback/" + other + "/" + token, answers("yes", "yes", "yes", ""))
                        .statusCode())
                .isEqualTo(410);
        pupil.get(link);
        assertThat(pupil.post("/feedback/" + other + "/" + token, answers("yes", "yes", "yes", ""))
                        .statusCode())
                .isEqualTo(410);

        for (String path : new String[] {
            "/feedback/" + booking + "/" + "A".repeat(43),
            "/feedback/" + other + "/" + token,
            "/feedback/" + booking + "/" + expired
        }) {
            HttpResponse<String> refused = pupil.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(410);
            assertThat(refused.body()).contains("This link does not work").doesNotContain("Rolls-Royce");
        }
        assertThat(db.dsl().fetchCount(PUPIL_FEEDBACK, PUPIL_FEEDBACK.BOOKING_ID.in(booking, other)))
                .isZero();
    }

    @Test
    void theLinkIsNotMadeBeforeTheDayOfTheSession() {
        long booking = booking(TODAY.plusDays(3), 30);
        String page = "/schools/" + school + "/bookings/" + booking;
        leader.get(page);

        HttpResponse<String> refused = leader.post(page + "/pupil-link", Map.of());

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(leader.get(page).body()).contains("Pupils answer from the day of the session");
    }

    @Test
    void aPupilsWordsAreReadOnlyByTheCareersLeadersUntilApprovedAndRemovingDeletesThem() {
        long booking = booking(TODAY, 30);
        String link = pupilLink(booking);
        answer(new Visitor(app), link, answers("yes", "yes", "partly", "The volunteer was brilliant"));
        String page = "/schools/" + school + "/bookings/" + booking;
        Visitor coordinator = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);

        assertThat(leader.get(page).body())
                .contains("The volunteer was brilliant")
                .contains("/approve");
        assertThat(coordinator.get(page).body()).doesNotContain("The volunteer was brilliant");
        long comment = db.dsl().fetchValue(PUPIL_FEEDBACK.ID, PUPIL_FEEDBACK.BOOKING_ID.eq(booking));
        coordinator.get(page);
        assertThat(coordinator
                        .post(page + "/pupil-comments/" + comment + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(403);

        leader.get(page);
        assertThat(leader.post(page + "/pupil-comments/" + comment + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(coordinator.get(page).body()).contains("The volunteer was brilliant");

        // removing cannot be undone, so it asks first: without the confirmation nothing is deleted
        String remove = page + "/pupil-comments/" + comment + "/remove";
        assertThat(leader.get(page).body()).contains("href=\"" + remove + "\"");
        leader.get(remove);
        assertThat(leader.post(remove, Map.of()).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(PUPIL_FEEDBACK.COMMENT, PUPIL_FEEDBACK.ID.eq(comment)))
                .isEqualTo("The volunteer was brilliant");
        assertThat(leader.get(remove).body())
                .contains("Remove this pupil's comment?")
                .contains("The volunteer was brilliant");
        assertThat(leader.post(remove, Map.of("confirm", "yes")).statusCode()).isEqualTo(302);
        var row = db.dsl()
                .selectFrom(PUPIL_FEEDBACK)
                .where(PUPIL_FEEDBACK.ID.eq(comment))
                .fetchSingle();
        assertThat(row.getComment()).isNull();
        assertThat(row.getWouldConsider()).isEqualTo(PupilAnswer.PARTLY);
        assertThat(leader.get(page).body()).doesNotContain("The volunteer was brilliant");
    }

    @Test
    void aSecondAnswerFromTheSameBrowserIsRefusedPolitely() {
        long booking = booking(TODAY, 30);
        String link = pupilLink(booking);
        Visitor pupil = new Visitor(app);
        pupil.get(link);
        // the same browser answered meanwhile, from another tab
        db.dsl()
                .insertInto(PUPIL_FEEDBACK)
                .set(PUPIL_FEEDBACK.BOOKING_ID, booking)
                .set(PUPIL_FEEDBACK.RESPONDENT_HASH, SecretToken.hashOf(pupil.cookie("respondent")))
                .set(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE, PupilAnswer.YES)
                .set(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, PupilAnswer.YES)
                .set(PUPIL_FEEDBACK.WOULD_CONSIDER, PupilAnswer.YES)
                .execute();

        HttpResponse<String> again = pupil.post(link, answers("no", "no", "no", "Second go"));

        assertThat(again.body()).contains("You have already answered");
        assertThat(db.dsl().fetchCount(PUPIL_FEEDBACK, PUPIL_FEEDBACK.BOOKING_ID.eq(booking)))
                .isEqualTo(1);
        assertThat(counted(booking)).isZero();
    }
}

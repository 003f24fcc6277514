package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator's round page through real HTTP and PostgreSQL: run, watch, review, edit, publish. */
class RoundRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 19);
    static final String PASSWORD = "quarry lemon bicycle anchor";

    static RunningApp app;
    static RoundHub hub;
    static RoundHub other;

    @BeforeAll
    static void aHubWithACoordinatorAndAnotherHub() {
        hub = RoundHub.create(db.dsl(), "Derby Careers Hub");
        other = RoundHub.create(db.dsl(), "Nottingham Careers Hub");
        // what the school wrote on the mock interviews nobody offers, for the review to show beside them
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "A hearing loop in the hall")
                .set(REQUEST.NOTES, "Our careers fair is the same week")
                .where(REQUEST.ID.eq(hub.southInterviews()))
                .execute();
        AccountRepository accounts = new AccountRepository(db.dsl());
        String hash = new Passwords().hash(PASSWORD);
        accounts.create("cora@derby.example", "Cora Ordinator", hash, Scope.coordinator(hub.id()));
        accounts.create("nia@nottingham.example", "Nia Ordinator", hash, Scope.coordinator(other.id()));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCoordinatorRunsARoundWatchesItReviewsItEditsItAndPublishesIt() throws Exception {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", PASSWORD);
        String page = cora.get("/hubs/" + hub.id() + "/round").body();
        assertThat(page).contains("Demand and supply", "Mock interviews", "short", "Run matching");
        // the weights are folded away, and open only when the form comes back with a problem
        assertThat(page).contains("<details id=\"weights\">");

        HttpResponse<String> bad = cora.post("/hubs/" + hub.id() + "/rounds", Map.of("seconds", "0"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Time limit must be between 1 and 600", "<details id=\"weights\" open>");

        HttpResponse<String> run = cora.post("/hubs/" + hub.id() + "/rounds", runForm("2"));
        assertThat(run.statusCode()).isEqualTo(302);
        String roundPath = run.headers().firstValue("location").orElseThrow();
        assertThat(roundPath).matches("/hubs/" + hub.id() + "/rounds/\\d+");
        long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));

        // while it solves, the page shows progress and polls for it; the JSON says how far it got
        JsonObject progress = new JsonObject(cora.get(roundPath + "/progress").body());
        assertThat(progress.getString("status"))
                .isIn(RoundStatus.SOLVING.getLiteral(), RoundStatus.PROPOSED.getLiteral());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (progress.getBoolean("solving") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            progress = new JsonObject(cora.get(roundPath + "/progress").body());
        }
        assertThat(progress.getString("status")).isEqualTo(RoundStatus.PROPOSED.getLiteral());
        assertThat(progress.getInteger("sessionsMatched")).isEqualTo(3);
        assertThat(progress.getInteger("sessionsTotal")).isEqualTo(4);
        assertThat(progress.getInteger("pupilsCovered")).isEqualTo(90);

        String review = cora.get(roundPath).body();
        assertThat(review).contains("A hearing loop in the hall", "Our careers fair is the same week");
        assertThat(review)
                .contains(
                        "Proposal",
                        "North Academy",
                        "South School",
                        "Talking Engineers",
                        "Why this booking",
                        "Unmatched sessions",
                        "Employer load",
                        "Fairness",
                        "Publish");
        // the summary and the contents come first; each school's bookings fold to one line; the weights are advanced
        assertThat(review.indexOf("id=\"summary\""))
                .isPositive()
                .isLessThan(review.indexOf("<nav aria-label=\"On this page\">"));
        assertThat(review.indexOf("<nav aria-label=\"On this page\">")).isLessThan(review.indexOf("id=\"by-school\""));
        String summary = review.substring(
                review.indexOf("id=\"summary\""), review.indexOf("</dl>", review.indexOf("id=\"summary\"")));
        assertThat(summary)
                .contains(
                        "<dd>3 of 4</dd>", "<a href=\"#unmatched\">1 unmatched</a>", "<dd>90</dd>", "Employers asked");
        assertThat(review)
                .contains(
                        "<a href=\"#by-school\">Bookings by school</a> (2)",
                        "<a href=\"#unmatched\">Unmatched sessions</a> (1)",
                        "<details class=\"school-bookings\" id=\"school-" + hub.northSchool() + "\">",
                        "<details id=\"market-detail\">");
        assertThat(review.indexOf("Advanced: how much each matching rule counts"))
                .isPositive()
                .isLessThan(review.indexOf("name=\"weight0\""));
        // another hub's coordinator cannot see or touch it
        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", PASSWORD);
        assertThat(nia.get(roundPath).statusCode()).isEqualTo(403);
        assertThat(nia.get("/hubs/" + other.id() + "/rounds/" + roundId).statusCode())
                .isEqualTo(404);

        long bookingId = db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                .limit(1)
                .fetchSingle(BOOKING.ID);
        // each school's bookings are one form; the button clicked says what to do with which booking
        assertThat(cora.get(roundPath).body())
                .contains(
                        "<form method=\"post\" action=\"" + roundPath + "/bookings\">",
                        "name=\"pin\" value=\"" + bookingId + "\"",
                        "name=\"remove\" value=\"" + bookingId + "\"");
        assertThat(cora.get(roundPath).body())
                .contains("<input type=\"hidden\" name=\"school\" value=\"" + hub.northSchool() + "\">");
        // the page comes back at the school's bookings, open
        String atNorth = roundPath + "?school=" + hub.northSchool() + "#school-" + hub.northSchool();
        assertThat(cora.post(
                                roundPath + "/bookings",
                                Map.of("pin", String.valueOf(bookingId), "school", String.valueOf(hub.northSchool())))
                        .headers()
                        .firstValue("location"))
                .hasValue(atNorth);
        assertThat(db.dsl().fetchValue(BOOKING.PINNED, BOOKING.ID.eq(bookingId)))
                .isTrue();
        assertThat(cora.get(atNorth.substring(0, atNorth.indexOf('#'))).body())
                .contains(
                        "Pinned: re-solving keeps this booking.",
                        "name=\"unpin\" value=\"" + bookingId + "\"",
                        "<details class=\"school-bookings\" id=\"school-" + hub.northSchool() + "\" open>",
                        "1 pinned</summary>")
                .doesNotContain("id=\"school-" + hub.southSchool() + "\" open>");
        cora.post(roundPath + "/bookings", Map.of("unpin", String.valueOf(bookingId)));
        assertThat(db.dsl().fetchValue(BOOKING.PINNED, BOOKING.ID.eq(bookingId)))
                .isFalse();
        assertThat(cora.get(roundPath).body()).contains("Unpinned: re-solving may change this booking.");
        cora.post(roundPath + "/bookings", Map.of("pin", String.valueOf(bookingId)));
        assertThat(cora.get(roundPath).body()).contains("Pinned: re-solving keeps this booking.");
        // no button, two buttons, or an id that is not a booking of this round: nothing changes
        cora.post(roundPath + "/bookings", Map.of());
        assertThat(cora.get(roundPath).body()).contains("Choose Pin, Unpin or Remove beside a booking or a stall.");
        cora.post(
                roundPath + "/bookings", Map.of("pin", String.valueOf(bookingId), "remove", String.valueOf(bookingId)));
        assertThat(cora.get(roundPath).body()).contains("Choose Pin, Unpin or Remove beside a booking or a stall.");
        cora.post(roundPath + "/bookings", Map.of("remove", "x1"));
        assertThat(cora.get(roundPath).body()).contains("There is no such booking in this round.");
        cora.post(roundPath + "/bookings", Map.of("remove", "999999"));
        assertThat(cora.get(roundPath).body()).contains("That booking is not in this round&#x27;s proposal.");
        assertThat(db.dsl().fetchValue(BOOKING.PINNED, BOOKING.ID.eq(bookingId)))
                .isTrue();

        // remove the other north booking, then place its session by hand from the suggestions
        long removed = db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                .and(BOOKING.ID.ne(bookingId))
                .fetchSingle(BOOKING.ID);
        cora.post(roundPath + "/bookings", Map.of("remove", String.valueOf(removed)));
        assertThat(db.dsl().fetchExists(BOOKING, BOOKING.ID.eq(removed))).isFalse();
        String suggestionsPath = roundPath + "/requests/" + hub.northTalks() + "/suggestions";
        assertThat(cora.get(roundPath).body()).contains(suggestionsPath);
        String suggestions = cora.get(suggestionsPath).body();
        assertThat(suggestions)
                .as("distances in kilometres to one place, no score points")
                .containsPattern("\\d+\\.\\d km away")
                .doesNotContainPattern("\\d\\.\\d{2,} km")
                .doesNotContain("Gain");
        // Second Firm's offer, so that the publish check below has an employer in the proposal for certain
        long secondOffer = db.dsl().fetchValue(OFFER.ID, OFFER.EMPLOYER_ID.eq(hub.secondEmployer()));
        Matcher first = Pattern.compile(
                        "name=\"offer\" value=\"(" + secondOffer + ")\"><input type=\"hidden\" name=\"date\""
                                + " value=\"([0-9-]+)\">"
                                + "\\s*<input type=\"hidden\" name=\"period\" value=\"([a-z_]+)\"")
                .matcher(suggestions);
        assertThat(first.find()).as(suggestions).isTrue();
        assertThat(cora.post(
                                roundPath + "/requests/" + hub.northTalks() + "/assign",
                                Map.of("offer", first.group(1), "date", first.group(2), "period", first.group(3)))
                        .headers()
                        .firstValue("location"))
                .hasValue(atNorth);
        assertThat(db.dsl()
                        .fetchCount(
                                BOOKING,
                                BOOKING.ROUND_ID
                                        .eq(roundId)
                                        .and(BOOKING.REQUEST_ID.eq(hub.northTalks()))
                                        .and(BOOKING.PINNED)))
                .isEqualTo(2);

        assertThat(cora.get(roundPath).body()).contains("Booked by hand and pinned");
        publishAfterTheCheck(cora, roundPath, roundId);
        // who published it, in the audit log: it cannot be undone
        var audit = db.dsl()
                .selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("round_published"))
                .and(AUDIT_LOG.SUBJECT_ID.eq(roundId))
                .fetchSingle();
        assertThat(audit.getActorUserId()).isNotNull();
        assertThat(audit.getSubjectType()).isEqualTo("matching_round");
        assertThat(audit.getDetail().data())
                .contains("\"bookings\": " + db.dsl().fetchCount(BOOKING, BOOKING.ROUND_ID.eq(roundId)));
        // the school's digest, written in the marketplace, points at the school's bookings page here
        assertThat(db.dsl()
                        .fetchValue(
                                OUTBOX.BODY_TEXT,
                                OUTBOX.IDEMPOTENCY_KEY.eq("round:" + roundId + ":school:" + hub.northSchool())))
                .contains("choose the pupils at http://localhost:0/schools/" + hub.northSchool() + "/bookings\n");
        // a second tab's check page, with its own page's token
        cora.post(roundPath + "/publish", Map.of("confirm", "yes"));
        assertThat(cora.get(roundPath).body()).contains("published already");
        // and a published round has no check left to show
        assertThat(cora.get(roundPath + "/publish").statusCode()).isEqualTo(302);
        assertThat(cora.get(roundPath).body()).contains("The round is published: it can no longer be changed.");
        assertThat(new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status())
                .isEqualTo(RoundStatus.PUBLISHED);

        // an employer declines one: the coordinator re-matches just that session
        var declined = db.dsl()
                .select(BOOKING.ID, OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.REQUEST_ID.eq(hub.southTalk()))
                .fetchSingle();
        assertThat(new uk.encounters.marketplace.booking.EmployerBookingRepository(db.dsl())
                        .decline(declined.value2(), declined.value1(), "Our speaker is ill", TODAY))
                .isEqualTo(uk.encounters.marketplace.booking.EmployerBookingRepository.Reply.DONE);
        assertThat(cora.get("/hubs/" + hub.id() + "/round").body())
                .contains("1 published request reopened", "Re-match declined sessions");
        HttpResponse<String> rematch = cora.post("/hubs/" + hub.id() + "/rematch", Map.of());
        String rematchPath = rematch.headers().firstValue("location").orElseThrow();
        assertThat(rematchPath).matches("/hubs/" + hub.id() + "/rounds/\\d+").isNotEqualTo(roundPath);
        long rematchId = Long.parseLong(rematchPath.substring(rematchPath.lastIndexOf('/') + 1));
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (new RoundRepository(db.dsl())
                        .find(hub.id(), rematchId)
                        .orElseThrow()
                        .solving()
                && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        Round again = new RoundRepository(db.dsl()).find(hub.id(), rematchId).orElseThrow();
        assertThat(again.kind()).isEqualTo("rematch");
        assertThat(again.status()).isEqualTo(RoundStatus.PROPOSED);
        // the two published north talks held as they are, and the declined south talk; the mock interviews
        // nobody offers wait for the next weekly round
        assertThat(again.sessionsTotal()).isEqualTo(3);
        assertThat(db.dsl()
                        .selectFrom(BOOKING)
                        .where(BOOKING.ROUND_ID.eq(rematchId))
                        .fetch())
                .allSatisfy(b -> assertThat(b.getRequestId()).isEqualTo(hub.southTalk()));
    }

    private static Map<String, String> runForm(String seconds) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("seconds", seconds));
        var defaults = uk.encounters.matcher.solver.MatchingWeights.DEFAULTS.values().stream()
                .toList();
        for (int i = 0; i < defaults.size(); i++) {
            form.put("weight" + i, String.valueOf(defaults.get(i)));
        }
        return form;
    }

    /**
     * The round page names each school and employer with nobody to tell, with where to invite
     * someone; Publish opens a check of what will be sent, and only its button publishes; the
     * message after says what was sent, as the outbox holds it, and who heard nothing.
     */
    private static void publishAfterTheCheck(Visitor cora, String roundPath, long roundId) {
        // Second Firm has no contact and, with no volunteer named on its bookings, nobody to send its asks to;
        // South School has no careers leader
        db.dsl()
                .update(BOOKING)
                .setNull(BOOKING.VOLUNTEER_ID)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.OFFER_ID.in(org.jooq
                        .impl
                        .DSL
                        .select(OFFER.ID)
                        .from(OFFER)
                        .where(OFFER.EMPLOYER_ID.eq(hub.secondEmployer()))))
                .execute();
        String inviteSouth = "<a href=\"/hubs/" + hub.id() + "/people?school=" + hub.southSchool()
                + "#invite-careers-leader\">invite a careers leader";
        String secondPage = "<a href=\"/employers/" + hub.secondEmployer() + "#offers\">name a volunteer on its offer";
        String review = cora.get(roundPath).body();
        assertThat(review)
                .contains("Nobody to send to", "South School: " + inviteSouth, "Second Firm: " + secondPage)
                .doesNotContain("North Academy: <a")
                // Publish opens the check; nothing on the round page publishes
                .contains("<form method=\"get\" action=\"" + roundPath + "/publish\">")
                .doesNotContain("<form method=\"post\" action=\"" + roundPath + "/publish\"");
        // the links lead where the coordinator can put it right
        String people = cora.get("/hubs/" + hub.id() + "/people?school=" + hub.southSchool())
                .body();
        assertThat(people)
                .contains("id=\"invite-careers-leader\"")
                .contains("<option value=\"" + hub.southSchool() + "\" selected>South School</option>");
        assertThat(cora.get("/employers/" + hub.secondEmployer()).statusCode()).isEqualTo(200);

        boolean talksAsked = db.dsl()
                .fetchExists(
                        BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)),
                        BOOKING.ROUND_ID.eq(roundId).and(OFFER.EMPLOYER_ID.eq(hub.talkEmployer())));
        String employerDigests = talksAsked ? "1 employer digest" : "0 employer digests";
        HttpResponse<String> check = cora.get(roundPath + "/publish");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body())
                .contains(
                        "Publish round " + roundId + "?",
                        "Publishing makes <strong>3 bookings</strong> and emails <strong>1 school digest and "
                                + employerDigests + "</strong>",
                        "1 school and 1 employer have nobody to tell",
                        "They will not hear of their bookings until someone is invited",
                        "South School: " + inviteSouth,
                        "Second Firm: " + secondPage,
                        "cannot be undone",
                        "<input type=\"hidden\" name=\"confirm\" value=\"yes\">",
                        "Publish and send " + (talksAsked ? "2 emails" : "1 email") + "</button>");

        // a publish posted without the check's confirmation (an old page's button) publishes nothing
        HttpResponse<String> unconfirmed = cora.post(roundPath + "/publish", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(200);
        assertThat(unconfirmed.body()).contains("Publish round " + roundId + "?", "Publish and send");
        assertThat(new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status())
                .isEqualTo(RoundStatus.PROPOSED);
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":")))
                .isZero();

        HttpResponse<String> published = cora.post(roundPath + "/publish", Map.of("confirm", "yes"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("location")).hasValue(roundPath);
        // the message counts what the outbox holds, and names who heard nothing
        int schoolDigests =
                db.dsl().fetchCount(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":school:"));
        int employerMails =
                db.dsl().fetchCount(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":employer:"));
        assertThat(schoolDigests).isEqualTo(1);
        assertThat(employerMails).isEqualTo(talksAsked ? 1 : 0);
        assertThat(cora.get(roundPath).body())
                .contains(
                        "Published 3 bookings: sending 1 school digest and " + employerDigests + ".",
                        "Nobody was emailed at 1 school (South School) and 1 employer (Second Firm), as nobody"
                                + " there is signed up",
                        "What was published")
                .doesNotContain("add their contacts");
    }
}

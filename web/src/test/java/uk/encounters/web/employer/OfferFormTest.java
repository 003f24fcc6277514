package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The SME's one-minute offer form, through real HTTP, the real outbox and real PostgreSQL. */
class OfferFormTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Pattern LINK = Pattern.compile("https?://\\S+(/offers/\\d+/confirm/\\S+)");
    static RunningApp app;

    @BeforeAll
    static void oneHub() {
        new TestData(db.dsl()).hub("Derby Careers Hub");
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** What a person sends after typing who they are and leaving every default as it is. */
    static Map<String, String> offer(String organisation, String email, String postcode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organisation", organisation);
        fields.put("contactName", "Priya Shah");
        fields.put("email", email);
        fields.put("postcode", postcode);
        fields.put("sector", "Manufacturing");
        fields.put("size", "small");
        fields.put("type", "careers_talk");
        fields.put("topics", "");
        fields.put("yearFrom", "7");
        fields.put("yearTo", "13");
        fields.put("pupils", "30");
        fields.put("sessions", "1");
        fields.put("inSchool", "true");
        fields.put("radius", "10");
        fields.put("from", TODAY.plusWeeks(2).toString());
        fields.put("until", TODAY.plusMonths(4).toString());
        fields.put("morning", "true");
        fields.put("afternoon", "true");
        fields.put("dates", "");
        return fields;
    }

    static HttpResponse<String> send(Visitor visitor, Map<String, String> fields, String... weekdays) {
        visitor.get("/offer-a-talk");
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        for (String day : weekdays) {
            entries.add(Map.entry("weekday", day));
        }
        return visitor.postAll("/offer-a-talk", entries);
    }

    @Test
    void theFormOffersATalkWithSensibleDefaults() {
        String page = new Visitor(app).get("/offer-a-talk").body();

        assertThat(page)
                .contains("<option value=\"careers_talk\" selected>Careers talk</option>")
                .contains(">Manufacturing</option>")
                .contains("name=\"pupils\" type=\"number\" value=\"30\"")
                .contains("id=\"weekday-1\" name=\"weekday\" value=\"1\" checked")
                .contains("id=\"inSchool\" name=\"inSchool\" value=\"true\" checked")
                .contains("<label for=\"organisation\">Organisation</label>");
    }

    @Test
    void aNewSmeOffersATalkConfirmsByEmailAndLandsOnItsOwnPage() {
        Visitor priya = new Visitor(app);
        HttpResponse<String> sent = send(
                priya,
                offer("Riverside Precision Engineering Ltd", "priya@riverside-precision.example", "de24 8by"),
                "2",
                "3",
                "4");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body())
                .contains("Check your email")
                .contains("priya@riverside-precision.example")
                .as("says back what was offered, and what happens next")
                .contains("<dd>Riverside Precision Engineering Ltd</dd>")
                .contains("<dd>Years 7 to 13, up to 30 pupils a session</dd>")
                .contains(uk.encounters.matcher.explain.DateStyle.range(TODAY.plusWeeks(2), TODAY.plusMonths(4)))
                .contains("What happens next");
        var employer = db.dsl()
                .selectFrom(EMPLOYER)
                .where(EMPLOYER.NAME.eq("Riverside Precision Engineering Ltd"))
                .fetchOne();
        assertThat(employer.getPostcode()).isEqualTo("DE24 8BY");
        var offer = db.dsl()
                .selectFrom(OFFER)
                .where(OFFER.EMPLOYER_ID.eq(employer.getId()))
                .fetchOne();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PENDING);
        assertThat(db.dsl().fetchCount(OFFER_AVAILABILITY, OFFER_AVAILABILITY.OFFER_ID.eq(offer.getId())))
                .as("three weekdays, mornings and afternoons")
                .isEqualTo(6);

        String link = confirmationLink("priya@riverside-precision.example");
        Visitor fromEmail = new Visitor(app);
        assertThat(fromEmail.get(link).body()).contains("Confirm my offer");
        HttpResponse<String> confirmed = fromEmail.post(link, Map.of());
        assertThat(confirmed.headers().firstValue("location")).hasValue("/employers/" + employer.getId());
        String page = fromEmail.get("/employers/" + employer.getId()).body();
        assertThat(page)
                .contains("your offer is live")
                .contains("Careers talk from Riverside Precision Engineering Ltd")
                .contains("<td data-label=\"Status\"><strong class=\"tag tag--green\">Active</strong></td>");
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(offer.getId())))
                .isEqualTo(OfferStatus.ACTIVE);

        HttpResponse<String> usedAgain = new Visitor(app).get(link);
        assertThat(usedAgain.statusCode()).as("the link works once").isEqualTo(410);
        assertThat(usedAgain.body()).doesNotContain("Confirm my offer");
    }

    @Test
    void eachKindOfBadInputGetsItsOwnMessageAndNothingIsSaved() {
        int employers = db.dsl().fetchCount(EMPLOYER);
        int offers = db.dsl().fetchCount(OFFER);
        int users = db.dsl().fetchCount(APP_USER);
        int emails = db.dsl().fetchCount(OUTBOX);
        Map<String, String> bad = offer("", "not-an-email", "ZZ");
        bad.put("from", TODAY.minusDays(1).toString());
        bad.put("until", TODAY.minusDays(5).toString());
        bad.put("yearFrom", "11");
        bad.put("yearTo", "8");
        bad.put("pupils", "0");
        bad.remove("inSchool");
        bad.remove("morning");
        bad.remove("afternoon");
        bad.put("dates", "next tuesday");

        HttpResponse<String> response = send(new Visitor(app), bad);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("There is a problem")
                .contains("Enter the name of your organisation")
                .contains("Enter an email address in the right format")
                .contains("Enter a UK postcode, like DE1 2AB")
                .contains("The first date must be today or later")
                .contains("The last date must be the same as or after the first")
                .contains("The oldest year group must be the same as or after the youngest")
                .contains("Pupils per session (places, for work experience) must be between 1 and 500")
                .contains("Choose at least one: in school, at your workplace or online")
                .contains("Choose mornings, afternoons or both")
                .contains("Write each particular date like 15/03/2027, one per line")
                .contains("value=\"not-an-email\"");
        assertThat(db.dsl().fetchCount(EMPLOYER)).isEqualTo(employers);
        assertThat(db.dsl().fetchCount(OFFER)).isEqualTo(offers);
        assertThat(db.dsl().fetchCount(APP_USER)).isEqualTo(users);
        assertThat(db.dsl().fetchCount(OUTBOX)).isEqualTo(emails);
    }

    @Test
    void aSecondPersonOnTheOrganisationsDomainSeesNothingOfItUntilAContactSaysYes() {
        Visitor sam = confirmed(offer("Castle Bakery", "sam@castlebakery.example", "DE1 3AA"), "1");
        long castle = db.dsl().fetchValue(EMPLOYER.ID, EMPLOYER.NAME.eq("Castle Bakery"));
        int employers = db.dsl().fetchCount(EMPLOYER);
        int volunteers = db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(castle));

        HttpResponse<String> second =
                send(new Visitor(app), offer("Castle Bakeries (Derby)", "jo@castlebakery.example", "DE22 1AB"), "5");
        assertThat(second.body()).doesNotContain("Castle Bakery<").doesNotContain("We added it");
        Visitor jo = new Visitor(app);
        String link = confirmationLink("jo@castlebakery.example");
        jo.get(link);
        assertThat(jo.post(link, Map.of()).headers().firstValue("location")).hasValue("/account");

        assertThat(jo.get("/employers/" + castle).statusCode())
                .as("a matching domain grants nothing")
                .isEqualTo(403);
        assertThat(jo.get("/account").body()).contains("Waiting for approval").contains("for Castle Bakeries (Derby)");
        assertThat(db.dsl().fetchCount(EMPLOYER)).isEqualTo(employers);
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(castle)))
                .as("no volunteer yet")
                .isEqualTo(volunteers);
        long joOffer = db.dsl()
                .select(OFFER.ID)
                .from(OFFER)
                .where(OFFER.EMPLOYER_ID.eq(castle))
                .orderBy(OFFER.ID.desc())
                .limit(1)
                .fetchSingle(OFFER.ID);
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(joOffer))).isEqualTo(OfferStatus.PENDING);

        String samsPage = sam.get("/employers/" + castle).body();
        assertThat(samsPage)
                .contains("Asking to join")
                .contains("Priya Shah (jo@castlebakery.example) asks to join Castle Bakery")
                .contains("their email address is on the organisation&#x27;s domain");
        long join = db.dsl().fetchValue(ORGANISATION_JOIN.ID, ORGANISATION_JOIN.OFFER_ID.eq(joOffer));
        assertThat(sam.post("/employers/" + castle + "/joins/" + join, Map.of("decision", "approved"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(jo.get("/employers/" + castle).statusCode())
                .as("takes effect on the next request")
                .isEqualTo(200);
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(joOffer))).isEqualTo(OfferStatus.ACTIVE);
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(castle)))
                .isEqualTo(volunteers + 1);
        assertThat(Mailbox.latestTo(app, "jo@castlebakery.example")).contains("contact for Castle Bakery");
        assertThat(sam.get("/employers/" + castle).body()).doesNotContain("Asking to join");
    }

    @Test
    void aSharedMailProvidersDomainSuggestsNoOrganisation() {
        confirmed(offer("Sole Trader Plumbing", "plumber@btconnect.com", "DE1 9AA"), "1");
        long plumbing = db.dsl().fetchValue(EMPLOYER.ID, EMPLOYER.NAME.eq("Sole Trader Plumbing"));

        Visitor bea = confirmed(offer("Totally Different Bakery", "bea.baker@btconnect.com", "DE1 9AB"), "2");

        assertThat(bea.get("/employers/" + plumbing).statusCode()).isEqualTo(403);
        long bakery = db.dsl().fetchValue(EMPLOYER.ID, EMPLOYER.NAME.eq("Totally Different Bakery"));
        assertThat(bea.get("/employers/" + bakery).statusCode()).isEqualTo(200);
        assertThat(db.dsl().fetchCount(ORGANISATION_JOIN, ORGANISATION_JOIN.EMPLOYER_ID.eq(plumbing)))
                .isZero();
    }

    @Test
    void theCoordinatorDecidesWhenNoContactCanAndARefusalGivesNothing() {
        confirmed(offer("Acme Engineering Ltd", "boss@acme-engineering.example", "DE24 9ZZ"), "1");
        long acme = db.dsl().fetchValue(EMPLOYER.ID, EMPLOYER.NAME.eq("Acme Engineering Ltd"));
        long hub = db.dsl().fetchValue(EMPLOYER.REGISTERED_IN_HUB_ID, EMPLOYER.ID.eq(acme));

        Visitor someone = confirmed(offer("ACME Engineering Limited", "someone@gmail.com", "DE24 9ZZ"), "2");
        assertThat(someone.get("/employers/" + acme).statusCode()).isEqualTo(403);

        Accounts.create(db.dsl(), "coordinator@derby-hub.example", "Cora", Scope.coordinator(hub));
        Visitor cora = new Visitor(app).signIn("coordinator@derby-hub.example", Accounts.PASSWORD);
        assertThat(cora.get("/hubs/" + hub + "/dashboard").body()).contains("1 person is asking to join an");
        String page = cora.get("/hubs/" + hub + "/employers").body();
        assertThat(page)
                .contains("Priya Shah (someone@gmail.com) asks to join Acme Engineering Ltd")
                .contains("the same name at the same postcode");
        long join = db.dsl().fetchValue(ORGANISATION_JOIN.ID, ORGANISATION_JOIN.EMPLOYER_ID.eq(acme));
        long offerId = db.dsl().fetchValue(ORGANISATION_JOIN.OFFER_ID, ORGANISATION_JOIN.ID.eq(join));

        cora.post("/hubs/" + hub + "/joins/" + join, Map.of("decision", "separate"));
        assertThat(cora.get("/hubs/" + hub + "/employers").body())
                .as("the same name at the same postcode cannot be another")
                .contains("cannot be a separate one");
        cora.post("/hubs/" + hub + "/joins/" + join, Map.of("decision", "refused"));

        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(offerId))).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(db.dsl().fetchValue(ORGANISATION_JOIN.DECISION, ORGANISATION_JOIN.ID.eq(join)))
                .isEqualTo("refused");
        assertThat(someone.get("/employers/" + acme).statusCode()).isEqualTo(403);
        someone.get("/account");
        assertThat(someone.post("/hubs/" + hub + "/joins/" + join, Map.of("decision", "approved"))
                        .statusCode())
                .as("only the hub's coordinators or the organisation's contacts decide")
                .isEqualTo(403);
        assertThat(db.dsl().fetchValue(ORGANISATION_JOIN.DECISION, ORGANISATION_JOIN.ID.eq(join)))
                .isEqualTo("refused");
    }

    @Test
    void theAnswerToTheFormIsTheSameWhateverIsRegisteredAndTheEmailCarriesNothingTheSenderWrote() {
        confirmed(offer("Hughes Foods Ltd", "owner@hughes-foods.example", "DE1 4AA"), "1");
        int volunteers = db.dsl().fetchCount(VOLUNTEER);

        String guess = send(new Visitor(app), offer("Hughes Foods Ltd", "guess@hughes-foods.example", "DE1 4AA"), "1")
                .body();
        String fresh = send(
                        new Visitor(app),
                        offer("Nobody Registered Ltd", "fresh@nobody-registered.example", "DE1 4AB"),
                        "1")
                .body();

        // the page says back only what each sender typed
        assertThat(main(guess).replace("guess@hughes-foods.example", "X").replace("Hughes Foods Ltd", "Y"))
                .isEqualTo(main(fresh)
                        .replace("fresh@nobody-registered.example", "X")
                        .replace("Nobody Registered Ltd", "Y"));
        assertThat(db.dsl().fetchCount(VOLUNTEER))
                .as("the guesser is nobody's volunteer")
                .isEqualTo(volunteers + 1);
        Map<String, String> spam = offer("Visit evil.example now", "victim@somewhere.example", "DE1 4AC");
        spam.put("contactName", "Click http://evil.example");
        send(new Visitor(app), spam, "1");
        assertThat(Mailbox.latestTo(app, "victim@somewhere.example"))
                .doesNotContain("evil")
                .doesNotContain("Priya");
    }

    @Test
    void aConfirmationLinkConfirmsItsOwnOfferAndNoOther() {
        send(new Visitor(app), offer("Victim Works Ltd", "victim@victim-works.example", "DE1 5AA"), "1");
        long victimOffer = db.dsl()
                .select(OFFER.ID)
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(EMPLOYER.NAME.eq("Victim Works Ltd"))
                .fetchSingle(OFFER.ID);
        send(new Visitor(app), offer("Attacker Works Ltd", "me@attacker-works.example", "DE1 5AB"), "1");
        String mine = confirmationLink("me@attacker-works.example");
        String aimed = mine.replaceFirst("/offers/\\d+/", "/offers/" + victimOffer + "/");

        Visitor attacker = new Visitor(app);
        assertThat(attacker.get(aimed).statusCode()).isEqualTo(410);
        attacker.get("/sign-in");
        assertThat(attacker.post(aimed, Map.of()).statusCode()).isEqualTo(410);
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(victimOffer))).isEqualTo(OfferStatus.PENDING);
        String signIn = new Visitor(app)
                .get("/sign-in/link/" + mine.substring(mine.lastIndexOf('/') + 1))
                .body();
        assertThat(signIn).as("nor is it a sign-in link").contains("expired or been used");
    }

    @Test
    void anExpiredLinkNeitherConfirmsTheOfferNorSignsAnyoneIn() {
        send(new Visitor(app), offer("Slow Reply Ltd", "kim@slow-reply.example", "DE1 2XX"), "4");
        long offerId = db.dsl()
                .select(OFFER.ID)
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(EMPLOYER.NAME.eq("Slow Reply Ltd"))
                .fetchSingle(OFFER.ID);
        String link = confirmationLink("kim@slow-reply.example");
        db.dsl()
                .update(LOGIN_TOKEN)
                .set(
                        LOGIN_TOKEN.EXPIRES_AT,
                        TODAY.atStartOfDay().atOffset(java.time.ZoneOffset.UTC).minusMinutes(1))
                .where(LOGIN_TOKEN.USER_ID.eq(
                        db.dsl().select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("kim@slow-reply.example"))))
                .execute();

        HttpResponse<String> late = new Visitor(app).get(link);

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(offerId))).isEqualTo(OfferStatus.PENDING);
    }

    @Test
    void theEmployerChoosesHowOftenTheyMayBeAsked() {
        send(new Visitor(app), offer("Peak Accountants", "lee@peak-accountants.example", "DE1 1AA"), "3");
        long peak = db.dsl().fetchValue(EMPLOYER.ID, EMPLOYER.NAME.eq("Peak Accountants"));
        Visitor lee = new Visitor(app);
        String link = confirmationLink("lee@peak-accountants.example");
        lee.get(link);
        lee.post(link, Map.of());

        lee.get("/employers/" + peak);
        assertThat(lee.post("/employers/" + peak + "/contact-preference", Map.of("maxAsks", "2"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(lee.get("/employers/" + peak).body()).contains("At most <strong>twice a month</strong>");
        assertThat(db.dsl()
                        .fetchValue(
                                EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH, EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(peak)))
                .isEqualTo((short) 2);
    }

    /** A person who sent the form and followed the emailed link: signed in. */
    private static Visitor confirmed(Map<String, String> fields, String... weekdays) {
        send(new Visitor(app), fields, weekdays);
        Visitor person = new Visitor(app);
        String link = confirmationLink(fields.get("email"));
        person.get(link);
        assertThat(person.post(link, Map.of()).statusCode()).isEqualTo(302);
        return person;
    }

    private static String main(String page) {
        return page.replaceAll("(?s).*<main[^>]*>(.*)</main>.*", "$1")
                .replaceAll("name=\"X-XSRF-TOKEN\" value=\"[^\"]*\"", "");
    }

    private static String confirmationLink(String recipient) {
        String body = Mailbox.latestTo(app, recipient);
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

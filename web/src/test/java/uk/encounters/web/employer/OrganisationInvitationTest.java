package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * A contact named in an agency's list who already has an account: the coordinator's import emails
 * them a link per new organisation, and only pressing Accept on that link's page, as that person or
 * not signed in, adds the organisation to their account. Real HTTP, the real outbox, PostgreSQL.
 */
class OrganisationInvitationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PASSWORD = "quarry lemon bicycle anchor";
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/organisations/(\\d+)/invitation/\\S+)");
    static final AtomicInteger unique = new AtomicInteger();

    static RunningApp app;
    static long derby;
    static long bob;

    @BeforeAll
    static void aHubItsCoordinatorAndSomeoneElse() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        data.school(derby, "Noel-Baker Academy");
        AccountRepository accounts = new AccountRepository(db.dsl());
        String hash = new Passwords().hash(PASSWORD);
        accounts.create("cora@derby.example", "Cora Ordinator", hash, Scope.coordinator(derby));
        bob = accounts.create(
                "bob@elsewhere.example", "Bob Other", hash, Scope.employer(data.employer(derby, "Bob's Own Ltd")));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One invitation link, as its person finds it in their email. */
    record Link(String path, long employerId) {

        String accept() {
            return path + "/accept";
        }

        String decline() {
            return path + "/decline";
        }
    }

    /** Someone with an account, then the coordinator's import naming them as two new organisations' contact. */
    static Account importNaming(String... organisations) {
        int n = unique.incrementAndGet();
        String email = "ann" + n + "@kiln.example";
        AccountRepository accounts = new AccountRepository(db.dsl());
        long id = accounts.createWithoutScope(email, "Ann Potter");
        accounts.setPassword(id, new Passwords().hash(PASSWORD));
        StringBuilder csv = new StringBuilder("organisation,postcode,sector,size,contact_name,contact_email\n");
        for (String organisation : organisations) {
            csv.append(organisation)
                    .append(' ')
                    .append(n)
                    .append(",DE1 4KS,Manufacturing,small,A Potter,")
                    .append(email)
                    .append('\n');
        }
        Visitor cora = new Visitor(app).signIn("cora@derby.example", PASSWORD);
        String path = "/hubs/" + derby + "/import/employers";
        cora.get("/hubs/" + derby + "/employers/import");
        cora.upload(path, "file", "list.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> saved = cora.post(path, Map.of("csv", csv.toString(), "action", "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(cora.get("/hubs/" + derby + "/employers").body())
                .contains("1 contact who already has an account was asked by email to accept their new"
                        + " organisations: nothing is theirs until they do.");
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(Mailbox.latestTo(app, email));
        while (m.find()) {
            links.add(new Link(m.group(1), Long.parseLong(m.group(2))));
        }
        assertThat(links).hasSize(organisations.length);
        return new Account(id, email, links);
    }

    record Account(long id, String email, List<Link> links) {

        Visitor signedIn() {
            return new Visitor(app).signIn(email, PASSWORD);
        }
    }

    @Test
    void theEmailNamesTheHubAndEachOrganisationWithItsOwnLinkAndGrantsNothing() {
        Account ann = importNaming("Kiln Street Pottery", "Kiln Street Glass");

        String mail = Mailbox.latestTo(app, ann.email());

        assertThat(mail)
                .contains("Hello Ann Potter")
                .contains("Derby Careers Hub")
                .contains("- Kiln Street Pottery " + unique.get())
                .contains("- Kiln Street Glass " + unique.get())
                .contains("ignore this email")
                .contains("works once, for 7 days");
        assertThat(ann.links().get(0).employerId())
                .isNotEqualTo(ann.links().get(1).employerId());
        assertThat(scopesOf(ann.id())).isEmpty();
    }

    @Test
    void openingTheLinkShowsTheOrganisationAndHubAndChangesNothing() {
        Account ann = importNaming("Allestree Printers");
        Visitor anyone = new Visitor(app);

        HttpResponse<String> page = anyone.get(ann.links().getFirst().path());
        anyone.get(ann.links().getFirst().path());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Manage Allestree Printers " + unique.get() + "?")
                .contains("Derby Careers Hub")
                .contains(ann.email())
                .contains(">Accept</button>")
                .contains("This is not me");
        assertThat(scopesOf(ann.id())).isEmpty();
        assertThat(db.dsl()
                        .fetchCount(
                                LOGIN_TOKEN, LOGIN_TOKEN.USER_ID.eq(ann.id()).and(LOGIN_TOKEN.USED_AT.isNull())))
                .isEqualTo(1);
    }

    @Test
    void acceptingWithoutSigningInAddsTheOrganisationToThatAccountOnlyAndSendsThemToSignInAsUsual() {
        Account ann = importNaming("Darley Abbey Mills");
        Link link = ann.links().getFirst();
        Visitor anyone = new Visitor(app);
        anyone.get(link.path());

        HttpResponse<String> accepted = anyone.post(link.accept(), Map.of());

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("location")).contains("/sign-in?next=/employers/" + link.employerId());
        assertThat(scopesOf(ann.id())).containsExactly(link.employerId());
        assertThat(anyone.get("/sign-in?next=/employers/" + link.employerId()).body())
                .contains("Darley Abbey Mills " + unique.get() + " has been added to your account. Sign in as usual");
        assertThat(anyone.get("/account").statusCode())
                .as("the link signs nobody in")
                .isEqualTo(302);
        assertThat(scopesOf(bob)).hasSize(1);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("organisation_invitation_accepted")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(link.employerId()))))
                .isEqualTo(1);

        anyone.get("/sign-in");
        HttpResponse<String> again = anyone.post(link.accept(), Map.of());
        assertThat(again.statusCode()).as("a used link").isEqualTo(410);
        assertThat(again.body()).contains("This invitation has expired or been answered");
        assertThat(new Visitor(app).get(link.path()).statusCode()).isEqualTo(410);
    }

    @Test
    void acceptingWhileSignedInAsThatPersonTakesThemToTheOrganisationsPage() {
        Account ann = importNaming("Chaddesden Cycles", "Chaddesden Bikes");
        Visitor signedIn = ann.signedIn();
        Link second = ann.links().get(1);
        signedIn.get(second.path());

        HttpResponse<String> accepted = signedIn.post(second.accept(), Map.of());

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("location")).contains("/employers/" + second.employerId());
        assertThat(signedIn.get("/employers/" + second.employerId()).body())
                .contains("Chaddesden Bikes " + unique.get() + " is now on your account");
        assertThat(scopesOf(ann.id())).as("only the organisation accepted").containsExactly(second.employerId());
    }

    @Test
    void someoneElseSignedInCannotAcceptAndChangesNothing() {
        Account ann = importNaming("Spondon Tiles");
        Link link = ann.links().getFirst();
        Visitor bobsBrowser = new Visitor(app).signIn("bob@elsewhere.example", PASSWORD);

        assertThat(bobsBrowser.get(link.path()).body())
                .contains("You are signed in as Bob Other")
                .doesNotContain(">Accept</button>");
        HttpResponse<String> refused = bobsBrowser.post(link.accept(), Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Nothing has changed: this invitation is for another account");
        assertThat(scopesOf(bob)).doesNotContain(link.employerId());
        assertThat(scopesOf(ann.id())).isEmpty();
        Visitor annsBrowser = new Visitor(app);
        annsBrowser.get(link.path());
        assertThat(annsBrowser.post(link.accept(), Map.of()).statusCode())
                .as("the link still works for its person")
                .isEqualTo(302);
        assertThat(scopesOf(ann.id())).containsExactly(link.employerId());
    }

    @Test
    void aLinkOfAnotherPurposeAnotherOrganisationsLinkAndAnExpiredOneAreRefused() {
        Account ann = importNaming("Littleover Lamps", "Littleover Locks");
        Link lamps = ann.links().get(0);
        Link locks = ann.links().get(1);
        LoginTokenRepository tokens = new LoginTokenRepository(db.dsl(), app.clock());
        String signInToken =
                tokens.issue(ann.id(), LoginTokenRepository.Purpose.MAGIC_LINK).token();
        String locksToken = locks.path().substring(locks.path().lastIndexOf('/') + 1);
        Visitor anyone = new Visitor(app);
        anyone.get("/sign-in");

        List<String> refused = List.of(
                "/organisations/" + lamps.employerId() + "/invitation/" + signInToken,
                "/organisations/" + lamps.employerId() + "/invitation/" + locksToken,
                "/organisations/" + lamps.employerId() + "/invitation/not-a-token");
        for (String path : refused) {
            assertThat(anyone.get(path).statusCode()).as(path).isEqualTo(410);
            anyone.get("/sign-in"); // a form's single-use CSRF token, as a page before the post would give
            assertThat(anyone.post(path + "/accept", Map.of()).statusCode())
                    .as(path)
                    .isEqualTo(410);
        }
        db.dsl()
                .update(LOGIN_TOKEN)
                .set(LOGIN_TOKEN.EXPIRES_AT, OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .where(LOGIN_TOKEN.USER_ID.eq(ann.id()))
                .and(LOGIN_TOKEN.SUBJECT_ID.eq(locks.employerId()))
                .execute();
        anyone.get("/sign-in");
        HttpResponse<String> expired = anyone.post(locks.accept(), Map.of());
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("works once, for 7 days").contains("Nothing has been changed");

        assertThat(scopesOf(ann.id())).isEmpty();
        assertThat(tokens.peek(signInToken, LoginTokenRepository.Purpose.MAGIC_LINK))
                .as("the sign-in link was not spent by the wrong page")
                .contains(ann.id());
    }

    @Test
    void decliningSpendsTheLinkAddsNothingAndIsAudited() {
        Account ann = importNaming("Mickleover Mowers");
        Link link = ann.links().getFirst();
        Visitor anyone = new Visitor(app);
        anyone.get(link.path());

        HttpResponse<String> declined = anyone.post(link.decline(), Map.of());

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Nothing has been added to any account");
        assertThat(scopesOf(ann.id())).isEmpty();
        anyone.get("/sign-in");
        assertThat(anyone.post(link.accept(), Map.of()).statusCode()).isEqualTo(410);
        assertThat(scopesOf(ann.id())).isEmpty();
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("organisation_invitation_declined")
                                        .and(AUDIT_LOG.SUBJECT_ID.eq(link.employerId()))))
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(EMPLOYER, EMPLOYER.ID.eq(link.employerId())))
                .as("the organisation stays in the hub")
                .isEqualTo(1);
    }

    private static List<Long> scopesOf(long userId) {
        return db.dsl()
                .select(USER_SCOPE.EMPLOYER_ID)
                .from(USER_SCOPE)
                .where(USER_SCOPE.USER_ID.eq(userId))
                .fetch(USER_SCOPE.EMPLOYER_ID);
    }
}

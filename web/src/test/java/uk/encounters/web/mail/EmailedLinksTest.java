package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * No live link rests in the outbox: a message keeps a slot for its link, and the secret is made
 * when it is sent. So neither a database dump nor the administrator reading the outbox can follow
 * someone else's sign-in link and become them.
 */
class EmailedLinksTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Pattern SIGN_IN_LINK = Pattern.compile("https?://\\S+(/sign-in/link/[A-Za-z0-9_-]{20,})");
    static RunningApp app;
    static long hub;

    @BeforeAll
    static void start() {
        hub = new TestData(db.dsl()).hub("Derby Careers Hub");
        Accounts.create(db.dsl(), "admin@derby-hub.example", "Ada", Scope.admin());
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theOutboxAndTheAdministratorSeeASlotWhereTheLinkWillBe() {
        Accounts.create(db.dsl(), "victim@derby-hub.example", "Vic", Scope.coordinator(hub));
        askForASignInLink("victim@derby-hub.example");

        var stored = db.dsl()
                .selectFrom(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("victim@derby-hub.example"))
                .fetchSingle();
        assertThat(stored.getBodyText()).doesNotContain("/sign-in/link/").containsPattern("\\{link:\\d+}");
        assertThat(db.dsl().fetchValue(LOGIN_TOKEN.TOKEN_HASH, LOGIN_TOKEN.ID.eq(stored.getLinkTokenIds()[0])))
                .as("no secret exists before the message is sent")
                .isNull();

        Visitor admin = new Visitor(app).signIn("admin@derby-hub.example", Accounts.PASSWORD);
        String page = admin.get("/admin/outbox/" + stored.getId()).body();
        assertThat(page).contains("[link, made when the message is sent]").doesNotContain("/sign-in/link/");

        // the message as sent carries a working link, and the outbox still holds only the slot
        Matcher sent = SIGN_IN_LINK.matcher(Mailbox.latestTo(app, "victim@derby-hub.example"));
        assertThat(sent.find()).isTrue();
        assertThat(db.dsl().fetchValue(OUTBOX.BODY_TEXT, OUTBOX.ID.eq(stored.getId())))
                .doesNotContain("/sign-in/link/");
        Visitor victim = new Visitor(app);
        victim.get(sent.group(1));
        victim.post(sent.group(1), Map.of());
        assertThat(victim.get("/account").body()).contains("Signed in as <strong>Vic</strong>");
    }

    @Test
    void aSlotTypedIntoAFormFillsWithNothing() {
        // a name holding a slot for someone else's link gets no link made for it
        Accounts.create(db.dsl(), "other@derby-hub.example", "Oli", Scope.coordinator(hub));
        askForASignInLink("other@derby-hub.example");
        long theirLink = db.dsl()
                .select(OUTBOX.LINK_TOKEN_IDS)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("other@derby-hub.example"))
                .fetchSingle()
                .value1()[0];
        Accounts.create(db.dsl(), "slotty@derby-hub.example", "Sly", Scope.coordinator(hub));
        Visitor coordinator = new Visitor(app).signIn("slotty@derby-hub.example", Accounts.PASSWORD);
        long school = new TestData(db.dsl()).school(hub, "Slot Academy");
        coordinator.get("/hubs/" + hub + "/people");
        coordinator.post(
                "/hubs/" + hub + "/careers-leaders",
                Map.of(
                        "school",
                        String.valueOf(school),
                        "name",
                        "Mallory {link:" + theirLink + "}",
                        "email",
                        "mallory@derby-hub.example"));

        String invitation = Mailbox.latestTo(app, "mallory@derby-hub.example");
        assertThat(invitation).contains("/invitation/").doesNotContain("/sign-in/link/");
    }

    private static void askForASignInLink(String email) {
        Visitor asker = new Visitor(app);
        asker.get("/sign-in/link");
        asker.post("/sign-in/link", Map.of("email", email));
    }
}

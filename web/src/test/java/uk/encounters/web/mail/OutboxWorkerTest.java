package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.web.Waiting.pause;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Backoff;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxEntry;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.outbox.ReplyAddresses;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Waiting;
import uk.encounters.web.account.Links;

class OutboxWorkerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Fast enough for tests: polls every 100 ms, retries after 500 ms. */
    private static final DeliveryTiming FAST = new DeliveryTiming(
            Duration.ofMillis(100),
            5,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(2), 5));

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private FakeSmtpServer smtp;
    private Outbox outbox;

    @BeforeEach
    void startSmtpServer() throws IOException {
        db.dsl().deleteFrom(OUTBOX).execute();
        outbox = new Outbox(db.dsl());
        smtp = FakeSmtpServer.start();
        cleanup.add(smtp);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aPendingMessageIsSentOnceAndMarkedSent() {
        outbox.enqueue(message("booking-confirmed:1"));

        OutboxWorker worker = deploy(db.database(), smtpAt(smtp.port()));

        awaitTrue(
                "the message is marked sent", () -> entry("booking-confirmed:1").sentAt() != null);
        pause(Duration.ofMillis(300));
        assertThat(smtp.received()).singleElement().satisfies(mail -> {
            assertThat(mail.recipients()).containsExactly("<leader@school.example>");
            assertThat(mail.header("Subject")).isEqualTo("Your booking is confirmed");
            assertThat(mail.header("From")).contains("no-reply@localhost");
            assertThat(mail.header("Message-ID"))
                    .isEqualTo(
                            MessageId.forKey("booking-confirmed:1", "localhost").value());
            assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
            assertThat(mail.data()).contains("Your booking is confirmed.").contains("text/html");
        });
        OutboxEntry sent = entry("booking-confirmed:1");
        assertThat(sent.attempts()).isZero();
        assertThat(sent.lastError()).isNull();
        assertThat(claimedBy("booking-confirmed:1")).isEqualTo(worker.claimant());
    }

    @Test
    void aRequestSaysWhomToReplyToAndHowToStopItInOneClickWithItsIdOnTheAppsHost() {
        long link = new LoginTokenRepository(db.dsl(), Clock.systemUTC())
                .issueContactPreferences(List.of(42L))
                .get(42L);
        outbox.enqueue(new OutboxMessage(
                        "round:7:employer:42",
                        "round_digest_employer",
                        "volunteer@firm.example",
                        "Requests from schools this week: one session",
                        "Hello,\n\n* Careers talk for 30 pupils in Year 9\n  Confirm: https://x.example/c\n",
                        null)
                .repliedTo(new ReplyAddresses(List.of("coordinator@hub.example", "second@hub.example")))
                .stoppedBy(link));

        deploy(db.database(), smtpAt(smtp.port()));

        awaitTrue("the request is sent", () -> entry("round:7:employer:42").sentAt() != null);
        assertThat(smtp.received()).singleElement().satisfies(mail -> {
            assertThat(mail.header("Reply-To")).isEqualTo("coordinator@hub.example, second@hub.example");
            assertThat(mail.header("List-Unsubscribe"))
                    .matches("<http://localhost:8080/organisations/42/contact-preferences/[A-Za-z0-9_-]{43}>");
            assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(mail.header("Message-ID")).matches("<[0-9a-f]{40}@localhost>");
            assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
            assertThat(mail.data())
                    .contains("text/plain")
                    .contains("text/html")
                    .contains("Pause or stop these requests");
        });
        // the link in the header is the one at the foot of the text, and it works
        String url = smtp.received().getFirst().header("List-Unsubscribe");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - 1);
        assertThat(new LoginTokenRepository(db.dsl(), Clock.systemUTC())
                        .opens(token, LoginTokenRepository.Purpose.CONTACT_PREFERENCES, 42L))
                .isTrue();
    }

    @Test
    void aMessageNobodyCanStopOrAnswerCarriesNeitherHeader() {
        outbox.enqueue(message("plain"));

        deploy(db.database(), smtpAt(smtp.port()));

        awaitTrue("the message is sent", () -> entry("plain").sentAt() != null);
        assertThat(smtp.received()).singleElement().satisfies(mail -> {
            assertThat(mail.header("Reply-To")).isNull();
            assertThat(mail.header("List-Unsubscribe")).isNull();
            assertThat(mail.header("List-Unsubscribe-Post")).isNull();
        });
    }

    @Test
    void aRefusedMessageIsRetriedWithBackoffAndSentOnceTheServerRecovers() {
        smtp.refuseWith("550 5.7.1 Relaying denied");
        outbox.enqueue(message("refused"));

        deploy(db.database(), smtpAt(smtp.port()));

        awaitTrue("a failed attempt is recorded", () -> entry("refused").attempts() >= 1);
        OutboxEntry failed = entry("refused");
        assertThat(failed.lastError()).contains("550").contains("Relaying denied");
        assertThat(failed.availableAt()).isAfter(failed.createdAt().plus(Duration.ofMillis(400)));
        assertThat(failed.sentAt()).isNull();
        assertThat(smtp.received()).isEmpty();

        smtp.recover();

        awaitTrue(
                "the message is sent after the server recovers",
                () -> entry("refused").sentAt() != null);
        assertThat(smtp.received()).hasSize(1);
    }

    @Test
    void anUnreachableServerCountsAsAFailedAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        outbox.enqueue(message("unreachable"));

        deploy(db.database(), smtpAt(closedPort));

        awaitTrue("a failed attempt is recorded", () -> entry("unreachable").attempts() >= 1);
        assertThat(entry("unreachable").lastError()).isNotBlank();
        assertThat(entry("unreachable").sentAt()).isNull();
    }

    @Test
    void twoWorkersOverTheSameDatabaseSendEachMessageExactlyOnce() {
        Database secondInstance = Database.open(db.settings());
        cleanup.add(secondInstance);
        OutboxWorker first = deploy(db.database(), smtpAt(smtp.port()));
        OutboxWorker second = deploy(secondInstance, smtpAt(smtp.port()));
        int messages = 60;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message("bulk:" + i));
        }

        awaitTrue("every message is marked sent", () -> outbox.countPending() == 0);
        pause(Duration.ofMillis(300));

        assertThat(smtp.received())
                .hasSize(messages)
                .extracting(mail -> mail.header("Message-ID"))
                .doesNotHaveDuplicates();
        assertThat(db.dsl().selectDistinct(OUTBOX.CLAIMED_BY).from(OUTBOX).fetch(OUTBOX.CLAIMED_BY))
                .as("both workers took part")
                .containsExactlyInAnyOrder(first.claimant(), second.claimant());
    }

    @Test
    void aBacklogIsSentBatchAfterBatchWithoutWaitingAPollIntervalBetweenThem() {
        DeliveryTiming slowPolling = new DeliveryTiming(
                Duration.ofSeconds(3), 5, Duration.ofSeconds(5), Duration.ofMinutes(1), FAST.backoff());
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message("backlog:" + i));
        }
        Vertx vertx = Vertx.vertx();
        cleanup.add(() -> vertx.close().await());
        vertx.deployVerticle(new OutboxWorker(
                        new Outbox(db.database().dsl()), smtpAt(smtp.port()), links(db.database()), slowPolling))
                .await();

        awaitTrue("the first batch is sent", () -> !smtp.received().isEmpty());
        long firstSent = System.nanoTime();
        awaitTrue("the backlog is sent", () -> outbox.countPending() == 0);

        // eight batches: one poll interval between each would take 21 s more
        assertThat(Duration.ofNanos(System.nanoTime() - firstSent)).isLessThan(slowPolling.pollInterval());
        assertThat(smtp.received()).hasSize(messages);
    }

    @Test
    void aMessageEnqueuedInARolledBackTransactionIsNeverSent() {
        deploy(db.database(), smtpAt(smtp.port()));

        assertThatThrownBy(() -> db.dsl().transaction(tx -> {
                    new Outbox(tx.dsl()).enqueue(message("rolled-back"));
                    throw new IllegalStateException("the booking could not be saved");
                }))
                .hasMessageContaining("could not be saved");
        outbox.enqueue(message("committed"));

        awaitTrue("the committed message is sent", () -> entry("committed").sentAt() != null);
        pause(Duration.ofMillis(300));
        assertThat(smtp.received())
                .extracting(mail -> mail.header("Message-ID"))
                .containsExactly(MessageId.forKey("committed", "localhost").value());
    }

    @Test
    void aMessageClaimedByACrashedWorkerIsSentOnceTheLeaseRunsOut() {
        outbox.enqueue(message("abandoned"));
        outbox.claimDue("crashed-instance", 10, Duration.ofMillis(800));

        OutboxWorker worker = deploy(db.database(), smtpAt(smtp.port()));

        pause(Duration.ofMillis(400));
        assertThat(smtp.received()).as("still leased to the crashed worker").isEmpty();
        awaitTrue(
                "the message is sent after the lease", () -> entry("abandoned").sentAt() != null);
        assertThat(smtp.received()).hasSize(1);
        assertThat(claimedBy("abandoned")).isEqualTo(worker.claimant());
    }

    @Test
    void withoutSmtpHostNothingIsSentAndNothingMarked() {
        deploy(db.database(), MailSettings.fromEnvironment(Map.of()));
        outbox.enqueue(message("demo"));

        pause(Duration.ofMillis(500));

        OutboxEntry entry = entry("demo");
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.lastError()).isNull();
        assertThat(claimedBy("demo")).isNull();
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void aMessagesLinkIsMadeAsItIsSentAndTheDemosFolderGetsItWhole(@TempDir Path folder) throws IOException {
        long user = new AccountRepository(db.dsl()).create("folder@school.example", "Flo", null, Scope.admin());
        long link = new LoginTokenRepository(db.dsl(), Clock.systemUTC())
                .issueForEmail(user, LoginTokenRepository.Purpose.MAGIC_LINK);
        outbox.enqueue(new Links("http://localhost:8080").magicLink("folder@school.example", link));

        deploy(db.database(), MailSettings.fromEnvironment(Map.of("MAIL_FOLDER", folder.toString())));

        awaitTrue("the message is written", () -> entry("account:link:" + link).sentAt() != null);
        String written = Files.readString(folder.resolve("account-link-" + link + ".txt"));
        assertThat(written).startsWith("From: Employer Encounters <no-reply@localhost>\nTo: folder@school.example\n");
        String token = written.replaceAll("(?s).*/sign-in/link/([A-Za-z0-9_-]+).*", "$1");
        assertThat(new LoginTokenRepository(db.dsl(), Clock.systemUTC())
                        .peek(token, LoginTokenRepository.Purpose.MAGIC_LINK))
                .contains(user);
        assertThat(entry("account:link:" + link).bodyText()).doesNotContain(token);
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void stoppingFinishesTheMessageBeingSentAndHandsBackTheRest() {
        smtp.delayEachMessage(Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(message("batch:" + i));
        }
        Vertx vertx = Vertx.vertx();
        cleanup.add(() -> vertx.close().await());
        OutboxWorker worker =
                new OutboxWorker(new Outbox(db.database().dsl()), smtpAt(smtp.port()), links(db.database()), FAST);
        // stopped once a message is on its way: on a busy machine the claim can come well before the first send
        CountDownLatch sending = new CountDownLatch(1);
        smtp.atMailFrom(sending::countDown);
        vertx.deployVerticle(worker).await();
        awaitTrue("the batch is claimed", () -> worker.claimant().equals(claimedBy("batch:2")));
        awaitTrue("a message is being sent", () -> sending.getCount() == 0);

        vertx.close().await();

        int sent = smtp.received().size();
        assertThat(sent).as("the message being sent was finished").isGreaterThanOrEqualTo(1);
        assertThat(outbox.countPending()).isEqualTo(3 - sent);
        assertThat(outbox.claimDue("next-instance", 10, Duration.ofMinutes(1)))
                .as("handed back at once, not after the lease")
                .hasSize(3 - sent);
    }

    /** A worker on its own Vert.x instance, as in a separate app instance. */
    private OutboxWorker deploy(Database database, MailSettings settings) {
        Vertx vertx = Vertx.vertx();
        cleanup.add(() -> vertx.close().await());
        OutboxWorker worker = new OutboxWorker(new Outbox(database.dsl()), settings, links(database), FAST);
        vertx.deployVerticle(worker).await();
        return worker;
    }

    private static MessageLinks links(Database database) {
        return new MessageLinks(database.dsl(), new Links("http://localhost:8080"), Clock.systemUTC());
    }

    private static MailSettings smtpAt(int port) {
        return MailSettings.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port)));
    }

    private OutboxEntry entry(String idempotencyKey) {
        long id = db.dsl()
                .select(OUTBOX.ID)
                .from(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchSingle(OUTBOX.ID);
        return outbox.findById(id).orElseThrow();
    }

    private String claimedBy(String idempotencyKey) {
        return db.dsl()
                .select(OUTBOX.CLAIMED_BY)
                .from(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchSingle(OUTBOX.CLAIMED_BY);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Waiting.awaitTrue(what, Duration.ofSeconds(10), condition);
    }

    private static OutboxMessage message(String key) {
        return new OutboxMessage(
                key,
                "booking-confirmed",
                "leader@school.example",
                "Your booking is confirmed",
                "Your booking is confirmed.",
                "<p>Your booking is confirmed.</p>");
    }
}

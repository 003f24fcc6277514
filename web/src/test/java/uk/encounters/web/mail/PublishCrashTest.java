package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.web.Waiting.pause;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.AppProcess;
import uk.encounters.web.TcpProxy;
import uk.encounters.web.Visitor;
import uk.encounters.web.Waiting;
import uk.encounters.web.mail.FakeSmtpServer.ReceivedMail;

/**
 * The app, a real process, is killed with SIGKILL between the commit of a round's publication and
 * the sending of its digests, at the two points where that can lose or double a message:
 * after its worker claimed the digests but before the mail server took any, and after the mail
 * server accepted one but before the worker recorded it as sent (there the app's way to
 * PostgreSQL is cut just before the server says yes, then the app is killed: a kill alone could
 * land after the UPDATE reached PostgreSQL, which would still commit it). A second app on the same
 * database then sends them.
 *
 * <p>The dead worker's claims hold for the outbox lease (ten minutes, {@link DeliveryTiming#STANDARD});
 * rather than wait that long, the test moves the claims back by the lease, exactly as ten minutes
 * passing would leave them. Nothing else in the database is touched.
 */
@Tag("fault")
class PublishCrashTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

    static RoundSolver solver;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private FakeSmtpServer smtp;

    /** A published round's digests as the outbox holds them. */
    record Digest(String key, String recipient, OffsetDateTime sentAt, String claimedBy, OffsetDateTime claimedUntil) {

        String messageId() {
            return MessageId.forKey(key, "localhost").value();
        }
    }

    /** A hub with a proposed round, ready to publish, and its coordinator's email. */
    record ProposedRound(long hubId, long roundId, String coordinator) {

        String path() {
            return "/hubs/" + hubId + "/rounds/" + roundId;
        }
    }

    @BeforeAll
    static void aSolver() {
        solver = new RoundSolver(db.database(), RoundHub.CLOCK);
    }

    @AfterAll
    static void closeSolver() {
        solver.close();
    }

    @BeforeEach
    void aMailServer() throws Exception {
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
    void killedAfterItsWorkerClaimedTheDigestsTheNextAppSendsEachDigestExactlyOnce() throws Exception {
        ProposedRound round = proposedRound("Claimed Hub");
        AtomicReference<AppProcess> first = new AtomicReference<>();
        CountDownLatch killed = new CountDownLatch(1);
        smtp.atMailFrom(() -> {
            if (killed.getCount() > 0) {
                first.get().kill(); // as the first digest is about to go out
                killed.countDown();
            }
        });
        first.set(app(db.settings()));

        publish(first.get(), round);
        assertThat(killed.await(60, TimeUnit.SECONDS))
                .as("the app's worker began sending")
                .isTrue();
        smtp.atMailFrom(() -> {});

        List<Digest> digests = digests(round);
        assertThat(digests)
                .as("committed with the publication")
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> {
                    assertThat(d.sentAt()).isNull();
                    assertThat(d.claimedBy()).startsWith("worker-" + first.get().pid() + "-");
                    assertThat(d.claimedUntil()).isAfter(OffsetDateTime.now().plusMinutes(9));
                });
        assertThat(smtp.received()).as("the mail server took nothing").isEmpty();

        leaseRunsOut(first.get());
        AppProcess second = app(db.settings());
        awaitTrue(
                "the next app sends every digest", () -> digests(round).stream().allMatch(d -> d.sentAt() != null));
        pause(Duration.ofSeconds(1));

        assertThat(countByMessageId(smtp.received()))
                .as("every digest exactly once")
                .isEqualTo(digests.stream().collect(Collectors.toMap(Digest::messageId, d -> 1L)));
        assertThat(countByRecipient(smtp.received()))
                .isEqualTo(digests.stream().collect(Collectors.groupingBy(Digest::recipient, Collectors.counting())));
        assertThat(digests(round))
                .allSatisfy(d -> assertThat(d.claimedBy())
                        .doesNotStartWith("worker-" + first.get().pid() + "-"));
        System.out.printf(
                "Killed after claiming: %d digests committed, %d sent by the next app, none twice%n",
                digests.size(), smtp.received().size());

        publishingAgainAddsNothing(
                second, round, digests.size(), smtp.received().size());
    }

    @Test
    void killedAfterTheMailServerAcceptedADigestBeforeItWasMarkedSentThatOneIsSentOnceMoreWithTheSameMessageId()
            throws Exception {
        ProposedRound round = proposedRound("Accepted Hub");
        // The first app reaches PostgreSQL through a proxy the test cuts just before the mail server
        // says yes, so the worker can never record that digest as sent; then the app is killed. (A
        // kill alone could land after the UPDATE reached PostgreSQL, which would then commit it.)
        TcpProxy proxy = proxyTo(db.settings());
        AtomicReference<String> accepted = new AtomicReference<>();
        smtp.beforeAccepting(mail -> {
            if (accepted.compareAndSet(null, mail.header("Message-ID"))) {
                stop(proxy);
            }
        });
        AppProcess first = app(throughProxy(db.settings(), proxy));

        publish(first, round);
        awaitTrue(
                "the app's worker failed to record the accepted digest",
                () -> first.output().stream().anyMatch(line -> line.contains("Outbox round failed")));
        first.kill();
        smtp.beforeAccepting(mail -> {});

        List<Digest> digests = digests(round);
        String acceptedId = accepted.get();
        assertThat(digests).extracting(Digest::messageId).contains(acceptedId);
        assertThat(smtp.received())
                .extracting(mail -> mail.header("Message-ID"))
                .containsExactly(acceptedId);
        assertThat(digests).allSatisfy(d -> {
            assertThat(d.sentAt()).as("none recorded as sent").isNull();
            assertThat(d.claimedBy()).startsWith("worker-" + first.pid() + "-");
        });

        leaseRunsOut(first);
        AppProcess second = app(db.settings());
        awaitTrue(
                "the next app sends every digest", () -> digests(round).stream().allMatch(d -> d.sentAt() != null));
        pause(Duration.ofSeconds(1));

        Map<String, Long> expected = digests.stream()
                .collect(Collectors.toMap(Digest::messageId, d -> d.messageId().equals(acceptedId) ? 2L : 1L));
        assertThat(countByMessageId(smtp.received()))
                .as("the accepted one twice, with one Message-ID; the rest once")
                .isEqualTo(expected);
        List<ReceivedMail> copies = smtp.received().stream()
                .filter(m -> m.header("Message-ID").equals(acceptedId))
                .toList();
        assertThat(copies.get(1).recipients()).isEqualTo(copies.get(0).recipients());
        assertThat(copies.get(1).header("Subject")).isEqualTo(copies.get(0).header("Subject"));
        System.out.printf(
                "Killed after the server accepted one: %d digests committed, %d mails received (one twice)%n",
                digests.size(), smtp.received().size());

        publishingAgainAddsNothing(
                second, round, digests.size(), smtp.received().size());
    }

    /** The same round published again, from the surviving app: no new digest, nothing more sent. */
    private void publishingAgainAddsNothing(AppProcess app, ProposedRound round, int digests, int mails) {
        Visitor coordinator =
                new Visitor(app.url(""), Duration.ofSeconds(20)).signIn(round.coordinator(), Accounts.PASSWORD);
        coordinator.get(round.path());
        assertThat(coordinator
                        .post(round.path() + "/publish", Map.of("confirm", "yes"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(coordinator.get(round.path()).body()).contains("published already");
        pause(DeliveryTiming.STANDARD.pollInterval().plusSeconds(2));
        assertThat(digests(round)).hasSize(digests);
        assertThat(smtp.received()).hasSize(mails);
    }

    private ProposedRound proposedRound(String name) throws Exception {
        RoundHub hub = RoundHub.create(db.dsl(), name);
        String coordinator = "coordinator-" + hub.id() + "@example.org";
        Accounts.create(db.dsl(), coordinator, "Cora Ordinator", Scope.coordinator(hub.id()));
        // the south school's careers leader too, so both schools get a digest
        Accounts.create(db.dsl(), "south-" + hub.id() + "@example.org", "Sol", Scope.careersLeader(hub.southSchool()));
        RoundSolver.Start start = solver.start(hub.id(), null, RoundSolver.Options.weekly(2, Map.of()));
        long roundId = ((RoundSolver.Running) start)
                .outcome()
                .get(60, TimeUnit.SECONDS)
                .roundId();
        return new ProposedRound(hub.id(), roundId, coordinator);
    }

    private AppProcess app(DatabaseSettings database) {
        AppProcess app =
                AppProcess.serve(database, Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port())));
        cleanup.add(app);
        return app;
    }

    /** The coordinator presses Publish in the app: one transaction commits the bookings and the digests. */
    private static void publish(AppProcess app, ProposedRound round) {
        Visitor coordinator =
                new Visitor(app.url(""), Duration.ofSeconds(20)).signIn(round.coordinator(), Accounts.PASSWORD);
        assertThat(coordinator.get(round.path()).body()).contains("Publish");
        HttpResponse<String> published = coordinator.post(round.path() + "/publish", Map.of("confirm", "yes"));
        assertThat(published.statusCode()).isEqualTo(302);
    }

    private static List<Digest> digests(ProposedRound round) {
        return db.dsl()
                .select(
                        OUTBOX.IDEMPOTENCY_KEY,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SENT_AT,
                        OUTBOX.CLAIMED_BY,
                        OUTBOX.CLAIMED_UNTIL)
                .from(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + round.roundId() + ":"))
                .orderBy(OUTBOX.ID)
                .fetch(r -> new Digest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Ten minutes pass for the dead app's claims: each now ends a lease earlier than it did. */
    private static void leaseRunsOut(AppProcess dead) {
        db.dsl()
                .execute(
                        "update outbox set claimed_until = claimed_until - ? * interval '1 second' where claimed_by like ?",
                        DeliveryTiming.STANDARD.lease().toSeconds(),
                        "worker-" + dead.pid() + "-%");
    }

    private TcpProxy proxyTo(DatabaseSettings database) throws java.io.IOException {
        Matcher url = JDBC_URL.matcher(database.jdbcUrl());
        assertThat(url.matches()).isTrue();
        TcpProxy proxy =
                new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2))).start();
        cleanup.add(proxy);
        return proxy;
    }

    private static DatabaseSettings throughProxy(DatabaseSettings database, TcpProxy proxy) {
        Matcher url = JDBC_URL.matcher(database.jdbcUrl());
        assertThat(url.matches()).isTrue();
        return new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3),
                database.user(),
                database.password(),
                database.maximumPoolSize());
    }

    private static void stop(TcpProxy proxy) {
        try {
            proxy.stop();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Long> countByMessageId(List<ReceivedMail> mails) {
        return mails.stream().collect(Collectors.groupingBy(m -> m.header("Message-ID"), Collectors.counting()));
    }

    private static Map<String, Long> countByRecipient(List<ReceivedMail> mails) {
        return mails.stream()
                .flatMap(m -> m.recipients().stream())
                .collect(Collectors.groupingBy(r -> r.replaceAll("[<>]", ""), Collectors.counting()));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Waiting.awaitTrue(what, Duration.ofSeconds(60), condition);
    }
}

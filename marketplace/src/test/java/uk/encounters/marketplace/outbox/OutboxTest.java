package uk.encounters.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

class OutboxTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration LEASE = Duration.ofMinutes(5);

    private Outbox outbox;

    @BeforeEach
    void emptyOutbox() {
        db.dsl().deleteFrom(OUTBOX).execute();
        outbox = new Outbox(db.dsl());
    }

    @Test
    void enqueueWritesOneMessagePerIdempotencyKey() {
        assertThat(outbox.enqueue(message("booking-confirmed:1"))).isTrue();
        assertThat(outbox.enqueue(message("booking-confirmed:1"))).isFalse();

        assertThat(outbox.findRecent(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("booking-confirmed");
            assertThat(e.recipient()).isEqualTo("leader@school.example");
            assertThat(e.attempts()).isZero();
            assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING);
        });
    }

    @Test
    void enqueueInsideARolledBackTransactionLeavesNoMessage() {
        assertThatThrownBy(() -> db.dsl().transaction(tx -> {
                    new Outbox(tx.dsl()).enqueue(message("rolled-back"));
                    throw new IllegalStateException("the change failed");
                }))
                .hasMessageContaining("the change failed");

        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void claimDueTakesTheOldestDueMessagesUpToTheLimit() {
        for (int i = 1; i <= 5; i++) {
            outbox.enqueue(message("m" + i));
        }

        List<PendingMessage> claimed = outbox.claimDue("a", 3, LEASE);

        assertThat(claimed).extracting(p -> p.message().idempotencyKey()).containsExactly("m1", "m2", "m3");
        assertThat(claimed.getFirst().message().subject()).isEqualTo("Your booking is confirmed");
        assertThat(outbox.claimDue("b", 10, LEASE))
                .extracting(p -> p.message().idempotencyKey())
                .containsExactly("m4", "m5");
    }

    @Test
    void claimDueSkipsClaimedSentAndNotYetAvailableMessages() {
        outbox.enqueue(message("claimed"));
        outbox.claimDue("a", 1, LEASE);
        outbox.enqueue(message("sent"));
        long sent = outbox.claimDue("a", 1, LEASE).getFirst().id();
        outbox.markSent(sent, "a");
        outbox.enqueue(message("later"));
        long later = outbox.claimDue("a", 1, LEASE).getFirst().id();
        outbox.markFailed(later, "a", "421 try later", Duration.ofMinutes(10));

        assertThat(outbox.claimDue("b", 10, LEASE)).isEmpty();
    }

    @Test
    void aClaimThatRunsOutCanBeClaimedByAnotherWorker() throws InterruptedException {
        outbox.enqueue(message("abandoned"));
        outbox.claimDue("crashed", 1, Duration.ofMillis(200));
        assertThat(outbox.claimDue("b", 1, LEASE)).isEmpty();

        Thread.sleep(300);

        assertThat(outbox.claimDue("b", 1, LEASE))
                .extracting(p -> p.message().idempotencyKey())
                .containsExactly("abandoned");
    }

    @Test
    void concurrentClaimersNeverClaimTheSameMessage() throws Exception {
        int messages = 200;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message("m" + i));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                claims.add(threads.submit(claimUntilEmpty("worker-" + t)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                all.addAll(claim.get());
            }
            assertThat(all).hasSize(messages).doesNotHaveDuplicates();
        }
    }

    @Test
    void markSentCountsOnlyForTheClaimantHoldingTheMessage() {
        outbox.enqueue(message("m"));
        long id = outbox.claimDue("a", 1, LEASE).getFirst().id();

        assertThat(outbox.markSent(id, "b")).isFalse();
        assertThat(outbox.findById(id).orElseThrow().sentAt()).isNull();

        assertThat(outbox.markSent(id, "a")).isTrue();
        assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void markFailedCountsTheAttemptDelaysTheMessageAndReleasesTheClaim() {
        outbox.enqueue(message("m"));
        long id = outbox.claimDue("a", 1, LEASE).getFirst().id();
        OffsetDateTime before = dbNow();

        assertThat(outbox.markFailed(id, "a", "550 relaying denied " + "x".repeat(3000), Duration.ofMinutes(2)))
                .isTrue();

        OutboxEntry entry = outbox.findById(id).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).startsWith("550 relaying denied").hasSize(Outbox.MAX_ERROR_LENGTH);
        assertThat(entry.availableAt()).isAfter(before.plusSeconds(110));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(db.dsl()
                        .select(OUTBOX.CLAIMED_BY)
                        .from(OUTBOX)
                        .where(OUTBOX.ID.eq(id))
                        .fetchOne()
                        .value1())
                .isNull();
        assertThat(outbox.markFailed(id, "a", "again", Duration.ZERO))
                .as("claim already released")
                .isFalse();
    }

    @Test
    void aFailedMessageIsClaimedAgainOnceItsRetryIsDue() {
        outbox.enqueue(message("m"));
        long id = outbox.claimDue("a", 1, LEASE).getFirst().id();
        outbox.markFailed(id, "a", "connection refused", Duration.ZERO);

        assertThat(outbox.claimDue("b", 1, LEASE))
                .singleElement()
                .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
    }

    @Test
    void markGaveUpKeepsTheMessageUnsentAndNeverDueAgain() {
        outbox.enqueue(message("m"));
        long id = outbox.claimDue("a", 1, LEASE).getFirst().id();

        outbox.markGaveUp(id, "a", "550 no such user");

        OutboxEntry entry = outbox.findById(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.GAVE_UP);
        assertThat(entry.sentAt()).isNull();
        assertThat(entry.lastError()).isEqualTo("550 no such user");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(outbox.countPending()).isZero();
        assertThat(outbox.claimDue("b", 10, LEASE)).isEmpty();
    }

    @Test
    void releaseHandsTheMessageBackWithoutCountingAnAttempt() {
        outbox.enqueue(message("m"));
        long id = outbox.claimDue("a", 1, LEASE).getFirst().id();

        assertThat(outbox.release(id, "a")).isTrue();

        assertThat(outbox.claimDue("b", 1, LEASE))
                .singleElement()
                .satisfies(p -> assertThat(p.attempts()).isZero());
    }

    @Test
    void findRecentListsTheNewestFirst() {
        outbox.enqueue(message("first"));
        outbox.enqueue(message("second"));
        outbox.enqueue(message("third"));

        assertThat(outbox.findRecent(2)).extracting(OutboxEntry::createdAt).doesNotContainNull();
        assertThat(outbox.findRecent(2))
                .extracting(OutboxEntry::id)
                .isSortedAccordingTo((x, y) -> Long.compare(y, x))
                .hasSize(2);
        assertThat(outbox.countPending()).isEqualTo(3);
    }

    @Test
    void backlogCountsDueAndGivenUpMessagesAndTheAgeOfTheOldestStillTried() {
        assertThat(outbox.backlog()).isEqualTo(new Backlog(0, 0, Duration.ZERO));
        outbox.enqueue(message("due"));
        outbox.enqueue(message("backing-off"));
        outbox.enqueue(message("given-up"));
        outbox.enqueue(message("sent"));
        db.dsl()
                .update(OUTBOX)
                .set(OUTBOX.CREATED_AT, DSL.currentOffsetDateTime().minus(DSL.field("interval '90 minutes'")))
                .where(OUTBOX.IDEMPOTENCY_KEY.in("backing-off", "given-up"))
                .execute();
        for (String key : List.of("backing-off", "given-up", "sent")) {
            long id = db.dsl()
                    .select(OUTBOX.ID)
                    .from(OUTBOX)
                    .where(OUTBOX.IDEMPOTENCY_KEY.eq(key))
                    .fetchSingle()
                    .value1();
            db.dsl()
                    .update(OUTBOX)
                    .set(OUTBOX.CLAIMED_BY, "a")
                    .set(OUTBOX.CLAIMED_UNTIL, dbNow().plusMinutes(5))
                    .where(OUTBOX.ID.eq(id))
                    .execute();
            switch (key) {
                case "backing-off" -> outbox.markFailed(id, "a", "421 try later", Duration.ofMinutes(10));
                case "given-up" -> outbox.markGaveUp(id, "a", "550 no such user");
                default -> outbox.markSent(id, "a");
            }
        }

        Backlog backlog = outbox.backlog();

        assertThat(backlog.due()).as("only the message that may be sent now").isEqualTo(1);
        assertThat(backlog.gaveUp()).isEqualTo(1);
        // the message backing off is still being tried: it is the oldest waiting, not the one given up on
        assertThat(backlog.oldestUnsent()).isBetween(Duration.ofMinutes(89), Duration.ofMinutes(91));
    }

    @Test
    void findByIdIsEmptyForAnUnknownMessage() {
        assertThat(outbox.findById(999_999)).isEmpty();
    }

    private Callable<List<Long>> claimUntilEmpty(String claimant) {
        return () -> {
            List<Long> ids = new ArrayList<>();
            while (true) {
                List<PendingMessage> batch = outbox.claimDue(claimant, 7, LEASE);
                if (batch.isEmpty()) {
                    return ids;
                }
                batch.forEach(p -> ids.add(p.id()));
            }
        };
    }

    private OffsetDateTime dbNow() {
        return db.dsl().select(DSL.currentOffsetDateTime()).fetchSingle().value1();
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

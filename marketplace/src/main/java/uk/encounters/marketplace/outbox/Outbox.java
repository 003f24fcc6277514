package uk.encounters.marketplace.outbox;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Record10;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.SQLDataType;

/**
 * The notification outbox: messages are written with the change that causes them and sent later
 * by a worker, so a notification is sent if and only if its change committed. Works over
 * whichever {@link DSLContext} it is given; pass a transaction's to enqueue inside it.
 *
 * <p>Delivery is at least once: a worker claims messages for a lease, sends, then marks them sent.
 * A worker that dies after sending but before marking leaves the message to be sent again when
 * the lease runs out; the idempotency key lets the sender give both copies one Message-ID.
 * All times come from PostgreSQL's clock, so instances with skewed clocks agree on leases.
 */
public final class Outbox {

    static final int MAX_ERROR_LENGTH = 2000;

    /** A message the worker gave up on is never due again, and says so by this date. */
    private static final Field<OffsetDateTime> NEVER =
            field("'infinity'::timestamptz", SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {};

    private final DSLContext dsl;

    public Outbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes the message unless one with the same idempotency key exists; true when written. */
    public boolean enqueue(OutboxMessage message) {
        return dsl.insertInto(OUTBOX)
                        .set(OUTBOX.IDEMPOTENCY_KEY, message.idempotencyKey())
                        .set(OUTBOX.KIND, message.kind())
                        .set(OUTBOX.RECIPIENT, message.recipient())
                        .set(OUTBOX.SUBJECT, message.subject())
                        .set(OUTBOX.BODY_TEXT, message.bodyText())
                        .set(OUTBOX.BODY_HTML, message.bodyHtml())
                        .set(OUTBOX.ATTACHMENTS, json(message.attachments()))
                        .set(OUTBOX.LINK_TOKEN_IDS, message.linkTokenIds().toArray(Long[]::new))
                        .set(OUTBOX.REPLY_TO, message.replyTo())
                        .set(OUTBOX.LIST_UNSUBSCRIBE, message.listUnsubscribe())
                        .onConflict(OUTBOX.IDEMPOTENCY_KEY)
                        .doNothing()
                        .execute()
                == 1;
    }

    /**
     * {@link #enqueue} for many messages in one statement, written in the order given; answers how
     * many were written (a message whose idempotency key exists is not).
     */
    public int enqueueAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        var insert = dsl.insertInto(
                OUTBOX,
                OUTBOX.IDEMPOTENCY_KEY,
                OUTBOX.KIND,
                OUTBOX.RECIPIENT,
                OUTBOX.SUBJECT,
                OUTBOX.BODY_TEXT,
                OUTBOX.BODY_HTML,
                OUTBOX.ATTACHMENTS,
                OUTBOX.LINK_TOKEN_IDS,
                OUTBOX.REPLY_TO,
                OUTBOX.LIST_UNSUBSCRIBE);
        for (OutboxMessage message : messages) {
            insert = insert.values(
                    message.idempotencyKey(),
                    message.kind(),
                    message.recipient(),
                    message.subject(),
                    message.bodyText(),
                    message.bodyHtml(),
                    json(message.attachments()),
                    message.linkTokenIds().toArray(Long[]::new),
                    message.replyTo(),
                    message.listUnsubscribe());
        }
        return insert.onConflict(OUTBOX.IDEMPOTENCY_KEY).doNothing().execute();
    }

    /**
     * Claims up to {@code n} due messages (unsent, available, not claimed or claim run out) for
     * {@code claimant} until now + {@code lease}, oldest first. One statement: the rows are locked
     * with FOR UPDATE SKIP LOCKED, so concurrent claimers each get different messages, and a row
     * another claimer just took is re-checked and dropped.
     */
    public List<PendingMessage> claimDue(String claimant, int n, Duration lease) {
        var now = currentOffsetDateTime();
        // Materialised so the locking select runs exactly once, whatever plan the update gets.
        CommonTableExpression<Record1<Long>> due = name("due")
                .fields("id")
                .asMaterialized(select(OUTBOX.ID)
                        .from(OUTBOX)
                        .where(OUTBOX.SENT_AT.isNull())
                        .and(OUTBOX.AVAILABLE_AT.le(now))
                        .and(OUTBOX.CLAIMED_UNTIL.isNull().or(OUTBOX.CLAIMED_UNTIL.le(now)))
                        .orderBy(OUTBOX.AVAILABLE_AT, OUTBOX.ID)
                        .limit(n)
                        .forUpdate()
                        .skipLocked());
        return dsl
                .with(due)
                .update(OUTBOX)
                .set(OUTBOX.CLAIMED_BY, claimant)
                .set(OUTBOX.CLAIMED_UNTIL, nowPlus(lease))
                .from(due)
                .where(OUTBOX.ID.eq(due.field("id", Long.class)))
                .returningResult(
                        OUTBOX.ID,
                        OUTBOX.IDEMPOTENCY_KEY,
                        OUTBOX.KIND,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SUBJECT,
                        OUTBOX.BODY_TEXT,
                        OUTBOX.BODY_HTML,
                        OUTBOX.ATTEMPTS,
                        OUTBOX.ATTACHMENTS,
                        OUTBOX.LINK_TOKEN_IDS,
                        OUTBOX.REPLY_TO,
                        OUTBOX.LIST_UNSUBSCRIBE)
                .fetch(r -> new PendingMessage(
                        r.get(OUTBOX.ID),
                        new OutboxMessage(
                                r.get(OUTBOX.IDEMPOTENCY_KEY),
                                r.get(OUTBOX.KIND),
                                r.get(OUTBOX.RECIPIENT),
                                r.get(OUTBOX.SUBJECT),
                                r.get(OUTBOX.BODY_TEXT),
                                r.get(OUTBOX.BODY_HTML),
                                attachments(r.get(OUTBOX.ATTACHMENTS)),
                                List.of(r.get(OUTBOX.LINK_TOKEN_IDS)),
                                r.get(OUTBOX.REPLY_TO),
                                r.get(OUTBOX.LIST_UNSUBSCRIBE)),
                        r.get(OUTBOX.ATTEMPTS)))
                .stream()
                .sorted(Comparator.comparingLong(PendingMessage::id))
                .toList();
    }

    /** Records the message as sent, if {@code claimant} still holds it; false when it lost the claim. */
    public boolean markSent(long id, String claimant) {
        return dsl.update(OUTBOX)
                        .set(OUTBOX.SENT_AT, currentOffsetDateTime())
                        .setNull(OUTBOX.CLAIMED_UNTIL)
                        .where(heldBy(id, claimant))
                        .execute()
                == 1;
    }

    /** Counts a failed attempt and makes the message due again after {@code retryAfter}. */
    public boolean markFailed(long id, String claimant, String error, Duration retryAfter) {
        return fail(id, claimant, error, nowPlus(retryAfter));
    }

    /** Counts a last failed attempt and stops trying: the message stays unsent, with its error, for a person to see. */
    public boolean markGaveUp(long id, String claimant, String error) {
        return fail(id, claimant, error, NEVER);
    }

    /** Hands a claimed message back untried (a worker stopping), so it need not wait for the lease. */
    public boolean release(long id, String claimant) {
        return dsl.update(OUTBOX)
                        .setNull(OUTBOX.CLAIMED_UNTIL)
                        .setNull(OUTBOX.CLAIMED_BY)
                        .where(heldBy(id, claimant))
                        .execute()
                == 1;
    }

    /** The latest messages first, for the admin outbox page. */
    public List<OutboxEntry> findRecent(int limit) {
        return selectEntries().orderBy(OUTBOX.ID.desc()).limit(limit).fetch(Records.mapping(OutboxEntry::new));
    }

    public Optional<OutboxEntry> findById(long id) {
        return selectEntries().where(OUTBOX.ID.eq(id)).fetchOptional(Records.mapping(OutboxEntry::new));
    }

    /** The files sent with a message, for the admin's view of it. */
    public List<Attachment> attachmentsOf(long id) {
        return dsl.select(OUTBOX.ATTACHMENTS)
                .from(OUTBOX)
                .where(OUTBOX.ID.eq(id))
                .fetchOptional(Records.mapping(Outbox::attachments))
                .orElse(List.of());
    }

    /** Messages still to be sent: unsent and not given up on. */
    public int countPending() {
        return dsl.select(count())
                .from(OUTBOX)
                .where(OUTBOX.SENT_AT.isNull())
                .and(OUTBOX.AVAILABLE_AT.lt(NEVER))
                .fetchSingle(Record1::value1);
    }

    /**
     * What is waiting to be sent, in one pass over the unsent messages (the partial index on them):
     * cheap enough to run every few seconds on every instance.
     */
    public Backlog backlog() {
        var now = currentOffsetDateTime();
        Condition stillTried = OUTBOX.AVAILABLE_AT.lt(NEVER);
        Field<Integer> due = count().filterWhere(stillTried.and(OUTBOX.AVAILABLE_AT.le(now)));
        Field<Integer> gaveUp = count().filterWhere(OUTBOX.AVAILABLE_AT.eq(NEVER));
        // the SQL gives seconds, or null when no unsent message is still tried
        Field<Duration> oldestUnsent = field(
                        "extract(epoch from {0} - min({1}) filter (where {2}))",
                        SQLDataType.DOUBLE, now, OUTBOX.CREATED_AT, stillTried)
                .convertFrom(
                        seconds -> seconds == null ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000)));
        return dsl.select(due, gaveUp, oldestUnsent)
                .from(OUTBOX)
                .where(OUTBOX.SENT_AT.isNull())
                .fetchSingle(Records.mapping(Backlog::new));
    }

    private boolean fail(long id, String claimant, String error, Field<OffsetDateTime> availableAt) {
        return dsl.update(OUTBOX)
                        .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                        .set(OUTBOX.LAST_ERROR, truncate(error))
                        .set(OUTBOX.AVAILABLE_AT, availableAt)
                        .setNull(OUTBOX.CLAIMED_UNTIL)
                        .setNull(OUTBOX.CLAIMED_BY)
                        .where(heldBy(id, claimant))
                        .execute()
                == 1;
    }

    /** Unsent and still claimed by {@code claimant}: another worker may have taken it after a lease ran out. */
    private static Condition heldBy(long id, String claimant) {
        return OUTBOX.ID.eq(id).and(OUTBOX.CLAIMED_BY.eq(claimant)).and(OUTBOX.SENT_AT.isNull());
    }

    /** A message's attachments as the outbox keeps them: JSON, the content base64. */
    public static List<Attachment> attachments(JSONB json) {
        try {
            return json == null ? List.of() : JSON.readValue(json.data(), ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox message's attachments are not readable: " + e.getMessage(), e);
        }
    }

    private static JSONB json(List<Attachment> attachments) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(attachments));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attachments are names and bytes, always writable", e);
        }
    }

    private static Field<OffsetDateTime> nowPlus(Duration duration) {
        return field(
                "current_timestamp + {0} * interval '1 millisecond'",
                SQLDataType.TIMESTAMPWITHTIMEZONE, val(duration.toMillis()));
    }

    private static String truncate(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private SelectJoinStep<
                    Record10<
                            Long,
                            String,
                            String,
                            String,
                            String,
                            OffsetDateTime,
                            OffsetDateTime,
                            Integer,
                            String,
                            OffsetDateTime>>
            selectEntries() {
        return dsl.select(
                        OUTBOX.ID,
                        OUTBOX.KIND,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SUBJECT,
                        OUTBOX.BODY_TEXT,
                        OUTBOX.CREATED_AT,
                        nullif(OUTBOX.AVAILABLE_AT, NEVER),
                        OUTBOX.ATTEMPTS,
                        OUTBOX.LAST_ERROR,
                        OUTBOX.SENT_AT)
                .from(OUTBOX);
    }
}

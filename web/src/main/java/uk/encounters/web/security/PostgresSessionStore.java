package uk.encounters.web.security;

import static uk.encounters.marketplace.jooq.Tables.WEB_SESSION;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import io.vertx.ext.web.sstore.impl.SharedDataSessionImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import uk.encounters.marketplace.Database;

/**
 * Sessions kept in PostgreSQL, so they survive a restart and every app instance sees the same
 * ones. Rows are keyed by a SHA-256 of the session id: a copy of the table cannot be replayed as
 * cookies. Expired rows are ignored on read and removed by {@link #deleteExpired()}.
 *
 * <p>Vert.x stores the session after every request. A row is written only when the session's
 * contents changed, or its expiry has slid by more than {@link #EXPIRY_SLACK}: most pages only
 * read the session, and an upsert per page view was most of the database's writes under load.
 */
public final class PostgresSessionStore implements SessionStore {

    /** How far a stored expiry may lag the sliding one before it is written again. */
    static final Duration EXPIRY_SLACK = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final Database database;
    private final DSLContext dsl;
    private final VertxContextPRNG random;

    public PostgresSessionStore(Vertx vertx, Database database) {
        this.vertx = vertx;
        this.database = database;
        this.dsl = database.dsl();
        this.random = VertxContextPRNG.current(vertx);
    }

    @Override
    public SessionStore init(Vertx vertx, JsonObject options) {
        return this;
    }

    @Override
    public long retryTimeout() {
        return 0;
    }

    @Override
    public Session createSession(long timeout) {
        return createSession(timeout, DEFAULT_SESSIONID_LENGTH);
    }

    @Override
    public Session createSession(long timeout, int length) {
        return new StoredSession(random, timeout, length);
    }

    @Override
    public Future<Session> get(String id) {
        // Reads happen before the handlers, outside response.end(), so they may use the worker pool.
        return vertx.executeBlocking(
                () -> {
                    var row = dsl.select(WEB_SESSION.DATA, WEB_SESSION.EXPIRES_AT)
                            .from(WEB_SESSION)
                            .where(WEB_SESSION.ID_HASH.eq(hash(id)))
                            .and(WEB_SESSION.EXPIRES_AT.gt(OffsetDateTime.now(ZoneOffset.UTC)))
                            .fetchOne();
                    if (row == null) {
                        return null;
                    }
                    StoredSession session = new StoredSession(random);
                    session.readFromBuffer(0, Buffer.buffer(row.get(WEB_SESSION.DATA)));
                    session.stored(id, row.get(WEB_SESSION.EXPIRES_AT));
                    return (Session) session;
                },
                false);
    }

    @Override
    public Future<Void> put(Session session) {
        StoredSession stored = (StoredSession) session;
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusNanos(session.timeout() * 1_000_000);
        if (stored.isStoredAsIs(expires)) {
            return Future.succeededFuture();
        }
        return write(() -> {
            Buffer data = Buffer.buffer();
            stored.writeToBuffer(data);
            dsl.insertInto(
                            WEB_SESSION,
                            WEB_SESSION.ID_HASH,
                            WEB_SESSION.DATA,
                            WEB_SESSION.EXPIRES_AT,
                            WEB_SESSION.VERSION)
                    .values(hash(session.id()), data.getBytes(), expires, stored.version())
                    .onConflict(WEB_SESSION.ID_HASH)
                    .doUpdate()
                    .set(WEB_SESSION.DATA, data.getBytes())
                    .set(WEB_SESSION.EXPIRES_AT, expires)
                    .set(WEB_SESSION.VERSION, stored.version())
                    .execute();
            stored.stored(session.id(), expires);
            return null;
        });
    }

    @Override
    public Future<Void> delete(String id) {
        return write(() -> {
            dsl.deleteFrom(WEB_SESSION).where(WEB_SESSION.ID_HASH.eq(hash(id))).execute();
            return null;
        });
    }

    @Override
    public Future<Void> clear() {
        return write(() -> {
            dsl.deleteFrom(WEB_SESSION).execute();
            return null;
        });
    }

    @Override
    public Future<Integer> size() {
        return vertx.executeBlocking(() -> dsl.fetchCount(WEB_SESSION), false);
    }

    /** Removes sessions past their expiry; run now and then. */
    public int deleteExpired() {
        return dsl.deleteFrom(WEB_SESSION)
                .where(WEB_SESSION.EXPIRES_AT.le(OffsetDateTime.now(ZoneOffset.UTC)))
                .execute();
    }

    @Override
    public void close() {
        // the pool belongs to Database, which closes it
    }

    /**
     * On a request's virtual thread the work runs right there, so the session is written before
     * the response goes out: Vert.x flushes sessions from a headers-end hook without waiting, and
     * the browser's next request must see what this one stored. It cannot await the worker pool
     * there: the hook runs inside response.end() holding the connection's lock, where Vert.x's
     * await falls back to a latch that the blocked context can never release. The write takes a
     * millisecond or so. Elsewhere (event-loop callers) it goes to the worker pool.
     *
     * <p>Because it holds up every request of the server while it runs, it never waits for a
     * database known to be unreachable: the write fails at once (the page itself answers 503).
     */
    private <T> Future<T> write(Callable<T> work) {
        if (Thread.currentThread().isVirtual()) {
            if (database.isUnreachable()) {
                return Future.failedFuture(new SQLTransientConnectionException(
                        "PostgreSQL is unreachable: the session is not saved", "08001"));
            }
            try {
                return Future.succeededFuture(work.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
        return vertx.executeBlocking(work, false);
    }

    /** A session that remembers what its row holds, so an unchanged one is not written again. */
    static final class StoredSession extends SharedDataSessionImpl {

        private String storedId;
        private byte[] storedData;
        private OffsetDateTime storedExpiry;

        StoredSession(VertxContextPRNG random) {
            super(random);
        }

        StoredSession(VertxContextPRNG random, long timeout, int length) {
            super(random, timeout, length);
        }

        void stored(String id, OffsetDateTime expiry) {
            storedId = id;
            storedData = serializedValues();
            storedExpiry = expiry;
        }

        /** Whether the row already holds this session, under its id, expiring close enough to {@code expires}. */
        boolean isStoredAsIs(OffsetDateTime expires) {
            return id().equals(storedId)
                    && storedExpiry.plus(EXPIRY_SLACK).isAfter(expires)
                    && Arrays.equals(serializedValues(), storedData);
        }

        /** The session's values as stored: its own checksum hashes them, so it could miss a change. */
        private byte[] serializedValues() {
            Buffer data = Buffer.buffer();
            writeDataToBuffer(data);
            return data.getBytes();
        }
    }

    static String hash(String sessionId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

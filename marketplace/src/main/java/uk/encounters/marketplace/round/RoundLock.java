package uk.encounters.marketplace.round;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.Database;

/**
 * One solve per hub at a time, across every app instance: a PostgreSQL session-level advisory
 * lock held on its own connection for as long as the solve runs. If the instance dies, its
 * connection closes and PostgreSQL releases the lock, so a crash never leaves a hub stuck.
 * What the solve writes as its result goes through {@link #dsl()}, that same connection: if the
 * connection was lost (and the lock with it, so another instance may have taken the hub), the
 * write fails instead of landing over the other solve's.
 */
public final class RoundLock implements AutoCloseable {

    /** The first key of the two-key lock: "matching round", so other advisory locks cannot collide. */
    static final int NAMESPACE = 0x4D524E44;

    private final Connection connection;
    private final int hubKey;
    private final DSLContext dsl;

    private RoundLock(Connection connection, int hubKey, DSLContext pool) {
        this.connection = connection;
        this.hubKey = hubKey;
        this.dsl = DSL.using(connection, pool.dialect(), pool.settings());
    }

    /** The hub's lock, or empty when a solve holds it (on this instance or another). */
    public static Optional<RoundLock> tryAcquire(Database database, long hubId) {
        int key = Math.toIntExact(hubId);
        Connection connection = null;
        try {
            connection = database.dataSource().getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, key);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new RoundLock(connection, key, database.dsl()));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the hub's matching lock: " + e.getMessage(), e);
        }
    }

    /** Whether any instance holds the hub's lock now. */
    public static boolean isHeld(DSLContext dsl, long hubId) {
        return dsl.fetchExists(dsl.selectOne()
                .from("pg_locks")
                // advisory locks belong to one database: another database's hub of the same id is another lock
                .where(
                        "locktype = 'advisory' and granted and classid = {0}::oid and objid = {1}::oid and objsubid = 2"
                                + " and database = (select oid from pg_database where datname = current_database())",
                        NAMESPACE, Math.toIntExact(hubId)));
    }

    /** The lock's own connection: what commits through it committed while the lock was held. */
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setInt(2, hubKey);
            unlock.execute();
        } catch (SQLException e) {
            // closing the connection below releases a session lock all the same
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}

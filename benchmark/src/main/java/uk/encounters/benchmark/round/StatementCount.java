package uk.encounters.benchmark.round;

import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;

/**
 * A {@link DSLContext} that counts the statements it sends (a batch counts once: one round trip)
 * and the time spent in them, from sending each to reading its last row, for code under
 * measurement to run on. Transactions begun from it keep counting. One thread at a time.
 */
final class StatementCount {

    private int executed;
    private long started;
    private long sqlNanos;
    private long slowestNanos;
    private String slowest = "";

    DSLContext wrap(DSLContext dsl) {
        return DSL.using(dsl.configuration()
                .deriveAppending(
                        ExecuteListener.onExecuteStart(ctx -> executed++),
                        ExecuteListener.onStart(ctx -> started = System.nanoTime()),
                        ExecuteListener.onEnd(ctx -> ended(ctx.sql()))));
    }

    private void ended(String sql) {
        long took = System.nanoTime() - started;
        sqlNanos += took;
        if (took > slowestNanos) {
            slowestNanos = took;
            slowest = sql == null ? "" : sql;
        }
    }

    int executed() {
        return executed;
    }

    /** The slowest statement: its time and the start of its SQL. */
    String slowest() {
        String sql = slowest.length() > 110 ? slowest.substring(0, 110) + "..." : slowest;
        return String.format("%.1f ms: %s", slowestNanos / 1e6, sql);
    }

    /** Time in the statements, rendering and mapping rows included; the rest is the caller's own work. */
    double sqlMillis() {
        return sqlNanos / 1e6;
    }
}

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

    DSLContext wrap(DSLContext dsl) {
        return DSL.using(dsl.configuration()
                .deriveAppending(
                        ExecuteListener.onExecuteStart(ctx -> executed++),
                        ExecuteListener.onStart(ctx -> started = System.nanoTime()),
                        ExecuteListener.onEnd(ctx -> sqlNanos += System.nanoTime() - started)));
    }

    int executed() {
        return executed;
    }

    /** Time in the statements, rendering and mapping rows included; the rest is the caller's own work. */
    double sqlMillis() {
        return sqlNanos / 1e6;
    }
}

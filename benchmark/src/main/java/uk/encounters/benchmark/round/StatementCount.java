package uk.encounters.benchmark.round;

import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;

/**
 * A {@link DSLContext} that counts the statements it sends (a batch counts once: one round trip),
 * for code under measurement to run on. Transactions begun from it keep counting.
 */
final class StatementCount {

    private final AtomicInteger executed = new AtomicInteger();

    DSLContext wrap(DSLContext dsl) {
        return DSL.using(
                dsl.configuration().deriveAppending(ExecuteListener.onExecuteStart(ctx -> executed.incrementAndGet())));
    }

    int executed() {
        return executed.get();
    }
}

package uk.encounters.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Runs blocking work (JDBC through jOOQ) off the event loop and waits for it. Handlers run on
 * virtual threads; a virtual-thread verticle would serialise blocking calls made on it directly,
 * so each call goes to the worker pool (unordered) and requests overlap.
 *
 * <p>The caller's MDC (the request id) goes with the work, so what it logs is found with the
 * request's other lines; the thread that ran it is left with the MDC it had before.
 */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> T call(Callable<T> work) {
        return Future.await(start(work));
    }

    /** Starts the work on the worker pool and does not wait: the future tells how it went. */
    public <T> Future<T> start(Callable<T> work) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        return vertx.executeBlocking(
                () -> {
                    Map<String, String> before = MDC.getCopyOfContextMap();
                    setLogContext(logContext);
                    try {
                        return work.call();
                    } finally {
                        setLogContext(before);
                    }
                },
                false);
    }

    private static void setLogContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}

package uk.encounters.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs blocking work (JDBC through jOOQ) off the event loop and waits for it. Handlers run on
 * virtual threads; a virtual-thread verticle would serialise blocking calls made on it directly,
 * so each call goes to the worker pool (unordered) and requests overlap.
 */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> T call(Callable<T> work) {
        return Future.await(vertx.executeBlocking(work, false));
    }
}

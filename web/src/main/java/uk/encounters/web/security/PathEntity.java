package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import uk.encounters.web.Blocking;

/**
 * The entity a path names ({@code /schools/7/bookings/42} names booking 42 of school 7), loaded by
 * one step before the handler runs, or the request answered 404. Handlers then read it with
 * {@link #of}, so none of them parses ids or repeats the load-or-404 preamble. The finder decides
 * what "belongs" means: a booking of another school is not found.
 */
public final class PathEntity<T> {

    private final String key;
    private final Blocking blocking;
    private final Function<RoutingContext, Optional<T>> finder;

    /**
     * @param name what it is, for the context key and for the message when a route forgot the step
     * @param finder reads the path's ids (with {@link PathId#required}) and looks the entity up; it
     *     runs on the worker pool
     */
    public PathEntity(String name, Blocking blocking, Function<RoutingContext, Optional<T>> finder) {
        this.key = "pathEntity." + name;
        this.blocking = blocking;
        this.finder = finder;
    }

    /** The step {@link Routes#loading} adds. */
    void load(RoutingContext ctx) {
        Optional<T> found = blocking.call(() -> finder.apply(ctx));
        if (found.isEmpty()) {
            ctx.fail(404);
            return;
        }
        ctx.put(key, found.get());
        ctx.next();
    }

    /** The entity the path names; only on a route that loads it. */
    public T of(RoutingContext ctx) {
        T entity = ctx.get(key);
        if (entity == null) {
            throw new IllegalStateException(key + " is not loaded: its route needs Routes.loading");
        }
        return entity;
    }
}

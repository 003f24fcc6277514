package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;

/**
 * A numeric id from the path; anything else names nothing, and the page answers 404. The one
 * parser of ids in paths: {@code abc} or an id beyond a long is a missing page, never a 500.
 */
public final class PathId {

    private PathId() {}

    public static Optional<Long> of(RoutingContext ctx, String name) {
        return parse(ctx.pathParam(name));
    }

    /**
     * The id a handler needs to do anything at all. Every {@code :...Id} is checked before any
     * handler runs (security.Routes), so this only throws, as a 404, if a route forgot that.
     */
    public static long required(RoutingContext ctx, String name) {
        return of(ctx, name).orElseThrow(() -> new HttpException(404));
    }

    /** An id sent some other way (a button's value), read the same way. */
    public static Optional<Long> parse(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}

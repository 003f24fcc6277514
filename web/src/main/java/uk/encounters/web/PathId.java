package uk.encounters.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** A numeric id from the path; anything else names nothing, and the page answers 404. */
public final class PathId {

    private PathId() {
    }

    public static Optional<Long> of(RoutingContext ctx, String name) {
        return parse(ctx.pathParam(name));
    }

    /** An id sent some other way (a button's value), read the same way. */
    public static Optional<Long> parse(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}

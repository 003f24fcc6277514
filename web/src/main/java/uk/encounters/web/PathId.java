package uk.encounters.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** A numeric id from the path; anything else names nothing, and the page answers 404. */
public final class PathId {

    private PathId() {
    }

    public static Optional<Long> of(RoutingContext ctx, String name) {
        String value = ctx.pathParam(name);
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}

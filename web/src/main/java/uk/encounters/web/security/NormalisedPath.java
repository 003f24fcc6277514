package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Only addresses in their one plain form are served. The router matches routes on the normalised
 * path, so {@code //host/../hubs/1/offers} would reach {@code /hubs/1/offers} while a page built
 * from the raw address carried {@code //host/..} into its links; no page of ours links to such an
 * address, so it names no page (404).
 */
public final class NormalisedPath {

    /** Empty, dot or dot-dot segments, backslashes, and slashes, backslashes or dots hidden by percent-encoding. */
    private static final Pattern ODD = Pattern.compile("//|\\\\|(^|/)\\.{1,2}(/|$)|%2[fFeE]|%5[cC]");

    private NormalisedPath() {}

    public static void require(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null || !path.startsWith("/") || ODD.matcher(path).find() || !path.equals(ctx.normalizedPath())) {
            ctx.fail(404);
            return;
        }
        ctx.next();
    }
}

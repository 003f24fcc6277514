package uk.encounters.web.form;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Requests no form can produce, refused with a 400 before they reach a handler: a multipart body
 * without a boundary to split it by (Vert.x 5.0.10's body handler throws on an empty one), and
 * a NUL character in any field or query parameter (PostgreSQL cannot store one in text, so it
 * would fail the first query that carried it). Browsers send neither.
 */
public final class FormInput {

    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=\"?[^\";\\s]+");

    private FormInput() {}

    /** Before the body is read. */
    public static void refuseMultipartWithoutBoundary(RoutingContext ctx) {
        if (isMultipart(ctx)
                && !BOUNDARY.matcher(ctx.request().getHeader("Content-Type")).find()) {
            ctx.fail(400);
            return;
        }
        ctx.next();
    }

    public static boolean isMultipart(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** After the body is read. */
    public static void refuseNulCharacters(RoutingContext ctx) {
        boolean refused;
        try {
            refused =
                    containsNul(ctx.queryParams()) || containsNul(ctx.request().formAttributes());
        } catch (IllegalArgumentException e) {
            refused = true; // a query string that does not decode
        }
        if (refused) {
            ctx.fail(400);
            return;
        }
        ctx.next();
    }

    private static boolean containsNul(MultiMap values) {
        for (var entry : values) {
            if (entry.getKey().indexOf('\0') >= 0 || entry.getValue().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}

package uk.encounters.web.observe;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import uk.encounters.marketplace.account.Account;

/**
 * One line per request when its response ends: method, route pattern, path, status, duration and
 * the signed-in user's id, as key-value pairs (fields of their own in JSON logs) and as a readable
 * message. Never a query string, a body or a cookie; sign-in, reply and calendar links carry their
 * secret in the path, so that part is replaced.
 */
public final class AccessLog {

    /**
     * Where the route registrar keeps the pattern of the route that took the request, and the
     * current-user step the signed-in account: the log reads them here, so it needs nothing from
     * the packages that put them.
     */
    public static final String ROUTE_PATTERN = "routePattern";

    public static final String ACCOUNT = "account";

    static final String SECRET = "[secret]";
    /** The route of requests no route took (404s): one label, whatever the path. */
    public static final String UNMATCHED = "unmatched";

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");
    /** A path segment that looks like a link's token (43 characters of base64url). */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{20,}");

    private static final int MAX_PATH_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    /** A global handler, right after {@link RequestId#assign}. */
    public void begin(RoutingContext ctx) {
        long began = System.nanoTime();
        ctx.addEndHandler(ended ->
                RequestId.carried(c -> write(c, began, ended.succeeded())).handle(ctx));
        ctx.next();
    }

    private static void write(RoutingContext ctx, long began, boolean answered) {
        String method = ctx.request().method().name();
        String route = routeOf(ctx);
        String path = loggablePath(ctx);
        int status = ctx.response().getStatusCode();
        long millis = (System.nanoTime() - began) / 1_000_000;
        Account account = ctx.get(ACCOUNT);
        // probes come every few seconds from the orchestrator: only in debug logs
        LoggingEventBuilder line = route.equals("/health") || route.equals("/ready") ? log.atDebug() : log.atInfo();
        line = line.addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis);
        if (account != null) {
            line = line.addKeyValue("userId", account.id());
        }
        if (!answered) {
            line = line.addKeyValue("closed", true);
        }
        line.log(
                "{} {} {} {} ms{}{}",
                method,
                path,
                answered ? status : "closed before the answer",
                millis,
                route.equals(path) ? "" : " route=" + route,
                account == null ? "" : " user=" + account.id());
    }

    /** The pattern of the route that took the request ({@code /schools/:schoolId/progress}), or "unmatched". */
    public static String routeOf(RoutingContext ctx) {
        String pattern = ctx.get(ROUTE_PATTERN);
        return pattern == null ? UNMATCHED : pattern;
    }

    /**
     * The request's path as logs may show it: for a route, its pattern with the parameters filled
     * in except a {@code :token}; for any other path, segments that look like a token replaced, and
     * cut short.
     */
    public static String loggablePath(RoutingContext ctx) {
        String pattern = ctx.get(ROUTE_PATTERN);
        if (pattern == null) {
            String path = TOKEN_LIKE.matcher(ctx.request().path()).replaceAll(SECRET);
            return path.length() <= MAX_PATH_LENGTH ? path : path.substring(0, MAX_PATH_LENGTH) + "...";
        }
        if (!pattern.contains(":token")) {
            return ctx.request().path();
        }
        Matcher parameter = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = name.equals("token") ? SECRET : String.valueOf(ctx.pathParam(name));
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(path);
        return path.toString();
    }
}

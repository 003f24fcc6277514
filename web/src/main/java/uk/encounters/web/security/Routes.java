package uk.encounters.web.security;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import uk.encounters.marketplace.account.Account;
import uk.encounters.web.Blocking;
import uk.encounters.web.observe.RequestId;

/**
 * The only way routes are registered: each one with the {@link Access} rule it needs, kept as
 * route metadata so a test can walk every route and check its rule is enforced. Each handler runs
 * with the request id in the MDC ({@link RequestId#carried}), and the route's pattern is kept for
 * the access log.
 */
public final class Routes {

    public static final String ACCESS = "access";
    /** Path parameters that hold a row's id ({@code :schoolId}); tokens and file names are not ids. */
    private static final Pattern ID_PARAMETER = Pattern.compile(":([A-Za-z]+Id)\\b");

    private static final String PATTERN = "routePattern";

    private final Router router;
    private final Access.HubLookup hubs;
    private final Blocking blocking;
    /** Steps between the access check and the handler: for uploads, reading the body. */
    private final List<Handler<RoutingContext>> afterAccess;

    public Routes(Router router, Access.HubLookup hubs, Blocking blocking) {
        this(router, hubs, blocking, List.of());
    }

    private Routes(Router router, Access.HubLookup hubs, Blocking blocking, List<Handler<RoutingContext>> afterAccess) {
        this.router = router;
        this.hubs = hubs;
        this.blocking = blocking;
        this.afterAccess = afterAccess;
    }

    /**
     * Routes whose body is read only once the access check has passed ({@code steps}: the body
     * reader, then the checks that need the body). For uploads of up to 2 MB: whoever may not use
     * the route is answered before a byte of the body is read.
     */
    @SafeVarargs
    public final Routes readingBodyAfterAccess(Handler<RoutingContext>... steps) {
        return new Routes(router, hubs, blocking, List.of(steps));
    }

    public void get(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.GET, path, access, handler);
    }

    public void post(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.POST, path, access, handler);
    }

    /** The pattern of the route that took the request ({@code /schools/:schoolId/progress}), or null if none did. */
    public static String patternOf(RoutingContext ctx) {
        return ctx.get(PATTERN);
    }

    private void add(HttpMethod method, String path, Access access, Handler<RoutingContext> handler) {
        List<String> ids =
                ID_PARAMETER.matcher(path).results().map(m -> m.group(1)).toList();
        Route route = router.route(method, path).putMetadata(ACCESS, access).handler(RequestId.carried(ctx -> {
            ctx.put(PATTERN, path);
            // an id that is not one names nothing: 404 here, before any handler parses it
            if (ids.stream().anyMatch(id -> PathId.of(ctx, id).isEmpty())) {
                ctx.fail(404);
                return;
            }
            enforce(ctx, access);
        }));
        afterAccess.forEach(step -> route.handler(RequestId.carried(step)));
        route.handler(RequestId.carried(handler));
    }

    /**
     * Where to go once signed in: the page asked for, or for a form posted after the session ended,
     * the page the form was on (its address cannot be fetched, only posted to).
     */
    private static String returnTo(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            return ctx.request().uri();
        }
        String referer = ctx.request().getHeader("Referer");
        try {
            java.net.URI from = referer == null ? null : java.net.URI.create(referer);
            if (from != null
                    && from.getRawAuthority() != null
                    && from.getRawAuthority().equals(ctx.request().authority().toString())
                    && from.getRawPath() != null) {
                return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            }
        } catch (IllegalArgumentException notAnAddress) {
            // a malformed Referer names no page
        }
        return "/account";
    }

    private void enforce(RoutingContext ctx, Access access) {
        Account account = CurrentUser.of(ctx);
        String value = access.parameter() == null ? null : ctx.pathParam(access.parameter());
        Access.Decision decision = access.kind() == Access.Kind.SCHOOL || access.kind() == Access.Kind.EMPLOYER
                ? blocking.call(() -> access.decide(account, value, hubs))
                : access.decide(account, value, hubs);
        switch (decision) {
            case ALLOW -> ctx.next();
            case SIGN_IN -> ctx.redirect("/sign-in?next=" + URLEncoder.encode(returnTo(ctx), StandardCharsets.UTF_8));
            case FORBIDDEN -> ctx.fail(403);
            case NOT_FOUND -> ctx.fail(404);
        }
    }
}

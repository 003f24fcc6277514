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
import uk.encounters.web.observe.AccessLog;
import uk.encounters.web.observe.RequestId;

/**
 * The only way routes are registered: each one with the {@link Access} rule it needs, kept as
 * route metadata so a test can walk every route and check its rule is enforced. Each handler runs
 * with the request id in the MDC ({@link RequestId#carried}), and the route's pattern is kept for
 * the access log.
 *
 * <p>Features mount their routes on a scope ({@link #school()}, {@link #hub()}, ...): the rule is
 * written once per path prefix, and every route under it gets it. Under a scope, further steps
 * run after the access check and before the handler: reading an upload's body, loading the entity
 * the path names ({@link PathEntity}).
 */
public final class Routes {

    public static final String ACCESS = "access";
    /** Path parameters that hold a row's id ({@code :schoolId}); tokens and file names are not ids. */
    private static final Pattern ID_PARAMETER = Pattern.compile(":([A-Za-z]+Id)\\b");

    private static final String PATTERN = AccessLog.ROUTE_PATTERN;

    private final Router router;
    private final Access.HubLookup hubs;
    private final Blocking blocking;
    /** What an upload route does once access is granted: read the body, then check it. */
    private final List<Handler<RoutingContext>> uploadSteps;

    private final String prefix;
    /** The scope's rule; null at the root, where each route names its own. */
    private final Access access;
    /** Steps between the access check and the handler. */
    private final List<Handler<RoutingContext>> afterAccess;

    /**
     * @param uploadSteps what {@link #uploads()} routes run after the access check: the body
     *     reader, then the checks that need the body
     */
    public Routes(Router router, Access.HubLookup hubs, Blocking blocking, List<Handler<RoutingContext>> uploadSteps) {
        this(router, hubs, blocking, uploadSteps, "", null, List.of());
    }

    private Routes(
            Router router,
            Access.HubLookup hubs,
            Blocking blocking,
            List<Handler<RoutingContext>> uploadSteps,
            String prefix,
            Access access,
            List<Handler<RoutingContext>> afterAccess) {
        this.router = router;
        this.hubs = hubs;
        this.blocking = blocking;
        this.uploadSteps = uploadSteps;
        this.prefix = prefix;
        this.access = access;
        this.afterAccess = afterAccess;
    }

    /** Everything under {@code /schools/:schoolId}: its careers leaders, its hub's coordinators, admins. */
    public Routes school() {
        return scope("/schools/:schoolId", Access.school("schoolId"));
    }

    /** Pages under {@code /schools/:schoolId} that change nothing: its enterprise advisers may read them too. */
    public Routes schoolReadable() {
        return scope("/schools/:schoolId", Access.schoolRead("schoolId"));
    }

    /**
     * Under {@code /schools/:schoolId}, what only the school's own careers leaders may do (approve or
     * remove pupils' words): not its hub's coordinators, not admins.
     */
    public Routes schoolLeaders() {
        return scope("/schools/:schoolId", Access.schoolOwn("schoolId"));
    }

    /** Everything under {@code /employers/:employerId}: its contacts, its hub's coordinators, admins. */
    public Routes employer() {
        return scope("/employers/:employerId", Access.employer("employerId"));
    }

    /** Everything under {@code /hubs/:hubId}: the hub's coordinators and admins. */
    public Routes hub() {
        return scope("/hubs/:hubId", Access.hub("hubId"));
    }

    /** Everything under {@code /admin}: administrators only. */
    public Routes admin() {
        return scope("/admin", Access.admin());
    }

    /** Pages for anyone signed in, whoever they are. */
    public Routes signedIn() {
        return scope("", Access.signedIn());
    }

    /** Public pages and forms, and links whose secret stands for the person. */
    public Routes anyone() {
        return scope("", Access.anyone());
    }

    /** A narrower path under this scope, with the same rule ({@code /bookings/:bookingId}). */
    public Routes under(String path) {
        requireScope();
        return new Routes(router, hubs, blocking, uploadSteps, prefix + path, access, afterAccess);
    }

    /**
     * Routes whose handlers find the entity the path names already loaded (or the request answered
     * 404): {@code entity}'s step runs after the access check, so nobody learns what exists where
     * they may not look.
     */
    public Routes loading(PathEntity<?> entity) {
        return then(entity::load);
    }

    /**
     * Routes that take a file or a pasted list (up to WebServer's limit for the path, 2 MB for most): the
     * body is read only once the access check has passed, so whoever may not use the route is answered before a byte of it is read.
     */
    public Routes uploads() {
        requireScope();
        return new Routes(router, hubs, blocking, List.of(), prefix, access, concat(afterAccess, uploadSteps));
    }

    private Routes then(Handler<RoutingContext> step) {
        requireScope();
        return new Routes(router, hubs, blocking, uploadSteps, prefix, access, concat(afterAccess, List.of(step)));
    }

    private Routes scope(String path, Access rule) {
        if (access != null) {
            throw new IllegalStateException("a scope is taken from the root routes, not from " + prefix);
        }
        return new Routes(router, hubs, blocking, uploadSteps, path, rule, List.of());
    }

    private void requireScope() {
        if (access == null) {
            throw new IllegalStateException("take a scope first (school(), hub(), ...): it carries the access rule");
        }
    }

    private static List<Handler<RoutingContext>> concat(
            List<Handler<RoutingContext>> first, List<Handler<RoutingContext>> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }

    /** A GET under this scope, with its rule. */
    public void get(String path, Handler<RoutingContext> handler) {
        requireScope();
        add(HttpMethod.GET, prefix + path, access, handler);
    }

    /** A POST under this scope, with its rule. */
    public void post(String path, Handler<RoutingContext> handler) {
        requireScope();
        add(HttpMethod.POST, prefix + path, access, handler);
    }

    /** The pattern of the route that took the request ({@code /schools/:schoolId/progress}), or null if none did. */
    public static String patternOf(RoutingContext ctx) {
        return ctx.get(PATTERN);
    }

    private void add(HttpMethod method, String path, Access rule, Handler<RoutingContext> handler) {
        List<String> ids =
                ID_PARAMETER.matcher(path).results().map(m -> m.group(1)).toList();
        Route route = router.route(method, path).putMetadata(ACCESS, rule).handler(RequestId.carried(ctx -> {
            ctx.put(PATTERN, path);
            // an id that is not one names nothing: 404 here, before any handler parses it
            if (ids.stream().anyMatch(id -> PathId.of(ctx, id).isEmpty())) {
                ctx.fail(404);
                return;
            }
            enforce(ctx, rule);
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
        Access.Decision decision = access.kind() == Access.Kind.SCHOOL
                        || access.kind() == Access.Kind.SCHOOL_READ
                        || access.kind() == Access.Kind.EMPLOYER
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

package uk.encounters.web.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Instant;
import java.util.Set;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.Role;

/**
 * Before a person whose role needs it (administrators and coordinators by default) or who turned it
 * on can act, they confirm this sign-in with a code from their authenticator app; until then every
 * page but the second factor's own and signing out sends them there.
 */
public final class SecondFactorGate {

    private static final String CONFIRMED_AT = "secondFactorAt";

    private final Set<Role> required;

    public SecondFactorGate(Set<Role> required) {
        this.required = Set.copyOf(required);
    }

    /** Runs on every request, after {@link CurrentUser#load}. */
    public void check(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        String path = ctx.normalizedPath();
        if (account == null
                || !due(account, ctx.session())
                || path.startsWith("/two-factor")
                || path.equals("/sign-out")) {
            ctx.next();
        } else if (ctx.request().method() == HttpMethod.GET) {
            ctx.redirect("/two-factor");
        } else {
            ctx.fail(403);
        }
    }

    /** Whether this session still has to confirm its sign-in. */
    public boolean due(Account account, Session session) {
        return needs(account) && (session == null || session.get(CONFIRMED_AT) == null);
    }

    /** Whether the person must set up and use a second factor: by their role, or because they turned it on. */
    public boolean needs(Account account) {
        return account.secondFactor() || account.scopes().stream().anyMatch(scope -> required.contains(scope.role()));
    }

    /** This session's sign-in is confirmed. */
    public static void confirmed(RoutingContext ctx) {
        ctx.session().put(CONFIRMED_AT, Instant.now().toEpochMilli());
    }

    /** A new sign-in confirms itself afresh. */
    static void forget(Session session) {
        session.remove(CONFIRMED_AT);
    }
}

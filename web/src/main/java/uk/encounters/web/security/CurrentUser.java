package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.web.Blocking;

/**
 * Who is asking: the session holds only a user id; the account and its scopes are read afresh
 * on each request, so a removed scope or a disabled account takes effect at once.
 */
public final class CurrentUser {

    static final String SESSION_KEY = "userId";
    private static final String CONTEXT_KEY = "account";

    private final AccountRepository accounts;
    private final Blocking blocking;

    public CurrentUser(AccountRepository accounts, Blocking blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    /** Runs on every request, after the session handler. */
    public void load(RoutingContext ctx) {
        Session session = ctx.session();
        Long userId = session == null ? null : session.get(SESSION_KEY);
        if (userId != null) {
            Optional<Account> account = blocking.call(() -> accounts.findById(userId));
            if (account.isPresent()) {
                ctx.put(CONTEXT_KEY, account.get());
            } else {
                session.remove(SESSION_KEY);
            }
        }
        ctx.next();
    }

    /** The signed-in account, or null for a visitor. */
    public static Account of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    /** Signs the account in: a new session id first, so an id fixed before sign-in is worthless. */
    public static void signIn(RoutingContext ctx, Account account) {
        ctx.session().regenerateId();
        ctx.session().put(SESSION_KEY, account.id());
        ctx.put(CONTEXT_KEY, account);
    }

    public static void signOut(RoutingContext ctx) {
        ctx.session().destroy();
        ctx.remove(CONTEXT_KEY);
    }
}

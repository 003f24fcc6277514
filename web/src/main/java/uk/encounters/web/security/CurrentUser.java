package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.observe.AccessLog;

/**
 * Who is asking: the session holds only a user id and when they signed in; the account and its
 * scopes are read afresh on each request, so a removed scope or a disabled account takes effect at
 * once. A session ends, whatever its use, {@code lifetime} after sign-in (the idle timeout alone
 * would let it slide for ever), and when the person sets a new password or signs out everywhere.
 * Session times are the wall clock's, as the session store's idle timeout is.
 */
public final class CurrentUser {

    /** ASVS 3.3.2: re-authenticate at least every 12 hours, whatever the activity. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    static final String SESSION_KEY = "userId";
    private static final String SIGNED_IN_AT = "signedInAt";
    private static final String CONTEXT_KEY = AccessLog.ACCOUNT;

    private final AccountRepository accounts;
    private final Blocking blocking;
    private final Duration lifetime;

    public CurrentUser(AccountRepository accounts, Blocking blocking, Duration lifetime) {
        this.accounts = accounts;
        this.blocking = blocking;
        this.lifetime = lifetime;
    }

    /** Runs on every request, after the session handler. */
    public void load(RoutingContext ctx) {
        identify(ctx);
        ctx.next();
    }

    /**
     * Finds who is asking and keeps their account in the request, or ends a session past its
     * lifetime; for a page answering a request that failed before {@link #load} ran.
     */
    public void identify(RoutingContext ctx) {
        Session session = ctx.session();
        Long userId = session == null ? null : session.get(SESSION_KEY);
        if (userId != null) {
            Instant now = Instant.now();
            Long signedInAt = session.get(SIGNED_IN_AT);
            Instant began = signedInAt == null ? now : Instant.ofEpochMilli(signedInAt);
            if (signedInAt == null) {
                // a session from before sessions recorded it: its lifetime starts now
                session.put(SIGNED_IN_AT, now.toEpochMilli());
            }
            Optional<Account> account = began.plus(lifetime).isBefore(now)
                    ? Optional.empty()
                    : blocking.call(() -> accounts.findById(userId));
            if (account.isPresent() && !account.get().sessionEnded(began)) {
                ctx.put(CONTEXT_KEY, account.get());
            } else {
                session.remove(SESSION_KEY);
                session.remove(SIGNED_IN_AT);
                Flash.set(
                        ctx,
                        "Your session has ended: sign in again to carry on. Sessions end " + hours(lifetime)
                                + " after signing in, and when your password changes or you sign out everywhere.");
            }
        }
    }

    /** The signed-in account, or null for a visitor. */
    public static Account of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    /** Who is making this request, as a change's audit entry records it. */
    public static Actor actor(RoutingContext ctx) {
        Account account = of(ctx);
        return new Actor(account == null ? null : account.id(), RateLimit.clientAddress(ctx));
    }

    /** Signs the account in: a new session id first, so an id fixed before sign-in is worthless. */
    public static void signIn(RoutingContext ctx, Account account) {
        ctx.session().regenerateId();
        SecondFactorGate.forget(ctx.session());
        ctx.session().put(SESSION_KEY, account.id());
        ctx.session().put(SIGNED_IN_AT, Instant.now().toEpochMilli());
        ctx.put(CONTEXT_KEY, account);
    }

    /**
     * Ends every session of the account that began before now, this one included; the caller signs
     * this one in again when it should go on. Millisecond precision, as a session records its start.
     */
    public static Instant endEverySession() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static void signOut(RoutingContext ctx) {
        ctx.session().destroy();
        ctx.remove(CONTEXT_KEY);
    }

    private static String hours(Duration lifetime) {
        long hours = lifetime.toHours();
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return lifetime.toMinutes() >= 1 ? lifetime.toMinutes() + " minutes" : lifetime.toSeconds() + " seconds";
    }
}

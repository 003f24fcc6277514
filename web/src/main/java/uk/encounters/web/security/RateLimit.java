package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import uk.encounters.marketplace.ratelimit.RateLimitRepository;
import uk.encounters.web.Blocking;

/**
 * Limits on attempts at sign-in, links by email and the public forms, per client address and per
 * account, counted in PostgreSQL so they hold across app instances. Over a limit the person gets
 * a 429 page saying when to try again.
 */
public final class RateLimit {

    public record Limit(int perAddress, int perAccount, Duration window) {}

    static final Map<String, Limit> LIMITS = Map.of(
            "sign-in", new Limit(30, 10, Duration.ofMinutes(15)),
            "magic_link", new Limit(10, 5, Duration.ofHours(1)),
            "password_reset", new Limit(10, 5, Duration.ofHours(1)),
            "public-form", new Limit(20, 10, Duration.ofHours(1)),
            // Only someone past the password gets here. 5 guesses in 15 minutes, each right 3 times in
            // a million (a step's drift either way), give them about 1 chance in 700 a day.
            "second-factor", new Limit(30, 5, Duration.ofMinutes(15)));

    private final RateLimitRepository counters;
    private final Blocking blocking;
    private final Map<String, Limit> limits;

    public RateLimit(RateLimitRepository counters, Blocking blocking) {
        this(counters, blocking, LIMITS);
    }

    public RateLimit(RateLimitRepository counters, Blocking blocking, Map<String, Limit> limits) {
        this.counters = counters;
        this.blocking = blocking;
        this.limits = limits;
    }

    /**
     * Counts an attempt at {@code action} by this client and, when given, for this account key
     * (an email address). Answers false, having sent the 429 page, when over either limit.
     */
    public boolean allow(RoutingContext ctx, String action, String accountKey) {
        Limit limit = limits.get(action);
        if (limit == null) {
            throw new IllegalArgumentException("No rate limit for " + action);
        }
        String address = clientAddress(ctx);
        boolean allowed = blocking.call(() -> {
            boolean byAddress = counters.allow(action + ":address:" + address, limit.perAddress(), limit.window());
            boolean byAccount = accountKey == null
                    || accountKey.isBlank()
                    || counters.allow(
                            action + ":account:" + accountKey.toLowerCase(Locale.ROOT),
                            limit.perAccount(),
                            limit.window());
            return byAddress && byAccount;
        });
        if (!allowed) {
            ctx.response()
                    .putHeader("Retry-After", String.valueOf(limit.window().toSeconds()));
            ctx.fail(429);
        }
        return allowed;
    }

    /** The client's address; behind a proxy, the one it saw ({@link ForwardedFor}). */
    public static String clientAddress(RoutingContext ctx) {
        String forwarded = ctx.get(ForwardedFor.CLIENT_ADDRESS);
        if (forwarded != null) {
            return forwarded;
        }
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.host();
    }
}

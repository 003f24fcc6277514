package uk.encounters.web.security;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Behind a reverse proxy (TRUST_PROXY=true) the client is the last address in X-Forwarded-For:
 * the one our proxy appended. Entries before it are whatever the client chose to send, so taking
 * the first one (as Vert.x's own forwarded-header support does) would let anyone claim a fresh
 * address on every attempt and walk past the per-address rate limits, and write what they like
 * into the audit log. Assumes one proxy in front of the app, which appends (nginx's
 * {@code $proxy_add_x_forwarded_for}, HAProxy's {@code option forwardfor}, cloud load balancers).
 */
public final class ForwardedFor {

    static final String CLIENT_ADDRESS = "clientAddress";
    /** An IPv4 or IPv6 address as proxies write it, within the audit log's 45 characters. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ForwardedFor() {}

    /** A route handler: notes the client's address for {@link RateLimit#clientAddress}. */
    public static void take(RoutingContext ctx) {
        lastAddress(ctx.request().headers().getAll("X-Forwarded-For")).ifPresent(a -> ctx.put(CLIENT_ADDRESS, a));
        ctx.next();
    }

    /** The last entry of the header's (possibly repeated) comma-separated list, if it is an address. */
    static Optional<String> lastAddress(List<String> headers) {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        String all = headers.getLast();
        String last = all.substring(all.lastIndexOf(',') + 1).trim();
        return ADDRESS.matcher(last).matches() ? Optional.of(last) : Optional.empty();
    }
}

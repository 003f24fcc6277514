package uk.encounters.web.observe;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request's id: in the {@code X-Request-Id} response header, on every log line written while
 * it is handled (the {@code requestId} MDC key), and on its error page, so support can go from
 * what a person saw to the log lines.
 *
 * <p>The id lives in the routing context, and each handler puts it into the MDC for as long as it
 * runs ({@link #carried}): a request's handlers can run on different virtual threads once an
 * asynchronous step (reading the body, loading the session) lies between them, so a value put in
 * the MDC by the first handler is not to be relied on later, and a thread must not keep it after.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String CONTEXT_KEY = "requestId";
    /** What a proxy's id may look like: short, and nothing that could forge or break a log line. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final boolean trustProxy;

    /** @param trustProxy true behind our own reverse proxy: its {@code X-Request-Id} is taken as the id */
    public RequestId(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /** The first handler of every request. */
    public void assign(RoutingContext ctx) {
        String incoming = trustProxy ? ctx.request().getHeader(HEADER) : null;
        String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : generate();
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        carried(RoutingContext::next).handle(ctx);
    }

    /** The request's id, or null before {@link #assign} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    /** The handler with the request's id in the MDC while it runs, and the MDC as it was afterwards. */
    public static Handler<RoutingContext> carried(Handler<RoutingContext> handler) {
        return ctx -> {
            String previous = MDC.get(MDC_KEY);
            String id = of(ctx);
            if (id != null) {
                MDC.put(MDC_KEY, id);
            }
            try {
                handler.handle(ctx);
            } finally {
                if (previous == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, previous);
                }
            }
        };
    }

    /** 64 random bits in hex: unique enough to find a request's lines, short enough to read out on the phone. */
    private static String generate() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}

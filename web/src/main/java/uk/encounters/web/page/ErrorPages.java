package uk.encounters.web.page;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.Database;
import uk.encounters.web.observe.AccessLog;
import uk.encounters.web.observe.RequestId;

/** What a person sees when a page is missing or something failed; never a stack trace. */
public final class ErrorPages {

    /** @param requestId for a failure on our side only: what to quote to support; null otherwise */
    public record ErrorPage(int status, String heading, String explanation, String requestId) {}

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    public void notFound(RoutingContext ctx) {
        ctx.fail(404);
    }

    public void showFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure != null && Database.isUnavailable(failure)) {
            status = 503;
            log.warn(
                    "Database unavailable for {} {}: {}",
                    ctx.request().method(),
                    AccessLog.loggablePath(ctx),
                    failure.toString());
        } else if (status < 400 || status >= 500) {
            status = status < 400 ? 500 : status;
            log.error("Failed {} {}", ctx.request().method(), AccessLog.loggablePath(ctx), failure);
        }
        String title = switch (status) {
            case 403 -> "You do not have access to this page";
            case 404 -> "Page not found";
            case 413 -> "That was too large to send";
            case 429 -> "Too many attempts";
            case 503 -> "Sorry, the service is unavailable";
            default -> status < 500 ? "Something was wrong with that request" : "Sorry, something went wrong";
        };
        String explanation = switch (status) {
            case 403 -> "Your account cannot see this page or do this: check you are signed in as the right person.";
            case 404 -> "Check the address. If you followed a link, it may be out of date.";
            case 503 ->
                "We cannot reach our database just now. Try again in a minute; nothing you saved has been lost.";
            case 413 -> "Forms here are small: shorten what you entered and send it again.";
            case 429 -> "For your security we limit how often this can be tried. Wait a while, then try again.";
            default ->
                status < 500
                        ? "Check what you sent and try again."
                        : "The problem has been logged. Try again; if it keeps happening, tell your enterprise coordinator.";
        };
        if (status == 503) {
            ctx.response().putHeader("Retry-After", "30");
        }
        // the request id is what support needs to find this request's log lines
        String requestId = status >= 500 ? RequestId.of(ctx) : null;
        templates.render(ctx, status, "error/error", title, new ErrorPage(status, title, explanation, requestId));
    }
}

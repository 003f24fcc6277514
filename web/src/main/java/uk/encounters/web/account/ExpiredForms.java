package uk.encounters.web.account;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.web.observe.AccessLog;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CsrfCheck;
import uk.encounters.web.security.CurrentUser;

/**
 * What someone sees when the CSRF check refuses their form: never a dead end. Nothing of the form
 * is done; the page says the form has expired, carries a fresh token (so Sign out in its header
 * works) and leads back to the page the form was on, or to signing in again. Sign out itself
 * always signs out: a person wanting to leave is never kept in by an old form (a forged sign-out
 * from another site carries no session cookie, which is SameSite=Lax, so there is nothing to end).
 */
public final class ExpiredForms {

    /**
     * @param signedIn whether the session still has someone signed in
     * @param back the page the form was on, when the browser said; null otherwise
     * @param signIn where to sign in again, coming back to that page
     */
    public record ExpiredFormPage(boolean signedIn, String back, String signIn) {}

    private static final Logger log = LoggerFactory.getLogger(ExpiredForms.class);

    private final CsrfCheck csrf;
    private final CurrentUser currentUser;
    private final Handler<RoutingContext> signOut;
    private final Templates templates;

    /** @param signOut what Sign out does when its form is accepted */
    public ExpiredForms(CsrfCheck csrf, CurrentUser currentUser, Handler<RoutingContext> signOut, Templates templates) {
        this.csrf = csrf;
        this.currentUser = currentUser;
        this.signOut = signOut;
        this.templates = templates;
    }

    /** A failure handler: answers a form the CSRF check refused, and passes on any other failure. */
    public void show(RoutingContext ctx) {
        if (!CsrfCheck.refused(ctx) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        log.info(
                "Refused the form sent to {} {}: {}",
                ctx.request().method(),
                AccessLog.loggablePath(ctx),
                ctx.failure() == null ? "a malformed token" : ctx.failure().getMessage());
        currentUser.identify(ctx);
        if ("/sign-out".equals(ctx.normalizedPath())) {
            signOut.handle(ctx);
            return;
        }
        csrf.issueFresh(ctx);
        String back = formPage(ctx);
        String signIn = back == null ? "/sign-in" : "/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        templates.render(
                ctx,
                403,
                "account/form-expired",
                "This form has expired",
                new ExpiredFormPage(CurrentUser.of(ctx) != null, back, signIn));
    }

    /**
     * The page the form was on, from the Referer (our pages send it to our own site only), as a
     * path in the shape of ours; null when there is none. Only its path is used, so a link from
     * elsewhere can lead nowhere but to a page of this site.
     */
    static String formPage(RoutingContext ctx) {
        String referer = ctx.request().getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI page = new URI(referer);
            String path = page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
            return page.getRawPath() != null && SignInRoutes.isSafeNext(path) ? path : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import uk.encounters.marketplace.privacy.Erasure;
import uk.encounters.marketplace.privacy.SubjectAccess;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The administrator's answers to a person's data-protection requests (docs/privacy.md): download
 * everything held about an email address, or erase it after a confirmation. Both are POSTs, so
 * the address never appears in a URL or an access log.
 */
public final class PrivacyRoutes {

    public record PrivacyPage() {}

    /** What erasing {@code email} would touch, to confirm. */
    public record ErasePage(String email, SubjectAccess.Held held) {}

    private final SubjectAccess subjectAccess;
    private final Erasure erasure;
    private final Blocking blocking;
    private final Templates templates;

    public PrivacyRoutes(SubjectAccess subjectAccess, Erasure erasure, Blocking blocking, Templates templates) {
        this.subjectAccess = subjectAccess;
        this.erasure = erasure;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /admin). */
    public void mount(Routes routes) {
        Routes admin = routes.admin();
        admin.get("/privacy", this::initPrivacyForm);
        admin.post("/privacy/export", this::processExport);
        admin.post("/privacy/erase", this::processErasure);
    }

    public void initPrivacyForm(RoutingContext ctx) {
        showForm(ctx, 200, Form.blank());
    }

    public void processExport(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Their email address");
        if (form.hasErrors()) {
            showForm(ctx, 422, form);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        String file = blocking.call(() -> subjectAccess.export(email, actor, ip));
        ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"personal-data.json\"")
                .putHeader("Cache-Control", "no-store")
                .end(file);
    }

    /** Without {@code confirm=yes}, shows what would be erased and asks; with it, erases. */
    public void processErasure(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Their email address");
        if (!form.hasErrors()
                && email.toLowerCase(Locale.ROOT)
                        .equals(CurrentUser.of(ctx).email().toLowerCase(Locale.ROOT))) {
            form.error("email", "You cannot erase your own account: ask another administrator");
        }
        if (form.hasErrors()) {
            showForm(ctx, 422, form);
            return;
        }
        if (!"yes".equals(form.text("confirm", "Confirmation", 3))) {
            SubjectAccess.Held held = blocking.call(() -> subjectAccess.held(email));
            templates.render(ctx, "admin/privacy-erase", "Erase " + email + "?", new ErasePage(email, held));
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        Erasure.Result erased = blocking.call(() -> erasure.erase(email, actor, ip));
        Flash.set(
                ctx,
                erased.anything()
                        ? "Erased: " + erased.accounts() + " account(s) and " + erased.volunteers()
                                + " volunteer record(s)."
                        : "Nothing held under that address needed erasing.");
        ctx.redirect("/admin/privacy");
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        templates.render(ctx, status, "admin/privacy", "Privacy requests", new PrivacyPage(), form);
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.school.SchoolLinks;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The school's enterprise advisers and linked employer: who hears of its bookings, whom matching prefers. */
public final class SchoolLinksRoutes {

    public record LinksPage(long schoolId, SchoolLinks.Links links, List<Choice> employers) {}

    public record Choice(long id, String name, boolean selected) {}

    private final SchoolLinks links;
    private final Blocking blocking;
    private final Templates templates;

    public SchoolLinksRoutes(SchoolLinks links, Blocking blocking, Templates templates) {
        this.links = links;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/links", this::showLinks);
        school.post("/links", this::processLinks);
    }

    public void showLinks(RoutingContext ctx) {
        showLinks(ctx, 200, Form.blank(), null);
    }

    public void processLinks(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Optional<SchoolLinks.Links> now = blocking.call(() -> links.of(schoolId));
        if (now.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Form form = Form.of(ctx);
        List<String> allowed =
                now.get().employers().stream().map(e -> String.valueOf(e.id())).toList();
        String employer = form.optionalChoice("linkedEmployer", "The linked employer", allowed);
        boolean digest = form.checked("digestToAdvisers");
        if (form.hasErrors()) {
            showLinks(ctx, 422, form, employer);
            return;
        }
        Long linked = employer == null ? null : Long.valueOf(employer);
        boolean saved = blocking.call(() -> links.save(CurrentUser.actor(ctx), schoolId, linked, digest));
        if (!saved) {
            form.error("linkedEmployer", "Choose one of the hub's organisations");
            showLinks(ctx, 422, form, null);
            return;
        }
        Flash.set(ctx, "Saved.");
        ctx.redirect("/schools/" + schoolId + "/links");
    }

    private void showLinks(RoutingContext ctx, int status, Form form, String chosen) {
        long schoolId = PathId.required(ctx, "schoolId");
        Optional<SchoolLinks.Links> shown = blocking.call(() -> links.of(schoolId));
        if (shown.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Long selected = chosen != null ? Long.valueOf(chosen) : shown.get().linkedEmployerId();
        List<Choice> employers = shown.get().employers().stream()
                .map(e -> new Choice(e.id(), e.name(), selected != null && e.id() == selected))
                .toList();
        templates.render(
                ctx,
                status,
                "school/links",
                "Enterprise advisers and linked employer",
                new LinksPage(schoolId, shown.get(), employers),
                form);
    }
}

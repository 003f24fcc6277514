package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Invitations;
import uk.encounters.web.employer.HubChoices;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** The administrator's pages: hubs and their coordinators, the audit log, and the outbox. */
public final class AdminRoutes {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Invitations invitations;
    private final HubChoices hubChoices;

    public AdminRoutes(
            Database database, Blocking blocking, Templates templates, Invitations invitations, HubChoices hubChoices) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.invitations = invitations;
        this.hubChoices = hubChoices;
    }

    /** Its routes (under /admin). */
    public void mount(Routes routes) {
        Routes admin = routes.admin();
        admin.get("", this::showHubs);
        admin.post("/hubs", this::processHubForm);
        admin.get("/hubs/:hubId", this::showHub);
        admin.post("/hubs/:hubId/coordinators", this::processCoordinatorForm);
        admin.get("/audit", this::showAudit);
        admin.get("/outbox", this::showOutbox);
        admin.get("/outbox/:messageId", this::showOutboxMessage);
    }

    public void showHubs(RoutingContext ctx) {
        showHubs(ctx, 200, Form.blank());
    }

    public void processHubForm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String name = form.required("name", "The hub's name", 200);
        String area = form.required("area", "The area it covers", 100);
        if (!name.isEmpty() && blocking.call(() -> hubs().nameTaken(name))) {
            form.error("name", "There is already a hub called " + name);
        }
        if (form.hasErrors()) {
            showHubs(ctx, 422, form);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        long hubId = blocking.call(() -> database.dsl().transactionResult(c -> {
            long id = new HubRepository(c.dsl()).create(name, area);
            new AuditLog(c.dsl()).record(actor, "hub_created", "hub", id, Map.of("name", name, "area", area), ip);
            return id;
        }));
        hubChoices.forget();
        Flash.set(ctx, "Hub " + name + " created. Invite its enterprise coordinator below.");
        ctx.redirect("/admin/hubs/" + hubId);
    }

    public void showHub(RoutingContext ctx) {
        showHub(ctx, 200, Form.blank());
    }

    public void processCoordinatorForm(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        var hub = blocking.call(() -> hubs().findById(hubId));
        if (hub.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Form form = Form.of(ctx);
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        if (form.hasErrors()) {
            showHub(ctx, 422, form);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            invitations.invite(
                    c.dsl(),
                    email,
                    name,
                    Scope.coordinator(hubId),
                    "enterprise coordinator for " + hub.get().name(),
                    actor,
                    ip);
            return null;
        }));
        Flash.set(
                ctx, name + " is now an enterprise coordinator for " + hub.get().name() + ".");
        ctx.redirect("/admin/hubs/" + hubId);
    }

    public void showAudit(RoutingContext ctx) {
        var entries = blocking.call(() -> new AuditLog(database.dsl()).findRecent(200));
        templates.render(ctx, "admin/audit", "Audit log", Map.of("entries", entries));
    }

    public void showOutbox(RoutingContext ctx) {
        var messages = blocking.call(() -> new Outbox(database.dsl()).findRecent(200));
        templates.render(ctx, "admin/outbox", "Outbox", Map.of("messages", messages));
    }

    /** One message, with its links made followable: in the demo this is how people get their emails. */
    public void showOutboxMessage(RoutingContext ctx) {
        long id = PathId.required(ctx, "messageId");
        var message = blocking.call(() -> new Outbox(database.dsl()).findById(id));
        if (message.isEmpty()) {
            ctx.fail(404);
            return;
        }
        var attachments = blocking.call(() -> new Outbox(database.dsl()).attachmentsOf(id)).stream()
                .map(a -> Map.of(
                        "filename",
                        a.filename(),
                        "contentType",
                        a.contentType(),
                        "bytes",
                        String.format(java.util.Locale.UK, "%,d", a.content().length)))
                .toList();
        templates.render(
                ctx,
                "admin/outbox-message",
                message.get().subject(),
                Map.of(
                        "message",
                        message.get(),
                        "body",
                        withLinks(message.get().bodyText()),
                        "attachments",
                        attachments));
    }

    /** The body as text and link pieces, so the template escapes text and renders only real links. */
    static List<Map<String, String>> withLinks(String body) {
        List<Map<String, String>> pieces = new ArrayList<>();
        Matcher m = LINK.matcher(body);
        int at = 0;
        while (m.find()) {
            pieces.add(Map.of("text", body.substring(at, m.start())));
            pieces.add(Map.of("href", m.group()));
            at = m.end();
        }
        pieces.add(Map.of("text", body.substring(at)));
        return pieces;
    }

    private void showHubs(RoutingContext ctx, int status, Form form) {
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("hubs", blocking.call(() -> hubs().findAll()));
        templates.render(ctx, status, "admin/hubs", "Hubs", model);
    }

    private void showHub(RoutingContext ctx, int status, Form form) {
        long hubId = PathId.required(ctx, "hubId");
        var hub = blocking.call(() -> hubs().findById(hubId));
        if (hub.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("hub", hub.get());
        model.put(
                "coordinators",
                blocking.call(() -> new AccountRepository(database.dsl()).findByHub(hubId)).stream()
                        .filter(a -> a.scopes().contains(Scope.coordinator(hubId)))
                        .toList());
        templates.render(ctx, status, "admin/hub", hub.get().name(), model);
    }

    private HubRepository hubs() {
        return new HubRepository(database.dsl());
    }
}

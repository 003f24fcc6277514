package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditEntry;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.hub.HubCreation;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxEntry;
import uk.encounters.web.Blocking;
import uk.encounters.web.employer.HubChoices;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The administrator's pages: hubs and their coordinators, the audit log, and the outbox. */
public final class AdminRoutes {

    public record HubsPage(List<HubRepository.Hub> hubs) {}

    public record HubPage(HubRepository.Hub hub, List<Account> coordinators) {}

    public record AuditPage(List<AuditEntry> entries) {}

    public record OutboxPage(List<OutboxEntry> messages) {}

    /** @param body the text with its links made followable, in pieces */
    public record OutboxMessagePage(OutboxEntry message, List<BodyPiece> body, List<AttachmentLine> attachments) {}

    /** A piece of a message's body: text to escape, or a link ({@code href}) to render as one. */
    public record BodyPiece(String text, String href) {}

    /** @param bytes its size, with thousands separators */
    public record AttachmentLine(String filename, String contentType, String bytes) {}

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final HubRepository hubs;
    private final HubCreation hubCreation;
    private final AccountRepository accounts;
    private final Invitations invitations;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final Blocking blocking;
    private final Templates templates;
    private final HubChoices hubChoices;
    private final PathEntity<HubRepository.Hub> hub;
    private final PathEntity<OutboxEntry> message;

    public AdminRoutes(
            HubRepository hubs,
            HubCreation hubCreation,
            AccountRepository accounts,
            Invitations invitations,
            AuditLog auditLog,
            Outbox outbox,
            Blocking blocking,
            Templates templates,
            HubChoices hubChoices) {
        this.hubs = hubs;
        this.hubCreation = hubCreation;
        this.accounts = accounts;
        this.invitations = invitations;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.blocking = blocking;
        this.templates = templates;
        this.hubChoices = hubChoices;
        this.hub = new PathEntity<>("hub", blocking, ctx -> hubs.findById(PathId.required(ctx, "hubId")));
        this.message = new PathEntity<>("message", blocking, ctx -> outbox.findById(PathId.required(ctx, "messageId")));
    }

    /** Its routes (under /admin). */
    public void mount(Routes routes) {
        Routes admin = routes.admin();
        admin.get("", this::showHubs);
        admin.post("/hubs", this::processHubForm);
        Routes oneHub = admin.under("/hubs/:hubId").loading(hub);
        oneHub.get("", this::showHub);
        oneHub.post("/coordinators", this::processCoordinatorForm);
        admin.get("/audit", this::showAudit);
        admin.get("/outbox", this::showOutbox);
        admin.under("/outbox/:messageId").loading(message).get("", this::showOutboxMessage);
    }

    public void showHubs(RoutingContext ctx) {
        showHubs(ctx, 200, Form.blank());
    }

    public void processHubForm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String name = form.required("name", "The hub's name", 200);
        String area = form.required("area", "The area it covers", 100);
        if (!name.isEmpty() && blocking.call(() -> hubs.nameTaken(name))) {
            form.error("name", "There is already a hub called " + name);
        }
        if (form.hasErrors()) {
            showHubs(ctx, 422, form);
            return;
        }
        long hubId = blocking.call(() -> hubCreation.create(CurrentUser.actor(ctx), name, area));
        hubChoices.forget();
        Flash.set(ctx, "Hub " + name + " created. Invite its enterprise coordinator below.");
        ctx.redirect("/admin/hubs/" + hubId);
    }

    public void showHub(RoutingContext ctx) {
        showHub(ctx, 200, Form.blank());
    }

    public void processCoordinatorForm(RoutingContext ctx) {
        HubRepository.Hub to = hub.of(ctx);
        Form form = Form.of(ctx);
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        if (form.hasErrors()) {
            showHub(ctx, 422, form);
            return;
        }
        blocking.call(() -> invitations.invite(
                CurrentUser.actor(ctx),
                email,
                name,
                Scope.coordinator(to.id()),
                "enterprise coordinator for " + to.name()));
        Flash.set(ctx, name + " is now an enterprise coordinator for " + to.name() + ".");
        ctx.redirect("/admin/hubs/" + to.id());
    }

    public void showAudit(RoutingContext ctx) {
        templates.render(ctx, "admin/audit", "Audit log", new AuditPage(blocking.call(() -> auditLog.findRecent(200))));
    }

    public void showOutbox(RoutingContext ctx) {
        templates.render(ctx, "admin/outbox", "Outbox", new OutboxPage(blocking.call(() -> outbox.findRecent(200))));
    }

    /** One message, with its links made followable: in the demo this is how people get their emails. */
    public void showOutboxMessage(RoutingContext ctx) {
        OutboxEntry shown = message.of(ctx);
        List<AttachmentLine> attachments = blocking.call(() -> outbox.attachmentsOf(shown.id())).stream()
                .map(a -> new AttachmentLine(
                        a.filename(), a.contentType(), String.format(Locale.UK, "%,d", a.content().length)))
                .toList();
        templates.render(
                ctx,
                "admin/outbox-message",
                shown.subject(),
                new OutboxMessagePage(shown, withLinks(shown.bodyText()), attachments));
    }

    /** The body as text and link pieces, so the template escapes text and renders only real links. */
    static List<BodyPiece> withLinks(String body) {
        List<BodyPiece> pieces = new ArrayList<>();
        Matcher m = LINK.matcher(body);
        int at = 0;
        while (m.find()) {
            pieces.add(new BodyPiece(body.substring(at, m.start()), null));
            pieces.add(new BodyPiece(null, m.group()));
            at = m.end();
        }
        pieces.add(new BodyPiece(body.substring(at), null));
        return pieces;
    }

    private void showHubs(RoutingContext ctx, int status, Form form) {
        templates.render(ctx, status, "admin/hubs", "Hubs", new HubsPage(blocking.call(hubs::findAll)), form);
    }

    private void showHub(RoutingContext ctx, int status, Form form) {
        HubRepository.Hub shown = hub.of(ctx);
        List<Account> coordinators = blocking.call(() -> accounts.findHolding(Scope.coordinator(shown.id())));
        templates.render(ctx, status, "admin/hub", shown.name(), new HubPage(shown, coordinators), form);
    }
}

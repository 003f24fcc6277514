package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.PaperworkStanding;
import uk.encounters.marketplace.placement.PlacementDocumentRepository.DocumentContent;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * The organisation's placement paperwork: what it has declared, whether that holds, declaring again
 * once a year (the form starts from what is in force, and files not sent again are kept), and the
 * files themselves, downloaded only by those who may see the page. The form's fields are {@link
 * PaperworkForm}'s.
 */
public final class PlacementPaperworkRoutes {

    /** The page: the standing, the declaration in force and the ones before, and the form to declare again. */
    public record PaperworkPage(
            Employer employer,
            PaperworkStanding standing,
            Declaration current,
            List<Declaration> earlier,
            boolean answering,
            boolean sendingFile,
            List<PaperworkForm.HazardRow> hazards,
            PaperworkForm.FileHints fileHints,
            String accept,
            String action,
            String documents) {}

    private static final String TITLE = "Placement paperwork";

    private final PlacementPaperwork paperwork;
    private final PathEntity<Employer> employer;
    private final PathEntity<DocumentContent> document;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    /**
     * @param employer the organisation {@code :employerId} names
     * @param document the file {@code :documentId} names, of that organisation
     */
    public PlacementPaperworkRoutes(
            PlacementPaperwork paperwork,
            PathEntity<Employer> employer,
            PathEntity<DocumentContent> document,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.paperwork = paperwork;
        this.employer = employer;
        this.document = document;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Its routes (under /employers/:employerId): the organisation's contacts, and the coordinators of
     * each hub it works with, who may declare for a host that sends its papers by email.
     */
    public void mount(Routes routes) {
        Routes employer = routes.employer().under("/placement-paperwork");
        employer.loading(this.employer).get("", this::showPaperwork);
        employer.uploads().loading(this.employer).post("", this::processDeclaration);
        employer.loading(this.employer).loading(document).get("/documents/:documentId", this::showDocument);
    }

    public void showPaperwork(RoutingContext ctx) {
        show(ctx, 200, Form.blank());
    }

    /** Declares anew; nothing is kept (no file, no field) unless all of it can be. */
    public void processDeclaration(RoutingContext ctx) {
        long employerId = employer.of(ctx).id();
        Form form = Form.of(ctx);
        Optional<Declaration> current = blocking.call(() -> paperwork.current(employerId));
        PaperworkForm.Read read = PaperworkForm.read(ctx, form, current, LocalDate.now(clock));
        if (form.hasErrors()) {
            show(ctx, 422, form);
            return;
        }
        blocking.call(() -> paperwork.declare(CurrentUser.actor(ctx), employerId, read.declaration(), read.files()));
        PaperworkStanding standing = blocking.call(() -> paperwork.standing(employerId, LocalDate.now(clock)));
        Flash.set(ctx, "Declared. Your placement paperwork is " + standing.summary() + ".");
        ctx.redirect("/employers/" + employerId + "/placement-paperwork");
    }

    /** A file of the organisation's, as a download. */
    public void showDocument(RoutingContext ctx) {
        PaperworkDownload.send(ctx, document.of(ctx));
    }

    private void show(RoutingContext ctx, int status, Form form) {
        Employer shown = employer.of(ctx);
        LocalDate today = LocalDate.now(clock);
        List<Declaration> history = blocking.call(() -> paperwork.history(shown.id()));
        Optional<Declaration> current = history.stream().findFirst();
        if (form.value("insurer") == null) {
            PaperworkForm.prefill(form, current);
        }
        List<Declaration> earlier = new ArrayList<>(history.subList(Math.min(1, history.size()), history.size()));
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) form.model().get("fieldErrors");
        templates.render(
                ctx,
                status,
                "employer/placement-paperwork",
                TITLE,
                new PaperworkPage(
                        shown,
                        PaperworkStanding.of(current, today),
                        current.orElse(null),
                        earlier,
                        PaperworkForm.ANSWERED.equals(form.value(PaperworkForm.RISK_MODE)),
                        PaperworkForm.FILE.equals(form.value(PaperworkForm.RISK_MODE)),
                        PaperworkForm.hazardRows(form, errors),
                        PaperworkForm.FileHints.of(current),
                        PaperworkForm.ACCEPT,
                        "/employers/" + shown.id() + "/placement-paperwork",
                        "/employers/" + shown.id() + "/placement-paperwork/documents"),
                form);
    }
}

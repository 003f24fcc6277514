package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.Placement;
import uk.encounters.marketplace.placement.PlacementAnswers;
import uk.encounters.marketplace.placement.PlacementChecks;
import uk.encounters.marketplace.placement.PlacementDocumentRepository;
import uk.encounters.marketplace.placement.PlacementLinks;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementProgress;
import uk.encounters.marketplace.placement.PlacementReadiness;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.marketplace.placement.PlacementStep;
import uk.encounters.marketplace.placement.SignOff;
import uk.encounters.marketplace.placement.SignOffDecision;
import uk.encounters.web.Blocking;
import uk.encounters.web.WebServer;
import uk.encounters.web.account.Links;
import uk.encounters.web.employer.PaperworkDownload;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A school's work-experience placements, one per pupil placed: where each stands, the host's
 * paperwork to read, and the school's check of it (approved, or sent back with the reason the host
 * is shown). Its careers leaders and its hub's coordinators check; its enterprise advisers read.
 */
public final class PlacementRoutes {

    public record PlacementsPage(long schoolId, List<PlacementLine> placements, long notReady) {}

    /**
     * @param declaration the host's declaration in force; null when none is given yet
     * @param others the other pupils placed from the same booking, checked together when asked
     * @param checkable there is a declaration to check, and the placement is not over
     */
    public record PlacementPage(
            long schoolId,
            Placement placement,
            PlacementReadiness readiness,
            Declaration declaration,
            PlacementProgress progress,
            List<SignOff> checks,
            List<PlacementLine> others,
            boolean checkable,
            boolean approving,
            boolean sendingBack,
            boolean over,
            boolean recordingPaper,
            String documents) {

        /** The school's check of the declaration in force is made: checking again is folded away. */
        public boolean checkDone() {
            return readiness.steps().stream().anyMatch(s -> s.step() == PlacementStep.SCHOOL_CHECK && s.done());
        }
    }

    /**
     * A link just made, to hand over: shown this once (the app keeps only its hash).
     *
     * @param forParent the parent's or carer's link; else the pupil's
     */
    public record LinkPage(
            long schoolId, Placement placement, boolean forParent, String url, String qrCode, LocalDate worksUntil) {}

    private static final String APPROVE = "approve";
    private static final String SEND_BACK = "send-back";

    private final PlacementRepository placements;
    private final PlacementChecks checks;
    private final PlacementLinks links;
    private final PlacementAnswers answers;
    private final Links addresses;
    private final PlacementPaperwork paperwork;
    private final PlacementDocumentRepository documents;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Placement> placement;

    public PlacementRoutes(
            PlacementRepository placements,
            PlacementChecks checks,
            PlacementLinks links,
            PlacementAnswers answers,
            Links addresses,
            PlacementPaperwork paperwork,
            PlacementDocumentRepository documents,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.placements = placements;
        this.checks = checks;
        this.links = links;
        this.answers = answers;
        this.addresses = addresses;
        this.paperwork = paperwork;
        this.documents = documents;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.placement = new PathEntity<>(
                "placement",
                blocking,
                ctx -> placements.find(PathId.required(ctx, "schoolId"), PathId.required(ctx, "placementId")));
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        // the school's own people and its hub's: placements name pupils, which an enterprise adviser never sees
        routes.school().get("/placements", this::showPlacements);
        Routes one = routes.school().under("/placements/:placementId").loading(placement);
        one.get("", this::showPlacement);
        one.post("/check", this::processCheck);
        one.post("/links/parent", ctx -> processLink(ctx, Purpose.PLACEMENT_AGREEMENT));
        one.post("/links/pupil", ctx -> processLink(ctx, Purpose.PLACEMENT_PUPIL));
        one.post("/links/parent/email", ctx -> processEmailedLink(ctx, Purpose.PLACEMENT_AGREEMENT, "parentEmail"));
        one.post("/links/pupil/email", ctx -> processEmailedLink(ctx, Purpose.PLACEMENT_PUPIL, "pupilEmail"));
        one.post("/agreement", this::processPaperAgreement);
        one.get("/documents/:documentId", this::showDocument);
    }

    public void showPlacements(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<PlacementLine> lines = blocking.call(() -> placements.forSchool(schoolId));
        long notReady = lines.stream().filter(l -> !l.readiness().ready()).count();
        templates.render(ctx, "school/placements", "Placements", new PlacementsPage(schoolId, lines, notReady));
    }

    public void showPlacement(RoutingContext ctx) {
        show(ctx, 200, Form.blank());
    }

    /** The school's check, of the declaration the page showed; for the booking's other pupils too when asked. */
    public void processCheck(RoutingContext ctx) {
        Placement checked = placement.of(ctx);
        Form form = Form.of(ctx);
        String decision = form.choice("decision", "Whether the paperwork is in order", List.of(APPROVE, SEND_BACK));
        String reason = SEND_BACK.equals(decision)
                ? form.requiredLines("reason", "What the host needs to put right", 1000)
                : "";
        String read = form.text("declaration", "Declaration", 20);
        if (form.hasErrors()) {
            show(ctx, 422, form);
            return;
        }
        if (!read.matches("\\d{1,18}")) {
            Flash.set(ctx, "Nothing was recorded: read the host's paperwork on this page and check it again.");
            ctx.redirect(path(checked));
            return;
        }
        List<Long> ids = form.checked("together") ? blocking.call(() -> together(checked)) : List.of(checked.id());
        PlacementChecks.Outcome outcome = blocking.call(() -> checks.decide(
                CurrentUser.actor(ctx),
                checked.schoolId(),
                ids,
                Long.parseLong(read),
                APPROVE.equals(decision) ? SignOffDecision.APPROVED : SignOffDecision.SENT_BACK,
                reason));
        Flash.set(
                ctx,
                switch (outcome) {
                    case RECORDED ->
                        (APPROVE.equals(decision) ? "Approved" : "Sent back to " + checked.employerName())
                                + (ids.size() > 1 ? " for " + ids.size() + " pupils." : ".");
                    case DECLARED_AGAIN ->
                        "Nothing was recorded: " + checked.employerName()
                                + " has declared again since you opened the page. Read what it declared now, then check it.";
                    case DOES_NOT_HOLD ->
                        "Nothing was recorded: the paperwork does not hold on every day of the placement,"
                                + " so it cannot be approved. Send it back with what the host must renew.";
                    case NOT_GOING_AHEAD -> "Nothing was recorded: a placement checked is no longer going ahead.";
                });
        ctx.redirect(path(checked));
    }

    /**
     * A new link for the placement's parent or carer, or its pupil, shown once as an address and a
     * QR code to print or pass on.
     */
    public void processLink(RoutingContext ctx, Purpose purpose) {
        Placement shown = placement.of(ctx);
        if (shown.over(LocalDate.now(clock))) {
            Flash.set(ctx, "The placement is over: its links have run out.");
            ctx.redirect(path(shown));
            return;
        }
        String token = blocking.call(() -> links.make(CurrentUser.actor(ctx), shown, purpose));
        String url = addresses.url(new LoginTokenRepository.MintedLink(purpose, shown.id(), token));
        boolean forParent = purpose == Purpose.PLACEMENT_AGREEMENT;
        templates.render(
                ctx,
                "school/placement-link",
                forParent ? "Link for the parent or carer" : "Link for the pupil",
                new LinkPage(
                        shown.schoolId(),
                        shown,
                        forParent,
                        url,
                        LinkQrCode.svg(url, "QR code of the link written below"),
                        shown.endsOn()));
    }

    /** A new link emailed to the address typed, which the app keeps only in the message it sends. */
    public void processEmailedLink(RoutingContext ctx, Purpose purpose, String field) {
        Placement shown = placement.of(ctx);
        Form form = Form.of(ctx);
        String address = form.email(field, "Their email address");
        if (shown.over(LocalDate.now(clock))) {
            form.error(field, "The placement is over: its links have run out");
        }
        if (form.hasErrors()) {
            show(ctx, 422, form);
            return;
        }
        blocking.call(() -> {
            links.email(CurrentUser.actor(ctx), shown, purpose, address, WebServer.PRODUCT_NAME);
            return null;
        });
        Flash.set(ctx, "Sent: a link to this placement is on its way to " + address + ". The address is not kept.");
        ctx.redirect(path(shown));
    }

    /** A parent's or carer's answer on the school's own paper form, recorded by the careers leader. */
    public void processPaperAgreement(RoutingContext ctx) {
        Placement shown = placement.of(ctx);
        Form form = Form.of(ctx);
        ParentAnswerForm.Read read = ParentAnswerForm.read(form);
        if (form.hasErrors()) {
            show(ctx, 422, form);
            return;
        }
        blocking.call(() -> {
            answers.agree(
                    CurrentUser.actor(ctx), shown.id(), read.decision(), read.givenBy(), read.relationship(), true);
            return null;
        });
        Flash.set(ctx, "Recorded: " + read.decision().label() + " by " + read.givenBy() + ".");
        ctx.redirect(path(shown));
    }

    /** A file of the host's declaration in force, for a school checking it; no other file of the host's. */
    public void showDocument(RoutingContext ctx) {
        Placement shown = placement.of(ctx);
        long documentId = PathId.required(ctx, "documentId");
        Optional<PlacementDocumentRepository.DocumentContent> file = blocking.call(() -> paperwork
                .current(shown.employerId())
                .filter(d -> d.cites(documentId))
                .flatMap(d -> documents.findContent(shown.employerId(), documentId)));
        if (file.isEmpty()) {
            ctx.fail(404);
            return;
        }
        PaperworkDownload.send(ctx, file.get());
    }

    /** The placement and the others of its booking (a self-found placement stands alone). */
    private List<Long> together(Placement checked) {
        if (checked.bookingId() == null) {
            return List.of(checked.id());
        }
        return placements.forBooking(checked.schoolId(), checked.bookingId()).stream()
                .map(l -> l.placement().id())
                .toList();
    }

    private static String path(Placement p) {
        return "/schools/" + p.schoolId() + "/placements/" + p.id();
    }

    private void show(RoutingContext ctx, int status, Form form) {
        Placement shown = placement.of(ctx);
        LocalDate today = LocalDate.now(clock);
        Optional<Declaration> declaration = blocking.call(() -> paperwork.current(shown.employerId()));
        PlacementProgress progress = blocking.call(() -> placements.progress(shown.id()));
        List<PlacementLine> others = shown.bookingId() == null
                ? List.of()
                : blocking.call(() -> placements.forBooking(shown.schoolId(), shown.bookingId())).stream()
                        .filter(l -> l.placement().id() != shown.id())
                        .toList();
        templates.render(
                ctx,
                status,
                "school/placement",
                "Placement at " + shown.employerName(),
                new PlacementPage(
                        shown.schoolId(),
                        shown,
                        PlacementReadiness.of(shown, declaration, progress, today),
                        declaration.orElse(null),
                        progress,
                        progress.signOffs(),
                        others,
                        declaration.isPresent() && !shown.over(today),
                        APPROVE.equals(form.value("decision")),
                        SEND_BACK.equals(form.value("decision")),
                        shown.over(today),
                        form.value("givenBy") != null,
                        path(shown) + "/documents"),
                form);
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.placement.InductionPoint;
import uk.encounters.marketplace.placement.ParentAgreement;
import uk.encounters.marketplace.placement.Placement;
import uk.encounters.marketplace.placement.PlacementAnswers;
import uk.encounters.marketplace.placement.PlacementLinks;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementProgress;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PupilReflection;
import uk.encounters.marketplace.placement.WouldConsider;
import uk.encounters.marketplace.school.VisitorArrangementsRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The pages a placed pupil's parent or carer and the pupil open from the links their school handed
 * them, without an account: the parent's agreement, and the pupil's first-day checklist and
 * reflection. A link opens its one placement for its one purpose until the day after the placement;
 * anything else (a wrong, stale or other placement's link) says so and names nothing.
 */
public final class PlacementLinkRoutes {

    /** @param answer the answer given already; null while none is */
    public record ParentPage(PlacementBrief brief, ParentAgreement answer, String action, boolean agreeing) {}

    /** One point of the checklist, ticked as sent. */
    public record PointRow(String code, String label, boolean ticked) {}

    /** One answer to "would you consider this work". */
    public record ConsiderOption(String value, String label, boolean checked) {}

    /**
     * @param reflectionOpen the placement has begun and nothing is written yet
     * @param reflection what the pupil wrote; null while nothing is
     */
    public record PupilPage(
            PlacementBrief brief,
            boolean inducted,
            List<PointRow> points,
            boolean reflectionOpen,
            PupilReflection reflection,
            List<ConsiderOption> considerOptions,
            String action) {}

    private final PlacementRepository placements;
    private final PlacementLinks links;
    private final PlacementAnswers answers;
    private final PlacementPaperwork paperwork;
    private final EmployerRepository employers;
    private final VisitorArrangementsRepository arrangements;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public PlacementLinkRoutes(
            PlacementRepository placements,
            PlacementLinks links,
            PlacementAnswers answers,
            PlacementPaperwork paperwork,
            EmployerRepository employers,
            VisitorArrangementsRepository arrangements,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.placements = placements;
        this.links = links;
        this.answers = answers;
        this.paperwork = paperwork;
        this.employers = employers;
        this.arrangements = arrangements;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public: the link's secret stands for the parent or the pupil). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/placements/:placementId/agreement/:token", ctx -> showParent(ctx, 200, Form.blank()));
        anyone.post("/placements/:placementId/agreement/:token", this::processAgreement);
        anyone.get("/placements/:placementId/pupil/:token", ctx -> showPupil(ctx, 200, Form.blank()));
        anyone.post("/placements/:placementId/pupil/:token/induction", this::processInduction);
        anyone.post("/placements/:placementId/pupil/:token/reflection", this::processReflection);
    }

    public void processAgreement(RoutingContext ctx) {
        Optional<Placement> opened = opened(ctx, Purpose.PLACEMENT_AGREEMENT);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Form form = Form.of(ctx);
        ParentAnswerForm.Read read = ParentAnswerForm.read(form);
        if (form.hasErrors()) {
            showParent(ctx, 422, form);
            return;
        }
        blocking.call(() -> {
            answers.agree(actor(ctx), opened.get().id(), read.decision(), read.givenBy(), read.relationship(), false);
            return null;
        });
        ctx.redirect(address(ctx, "agreement"));
    }

    public void processInduction(RoutingContext ctx) {
        Optional<Placement> opened = opened(ctx, Purpose.PLACEMENT_PUPIL);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Form form = Form.of(ctx);
        Set<InductionPoint> ticked = EnumSet.noneOf(InductionPoint.class);
        form.all("point").forEach(code -> InductionPoint.ofCode(code).ifPresent(ticked::add));
        if (ticked.size() < InductionPoint.values().length) {
            form.error(
                    "point",
                    "Tick each point once you have read about it: ask your school about any you are not sure of");
            showPupil(ctx, 422, form);
            return;
        }
        blocking.call(() -> answers.completeInduction(actor(ctx), opened.get().id(), ticked));
        ctx.redirect(address(ctx, "pupil"));
    }

    public void processReflection(RoutingContext ctx) {
        Optional<Placement> opened = opened(ctx, Purpose.PLACEMENT_PUPIL);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Form form = Form.of(ctx);
        if (LocalDate.now(clock).isBefore(opened.get().startsOn())) {
            form.error("whatTheyDid", "Write about your placement from its first day");
        }
        String did = form.requiredLines("whatTheyDid", "What you did", 2000);
        String learnt = form.requiredLines("whatTheyLearnt", "What you learnt", 2000);
        String consider = form.choice(
                "wouldConsider",
                "Whether you would consider this work",
                Arrays.stream(WouldConsider.values())
                        .map(WouldConsider::getLiteral)
                        .toList());
        if (form.hasErrors()) {
            showPupil(ctx, 422, form);
            return;
        }
        WouldConsider answer = Arrays.stream(WouldConsider.values())
                .filter(w -> w.getLiteral().equals(consider))
                .findFirst()
                .orElseThrow();
        blocking.call(() -> answers.reflect(actor(ctx), opened.get().id(), did, learnt, answer));
        ctx.redirect(address(ctx, "pupil"));
    }

    private void showParent(RoutingContext ctx, int status, Form form) {
        Optional<Placement> opened = opened(ctx, Purpose.PLACEMENT_AGREEMENT);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Placement shown = opened.get();
        PlacementProgress progress = blocking.call(() -> placements.progress(shown.id()));
        templates.render(
                ctx,
                status,
                "school/placement-parent",
                "Work experience at " + shown.employerName(),
                new ParentPage(
                        brief(shown),
                        progress.agreement(),
                        address(ctx, "agreement"),
                        !"refused".equals(form.value("answer"))),
                form);
    }

    private void showPupil(RoutingContext ctx, int status, Form form) {
        Optional<Placement> opened = opened(ctx, Purpose.PLACEMENT_PUPIL);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Placement shown = opened.get();
        PlacementProgress progress = blocking.call(() -> placements.progress(shown.id()));
        List<String> ticked = form.all("point");
        String consider = form.value("wouldConsider");
        templates.render(
                ctx,
                status,
                "school/placement-pupil",
                "Your work experience at " + shown.employerName(),
                new PupilPage(
                        brief(shown),
                        progress.inductedAt() != null,
                        Arrays.stream(InductionPoint.values())
                                .map(p -> new PointRow(p.code(), p.label(), ticked.contains(p.code())))
                                .toList(),
                        progress.reflection() == null && !LocalDate.now(clock).isBefore(shown.startsOn()),
                        progress.reflection(),
                        Arrays.stream(WouldConsider.values())
                                .map(w -> new ConsiderOption(
                                        w.getLiteral(),
                                        w.label(),
                                        w.getLiteral().equals(consider)))
                                .toList(),
                        address(ctx, "pupil")),
                form);
    }

    /** The placement the link opens, going ahead; empty for any link that does not open it. */
    private Optional<Placement> opened(RoutingContext ctx, Purpose purpose) {
        long placementId = PathId.required(ctx, "placementId");
        String token = ctx.pathParam("token");
        return blocking.call(() ->
                links.opens(token, purpose, placementId) ? placements.findGoingAhead(placementId) : Optional.empty());
    }

    private PlacementBrief brief(Placement shown) {
        return blocking.call(() -> new PlacementBrief(
                shown,
                paperwork.current(shown.employerId()).orElse(null),
                employers.findSiteDetails(shown.employerId()),
                arrangements.findOrUsual(shown.schoolId())));
    }

    /** The page's own address, built from the link's parts as checked. */
    private static String address(RoutingContext ctx, String kind) {
        return "/placements/" + PathId.required(ctx, "placementId") + "/" + kind + "/" + ctx.pathParam("token");
    }

    private static Actor actor(RoutingContext ctx) {
        return Actor.anonymous(RateLimit.clientAddress(ctx));
    }

    /** As for every link: a wrong or stale one says so, and names nothing. */
    private void linkExpired(RoutingContext ctx) {
        templates.render(
                ctx, 410, "school/placement-link-expired", "This link does not work", new PlacementLinkExpired());
    }

    /** The page for a link that does not open a placement: it shows nothing of one. */
    public record PlacementLinkExpired() {}
}

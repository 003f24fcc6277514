package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.request.RequestChanges;
import uk.encounters.marketplace.request.RequestDetails;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** A careers leader's requests for encounters and work placements: post, edit or cancel while open. */
public final class RequestRoutes {

    public record RequestsPage(long schoolId, List<RequestRepository.RequestSummary> requests, boolean readOnly) {}

    /** A new request's form, or an existing one's (only an open request can be edited). */
    public record RequestFormPage(
            long schoolId,
            RequestRepository.StoredRequest existing,
            boolean editable,
            String action,
            List<SelectOptions.Option> types,
            List<SelectOptions.Option> years,
            List<SectorBox> sectors,
            List<SelectOptions.Option> employers) {}

    /** The check before cancelling a request, which cannot be undone. */
    public record CancelPage(long schoolId, RequestRepository.StoredRequest request) {

        public String sessions() {
            int n = request.details().sessions();
            return n + (n == 1 ? " session" : " sessions");
        }
    }

    /** One sector's checkbox. */
    public record SectorBox(String value, String id, boolean checked) {}

    static final String NOT_CANCELLABLE =
            "Only an open request can be cancelled; a matched one is changed through its bookings.";

    private final RequestRepository requests;
    private final RequestChanges changes;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<RequestRepository.StoredRequest> request;

    public RequestRoutes(
            RequestRepository requests, RequestChanges changes, Blocking blocking, Templates templates, Clock clock) {
        this.requests = requests;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.request = new PathEntity<>(
                "request",
                blocking,
                ctx -> requests.findStored(PathId.required(ctx, "schoolId"), PathId.required(ctx, "requestId")));
    }

    /** Its routes (under /schools/:schoolId; /requests/plan is mounted before them, by {@link RequestPlanRoutes}). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        routes.schoolReadable().get("/requests", this::showRequests);
        school.get("/requests/new", this::initNewRequest);
        school.post("/requests", this::processNewRequest);
        Routes one = school.under("/requests/:requestId").loading(request);
        one.get("/edit", this::initEditRequest);
        one.post("", this::processEditRequest);
        one.get("/cancel", this::initCancelRequest);
        one.post("/cancel", this::processCancelRequest);
    }

    public void showRequests(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        templates.render(
                ctx,
                "school/requests",
                "Requests",
                new RequestsPage(
                        schoolId,
                        blocking.call(() -> requests.findBySchool(schoolId)),
                        SchoolViewer.readsOnly(ctx, schoolId)));
    }

    public void initNewRequest(RoutingContext ctx) {
        showForm(ctx, 200, Form.withValues(RequestForm.defaults(LocalDate.now(clock))), null);
    }

    /** An existing request, its type's fields filled in. */
    public void initEditRequest(RoutingContext ctx) {
        RequestRepository.StoredRequest existing = request.of(ctx);
        showForm(ctx, 200, Form.withValues(RequestForm.values(existing.details(), LocalDate.now(clock))), existing);
    }

    public void processNewRequest(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Optional<RequestDetails> details = readPosted(ctx, form, null);
        if (details.isEmpty()) {
            showForm(ctx, 422, form, null);
            return;
        }
        Optional<Long> posted = blocking.call(() -> changes.post(CurrentUser.actor(ctx), schoolId, details.get()));
        Flash.set(
                ctx,
                posted.isPresent() ? "Posted: it goes into the next matching round." : RequestPlanRoutes.NOT_IN_HUB);
        // one of "What to request next" goes back to the rest of them, not to the list of requests
        boolean fromSuggestions = "suggestions".equals(form.text("cameFrom", "Where the request came from", 20));
        ctx.redirect("/schools/" + schoolId + (fromSuggestions ? "/progress#next" : "/requests"));
    }

    public void processEditRequest(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        RequestRepository.StoredRequest existing = request.of(ctx);
        Form form = Form.of(ctx);
        Optional<RequestDetails> details = readPosted(ctx, form, existing);
        if (details.isEmpty()) {
            showForm(ctx, 422, form, existing);
            return;
        }
        boolean saved =
                blocking.call(() -> changes.edit(CurrentUser.actor(ctx), schoolId, existing.id(), details.get()));
        Flash.set(
                ctx, saved ? "Saved your changes." : "That request has been matched meanwhile, so it was not changed.");
        ctx.redirect("/schools/" + schoolId + "/requests");
    }

    /** Cancelling cannot be undone, so it is asked once more, with what it means. */
    public void initCancelRequest(RoutingContext ctx) {
        RequestRepository.StoredRequest cancelling = request.of(ctx);
        if (cancelling.status() != RequestStatus.OPEN) {
            Flash.set(ctx, NOT_CANCELLABLE);
            ctx.redirect("/schools/" + cancelling.schoolId() + "/requests");
            return;
        }
        templates.render(
                ctx,
                "school/request-cancel",
                "Cancel this request?",
                new CancelPage(cancelling.schoolId(), cancelling));
    }

    /** Cancels once confirmed on the check's page; without the confirmation, shows that page. */
    public void processCancelRequest(RoutingContext ctx) {
        if (!"yes".equals(ctx.request().getFormAttribute("confirm"))) {
            initCancelRequest(ctx);
            return;
        }
        long schoolId = PathId.required(ctx, "schoolId");
        long requestId = request.of(ctx).id();
        boolean cancelled = blocking.call(() -> changes.cancel(CurrentUser.actor(ctx), schoolId, requestId));
        Flash.set(ctx, cancelled ? "Cancelled: it leaves matching." : NOT_CANCELLABLE);
        ctx.redirect("/schools/" + schoolId + "/requests");
    }

    /** The posted request, checked against today and the employers the school has worked with. */
    private Optional<RequestDetails> readPosted(
            RoutingContext ctx, Form form, RequestRepository.StoredRequest existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<Long, String> employers = blocking.call(() -> requests.employersWorkedWith(schoolId));
        return RequestForm.read(form, LocalDate.now(clock), existing == null, employers);
    }

    private void showForm(RoutingContext ctx, int status, Form form, RequestRepository.StoredRequest existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<Long, String> employers = blocking.call(() -> requests.employersWorkedWith(schoolId));
        // the other type's group, not read from what was sent, shows its defaults
        RequestForm.defaults(LocalDate.now(clock)).forEach((name, value) -> {
            if (form.value(name) == null) {
                form.keep(name, value);
            }
        });
        String sector = form.value("sector");
        Set<String> ticked = Set.of((sector == null ? "" : sector).split(Pattern.quote(Form.TICKED_SEPARATOR)));
        RequestFormPage page = new RequestFormPage(
                schoolId,
                existing,
                existing == null || existing.status() == RequestStatus.OPEN,
                existing == null
                        ? "/schools/" + schoolId + "/requests"
                        : "/schools/" + schoolId + "/requests/" + existing.id(),
                SelectOptions.encounterTypes(form.value("type")),
                SelectOptions.yearGroups(form.value("yearGroup")),
                Sectors.ALL.stream()
                        .map(s -> new SectorBox(s, "sector-" + Sectors.ALL.indexOf(s), ticked.contains(s)))
                        .toList(),
                SelectOptions.of(
                        employers.entrySet(),
                        e -> String.valueOf(e.getKey()),
                        Map.Entry::getValue,
                        form.value("preferredEmployer")));
        templates.render(
                ctx,
                status,
                "school/request-form",
                existing == null ? "Request an encounter" : "Edit request",
                page,
                form);
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
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
import uk.encounters.matcher.domain.EncounterType;
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
        LocalDate today = LocalDate.now(clock);
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("yearGroup", "9");
        defaults.put("pupils", "30");
        defaults.put("sessions", "1");
        defaults.put("from", today.plusWeeks(2).toString());
        defaults.put("until", today.plusWeeks(8).toString());
        defaults.put("morning", "true");
        defaults.put("afternoon", "true");
        defaults.put("inSchool", "true");
        defaults.put("sector", "");
        showForm(ctx, 200, Form.withValues(defaults), null);
    }

    public void initEditRequest(RoutingContext ctx) {
        RequestRepository.StoredRequest existing = request.of(ctx);
        RequestDetails r = existing.details();
        Map<String, String> values = new HashMap<>();
        values.put("type", r.type().code());
        values.put("yearGroup", String.valueOf(r.yearGroup()));
        values.put("pupils", String.valueOf(r.pupils()));
        values.put("sessions", String.valueOf(r.sessions()));
        values.put("from", r.windowStart().toString());
        values.put("until", r.windowEnd().toString());
        values.put("morning", r.mornings() ? "true" : "");
        values.put("afternoon", r.afternoons() ? "true" : "");
        values.put("inSchool", r.inSchool() ? "true" : "");
        values.put("atWorkplace", r.atWorkplace() ? "true" : "");
        values.put("online", r.online() ? "true" : "");
        values.put("sector", String.join(Form.TICKED_SEPARATOR, r.preferredSectors()));
        values.put("preferredEmployer", r.preferredEmployerId() == null ? "" : String.valueOf(r.preferredEmployerId()));
        values.put("sendAdjustments", r.sendAdjustments());
        values.put("notes", r.notes());
        values.put("notesForVolunteer", r.notesForVolunteer());
        showForm(ctx, 200, Form.withValues(values), existing);
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
        return read(form, LocalDate.now(clock), existing == null, employers);
    }

    static Optional<RequestDetails> read(Form form, LocalDate today, boolean isNew, Map<Long, String> employers) {
        String type = form.choice(
                "type",
                "What you need",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        int year = form.integer("yearGroup", "Year group", 7, 13);
        int pupils = form.integer("pupils", "Pupils per session (places, for a placement)", 1, 300);
        int sessions = form.integer("sessions", "Number of sessions", 1, 20);
        LocalDate from = form.date("from", "The first date");
        LocalDate until = form.date("until", "The last date");
        if (isNew && from != null && from.isBefore(today)) {
            form.error("from", "The first date must be today or later");
        }
        if (from != null && until != null && until.isBefore(from)) {
            form.error("until", "The last date must be the same as or after the first");
        }
        if (from != null && until != null && until.isAfter(from.plusYears(1))) {
            form.error("until", "Ask for dates within a year; post another request for later");
        }
        boolean mornings = form.checked("morning");
        boolean afternoons = form.checked("afternoon");
        if (!mornings && !afternoons) {
            form.error("morning", "Choose mornings, afternoons or both");
        }
        boolean inSchool = form.checked("inSchool");
        boolean atWorkplace = form.checked("atWorkplace");
        boolean online = form.checked("online");
        if (!inSchool && !atWorkplace && !online) {
            form.error("inSchool", "Choose at least one: in school, at a workplace or online");
        }
        List<String> sectors = form.ticked("sector", "Preferred sectors", Sectors.ALL);
        String employer = form.text("preferredEmployer", "Preferred employer", 20);
        Long employerId = null;
        if (!employer.isEmpty()) {
            employerId = employers.keySet().stream()
                    .filter(id -> String.valueOf(id).equals(employer))
                    .findFirst()
                    .orElse(null);
            if (employerId == null) {
                form.error("preferredEmployer", "Choose an employer your school has worked with, or none");
            }
        }
        String send = form.lines("sendAdjustments", "Adjustments for pupils with SEND", 1000);
        String notes = form.lines("notes", "Notes", 2000);
        String forVolunteer = form.lines("notesForVolunteer", "Notes for the volunteer", 1000);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        EncounterType encounterType = EncounterType.fromCode(type);
        if (encounterType == EncounterType.WORK_EXPERIENCE && !atWorkplace) {
            // a placement happens at the employer's, whatever was ticked
            atWorkplace = true;
        }
        return Optional.of(new RequestDetails(
                encounterType,
                year,
                pupils,
                encounterType == EncounterType.WORK_EXPERIENCE ? 1 : sessions,
                from,
                until,
                mornings,
                afternoons,
                inSchool,
                atWorkplace,
                online,
                sectors,
                employerId,
                send,
                notes,
                forVolunteer));
    }

    private void showForm(RoutingContext ctx, int status, Form form, RequestRepository.StoredRequest existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<Long, String> employers = blocking.call(() -> requests.employersWorkedWith(schoolId));
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

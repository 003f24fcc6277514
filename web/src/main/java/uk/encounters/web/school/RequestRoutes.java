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
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.request.RequestDetails;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** A careers leader's requests for encounters and work placements: post, edit or cancel while open. */
public final class RequestRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public RequestRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/requests", this::showRequests);
        school.get("/requests/new", this::initNewRequest);
        school.post("/requests", this::processNewRequest);
        school.get("/requests/:requestId/edit", this::initEditRequest);
        school.post("/requests/:requestId", this::processEditRequest);
        school.post("/requests/:requestId/cancel", this::processCancelRequest);
    }

    public void showRequests(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<RequestRepository.RequestSummary> requests =
                blocking.call(() -> new RequestRepository(database.dsl()).findBySchool(schoolId));
        templates.render(ctx, "school/requests", "Requests", Map.of("schoolId", schoolId, "requests", requests));
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
        Optional<RequestRepository.StoredRequest> request = ownRequest(ctx);
        if (request.isEmpty()) {
            ctx.fail(404);
            return;
        }
        RequestDetails r = request.get().details();
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
        showForm(ctx, 200, Form.withValues(values), request.get());
    }

    public void processNewRequest(RoutingContext ctx) {
        save(ctx, null);
    }

    public void processEditRequest(RoutingContext ctx) {
        Optional<RequestRepository.StoredRequest> request = ownRequest(ctx);
        if (request.isEmpty()) {
            ctx.fail(404);
            return;
        }
        save(ctx, request.get());
    }

    public void processCancelRequest(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Optional<Long> requestId = PathId.of(ctx, "requestId");
        if (requestId.isEmpty()) {
            ctx.fail(404);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        boolean cancelled = blocking.call(() -> database.dsl().transactionResult(c -> {
            boolean done = new RequestRepository(c.dsl()).cancel(schoolId, requestId.get());
            if (done) {
                new AuditLog(c.dsl()).record(actor, "request_cancelled", "request", requestId.get(), Map.of(), ip);
            }
            return done;
        }));
        Flash.set(
                ctx,
                cancelled
                        ? "Cancelled."
                        : "Only an open request can be cancelled; a matched one is changed through its bookings.");
        ctx.redirect("/schools/" + schoolId + "/requests");
    }

    private void save(RoutingContext ctx, RequestRepository.StoredRequest existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<Long, String> employers =
                blocking.call(() -> new RequestRepository(database.dsl()).employersWorkedWith(schoolId));
        Form form = Form.of(ctx);
        Optional<RequestDetails> request = read(form, LocalDate.now(clock), existing == null, employers);
        if (request.isEmpty()) {
            showForm(ctx, 422, form, existing);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        boolean saved = blocking.call(() -> database.dsl().transactionResult(c -> {
            RequestRepository requests = new RequestRepository(c.dsl());
            if (existing == null) {
                long id = requests.create(schoolId, request.get());
                new AuditLog(c.dsl()).record(actor, "request_posted", "request", id, Map.of(), ip);
                return true;
            }
            boolean done = requests.update(schoolId, existing.id(), request.get());
            if (done) {
                new AuditLog(c.dsl()).record(actor, "request_edited", "request", existing.id(), Map.of(), ip);
            }
            return done;
        }));
        Flash.set(
                ctx,
                !saved
                        ? "That request has been matched meanwhile, so it was not changed."
                        : existing == null ? "Posted: it goes into the next matching round." : "Saved your changes.");
        ctx.redirect("/schools/" + schoolId + "/requests");
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
                notes));
    }

    private Optional<RequestRepository.StoredRequest> ownRequest(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        return PathId.of(ctx, "requestId")
                .flatMap(id -> blocking.call(() -> new RequestRepository(database.dsl()).findStored(schoolId, id)));
    }

    private void showForm(RoutingContext ctx, int status, Form form, RequestRepository.StoredRequest existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<Long, String> employers =
                blocking.call(() -> new RequestRepository(database.dsl()).employersWorkedWith(schoolId));
        Map<String, Object> model = new HashMap<>(form.model());
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) model.get("values");
        model.put("schoolId", schoolId);
        model.put("existing", existing);
        model.put("editable", existing == null || "open".equals(existing.status()));
        model.put(
                "action",
                existing == null
                        ? "/schools/" + schoolId + "/requests"
                        : "/schools/" + schoolId + "/requests/" + existing.id());
        model.put("types", SelectOptions.encounterTypes(values.get("type")));
        model.put("years", SelectOptions.yearGroups(values.get("yearGroup")));
        Set<String> ticked = Set.of(values.getOrDefault("sector", "").split(Pattern.quote(Form.TICKED_SEPARATOR)));
        model.put(
                "sectors",
                Sectors.ALL.stream()
                        .map(s -> Map.of(
                                "value", s, "id", "sector-" + Sectors.ALL.indexOf(s), "checked", ticked.contains(s)))
                        .toList());
        model.put(
                "employers",
                SelectOptions.of(
                        employers.entrySet(),
                        e -> String.valueOf(e.getKey()),
                        Map.Entry::getValue,
                        values.get("preferredEmployer")));
        templates.render(
                ctx, status, "school/request-form", existing == null ? "Request an encounter" : "Edit request", model);
    }
}

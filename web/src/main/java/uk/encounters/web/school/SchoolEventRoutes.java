package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventRegister;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.event.YearGroupGoing;
import uk.encounters.web.Blocking;
import uk.encounters.web.event.EventCancelPage;
import uk.encounters.web.event.EventChangePage;
import uk.encounters.web.event.EventForm;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A school's events: those it posts for its own year groups (a careers fair, a mock-interview day),
 * and its hub's, which it signs year groups up to.
 */
public final class SchoolEventRoutes {

    public record EventsPage(
            long schoolId,
            List<EventRepository.EventSummary> ours,
            List<EventRepository.EventSummary> hubs,
            boolean readOnly) {

        /** Where each event's page is. */
        public String base() {
            return "/schools/" + schoolId + "/events";
        }
    }

    /** One event; a hub's open one has the sign-up form. */
    public record EventPage(
            long schoolId,
            EventRepository.EventView event,
            List<EventRepository.SignUpRow> ourSignUps,
            boolean canSignUp,
            List<SelectOptions.Option> years,
            boolean registerDue,
            boolean registerTaken,
            List<EventRegister.Line> register,
            boolean canChange,
            boolean canCancel) {}

    static final String NOT_IN_HUB = "Your school is not in a Careers Hub yet, so no round would ask employers"
            + " for its stalls. Ask your hub's enterprise coordinator to add it.";

    private final EventRepository events;
    private final EventRegister registers;
    private final EventCancelPage cancelPage;
    private final EventChangePage changePage;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<EventRepository.EventView> event;

    public SchoolEventRoutes(
            EventRepository events,
            EventRegister registers,
            EventChange changes,
            EventCancellation cancellation,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.events = events;
        this.registers = registers;
        this.cancelPage = new EventCancelPage(cancellation, blocking, templates);
        this.changePage = new EventChangePage(changes, blocking, templates, clock);
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.event = new PathEntity<>(
                "event",
                blocking,
                ctx -> events.find(
                        PathId.required(ctx, "eventId"), EventRepository.visibleTo(PathId.required(ctx, "schoolId"))));
    }

    /** Under /schools/:schoolId. */
    public void mount(Routes routes) {
        routes.schoolReadable().get("/events", this::showEvents);
        Routes school = routes.school();
        school.get("/events/new", this::initNewEvent);
        school.post("/events", this::processNewEvent);
        routes.schoolReadable().under("/events/:eventId").loading(event).get("", this::showEvent);
        Routes one = school.under("/events/:eventId").loading(event);
        one.post("/sign-up", this::processSignUp);
        one.post("/withdraw", this::processWithdraw);
        one.post("/register", this::processRegister);
        one.get("/edit", this::initChangeEvent);
        one.post("", this::processChangeEvent);
        one.get("/cancel", this::initCancelEvent);
        one.post("/cancel", this::processCancelEvent);
    }

    public void showEvents(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<EventRepository.EventSummary> all = blocking.call(() -> events.list(EventRepository.visibleTo(schoolId)));
        templates.render(
                ctx,
                "school/events",
                "Events",
                new EventsPage(
                        schoolId,
                        all.stream().filter(e -> !e.hubEvent()).toList(),
                        all.stream()
                                .filter(EventRepository.EventSummary::hubEvent)
                                .toList(),
                        SchoolViewer.readsOnly(ctx, schoolId)));
    }

    public void initNewEvent(RoutingContext ctx) {
        showForm(ctx, 200, Form.withValues(EventForm.defaults(LocalDate.now(clock))));
    }

    public void processNewEvent(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Optional<EventForm.Posted> posted = EventForm.read(form, LocalDate.now(clock), false);
        if (posted.isEmpty()) {
            showForm(ctx, 422, form);
            return;
        }
        Optional<Long> id = blocking.call(() -> events.postForSchool(
                CurrentUser.actor(ctx),
                schoolId,
                posted.get().details(),
                posted.get().going()));
        if (id.isEmpty()) {
            Flash.set(ctx, NOT_IN_HUB);
            ctx.redirect("/schools/" + schoolId + "/events");
            return;
        }
        Flash.set(ctx, "Posted: the next matching round asks employers for its stalls.");
        ctx.redirect("/schools/" + schoolId + "/events/" + id.get());
    }

    public void showEvent(RoutingContext ctx) {
        showEvent(ctx, 200, Form.blank());
    }

    private void showEvent(RoutingContext ctx, int status, Form form) {
        long schoolId = PathId.required(ctx, "schoolId");
        EventRepository.EventView shown = event.of(ctx);
        LocalDate today = LocalDate.now(clock);
        // on the day or after, each school going takes its own pupils' register
        boolean readsOnly = SchoolViewer.readsOnly(ctx, schoolId);
        boolean registerDue = !shown.heldOn().isAfter(today)
                && shown.status() == EventStatus.OPEN
                && !shown.signUpsOf(schoolId).isEmpty()
                && !readsOnly;
        EventRegister.Register register = registerDue
                ? blocking.call(() -> registers.register(shown, schoolId))
                : new EventRegister.Register(List.of(), false);
        templates.render(
                ctx,
                status,
                "school/event",
                shown.title(),
                new EventPage(
                        schoolId,
                        shown,
                        shown.signUpsOf(schoolId),
                        shown.openForSignUp(today) && !readsOnly,
                        SelectOptions.yearGroups(form.value("yearGroup")),
                        registerDue,
                        register.taken(),
                        register.lines(),
                        ours(shown, schoolId) && !readsOnly && changePage.changeable(shown),
                        ours(shown, schoolId)
                                && !readsOnly
                                && EventCancellation.refusal(shown.status(), shown.heldOn(), register.taken(), today)
                                        .isEmpty()),
                form);
    }

    /** The school posted it: a hub's event is the coordinator's to cancel. */
    private static boolean ours(EventRepository.EventView event, long schoolId) {
        return event.schoolId() != null && event.schoolId() == schoolId;
    }

    public void initChangeEvent(RoutingContext ctx) {
        withOwnEvent(ctx, (shown, page) -> changePage.show(ctx, shown, page));
    }

    public void processChangeEvent(RoutingContext ctx) {
        withOwnEvent(ctx, (shown, page) -> changePage.process(ctx, shown, page));
    }

    public void initCancelEvent(RoutingContext ctx) {
        withOwnEvent(ctx, (shown, page) -> cancelPage.show(ctx, shown, page));
    }

    public void processCancelEvent(RoutingContext ctx) {
        withOwnEvent(ctx, (shown, page) -> cancelPage.process(ctx, shown, page, EventCancellation.CancelledBy.SCHOOL));
    }

    private void withOwnEvent(RoutingContext ctx, BiConsumer<EventRepository.EventView, String> action) {
        long schoolId = PathId.required(ctx, "schoolId");
        EventRepository.EventView shown = event.of(ctx);
        String page = "/schools/" + schoolId + "/events/" + shown.id();
        if (!ours(shown, schoolId)) {
            Flash.set(ctx, "Only the hub's coordinator can change or cancel the hub's events.");
            ctx.redirect(page);
            return;
        }
        action.accept(shown, page);
    }

    /** Who came, among the school's pupils of the year groups going: one encounter each for the event. */
    public void processRegister(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        EventRepository.EventView shown = event.of(ctx);
        LocalDate today = LocalDate.now(clock);
        if (shown.heldOn().isAfter(today) || shown.signUpsOf(schoolId).isEmpty()) {
            Flash.set(ctx, "The register is taken on the event's day or after, for the year groups going.");
            ctx.redirect("/schools/" + schoolId + "/events/" + shown.id());
            return;
        }
        Form form = Form.of(ctx);
        Set<Long> listed = ids(form.all("listed"));
        Set<Long> present = ids(form.all("present"));
        EventRegister.Recorded recorded =
                blocking.call(() -> registers.record(CurrentUser.actor(ctx), shown, schoolId, listed, present, today));
        Flash.set(
                ctx,
                "Recorded: " + recorded.attended() + (recorded.attended() == 1 ? " pupil" : " pupils") + " came, "
                        + recorded.absent() + " absent. Each who came has one encounter for the event.");
        ctx.redirect("/schools/" + schoolId + "/events/" + shown.id());
    }

    /** Pupil ids as posted; anything else is not an id and is left out. */
    private static Set<Long> ids(List<String> posted) {
        Set<Long> ids = new HashSet<>();
        for (String id : posted) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                // not one of the register's ids: nothing to record
            }
        }
        return ids;
    }

    /** Signs a year group up to a hub's event, or changes how many go. */
    public void processSignUp(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        EventRepository.EventView shown = event.of(ctx);
        Form form = Form.of(ctx);
        int year = form.integer("yearGroup", "Year group", 7, 13);
        int pupils = form.integer("pupils", "Pupils going", 1, 400);
        boolean transport = form.checked("transportNeeded");
        String notes = form.lines("notes", "Notes for the coordinator", 500);
        if (form.hasErrors()) {
            showEvent(ctx, 422, form);
            return;
        }
        Optional<EventRepository.SignedUp> signedUp = blocking.call(() -> events.signUp(
                CurrentUser.actor(ctx),
                shown.id(),
                schoolId,
                new YearGroupGoing(year, pupils),
                transport,
                notes,
                LocalDate.now(clock)));
        Flash.set(
                ctx,
                signedUp.map(s -> s.allPlaced()
                                ? "Signed up: Year " + year + ", " + pupils + " pupils."
                                : "Signed up, but the event is full: Year " + year + " has " + s.places()
                                        + " places of the "
                                        + pupils + " you asked for. Cold-spot schools and those with the most"
                                        + " disadvantaged pupils are given places first.")
                        .orElse("Sign-up for this event has closed."));
        ctx.redirect("/schools/" + schoolId + "/events/" + shown.id());
    }

    /** Takes a year group off a hub's event: its places go to the others waiting. */
    public void processWithdraw(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        EventRepository.EventView shown = event.of(ctx);
        Form form = Form.of(ctx);
        int year = form.integer("yearGroup", "Year group", 7, 13);
        boolean withdrawn = !form.hasErrors()
                && blocking.call(() ->
                        events.withdraw(CurrentUser.actor(ctx), shown.id(), schoolId, year, LocalDate.now(clock)));
        Flash.set(
                ctx,
                withdrawn
                        ? "Year " + year + " no longer goes: its places are free for other schools."
                        : "That year group is not signed up, or the event's day has come.");
        ctx.redirect("/schools/" + schoolId + "/events/" + shown.id());
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        long schoolId = PathId.required(ctx, "schoolId");
        templates.render(
                ctx,
                status,
                "event/event-form",
                "Post an event at your school",
                EventForm.page(form, "/schools/" + schoolId + "/events", "/schools/" + schoolId + "/events", false),
                form);
    }
}

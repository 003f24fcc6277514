package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.event.EventCancelPage;
import uk.encounters.web.event.EventChangePage;
import uk.encounters.web.event.EventForm;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** A hub's events for several schools (a citywide fair, a sector day), and every school's events in the hub. */
public final class HubEventRoutes {

    public record EventsPage(long hubId, List<EventRepository.EventSummary> events) {

        public String base() {
            return "/hubs/" + hubId + "/events";
        }
    }

    public record EventPage(long hubId, EventRepository.EventView event, boolean canChange, boolean canCancel) {}

    private final EventRepository events;
    private final EventCancelPage cancelPage;
    private final EventChangePage changePage;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<EventRepository.EventView> event;

    public HubEventRoutes(
            EventRepository events,
            EventChange changes,
            EventCancellation cancellation,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.events = events;
        this.changePage = new EventChangePage(changes, blocking, templates, clock);
        this.cancelPage = new EventCancelPage(cancellation, blocking, templates);
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.event = new PathEntity<>(
                "event",
                blocking,
                ctx -> events.find(
                        PathId.required(ctx, "eventId"), EventRepository.ofHub(PathId.required(ctx, "hubId"))));
    }

    /** Under /hubs/:hubId. */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/events", this::showEvents);
        hub.get("/events/new", this::initNewEvent);
        hub.post("/events", this::processNewEvent);
        Routes one = hub.under("/events/:eventId").loading(event);
        one.get("", this::showEvent);
        one.get("/edit", this::initChangeEvent);
        one.post("", this::processChangeEvent);
        one.get("/cancel", this::initCancelEvent);
        one.post("/cancel", this::processCancelEvent);
    }

    public void showEvents(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        templates.render(
                ctx,
                "hub/events",
                "Events",
                new EventsPage(hubId, blocking.call(() -> events.list(EventRepository.ofHub(hubId)))));
    }

    public void initNewEvent(RoutingContext ctx) {
        showForm(ctx, 200, Form.withValues(EventForm.defaults(LocalDate.now(clock))));
    }

    public void processNewEvent(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Form form = Form.of(ctx);
        Optional<EventForm.Posted> posted = EventForm.read(form, LocalDate.now(clock), true);
        if (posted.isEmpty()) {
            showForm(ctx, 422, form);
            return;
        }
        long id = blocking.call(() ->
                events.postForHub(CurrentUser.actor(ctx), hubId, posted.get().details()));
        Flash.set(
                ctx,
                "Posted: the hub's schools can sign year groups up, and the next round asks employers for stalls.");
        ctx.redirect("/hubs/" + hubId + "/events/" + id);
    }

    public void showEvent(RoutingContext ctx) {
        EventRepository.EventView shown = event.of(ctx);
        // a school's register taken on the day is checked when cancelling
        boolean canCancel = shown.hubEvent()
                && EventCancellation.refusal(shown.status(), shown.heldOn(), false, LocalDate.now(clock))
                        .isEmpty();
        templates.render(
                ctx,
                "hub/event",
                shown.title(),
                new EventPage(
                        PathId.required(ctx, "hubId"),
                        shown,
                        shown.hubEvent() && changePage.changeable(shown),
                        canCancel));
    }

    public void initChangeEvent(RoutingContext ctx) {
        withHubEvent(ctx, (shown, page) -> changePage.show(ctx, shown, page));
    }

    public void processChangeEvent(RoutingContext ctx) {
        withHubEvent(ctx, (shown, page) -> changePage.process(ctx, shown, page));
    }

    public void initCancelEvent(RoutingContext ctx) {
        withHubEvent(ctx, (shown, page) -> cancelPage.show(ctx, shown, page));
    }

    public void processCancelEvent(RoutingContext ctx) {
        withHubEvent(
                ctx, (shown, page) -> cancelPage.process(ctx, shown, page, EventCancellation.CancelledBy.COORDINATOR));
    }

    /** A school's own event is the school's to change or cancel. */
    private void withHubEvent(RoutingContext ctx, BiConsumer<EventRepository.EventView, String> action) {
        EventRepository.EventView shown = event.of(ctx);
        String page = "/hubs/" + PathId.required(ctx, "hubId") + "/events/" + shown.id();
        if (!shown.hubEvent()) {
            Flash.set(ctx, "A school's own event is changed or cancelled by the school that posted it.");
            ctx.redirect(page);
            return;
        }
        action.accept(shown, page);
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        long hubId = PathId.required(ctx, "hubId");
        templates.render(
                ctx,
                status,
                "event/event-form",
                "Post an event for the hub's schools",
                EventForm.page(form, "/hubs/" + hubId + "/events", "/hubs/" + hubId + "/events", true),
                form);
    }
}

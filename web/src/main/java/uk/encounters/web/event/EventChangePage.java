package uk.encounters.web.event;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;

/**
 * The form that changes an event already posted (templates/event/event-form.hbs), and the change:
 * the same for a school's event and a hub's, each mounted by its own routes after they have
 * checked who is asking.
 */
public final class EventChangePage {

    static final String NOT_CHANGEABLE = "This event can no longer be changed: it was cancelled, or its day has come.";

    private final EventChange changes;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public EventChangePage(EventChange changes, Blocking blocking, Templates templates, Clock clock) {
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Whether the event may still be changed today. */
    public boolean changeable(EventRepository.EventView event) {
        return EventChange.changeable(event.status(), event.heldOn(), LocalDate.now(clock));
    }

    public void show(RoutingContext ctx, EventRepository.EventView event, String eventPage) {
        if (!changeable(event)) {
            Flash.set(ctx, NOT_CHANGEABLE);
            ctx.redirect(eventPage);
            return;
        }
        show(ctx, 200, event, eventPage, Form.withValues(EventForm.values(event)));
    }

    private void show(RoutingContext ctx, int status, EventRepository.EventView event, String eventPage, Form form) {
        templates.render(
                ctx,
                status,
                "event/event-form",
                "Change " + event.title(),
                EventForm.page(form, eventPage, eventPage, event.hubEvent(), true),
                form);
    }

    public void process(RoutingContext ctx, EventRepository.EventView event, String eventPage) {
        Form form = Form.of(ctx);
        Optional<EventForm.Posted> posted = EventForm.read(form, LocalDate.now(clock), event.hubEvent());
        if (posted.isEmpty()) {
            show(ctx, 422, event, eventPage, form);
            return;
        }
        EventChange.Changed changed = blocking.call(() -> changes.change(
                CurrentUser.actor(ctx),
                event.id(),
                posted.get().details(),
                posted.get().going()));
        int agreed = changed.stallsAgreed();
        String stalls = agreed == 1 ? "1 employer has" : agreed + " employers have";
        switch (changed.outcome()) {
            case CHANGED -> {
                Flash.set(ctx, "Saved your changes.");
                ctx.redirect(eventPage);
            }
            case NOT_CHANGEABLE -> {
                Flash.set(ctx, NOT_CHANGEABLE);
                ctx.redirect(eventPage);
            }
            case MOVED_WITH_STALLS_AGREED -> {
                form.error(
                        "heldOn",
                        stalls + " agreed a stall at the event as it was: its kind, date, time of day and place"
                                + " stay. To move it, cancel it (they are told) and post it again.");
                show(ctx, 422, event, eventPage, form);
            }
            case FEWER_STALLS_THAN_AGREED -> {
                form.error("stallsAny", stalls + " agreed a stall: want at least " + agreed + " stalls in all.");
                show(ctx, 422, event, eventPage, form);
            }
        }
    }
}

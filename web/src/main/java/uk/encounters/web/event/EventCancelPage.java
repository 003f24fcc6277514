package uk.encounters.web.event;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;

/**
 * The check before cancelling an event (templates/event/event-cancel.hbs), which cannot be undone,
 * and the cancelling once confirmed: the same for a school's event and a hub's, each mounted by its
 * own routes after they have checked who is asking.
 */
public final class EventCancelPage {

    /** What the check shows: the event, whom cancelling tells, and where to go back to. */
    public record Page(String action, String backTo, EventRepository.EventView event, int schoolsTold) {}

    private final EventCancellation cancellation;
    private final Blocking blocking;
    private final Templates templates;

    public EventCancelPage(EventCancellation cancellation, Blocking blocking, Templates templates) {
        this.cancellation = cancellation;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** The check, or back to the event with why it can no longer be cancelled. */
    public void show(RoutingContext ctx, EventRepository.EventView event, String eventPage) {
        show(ctx, 200, event, eventPage, Form.blank());
    }

    private void show(RoutingContext ctx, int status, EventRepository.EventView event, String eventPage, Form form) {
        Optional<String> whyNot = blocking.call(() -> cancellation.whyNot(event));
        if (whyNot.isPresent()) {
            Flash.set(ctx, whyNot.get());
            ctx.redirect(eventPage);
            return;
        }
        int schools = (int) event.signUps().stream()
                .map(EventRepository.SignUpRow::schoolId)
                .distinct()
                .count();
        templates.render(
                ctx,
                status,
                "event/event-cancel",
                "Cancel " + event.title() + "?",
                new Page(eventPage + "/cancel", eventPage, event, event.hubEvent() ? schools : 0),
                form);
    }

    /** Cancels once confirmed on the check's page; without the confirmation, shows that page. */
    public void process(
            RoutingContext ctx, EventRepository.EventView event, String eventPage, EventCancellation.CancelledBy by) {
        Form form = Form.of(ctx);
        String reason = form.text("reason", "The reason", 300);
        if (!"yes".equals(ctx.request().getFormAttribute("confirm")) || form.hasErrors()) {
            show(ctx, form.hasErrors() ? 422 : 200, event, eventPage, form);
            return;
        }
        Optional<EventCancellation.Cancelled> cancelled =
                blocking.call(() -> cancellation.cancel(CurrentUser.actor(ctx), event.id(), by, reason));
        Flash.set(
                ctx,
                cancelled
                        .map(c -> "Cancelled. " + (c.stallsStopped() == 1 ? "1 stall" : c.stallsStopped() + " stalls")
                                + " stopped; " + (c.messages() == 1 ? "1 email" : c.messages() + " emails")
                                + " on the way to those who needed telling.")
                        .orElse("This event can no longer be cancelled: it has been cancelled already, its day has"
                                + " passed, or attendance has been recorded."));
        ctx.redirect(eventPage);
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingReplies;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The employer's answers to a booking: yes in one click, no with a reason, and feedback afterwards. */
public final class BookingReplyRoutes {

    /** The decline form (booking/decline) and the feedback form (employer/feedback) alike. */
    public record BookingFormPage(
            long employerId,
            EmployerBooking booking,
            String summary,
            String consequence,
            String hint,
            String action,
            String back,
            List<Rating> ratings) {}

    /** One answer to "how well did the session go?". */
    public record Rating(String value, String label) {}

    static final List<String> RATINGS = List.of("5", "4", "3", "2", "1");
    private static final List<Rating> RATING_LABELS = List.of(
            new Rating("5", "Very well"),
            new Rating("4", "Well"),
            new Rating("3", "All right"),
            new Rating("2", "Not very well"),
            new Rating("1", "Badly"));

    /** What one reply does, signed in as the employer. */
    private interface Answer {
        EmployerBookingRepository.Reply apply(Actor actor, long employerId, long bookingId);
    }

    private final EmployerBookingReplies replies;
    private final PathEntity<EmployerBooking> booking;
    private final Blocking blocking;
    private final Templates templates;

    public BookingReplyRoutes(
            EmployerBookingRepository bookings,
            EmployerBookingReplies replies,
            Blocking blocking,
            Templates templates) {
        this.replies = replies;
        this.blocking = blocking;
        this.templates = templates;
        // another employer's booking is not found
        this.booking = new PathEntity<>(
                "booking",
                blocking,
                ctx -> bookings.find(PathId.required(ctx, "employerId"), PathId.required(ctx, "bookingId")));
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes one = routes.employer().under("/bookings/:bookingId").loading(booking);
        one.post("/confirm", this::processConfirm);
        one.get("/decline", this::initDecline);
        one.post("/decline", this::processDecline);
        one.get("/feedback", this::initFeedback);
        one.post("/feedback", this::processFeedback);
    }

    public void processConfirm(RoutingContext ctx) {
        long bookingId = booking.of(ctx).id();
        reply(
                ctx,
                replies::confirm,
                () -> BookingAnswer.confirmed(
                        "calendar feed", blocking.call(() -> replies.schoolEmailedAbout(bookingId))));
    }

    public void initDecline(RoutingContext ctx) {
        showBookingForm(ctx, 200, Form.blank(), "booking/decline", "Decline a booking");
    }

    /** The reason goes to the coordinator, who re-matches the school's pupils. */
    public void processDecline(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String reason = BookingAnswer.declineReason(form);
        if (form.hasErrors()) {
            showBookingForm(ctx, 422, form, "booking/decline", "Decline a booking");
            return;
        }
        reply(
                ctx,
                (actor, employerId, bookingId) -> replies.decline(actor, employerId, bookingId, reason),
                () -> BookingAnswer.DECLINED);
    }

    public void initFeedback(RoutingContext ctx) {
        showBookingForm(ctx, 200, Form.blank(), "employer/feedback", "How did it go?");
    }

    /** Two questions: how it went, and what would make the next one better. */
    public void processFeedback(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String rating = form.choice("rating", "How it went", RATINGS);
        String comment = form.lines("comment", "What would make the next one better", 2000);
        if (form.hasErrors()) {
            showBookingForm(ctx, 422, form, "employer/feedback", "How did it go?");
            return;
        }
        reply(
                ctx,
                (actor, employerId, bookingId) ->
                        replies.feedback(actor, employerId, bookingId, Integer.parseInt(rating), comment),
                () -> "Thank you for your feedback, and for giving your time.");
    }

    /** @param thanks what to say once the answer is given, read only then */
    private void reply(RoutingContext ctx, Answer answer, Supplier<String> thanks) {
        long employerId = PathId.required(ctx, "employerId");
        long bookingId = booking.of(ctx).id();
        EmployerBookingRepository.Reply reply =
                blocking.call(() -> answer.apply(CurrentUser.actor(ctx), employerId, bookingId));
        switch (reply) {
            case NOT_FOUND -> ctx.fail(404);
            case TOO_LATE -> {
                Flash.set(ctx, "That booking can no longer be changed here. Your enterprise coordinator can help.");
                ctx.redirect("/employers/" + employerId);
            }
            case DONE -> {
                Flash.set(ctx, thanks.get());
                ctx.redirect("/employers/" + employerId);
            }
        }
    }

    private void showBookingForm(RoutingContext ctx, int status, Form form, String view, String title) {
        long employerId = PathId.required(ctx, "employerId");
        EmployerBooking b = booking.of(ctx);
        BookingFormPage page = new BookingFormPage(
                employerId,
                b,
                b.typeLabel() + " for Year " + b.yearGroup() + " at " + b.where() + ", " + b.dates() + " ("
                        + b.periodLabel() + ").",
                BookingAnswer.DECLINE_CONSEQUENCE,
                BookingAnswer.DECLINE_HINT,
                "/employers/" + employerId + "/bookings/" + b.id() + "/decline",
                "/employers/" + employerId + "#bookings",
                RATING_LABELS);
        templates.render(ctx, status, view, title, page, form);
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** The employer's answers to a booking: yes in one click, no with a reason, and feedback afterwards. */
public final class BookingReplyRoutes {

    static final List<String> RATINGS = List.of("5", "4", "3", "2", "1");

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public BookingReplyRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.post("/bookings/:bookingId/confirm", this::processConfirm);
        employer.get("/bookings/:bookingId/decline", this::initDecline);
        employer.post("/bookings/:bookingId/decline", this::processDecline);
        employer.get("/bookings/:bookingId/feedback", this::initFeedback);
        employer.post("/bookings/:bookingId/feedback", this::processFeedback);
    }

    public void processConfirm(RoutingContext ctx) {
        reply(
                ctx,
                "booking_confirmed",
                Map.of(),
                (bookings, employerId, bookingId, today) -> bookings.confirm(employerId, bookingId, today),
                "Confirmed: it is in your calendar feed, and the school has been told.");
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
                "booking_declined",
                Map.of("reason", reason),
                (bookings, employerId, bookingId, today) -> bookings.decline(employerId, bookingId, reason, today),
                BookingAnswer.DECLINED);
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
                "booking_feedback",
                Map.of("rating", rating),
                (bookings, employerId, bookingId, today) ->
                        bookings.feedback(employerId, bookingId, Integer.parseInt(rating), comment, today),
                "Thank you for your feedback, and for giving your time.");
    }

    private void reply(
            RoutingContext ctx, String auditAction, Map<String, Object> detail, BookingAnswer action, String thanks) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<Long> bookingId = PathId.of(ctx, "bookingId");
        if (bookingId.isEmpty()) {
            ctx.fail(404);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        LocalDate today = LocalDate.now(clock);
        EmployerBookings.Reply reply = blocking.call(() -> database.dsl().transactionResult(c -> {
            EmployerBookings.Reply done =
                    action.apply(new EmployerBookings(c.dsl()), employerId, bookingId.get(), today);
            if (done == EmployerBookings.Reply.DONE) {
                new AuditLog(c.dsl()).record(actor, auditAction, "booking", bookingId.get(), detail, ip);
            }
            return done;
        }));
        switch (reply) {
            case NOT_FOUND -> ctx.fail(404);
            case TOO_LATE -> {
                Flash.set(ctx, "That booking can no longer be changed here. Your enterprise coordinator can help.");
                ctx.redirect("/employers/" + employerId);
            }
            case DONE -> {
                Flash.set(ctx, thanks);
                ctx.redirect("/employers/" + employerId);
            }
        }
    }

    private void showBookingForm(RoutingContext ctx, int status, Form form, String view, String title) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<Long> bookingId = PathId.of(ctx, "bookingId");
        Optional<EmployerBooking> booking =
                bookingId.flatMap(id -> blocking.call(() -> new EmployerBookings(database.dsl()).find(employerId, id)));
        if (booking.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("employerId", employerId);
        model.put("booking", booking.get());
        EmployerBooking b = booking.get();
        model.put(
                "summary",
                b.typeLabel() + " for Year " + b.yearGroup() + " at " + b.schoolName() + ", " + b.dates() + " ("
                        + b.periodLabel() + ").");
        model.put("consequence", BookingAnswer.DECLINE_CONSEQUENCE);
        model.put("hint", BookingAnswer.DECLINE_HINT);
        model.put("action", "/employers/" + employerId + "/bookings/" + b.id() + "/decline");
        model.put("back", "/employers/" + employerId + "#bookings");
        model.put(
                "ratings",
                List.of(
                        Map.of("value", "5", "label", "Very well"),
                        Map.of("value", "4", "label", "Well"),
                        Map.of("value", "3", "label", "All right"),
                        Map.of("value", "2", "label", "Not very well"),
                        Map.of("value", "1", "label", "Badly")));
        templates.render(ctx, status, view, title, model);
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The confirm and decline links of a round's digest. Most SMEs never sign in, so the link's
 * secret (hashed at rest, one per booking) stands for the employer, for that booking only. The
 * link itself changes nothing (mail scanners follow links): the answer is a button on the page.
 */
public final class ReplyLinkRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public ReplyLinkRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/bookings/:bookingId/reply/:token", this::initReply);
        anyone.post("/bookings/:bookingId/reply/:token/confirm", this::processConfirm);
        anyone.post("/bookings/:bookingId/reply/:token/decline", this::processDecline);
    }

    public void initReply(RoutingContext ctx) {
        show(ctx, 200, Form.blank(), null);
    }

    public void processConfirm(RoutingContext ctx) {
        answer(
                ctx,
                "booking_confirmed",
                (bookings, employerId, bookingId, today) -> bookings.confirm(employerId, bookingId, today),
                "Confirmed. It is in your calendar, and the school has been told.",
                null);
    }

    public void processDecline(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String reason = BookingAnswer.declineReason(form);
        if (form.hasErrors()) {
            show(ctx, 422, form, null);
            return;
        }
        answer(
                ctx,
                "booking_declined",
                (bookings, employerId, bookingId, today) -> bookings.decline(employerId, bookingId, reason, today),
                BookingAnswer.DECLINED,
                reason);
    }

    private void answer(RoutingContext ctx, String auditAction, BookingAnswer action, String thanks, String reason) {
        Optional<Long> bookingId = PathId.of(ctx, "bookingId");
        String token = ctx.pathParam("token");
        String ip = RateLimit.clientAddress(ctx);
        LocalDate today = LocalDate.now(clock);
        Optional<EmployerBookings.Reply> reply = bookingId.flatMap(id -> blocking.call(() -> database.dsl()
                .transactionResult(c -> Publication.employerOfReplyToken(c.dsl(), clock, id, token)
                        .map(employerId -> {
                            EmployerBookings.Reply done =
                                    action.apply(new EmployerBookings(c.dsl()), employerId, id, today);
                            if (done == EmployerBookings.Reply.DONE) {
                                new AuditLog(c.dsl())
                                        .record(
                                                null,
                                                auditAction,
                                                "booking",
                                                id,
                                                reason == null
                                                        ? Map.of("via", "digest link")
                                                        : Map.of("via", "digest link", "reason", reason),
                                                ip);
                            }
                            return done;
                        }))));
        if (reply.isEmpty() || reply.get() == EmployerBookings.Reply.NOT_FOUND) {
            linkExpired(ctx);
            return;
        }
        show(
                ctx,
                200,
                Form.blank(),
                reply.get() == EmployerBookings.Reply.DONE
                        ? thanks
                        : "That booking can no longer be changed here. Your enterprise coordinator can help.");
    }

    /** As for every emailed link: a wrong or stale secret says so, and names nothing. */
    private void linkExpired(RoutingContext ctx) {
        templates.render(ctx, 410, "account/link-expired", "This link has expired or been used", Map.of());
    }

    private void show(RoutingContext ctx, int status, Form form, String answered) {
        Optional<Long> bookingId = PathId.of(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Optional<EmployerBooking> booking = bookingId.flatMap(id ->
                blocking.call(() -> Publication.employerOfReplyToken(database.dsl(), clock, id, token)
                        .flatMap(employerId -> new EmployerBookings(database.dsl()).find(employerId, id))));
        if (booking.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        EmployerBooking b = booking.get();
        Map<String, Object> model = new HashMap<>(form.model());
        model.put(
                "summary",
                b.typeLabel() + " for " + b.pupils() + " pupils in Year " + b.yearGroup() + " at " + b.schoolName()
                        + ", " + b.dates() + " (" + b.periodLabel() + "), "
                        + b.place().label() + ".");
        model.put("consequence", BookingAnswer.DECLINE_CONSEQUENCE);
        model.put("hint", BookingAnswer.DECLINE_HINT);
        String base = "/bookings/" + b.id() + "/reply/" + token;
        model.put("confirmAction", base + "/confirm");
        model.put("declineAction", base + "/decline");
        if (answered != null) {
            model.put("answered", answered);
        } else if (!b.awaitingReply()) {
            model.put(
                    "answered",
                    b.confirmed()
                            ? "You have confirmed this session. Thank you."
                            : "This booking is no longer waiting for an answer.");
        }
        templates.render(ctx, status, "booking/reply", "Your answer", model);
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingReplies;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
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

    /**
     * @param answered the thanks, or why there is nothing to answer; null while the question stands
     */
    public record ReplyPage(
            EmployerBooking booking,
            String summary,
            String consequence,
            String hint,
            String confirmAction,
            String declineAction,
            String answered) {}

    private final EmployerBookingReplies replies;
    private final Blocking blocking;
    private final Templates templates;

    public ReplyLinkRoutes(EmployerBookingReplies replies, Blocking blocking, Templates templates) {
        this.replies = replies;
        this.blocking = blocking;
        this.templates = templates;
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
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        EmployerBookingRepository.Reply reply = blocking.call(() -> replies.confirmByLink(actor, bookingId, token));
        answered(
                ctx,
                reply,
                reply == EmployerBookingRepository.Reply.DONE
                        ? BookingAnswer.confirmed(
                                "calendar", blocking.call(() -> replies.schoolEmailedAbout(bookingId)))
                        : null);
    }

    public void processDecline(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String reason = BookingAnswer.declineReason(form);
        if (form.hasErrors()) {
            show(ctx, 422, form, null);
            return;
        }
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        EmployerBookingRepository.Reply reply =
                blocking.call(() -> replies.declineByLink(actor, bookingId, token, reason));
        answered(ctx, reply, BookingAnswer.DECLINED);
    }

    private void answered(RoutingContext ctx, EmployerBookingRepository.Reply reply, String thanks) {
        if (reply == EmployerBookingRepository.Reply.NOT_FOUND) {
            templates.linkExpired(ctx);
            return;
        }
        show(
                ctx,
                200,
                Form.blank(),
                reply == EmployerBookingRepository.Reply.DONE
                        ? thanks
                        : "That booking can no longer be changed here. Your enterprise coordinator can help.");
    }

    private void show(RoutingContext ctx, int status, Form form, String answered) {
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Optional<EmployerBooking> booking = blocking.call(() -> replies.findByLink(bookingId, token));
        if (booking.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        EmployerBooking b = booking.get();
        String base = "/bookings/" + b.id() + "/reply/" + token;
        ReplyPage page = new ReplyPage(
                b,
                b.typeLabel() + " for " + b.pupils() + " pupils in Year " + b.yearGroup() + " at " + b.where()
                        + ", " + b.dates() + " (" + b.periodLabel() + "), "
                        + b.place().label() + ".",
                BookingAnswer.DECLINE_CONSEQUENCE,
                BookingAnswer.DECLINE_HINT,
                base + "/confirm",
                base + "/decline",
                answered != null ? answered : standing(b));
        templates.render(ctx, status, "booking/reply", "Your answer", page, form);
    }

    /** Why a booking no longer waiting for an answer has none to give; null while it waits. */
    private static String standing(EmployerBooking b) {
        if (b.awaitingReply()) {
            return null;
        }
        return b.confirmed()
                ? "You have confirmed this session. Thank you."
                : "This booking is no longer waiting for an answer.";
    }
}

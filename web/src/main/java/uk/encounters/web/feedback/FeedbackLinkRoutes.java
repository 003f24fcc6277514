package uk.encounters.web.feedback;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.feedback.FeedbackAnswers;
import uk.encounters.marketplace.feedback.FeedbackBooking;
import uk.encounters.marketplace.feedback.FeedbackRepository;
import uk.encounters.marketplace.feedback.FeedbackSide;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * "How did it go?" by the link in the message after a session, without signing in: the link answers
 * for its side (the school or the employer) of its booking only, and once that side has answered,
 * the page thanks it rather than taking another answer.
 */
public final class FeedbackLinkRoutes {

    private final FeedbackRepository feedback;
    private final FeedbackAnswers answers;
    private final Blocking blocking;
    private final Templates templates;

    public FeedbackLinkRoutes(
            FeedbackRepository feedback, FeedbackAnswers answers, Blocking blocking, Templates templates) {
        this.feedback = feedback;
        this.answers = answers;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (public: the link's secret stands for the side). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        for (FeedbackSide side : FeedbackSide.values()) {
            String path = "/bookings/:bookingId/feedback/" + side.getLiteral() + "/:token";
            anyone.get(path, ctx -> show(ctx, side, 200, Form.blank()));
            anyone.post(path, ctx -> process(ctx, side));
        }
    }

    public void process(RoutingContext ctx, FeedbackSide side) {
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Form form = Form.of(ctx);
        HowDidItGoPage.Answer answer = HowDidItGoPage.Answer.read(form);
        if (form.hasErrors()) {
            show(ctx, side, 422, form);
            return;
        }
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        Optional<FeedbackAnswers.Given> given = blocking.call(
                () -> answers.giveByLink(actor, side, bookingId, token, answer.rating(), answer.comment()));
        if (given.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        // answered, already answered or too early: the page says which
        ctx.redirect(address(ctx, side));
    }

    private void show(RoutingContext ctx, FeedbackSide side, int status, Form form) {
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        Optional<FeedbackBooking> opened = blocking.call(
                () -> answers.opens(side, bookingId, token) ? feedback.findBooking(bookingId) : Optional.empty());
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        FeedbackBooking booking = opened.get();
        templates.render(
                ctx,
                status,
                "feedback/how-did-it-go",
                "How did it go?",
                HowDidItGoPage.of(
                        booking,
                        address(ctx, side),
                        blocking.call(() -> feedback.answer(bookingId, side)).orElse(null),
                        side == FeedbackSide.SCHOOL,
                        null,
                        form),
                form);
    }

    private static String address(RoutingContext ctx, FeedbackSide side) {
        return "/bookings/" + PathId.required(ctx, "bookingId") + "/feedback/" + side.getLiteral() + "/"
                + ctx.pathParam("token");
    }

    private void linkExpired(RoutingContext ctx) {
        templates.render(
                ctx,
                410,
                "feedback/link-expired",
                "This link does not work",
                new PupilFeedbackRoutes.LinkExpiredPage());
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.feedback.FeedbackAnswers;
import uk.encounters.marketplace.feedback.FeedbackBooking;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.FeedbackRepository;
import uk.encounters.marketplace.feedback.FeedbackSide;
import uk.encounters.marketplace.feedback.PupilComment;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.marketplace.feedback.PupilFeedbackLink;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.feedback.HowDidItGoPage;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A booking's feedback as its school handles it: the careers leaders' "how did it go?", the link
 * and QR code for the pupils at the end of the session, and the pupils' words, which the careers
 * leaders approve or remove before anyone else reads them.
 */
public final class SchoolFeedbackRoutes {

    /** The pupils' link on a classroom's screen. */
    /** Asking before a pupil's words are deleted. */
    public record RemoveCommentPage(long schoolId, long bookingId, PupilComment comment) {}

    public record PupilLinkPage(
            long schoolId, FeedbackBooking booking, String url, String qrCode, LocalDate worksUntil) {}

    private final FeedbackRepository feedback;
    private final FeedbackAnswers answers;
    private final FeedbackReadings readings;
    private final PupilFeedbackLink pupilLink;
    private final PupilComments comments;
    private final Links links;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<FeedbackBooking> booking;

    public SchoolFeedbackRoutes(
            FeedbackRepository feedback,
            FeedbackAnswers answers,
            FeedbackReadings readings,
            PupilFeedbackLink pupilLink,
            PupilComments comments,
            Links links,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.feedback = feedback;
        this.answers = answers;
        this.readings = readings;
        this.pupilLink = pupilLink;
        this.comments = comments;
        this.links = links;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        // another school's booking is not found
        this.booking = new PathEntity<>(
                "booking",
                blocking,
                ctx -> feedback.findBooking(PathId.required(ctx, "bookingId"))
                        .filter(b -> b.schoolId() == PathId.required(ctx, "schoolId")));
    }

    /** Its routes (under /schools/:schoolId/bookings/:bookingId). */
    public void mount(Routes routes) {
        Routes one = routes.school().under("/bookings/:bookingId").loading(booking);
        one.get("/feedback", ctx -> showForm(ctx, 200, Form.blank()));
        one.post("/feedback", this::processFeedback);
        one.post("/pupil-link", this::processPupilLink);
        // pupils' words: the school's own careers leaders only
        Routes leaders = routes.schoolLeaders().under("/bookings/:bookingId").loading(booking);
        leaders.post("/pupil-comments/:commentId/approve", this::processApprove);
        leaders.get("/pupil-comments/:commentId/remove", this::initRemove);
        leaders.post("/pupil-comments/:commentId/remove", this::processRemove);
    }

    /** The booking page's part, once the session has started; null before. */
    FeedbackSection section(RoutingContext ctx, long bookingId) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        return blocking.call(() -> feedback.findBooking(bookingId)
                .filter(b -> b.schoolId() == schoolId && b.started(today))
                .flatMap(b -> readings.ofBooking(bookingId).map(figures -> {
                    boolean moderates = SchoolViewer.leads(ctx, schoolId);
                    return new FeedbackSection(
                            b.given(today),
                            figures,
                            moderates ? comments.pending(bookingId) : List.of(),
                            comments.approved(bookingId),
                            moderates);
                }))
                .orElse(null));
    }

    public void processFeedback(RoutingContext ctx) {
        Form form = Form.of(ctx);
        HowDidItGoPage.Answer answer = HowDidItGoPage.Answer.read(form);
        if (form.hasErrors()) {
            showForm(ctx, 422, form);
            return;
        }
        long bookingId = booking.of(ctx).id();
        FeedbackAnswers.Given given = blocking.call(() -> answers.give(
                CurrentUser.actor(ctx), FeedbackSide.SCHOOL, bookingId, answer.rating(), answer.comment()));
        Flash.set(
                ctx,
                switch (given) {
                    case DONE -> "Thank you: your feedback goes to the employer and your enterprise coordinator.";
                    case ALREADY -> "Your school has said how it went already: that answer stands.";
                    case NOT_YET -> "You can say how it went once the session has happened.";
                });
        ctx.redirect(bookingPath(ctx) + "#feedback");
    }

    /**
     * A new link for the pupils, shown once as a QR code and an address for the classroom's screen.
     * Earlier links keep working until they run out, so pupils still on the page can send it.
     */
    public void processPupilLink(RoutingContext ctx) {
        FeedbackBooking shown = booking.of(ctx);
        LocalDate today = LocalDate.now(clock);
        if (!shown.started(today)
                || !PupilFeedbackLink.expiresAt(shown).toLocalDate().isAfter(today)) {
            Flash.set(ctx, "Pupils answer from the day of the session until a week after it.");
            ctx.redirect(bookingPath(ctx) + "#feedback");
            return;
        }
        String token = blocking.call(() -> pupilLink.make(CurrentUser.actor(ctx), shown));
        String url = links.url(new LoginTokenRepository.MintedLink(Purpose.PUPIL_FEEDBACK, shown.id(), token));
        templates.render(
                ctx,
                "school/pupil-feedback-link",
                "The pupils' feedback link",
                new PupilLinkPage(
                        shown.schoolId(),
                        shown,
                        url,
                        LinkQrCode.svg(url, "QR code of the link written below"),
                        PupilFeedbackLink.expiresAt(shown).toLocalDate().minusDays(1)));
    }

    public void processApprove(RoutingContext ctx) {
        moderate(ctx, true);
    }

    /** Removing deletes the pupil's words for good, so it asks first. */
    public void initRemove(RoutingContext ctx) {
        FeedbackBooking shown = booking.of(ctx);
        long commentId = PathId.required(ctx, "commentId");
        PupilComment comment = blocking.call(() -> java.util.stream.Stream.concat(
                        comments.pending(shown.id()).stream(), comments.approved(shown.id()).stream())
                .filter(c -> c.id() == commentId)
                .findFirst()
                .orElse(null));
        if (comment == null) {
            Flash.set(ctx, "That comment has been dealt with already.");
            ctx.redirect(bookingPath(ctx) + "#pupil-comments");
            return;
        }
        templates.render(
                ctx,
                "school/pupil-comment-remove",
                "Remove this pupil's comment?",
                new RemoveCommentPage(shown.schoolId(), shown.id(), comment));
    }

    public void processRemove(RoutingContext ctx) {
        if (!"yes".equals(ctx.request().getFormAttribute("confirm"))) {
            ctx.redirect(ctx.normalizedPath());
            return;
        }
        moderate(ctx, false);
    }

    /** Only the school's own careers leaders approve or remove pupils' words (their routes' rule). */
    private void moderate(RoutingContext ctx, boolean approve) {
        long bookingId = booking.of(ctx).id();
        long commentId = PathId.required(ctx, "commentId");
        boolean done = blocking.call(() -> approve
                ? comments.approve(CurrentUser.actor(ctx), bookingId, commentId)
                : comments.remove(CurrentUser.actor(ctx), bookingId, commentId));
        Flash.set(
                ctx,
                !done
                        ? "That comment has been dealt with already."
                        : approve
                                ? "Approved: the employer and your enterprise coordinator can read it."
                                : "Removed: the pupil's words are deleted; their answers still count.");
        ctx.redirect(bookingPath(ctx) + "#pupil-comments");
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        FeedbackBooking shown = booking.of(ctx);
        templates.render(
                ctx,
                status,
                "feedback/how-did-it-go",
                "How did it go?",
                HowDidItGoPage.of(
                        shown,
                        bookingPath(ctx) + "/feedback",
                        blocking.call(() -> feedback.answer(shown.id(), FeedbackSide.SCHOOL))
                                .orElse(null),
                        true,
                        bookingPath(ctx),
                        form),
                form);
    }

    private String bookingPath(RoutingContext ctx) {
        return "/schools/" + PathId.required(ctx, "schoolId") + "/bookings/"
                + booking.of(ctx).id();
    }
}

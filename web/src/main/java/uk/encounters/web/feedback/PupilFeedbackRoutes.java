package uk.encounters.web.feedback;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.feedback.FeedbackBooking;
import uk.encounters.marketplace.feedback.FeedbackRepository;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.feedback.PupilAnswers;
import uk.encounters.marketplace.feedback.PupilFeedback;
import uk.encounters.marketplace.feedback.PupilFeedbackLink;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The pupils' three questions, on a phone, from the link or QR code their school shows at the end
 * of a session: no sign-in, and nothing kept that names a pupil (no address, browser or session with
 * the answers). A browser answers a booking once ({@link RespondentCookie}); a booking takes no more
 * answers than pupils went.
 */
public final class PupilFeedbackRoutes {

    /** The most a pupil may write. */
    static final int COMMENT_MAX = 500;

    /** One answer offered to a question. */
    public record Option(String value, String label, boolean checked) {}

    /** One of the three questions, with the problem beside it if it was missed. */
    public record Question(String name, String legend, List<Option> options, String error) {}

    public record PupilFeedbackPage(FeedbackBooking booking, List<Question> questions, String action, int commentMax) {}

    /**
     * The page instead of the form: thanks once answered, or that everyone who went has answered.
     *
     * @param full the booking took as many answers as pupils went
     */
    public record AnsweredPage(FeedbackBooking booking, boolean full) {}

    public record LinkExpiredPage() {}

    private final FeedbackRepository feedback;
    private final PupilFeedbackLink link;
    private final PupilAnswers answers;
    private final RespondentCookie cookie;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public PupilFeedbackRoutes(
            FeedbackRepository feedback,
            PupilFeedbackLink link,
            PupilAnswers answers,
            boolean https,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.feedback = feedback;
        this.link = link;
        this.answers = answers;
        this.cookie = new RespondentCookie(https);
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public: the link's secret stands for the booking's pupils). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get(Links.PUPIL_FEEDBACK_PATH + ":bookingId/:token", this::showQuestions);
        anyone.post(Links.PUPIL_FEEDBACK_PATH + ":bookingId/:token", this::processAnswers);
    }

    public void showQuestions(RoutingContext ctx) {
        Optional<FeedbackBooking> opened = opened(ctx);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        FeedbackBooking booking = opened.get();
        String respondent = cookie.respondent(ctx, cookiePath(booking));
        if (blocking.call(() -> answers.answered(booking.id(), respondent))) {
            answered(ctx, booking, false);
        } else if (blocking.call(() -> answers.full(booking.id()))) {
            answered(ctx, booking, true);
        } else {
            showForm(ctx, 200, Form.blank(), booking);
        }
    }

    public void processAnswers(RoutingContext ctx) {
        Optional<FeedbackBooking> opened = opened(ctx);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        FeedbackBooking booking = opened.get();
        Form form = Form.of(ctx);
        PupilAnswer workIsLike = answer(form, "workIsLike", "Whether you learnt what this work is like");
        PupilAnswer itTakes = answer(form, "itTakes", "Whether you learnt what it takes to do well in it");
        PupilAnswer consider = answer(form, "wouldConsider", "Whether you would consider this kind of work");
        String comment = form.lines("comment", "Anything else", COMMENT_MAX);
        if (form.hasErrors()) {
            showForm(ctx, 422, form, booking);
            return;
        }
        String respondent = cookie.respondent(ctx, cookiePath(booking));
        PupilAnswers.Outcome outcome = blocking.call(() ->
                answers.record(booking.id(), respondent, new PupilFeedback(workIsLike, itTakes, consider, comment)));
        switch (outcome) {
            case SAVED -> ctx.redirect(address(ctx));
            case ALREADY_ANSWERED -> answered(ctx, booking, false);
            case FULL -> answered(ctx, booking, true);
        }
    }

    private static PupilAnswer answer(Form form, String name, String label) {
        String value = form.choice(
                name,
                label,
                Arrays.stream(PupilAnswer.values()).map(PupilAnswer::getLiteral).toList());
        return PupilAnswer.ofLiteral(value).orElse(null);
    }

    private void showForm(RoutingContext ctx, int status, Form form, FeedbackBooking booking) {
        templates.render(
                ctx,
                status,
                "feedback/pupil",
                "Your feedback on " + booking.typeLabel().toLowerCase(),
                new PupilFeedbackPage(
                        booking,
                        List.of(
                                question(form, "workIsLike", "Did you learn what this work is like?", false),
                                question(form, "itTakes", "Did you learn what it takes to do well in it?", false),
                                question(form, "wouldConsider", "Would you consider this kind of work?", true)),
                        address(ctx),
                        COMMENT_MAX),
                form);
    }

    private static Question question(Form form, String name, String legend, boolean consider) {
        String chosen = form.value(name);
        return new Question(
                name,
                legend,
                Arrays.stream(PupilAnswer.values())
                        .map(a -> new Option(
                                a.getLiteral(),
                                consider ? a.considerLabel() : a.label(),
                                a.getLiteral().equals(chosen)))
                        .toList(),
                form.errorOf(name));
    }

    private void answered(RoutingContext ctx, FeedbackBooking booking, boolean full) {
        templates.render(ctx, 200, "feedback/pupil-answered", "Thank you", new AnsweredPage(booking, full));
    }

    /** The booking the link opens while pupils may answer; empty for any link that does not. */
    private Optional<FeedbackBooking> opened(RoutingContext ctx) {
        long bookingId = PathId.required(ctx, "bookingId");
        String token = ctx.pathParam("token");
        LocalDate today = LocalDate.now(clock);
        return blocking.call(() -> link.opens(token, bookingId)
                ? feedback.findBooking(bookingId).filter(b -> b.started(today))
                : Optional.empty());
    }

    /** The cookie goes to this booking's pages only. */
    private static String cookiePath(FeedbackBooking booking) {
        return Links.PUPIL_FEEDBACK_PATH + booking.id();
    }

    /** The page's own address, built from the link's parts as checked. */
    private static String address(RoutingContext ctx) {
        return Links.PUPIL_FEEDBACK_PATH + PathId.required(ctx, "bookingId") + "/" + ctx.pathParam("token");
    }

    /** As for every link: a wrong or stale one says so, and names nothing. */
    private void linkExpired(RoutingContext ctx) {
        templates.render(ctx, 410, "feedback/link-expired", "This link does not work", new LinkExpiredPage());
    }
}

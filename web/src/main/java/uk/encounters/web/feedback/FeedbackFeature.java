package uk.encounters.web.feedback;

import org.jooq.DSLContext;
import uk.encounters.marketplace.feedback.FeedbackAnswers;
import uk.encounters.marketplace.feedback.FeedbackRepository;
import uk.encounters.marketplace.feedback.PupilAnswers;
import uk.encounters.marketplace.feedback.PupilFeedbackLink;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/**
 * Feedback given without signing in: pupils' three questions from the link their school shows, and
 * the school's and the employer's "how did it go?" from the message after the session.
 */
public final class FeedbackFeature {

    private FeedbackFeature() {}

    public static void mount(Foundation app, Routes routes) {
        DSLContext dsl = app.database().dsl();
        FeedbackRepository feedback = new FeedbackRepository(dsl);
        new PupilFeedbackRoutes(
                        feedback,
                        new PupilFeedbackLink(dsl, app.clock()),
                        new PupilAnswers(dsl),
                        app.config().https(),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new FeedbackLinkRoutes(feedback, new FeedbackAnswers(dsl, app.clock()), app.blocking(), app.templates())
                .mount(routes);
    }
}

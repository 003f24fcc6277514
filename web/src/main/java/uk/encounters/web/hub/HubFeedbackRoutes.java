package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.feedback.BookingFeedback;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.FeedbackReadings.HubFeedback;
import uk.encounters.marketplace.feedback.PupilComment;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * What the hub's delivered bookings were worth, by every side's feedback: per employer, per
 * encounter type and per school for an academic year, and the bookings to look at, with what was
 * said (pupils' words only once their school approved them).
 */
public final class HubFeedbackRoutes {

    /** How many years back the year filter offers. */
    private static final int YEARS_OFFERED = 3;

    /** A year on the filter. */
    public record YearOption(int value, String label, boolean selected) {}

    /** A flagged booking with why, and the pupils' approved words. */
    public record FlaggedLine(BookingFeedback booking, List<PupilComment> comments) {}

    public record FeedbackPage(
            long hubId, String yearLabel, List<YearOption> years, HubFeedback feedback, List<FlaggedLine> flagged) {}

    private final FeedbackReadings readings;
    private final PupilComments comments;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public HubFeedbackRoutes(
            FeedbackReadings readings, PupilComments comments, Blocking blocking, Templates templates, Clock clock) {
        this.readings = readings;
        this.comments = comments;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        routes.hub().get("/feedback", this::showFeedback);
    }

    public void showFeedback(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        AcademicYear current = AcademicYear.containing(today);
        Form query = Form.ofQuery(ctx);
        List<String> offered = IntStream.range(0, YEARS_OFFERED)
                .mapToObj(n -> String.valueOf(current.minus(n).startYear()))
                .toList();
        String chosen = query.optionalChoice("year", "Year", offered);
        AcademicYear year = chosen == null ? current : new AcademicYear(Integer.parseInt(chosen));
        HubFeedback feedback = blocking.call(() -> readings.forHub(hubId, year, today));
        Map<Long, List<PupilComment>> words = blocking.call(() -> comments.approvedFor(
                feedback.flagged().stream().map(BookingFeedback::bookingId).toList()));
        templates.render(
                ctx,
                query.hasErrors() ? 422 : 200,
                "hub/feedback",
                "Feedback, " + year.label(),
                new FeedbackPage(
                        hubId,
                        year.label(),
                        offered.stream()
                                .map(y -> new YearOption(
                                        Integer.parseInt(y),
                                        new AcademicYear(Integer.parseInt(y)).label(),
                                        Integer.parseInt(y) == year.startYear()))
                                .toList(),
                        feedback,
                        feedback.flagged().stream()
                                .map(b -> new FlaggedLine(b, words.getOrDefault(b.bookingId(), List.of())))
                                .toList()),
                query);
    }
}

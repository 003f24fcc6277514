package uk.encounters.web.hub;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.encounters.marketplace.round.HandAssignment;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundEdits;
import uk.encounters.marketplace.round.RoundReview;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.matcher.domain.Period;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;

/**
 * The coordinator's hand edits to a round's proposal: pinning a booking so re-solving keeps it,
 * removing one, and placing an unmatched session on one of the matcher's suggested slots.
 * Mounted by {@link RoundRoutes}.
 */
public final class RoundHandEdits {

    public record SuggestionsPage(
            long hubId,
            Round round,
            boolean editable,
            RoundReview.Request request,
            boolean allMatched,
            List<HandAssignment.Suggestion> suggestions) {}

    private final RoundEdits edits;
    private final HandAssignment handAssignment;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Round> round;
    private final PathEntity<RoundReview.Request> request;

    public RoundHandEdits(
            RoundEdits edits,
            HandAssignment handAssignment,
            Blocking blocking,
            Templates templates,
            Clock clock,
            PathEntity<Round> round,
            PathEntity<RoundReview.Request> request) {
        this.edits = edits;
        this.handAssignment = handAssignment;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.round = round;
        this.request = request;
    }

    /**
     * A button beside one of the proposal's bookings. The form around a school's bookings sends
     * the one clicked, named for what it does with the booking's id as its value: one form a
     * school rather than one a booking, as a round of 300 bookings is a large page.
     */
    public void processBookingChange(RoutingContext ctx) {
        Round changed = round.of(ctx);
        MultiMap fields = ctx.request().formAttributes();
        List<BookingButton> clicked = Arrays.stream(BookingButton.values())
                .filter(b -> fields.contains(b.field()))
                .toList();
        Optional<Long> bookingId =
                clicked.size() == 1 ? PathId.parse(fields.get(clicked.getFirst().field())) : Optional.empty();
        Flash.set(
                ctx,
                clicked.size() != 1
                        ? "Choose Pin, Unpin or Remove beside a booking or a stall."
                        : bookingId.isEmpty()
                                ? "There is no such booking in this round."
                                : change(clicked.getFirst(), changed, bookingId.get()));
        // back to the school's bookings, open where the button was
        Optional<Long> school =
                Optional.ofNullable(fields.get(RoundPageReader.OPEN_SCHOOL)).flatMap(PathId::parse);
        ctx.redirect(RoundPageReader.atSchool(changed.hubId(), changed.id(), school));
    }

    /** Makes the change, and says what became of it. */
    private String change(BookingButton button, Round round, long bookingId) {
        return switch (blocking.call(() -> button.apply(edits, round.hubId(), round.id(), bookingId))) {
            case DONE -> button.done;
            case NOT_FOUND, NOT_AVAILABLE -> "That booking is not in this round's proposal.";
            case NOT_EDITABLE -> RoundRoutes.notEditable(round);
        };
    }

    private enum BookingButton {
        PIN("Pinned: re-solving keeps this booking."),
        UNPIN("Unpinned: re-solving may change this booking."),
        REMOVE("Removed, and that offer is ruled out for it in this round. What it was for is listed as "
                + "unmatched: run matching again, or choose from a session's suggestions.");

        private final String done;

        BookingButton(String done) {
            this.done = done;
        }

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        RoundEdits.Edit apply(RoundEdits edits, long hubId, long roundId, long bookingId) {
            return this == REMOVE
                    ? edits.remove(hubId, roundId, bookingId)
                    : edits.pin(hubId, roundId, bookingId, this == PIN);
        }
    }

    /** The matcher's best slots for one unmatched session of a request. */
    public void showSuggestions(RoutingContext ctx) {
        Round shown = round.of(ctx);
        RoundReview.Request placing = request.of(ctx);
        LocalDate today = LocalDate.now(clock);
        Optional<List<HandAssignment.Suggestion>> suggestions =
                blocking.call(() -> handAssignment.suggestions(shown, placing.id(), today));
        SuggestionsPage page = new SuggestionsPage(
                shown.hubId(),
                shown,
                shown.status() == RoundStatus.PROPOSED,
                placing,
                suggestions.isEmpty(),
                suggestions.orElse(List.of()));
        templates.render(ctx, "hub/suggestions", "Place a session by hand", page);
    }

    public void processAssign(RoutingContext ctx) {
        Round assigning = round.of(ctx);
        RoundReview.Request placing = request.of(ctx);
        long requestId = placing.id();
        Form form = Form.of(ctx);
        String offer = form.text("offer", "Offer", 18);
        LocalDate date = form.date("date", "Date");
        String period = form.choice("period", "Period", List.of("morning", "afternoon", "all_day"));
        if (form.hasErrors() || !offer.matches("\\d{1,18}")) {
            Flash.set(ctx, "Choose one of the suggestions.");
        } else {
            RoundEdits.Edit edit = blocking.call(() -> handAssignment.assign(
                    assigning.hubId(),
                    assigning.id(),
                    requestId,
                    Long.parseLong(offer),
                    date,
                    Period.fromCode(period),
                    LocalDate.now(clock)));
            Flash.set(
                    ctx,
                    switch (edit) {
                        case DONE -> "Booked by hand and pinned: re-solving keeps it.";
                        case NOT_AVAILABLE ->
                            "That slot no longer fits the plan (something else took it). Choose again.";
                        case NOT_EDITABLE -> RoundRoutes.notEditable(assigning);
                        case NOT_FOUND -> "All of that request's sessions are matched already.";
                    });
        }
        ctx.redirect(RoundPageReader.atSchool(assigning.hubId(), assigning.id(), Optional.of(placing.schoolId())));
    }
}

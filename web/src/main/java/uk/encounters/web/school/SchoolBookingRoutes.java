package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingAction;
import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's bookings: before the day, which pupils go (the neediest suggested); after it, who
 * attended, which creates their encounter records.
 */
public final class SchoolBookingRoutes {

    /**
     * @param anyToConfirm whether the list offers "Confirm the selected bookings"
     */
    public record BookingsPage(long schoolId, List<BookingLine> bookings, boolean anyToConfirm, boolean readOnly) {}

    /** A booking on the list with what it needs from the school next, shown as a tag. */
    public record BookingLine(SchoolBooking booking, SchoolBookingAction action) {

        /** Offered a checkbox for confirming several at once. */
        public boolean confirmable() {
            return action == SchoolBookingAction.TO_CONFIRM;
        }
    }

    /**
     * @param action what the booking needs from the school next, the tag the bookings list shows
     * @param feedback every side's feedback, once the session has started; null before
     */
    public record BookingPage(
            long schoolId,
            SchoolBooking booking,
            SchoolBookingAction action,
            boolean suggesting,
            boolean attendanceDue,
            boolean answerable,
            WhoGoes whoGoes,
            List<RegisterLine> register,
            List<PlacementLine> placements,
            FeedbackSection feedback) {}

    /**
     * A pupil on the attendance register, ticked unless recorded absent; for a workplace
     * experience with their hours (as recorded, as sent, or the booking's usual hours) and any
     * problem with them.
     */
    public record RegisterLine(long id, String reference, boolean present, String hours, String hoursError) {

        /** The hours field's name: one per pupil. */
        public String hoursField() {
            return hoursField(id);
        }

        static String hoursField(long pupilId) {
            return "hours-" + pupilId;
        }
    }

    public record DeclinePage(String summary, String consequence, String hint, String action, String back) {}

    private final SchoolBookingRepository bookings;
    private final SchoolBookingChanges changes;
    private final PlacementRepository placements;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<SchoolBooking> booking;
    private final SchoolFeedbackRoutes feedback;

    public SchoolBookingRoutes(
            SchoolBookingRepository bookings,
            SchoolBookingChanges changes,
            PlacementRepository placements,
            SchoolFeedbackRoutes feedback,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.bookings = bookings;
        this.changes = changes;
        this.placements = placements;
        this.feedback = feedback;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.booking = new PathEntity<>(
                "booking",
                blocking,
                ctx -> bookings.find(PathId.required(ctx, "schoolId"), PathId.required(ctx, "bookingId")));
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        routes.schoolReadable().get("/bookings", this::showBookings);
        school.post("/bookings/confirm", this::processConfirmSeveral);
        Routes one = school.under("/bookings/:bookingId").loading(booking);
        one.get("", this::showBooking);
        one.post("/confirm", this::processConfirm);
        one.get("/decline", this::initDecline);
        one.post("/decline", this::processDecline);
        one.post("/pupils", this::processPupils);
        one.post("/attendance", this::processAttendance);
        one.post("/no-show", this::processNoShow);
    }

    public void showBookings(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        List<BookingLine> lines = blocking.call(() -> bookings.forSchool(schoolId)).stream()
                .map(b -> new BookingLine(b, SchoolBookingAction.of(b, today)))
                .toList();
        boolean readOnly = SchoolViewer.readsOnly(ctx, schoolId);
        templates.render(
                ctx,
                "school/bookings",
                "Bookings",
                new BookingsPage(
                        schoolId, lines, !readOnly && lines.stream().anyMatch(BookingLine::confirmable), readOnly));
    }

    /** The school's yes to the ticked bookings at once; those that cannot be confirmed any more are skipped. */
    public void processConfirmSeveral(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Set<Long> ids = new LinkedHashSet<>();
        int unreadable = 0;
        for (String value : ctx.request().formAttributes().getAll("booking")) {
            if (value.matches("\\d{1,18}")) {
                ids.add(Long.parseLong(value));
            } else {
                unreadable++;
            }
        }
        if (ids.isEmpty() && unreadable == 0) {
            Flash.set(ctx, "Nothing was confirmed: tick the bookings to confirm first.");
        } else {
            SchoolBookingChanges.SeveralConfirmed result =
                    blocking.call(() -> changes.confirmSeveral(CurrentUser.actor(ctx), schoolId, ids));
            Flash.set(ctx, ConfirmedSeveral.message(result, unreadable));
        }
        ctx.redirect("/schools/" + schoolId + "/bookings");
    }

    /** The booking; "Who goes" narrowed by a GET filter, whose bad input is shown beside its field. */
    public void showBooking(RoutingContext ctx) {
        Form query = Form.ofQuery(ctx);
        PupilFilter filter = PupilFilter.from(query);
        if (query.hasErrors()) {
            showBooking(ctx, 422, query, candidates(ctx), null, PupilFilter.NONE);
            return;
        }
        showBooking(ctx, 200, query, candidates(ctx), null, filter);
    }

    /** The school's yes, in one click. */
    public void processConfirm(RoutingContext ctx) {
        boolean confirmed = blocking.call(() -> changes.confirm(CurrentUser.actor(ctx), booking.of(ctx)));
        Flash.set(ctx, confirmed ? "Confirmed." : "That booking can no longer be changed here.");
        ctx.redirect(path(ctx));
    }

    /** The employer did not come: recorded against their reliability, and the session goes back into matching. */
    public void processNoShow(RoutingContext ctx) {
        boolean recorded = blocking.call(() -> changes.recordNoShow(CurrentUser.actor(ctx), booking.of(ctx)));
        Flash.set(
                ctx,
                recorded
                        ? "Recorded that the employer did not come. The request is open again, so its pupils go back"
                                + " into the next matching round."
                        : "Only a session that has started, with no attendance recorded, can be marked as not"
                                + " happening.");
        ctx.redirect(path(ctx));
    }

    public void initDecline(RoutingContext ctx) {
        showDecline(ctx, 200, Form.blank());
    }

    /** The school's no, with a reason: the request opens again for re-matching. */
    public void processDecline(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String reason = form.requiredLines("reason", "Why you cannot do it", 1000);
        if (form.hasErrors()) {
            showDecline(ctx, 422, form);
            return;
        }
        SchoolBooking declining = booking.of(ctx);
        boolean declined = blocking.call(() -> changes.decline(CurrentUser.actor(ctx), declining, reason));
        Flash.set(
                ctx,
                declined
                        ? "Declined: the request is open again for the next matching round."
                        : "That booking can no longer be changed here.");
        ctx.redirect("/schools/" + PathId.required(ctx, "schoolId") + "/bookings");
    }

    /** The pupils who go: the suggestion as it stands or the careers leader's own choice. */
    public void processPupils(RoutingContext ctx) {
        SchoolBooking chosenFor = booking.of(ctx);
        List<PupilProgress> candidates = candidates(ctx);
        Form form = Form.of(ctx);
        Set<Long> chosen = ids(ctx, "pupil", chosenFor, candidates, form);
        if (chosen.size() > chosenFor.pupils()) {
            form.error("pupil", "Choose at most " + chosenFor.pupils() + " pupils: the booking is for that many");
        }
        PupilFilter filter = filterCarried(ctx);
        if (form.hasErrors()) {
            // shown as sent, with the count, so the careers leader sees what to untick
            showBooking(ctx, 422, form, candidates, chosen, filter);
            return;
        }
        blocking.call(() -> {
            changes.choosePupils(CurrentUser.actor(ctx), chosenFor, chosen);
            return null;
        });
        Flash.set(
                ctx,
                "Saved: " + (chosen.size() == 1 ? "1 pupil is" : chosen.size() + " pupils are") + " going, of "
                        + chosenFor.pupils() + " places. They are listed first.");
        ctx.redirect(path(ctx) + filter.query());
    }

    /** The filter the save form carries, so saving returns to the same list; a bad one is dropped. */
    private static PupilFilter filterCarried(RoutingContext ctx) {
        Form carried = Form.of(ctx);
        PupilFilter filter = PupilFilter.from(carried);
        return carried.hasErrors() ? PupilFilter.NONE : filter;
    }

    /** Ticked pupils attended; the others listed were absent. Changes after the fact are audited. */
    public void processAttendance(RoutingContext ctx) {
        SchoolBooking recordedFor = booking.of(ctx);
        List<PupilProgress> candidates = candidates(ctx);
        Form form = Form.of(ctx);
        if (!recordedFor.attendanceDue(LocalDate.now(clock))) {
            form.error("present", "Attendance is recorded on or after the day of the session");
        }
        Set<Long> listed = ids(ctx, "listed", recordedFor, candidates, form);
        Set<Long> present = ids(ctx, "present", recordedFor, candidates, form);
        if (!listed.containsAll(present)) {
            form.error("present", "Tick only pupils on the list");
        }
        Map<Long, Hours> hours = recordedFor.workplaceExperience()
                ? hours(
                        form,
                        recordedFor,
                        present,
                        blocking.call(() -> bookings.pupils(PathId.required(ctx, "schoolId"), recordedFor))
                                .references())
                : Map.of();
        if (form.hasErrors()) {
            showBooking(ctx, 422, form, candidates, null, PupilFilter.NONE);
            return;
        }
        SchoolBookingRepository.Attendance result = blocking.call(
                () -> changes.recordAttendance(CurrentUser.actor(ctx), recordedFor, listed, present, hours));
        Flash.set(
                ctx,
                "Recorded: " + result.attended() + " attended, " + result.absent() + " absent."
                        + (recordedFor.workplaceExperience() ? " Their hours count towards the hub's target." : "")
                        + (result.paidPence() > 0
                                ? " " + Pounds.format(result.paidPence()) + " paid from your budget."
                                : "")
                        + (result.uncovered()
                                ? " Your budget for paid encounters did not cover this session: talk to your"
                                        + " enterprise coordinator."
                                : ""));
        ctx.redirect(path(ctx));
    }

    /**
     * The hours of each pupil who came to a workplace experience, from their field on the register
     * (blank: the booking's usual hours). A problem goes beside the field.
     */
    private static Map<Long, Hours> hours(
            Form form, SchoolBooking booking, Set<Long> present, Map<Long, String> references) {
        Map<Long, Hours> hours = new HashMap<>();
        for (long pupil : present) {
            Hours given = form.optionalHours(
                    RegisterLine.hoursField(pupil),
                    "Hours for " + references.getOrDefault(pupil, "a pupil"),
                    booking.mostHours());
            if (given != null) {
                hours.put(pupil, given);
            }
        }
        return hours;
    }

    /** The booking's page, built from its ids: never from the address asked for. */
    private String path(RoutingContext ctx) {
        return "/schools/" + PathId.required(ctx, "schoolId") + "/bookings/"
                + booking.of(ctx).id();
    }

    /** The year group's pupils on roll, those with most to gain first. */
    private List<PupilProgress> candidates(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolBooking on = booking.of(ctx);
        return blocking.call(() -> bookings.candidates(schoolId, on, LocalDate.now(clock)));
    }

    /** Pupil ids posted under {@code field}, each one of the booking's year group on roll. */
    private static Set<Long> ids(
            RoutingContext ctx, String field, SchoolBooking booking, List<PupilProgress> candidates, Form form) {
        Set<Long> candidateIds = candidates.stream().map(PupilProgress::pupilId).collect(Collectors.toSet());
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : ctx.request().formAttributes().getAll(field)) {
            if (!value.matches("\\d{1,18}") || !candidateIds.contains(Long.parseLong(value))) {
                form.error(field, "Choose pupils of Year " + booking.yearGroup() + " from the list");
                continue;
            }
            ids.add(Long.parseLong(value));
        }
        return ids;
    }

    private void showDecline(RoutingContext ctx, int status, Form form) {
        SchoolBooking b = booking.of(ctx);
        DeclinePage page = new DeclinePage(
                b.typeLabel() + " for Year " + b.yearGroup() + " with " + b.employerName() + ", " + b.dates() + " ("
                        + b.periodLabel() + ").",
                "Your request opens again, so the pupils go back into the next matching round.",
                "For example: exams moved to that week. The coordinator passes it on to the employer.",
                path(ctx) + "/decline",
                path(ctx));
        templates.render(ctx, status, "booking/decline", "Decline a booking", page, form);
    }

    /**
     * A pupil's line on the register: as sent when a register came back with a problem, else ticked
     * unless recorded absent; for a workplace experience the hours as sent, else as recorded, else
     * the booking's usual hours.
     */
    private static RegisterLine registerLine(
            long pupilId, SchoolBooking booking, SchoolBookingRepository.Pupils pupils, Form form) {
        String field = RegisterLine.hoursField(pupilId);
        String hours = "";
        if (booking.workplaceExperience()) {
            Hours recorded = pupils.hours().get(pupilId);
            hours = form.value(field) != null
                    ? form.value(field)
                    : (recorded != null ? recorded : booking.usualHours()).figure();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) form.model().get("fieldErrors");
        boolean sent = !form.all("listed").isEmpty();
        boolean present = sent
                ? form.all("present").contains(String.valueOf(pupilId))
                : !booking.attendanceRecorded() || pupils.attended().contains(pupilId);
        return new RegisterLine(
                pupilId, pupils.references().getOrDefault(pupilId, "?"), present, hours, errors.get(field));
    }

    /**
     * The booking with its pupils.
     *
     * @param sent the pupils a refused form sent, shown as sent; null to show the saved choice
     */
    private void showBooking(
            RoutingContext ctx,
            int status,
            Form form,
            List<PupilProgress> candidates,
            Set<Long> sent,
            PupilFilter filter) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolBooking shown = booking.of(ctx);
        LocalDate today = LocalDate.now(clock);
        SchoolBookingRepository.Pupils pupils = blocking.call(() -> bookings.pupils(schoolId, shown));
        boolean suggesting = pupils.chosen().isEmpty();
        Set<Long> saved = suggesting
                ? candidates.stream()
                        .limit(shown.pupils())
                        .map(PupilProgress::pupilId)
                        .collect(Collectors.toSet())
                : pupils.chosen();
        // attendance: the chosen pupils (or those already recorded), ticked unless recorded absent
        BookingPage page = new BookingPage(
                schoolId,
                shown,
                SchoolBookingAction.of(shown, today),
                suggesting,
                shown.attendanceDue(today),
                shown.answerable(today),
                WhoGoes.of(
                        candidates,
                        pupils.references(),
                        sent == null ? saved : sent,
                        shown.pupils(),
                        suggesting && sent == null,
                        filter),
                candidates.stream()
                        .filter(p -> saved.contains(p.pupilId()))
                        .map(p -> registerLine(p.pupilId(), shown, pupils, form))
                        .toList(),
                blocking.call(() -> placements.forBooking(schoolId, shown.id())),
                feedback.section(ctx, shown.id()));
        templates.render(ctx, status, "school/booking", shown.typeLabel() + " on " + shown.dates(), page, form);
    }
}

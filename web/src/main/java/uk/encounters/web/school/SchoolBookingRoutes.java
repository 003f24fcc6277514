package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookings;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Flash;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The school's bookings: before the day, which pupils go (the neediest suggested); after it, who
 * attended, which creates their encounter records.
 */
public final class SchoolBookingRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public SchoolBookingRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/bookings", this::showBookings);
        school.get("/bookings/:bookingId", this::showBooking);
        school.post("/bookings/:bookingId/confirm", this::processConfirm);
        school.get("/bookings/:bookingId/decline", this::initDecline);
        school.post("/bookings/:bookingId/decline", this::processDecline);
        school.post("/bookings/:bookingId/pupils", this::processPupils);
        school.post("/bookings/:bookingId/attendance", this::processAttendance);
        school.post("/bookings/:bookingId/no-show", this::processNoShow);
    }

    public void showBookings(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<SchoolBooking> bookings = blocking.call(() -> new SchoolBookings(database.dsl()).forSchool(schoolId));
        templates.render(ctx, "school/bookings", "Bookings", Map.of("schoolId", schoolId, "bookings", bookings));
    }

    public void showBooking(RoutingContext ctx) {
        load(ctx).ifPresent(loaded -> showBooking(ctx, 200, Form.blank(), loaded));
    }

    /** The school's yes, in one click. */
    public void processConfirm(RoutingContext ctx) {
        change(
                ctx,
                (bookings, booking, today) -> bookings.confirm(booking, today),
                "booking_confirmed_by_school",
                "Confirmed.",
                "That booking can no longer be changed here.");
    }

    /** The employer did not come: recorded against their reliability, and the session goes back into matching. */
    public void processNoShow(RoutingContext ctx) {
        change(
                ctx,
                (bookings, booking, today) -> bookings.recordNoShow(booking, today),
                "booking_no_show",
                "Recorded that the employer did not come. The request is open again, so its pupils go back into the"
                        + " next matching round.",
                "Only a session that has started, with no attendance recorded, can be marked as not happening.");
    }

    private interface BookingChange {
        boolean apply(SchoolBookings bookings, SchoolBooking booking, LocalDate today);
    }

    /** One click on the booking's page: the change and its audit entry in one transaction, then the page again. */
    private void change(RoutingContext ctx, BookingChange change, String auditAction, String done, String refused) {
        Optional<Loaded> loaded = load(ctx);
        if (loaded.isEmpty()) {
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        SchoolBooking booking = loaded.get().booking();
        boolean changed = blocking.call(() -> database.dsl().transactionResult(c -> {
            boolean applied = change.apply(new SchoolBookings(c.dsl()), booking, LocalDate.now(clock));
            if (applied) {
                new AuditLog(c.dsl()).record(actor, auditAction, "booking", booking.id(), Map.of(), ip);
            }
            return applied;
        }));
        Flash.set(ctx, changed ? done : refused);
        ctx.redirect("/schools/" + loaded.get().schoolId() + "/bookings/" + booking.id());
    }

    public void initDecline(RoutingContext ctx) {
        load(ctx).ifPresent(loaded -> showDecline(ctx, 200, Form.blank(), loaded));
    }

    /** The school's no, with a reason: the request opens again for re-matching. */
    public void processDecline(RoutingContext ctx) {
        Optional<Loaded> loaded = load(ctx);
        if (loaded.isEmpty()) {
            return;
        }
        Form form = Form.of(ctx);
        String reason = form.requiredLines("reason", "Why you cannot do it", 1000);
        if (form.hasErrors()) {
            showDecline(ctx, 422, form, loaded.get());
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        SchoolBooking booking = loaded.get().booking();
        boolean done = blocking.call(() -> database.dsl().transactionResult(c -> {
            boolean declined = new SchoolBookings(c.dsl()).decline(booking, reason, LocalDate.now(clock));
            if (declined) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                "booking_declined_by_school",
                                "booking",
                                booking.id(),
                                Map.of("reason", reason),
                                ip);
            }
            return declined;
        }));
        Flash.set(
                ctx,
                done
                        ? "Declined: the request is open again for the next matching round."
                        : "That booking can no longer be changed here.");
        ctx.redirect("/schools/" + loaded.get().schoolId() + "/bookings");
    }

    /** The pupils who go: the suggestion as it stands or the careers leader's own choice. */
    public void processPupils(RoutingContext ctx) {
        Optional<Loaded> loaded = load(ctx);
        if (loaded.isEmpty()) {
            return;
        }
        Form form = Form.of(ctx);
        Set<Long> chosen = ids(ctx, "pupil", loaded.get(), form);
        if (chosen.size() > loaded.get().booking().pupils()) {
            form.error(
                    "pupil",
                    "Choose at most " + loaded.get().booking().pupils() + " pupils: the booking is for that many");
        }
        if (form.hasErrors()) {
            showBooking(ctx, 422, form, loaded.get());
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        long bookingId = loaded.get().booking().id();
        blocking.call(() -> database.dsl().transactionResult(c -> {
            new SchoolBookings(c.dsl()).choose(bookingId, chosen);
            new AuditLog(c.dsl())
                    .record(actor, "booking_pupils_chosen", "booking", bookingId, Map.of("pupils", chosen.size()), ip);
            return null;
        }));
        Flash.set(ctx, "Saved: " + chosen.size() + " pupils go.");
        ctx.redirect(loaded.get().path());
    }

    /** Ticked pupils attended; the others listed were absent. Changes after the fact are audited. */
    public void processAttendance(RoutingContext ctx) {
        Optional<Loaded> loaded = load(ctx);
        if (loaded.isEmpty()) {
            return;
        }
        SchoolBooking booking = loaded.get().booking();
        Form form = Form.of(ctx);
        if (!booking.attendanceDue(LocalDate.now(clock))) {
            form.error("present", "Attendance is recorded on or after the day of the session");
        }
        Set<Long> listed = ids(ctx, "listed", loaded.get(), form);
        Set<Long> present = ids(ctx, "present", loaded.get(), form);
        if (!listed.containsAll(present)) {
            form.error("present", "Tick only pupils on the list");
        }
        if (form.hasErrors()) {
            showBooking(ctx, 422, form, loaded.get());
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        SchoolBookings.Attendance result = blocking.call(() -> database.dsl().transactionResult(c -> {
            var attendance = new SchoolBookings(c.dsl()).recordAttendance(booking, listed, present);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            attendance.changed() > 0 ? "attendance_changed" : "attendance_recorded",
                            "booking",
                            booking.id(),
                            Map.of(
                                    "attended",
                                    attendance.attended(),
                                    "absent",
                                    attendance.absent(),
                                    "changed",
                                    attendance.changed(),
                                    "paid_pence",
                                    attendance.paidPence(),
                                    "budget_uncovered",
                                    attendance.uncovered()),
                            ip);
            return attendance;
        }));
        Flash.set(
                ctx,
                "Recorded: " + result.attended() + " attended, " + result.absent() + " absent."
                        + (result.paidPence() > 0
                                ? " " + Pounds.format(result.paidPence()) + " paid from your budget."
                                : "")
                        + (result.uncovered()
                                ? " Your budget for paid encounters did not cover this session: talk to your"
                                        + " enterprise coordinator."
                                : ""));
        ctx.redirect(loaded.get().path());
    }

    private record Loaded(long schoolId, SchoolBooking booking, List<PupilProgress> candidates) {
        /** The booking's page, built from its ids: never from the address asked for. */
        String path() {
            return "/schools/" + schoolId + "/bookings/" + booking.id();
        }

        Set<Long> candidateIds() {
            return candidates.stream().map(PupilProgress::pupilId).collect(Collectors.toSet());
        }
    }

    private Optional<Loaded> load(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        Optional<Loaded> loaded = PathId.of(ctx, "bookingId")
                .flatMap(id -> blocking.call(() -> {
                    SchoolBookings bookings = new SchoolBookings(database.dsl());
                    return bookings.find(schoolId, id)
                            .map(b -> new Loaded(schoolId, b, bookings.candidates(schoolId, b, today)));
                }));
        if (loaded.isEmpty()) {
            ctx.fail(404);
        }
        return loaded;
    }

    /** Pupil ids posted under {@code field}, each one of the booking's year group on roll. */
    private static Set<Long> ids(RoutingContext ctx, String field, Loaded loaded, Form form) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : ctx.request().formAttributes().getAll(field)) {
            if (!value.matches("\\d{1,18}") || !loaded.candidateIds().contains(Long.parseLong(value))) {
                form.error(field, "Choose pupils of Year " + loaded.booking().yearGroup() + " from the list");
                continue;
            }
            ids.add(Long.parseLong(value));
        }
        return ids;
    }

    private void showDecline(RoutingContext ctx, int status, Form form, Loaded loaded) {
        SchoolBooking b = loaded.booking();
        String path = loaded.path();
        Map<String, Object> model = new HashMap<>(form.model());
        model.put(
                "summary",
                b.typeLabel() + " for Year " + b.yearGroup() + " with " + b.employerName() + ", " + b.startsOn() + " ("
                        + b.periodLabel() + ").");
        model.put("consequence", "Your request opens again, so the pupils go back into the next matching round.");
        model.put("hint", "For example: exams moved to that week. The coordinator passes it on to the employer.");
        model.put("action", path + "/decline");
        model.put("back", path);
        templates.render(ctx, status, "booking/decline", "Decline a booking", model);
    }

    /** The booking with its pupils, from what the handler has loaded already. */
    private void showBooking(RoutingContext ctx, int status, Form form, Loaded loaded) {
        SchoolBooking booking = loaded.booking();
        LocalDate today = LocalDate.now(clock);
        record Pupils(Map<Long, String> references, Set<Long> chosen, Set<Long> attended) {}
        Pupils pupils = blocking.call(() -> {
            SchoolBookings bookings = new SchoolBookings(database.dsl());
            return new Pupils(
                    new PupilRepository(database.dsl()).references(loaded.schoolId(), booking.yearGroup()),
                    bookings.chosen(booking.id()),
                    bookings.attended(booking.id()));
        });
        Map<Long, String> references = pupils.references();
        Set<Long> chosen = pupils.chosen();
        Set<Long> attended = pupils.attended();
        boolean suggesting = chosen.isEmpty();
        List<PupilProgress> candidates = loaded.candidates();
        Set<Long> ticked = suggesting
                ? candidates.stream()
                        .limit(booking.pupils())
                        .map(PupilProgress::pupilId)
                        .collect(Collectors.toSet())
                : chosen;
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("schoolId", loaded.schoolId());
        model.put("booking", booking);
        model.put("suggesting", suggesting);
        model.put("attendanceDue", booking.attendanceDue(today));
        model.put("answerable", booking.answerable(today));
        model.put(
                "candidates",
                candidates.stream()
                        .map(p -> Map.of(
                                "id", p.pupilId(),
                                "reference", references.getOrDefault(p.pupilId(), "?"),
                                "behind", p.encountersBehind(),
                                "disadvantaged", p.disadvantaged(),
                                "ticked", ticked.contains(p.pupilId())))
                        .toList());
        // attendance: the chosen pupils (or those already recorded), ticked unless recorded absent
        Set<Long> listed = chosen.isEmpty() ? ticked : chosen;
        model.put(
                "register",
                candidates.stream()
                        .filter(p -> listed.contains(p.pupilId()))
                        .map(p -> Map.of(
                                "id", p.pupilId(),
                                "reference", references.getOrDefault(p.pupilId(), "?"),
                                "present", !booking.attendanceRecorded() || attended.contains(p.pupilId())))
                        .toList());
        templates.render(ctx, status, "school/booking", booking.typeLabel() + " on " + booking.startsOn(), model);
    }
}

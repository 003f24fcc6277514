package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Who goes to a booking, for form tutors: a page to print (the booking's date, time and place, and
 * the pupils by reference) and the same pupils as CSV with the flags the school recorded. The
 * school's own people only, as the booking's page: pupil references never reach an enterprise
 * adviser.
 */
public final class WhoGoesListRoutes {

    public record WhoGoesListPage(long schoolId, SchoolBooking booking, List<PupilRepository.PupilRow> pupils) {}

    private final SchoolBookingRepository bookings;
    private final Blocking blocking;
    private final Templates templates;
    private final PathEntity<SchoolBooking> booking;

    public WhoGoesListRoutes(SchoolBookingRepository bookings, Blocking blocking, Templates templates) {
        this.bookings = bookings;
        this.blocking = blocking;
        this.templates = templates;
        this.booking = new PathEntity<>(
                "booking",
                blocking,
                ctx -> bookings.find(PathId.required(ctx, "schoolId"), PathId.required(ctx, "bookingId")));
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes one = routes.school().under("/bookings/:bookingId").loading(booking);
        one.get("/who-goes", this::showWhoGoes);
        one.get("/pupils.csv", this::downloadWhoGoes);
    }

    /** The list to print: no forms or site navigation, so the print stylesheet leaves only the list. */
    public void showWhoGoes(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolBooking b = booking.of(ctx);
        templates.render(
                ctx,
                "school/who-goes",
                "Who goes: " + b.typeLabel() + " for Year " + b.yearGroup(),
                new WhoGoesListPage(schoolId, b, going(ctx)));
    }

    /** One row per pupil going; a booking with nobody chosen yet gives the header line alone. */
    public void downloadWhoGoes(RoutingContext ctx) {
        SchoolBooking b = booking.of(ctx);
        CsvWriter csv = new CsvWriter().row("pupil_reference", "year_group", "disadvantaged", "send", "eal");
        going(ctx)
                .forEach(p -> csv.row(
                        p.reference(), p.yearGroup(), yesNo(p.disadvantaged()), yesNo(p.send()), yesNo(p.eal())));
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader(
                        "Content-Disposition",
                        "attachment; filename=\"who-goes-" + b.startsOn() + "-booking-" + b.id() + ".csv\"")
                .putHeader("Cache-Control", "no-store")
                .end(csv.toString());
    }

    private List<PupilRepository.PupilRow> going(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        long bookingId = booking.of(ctx).id();
        return blocking.call(() -> bookings.going(schoolId, bookingId));
    }

    private static String yesNo(boolean flag) {
        return flag ? "yes" : "no";
    }
}

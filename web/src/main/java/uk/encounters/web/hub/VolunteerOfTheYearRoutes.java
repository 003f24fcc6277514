package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.statement.VolunteersOfTheYear;
import uk.encounters.marketplace.statement.VolunteersOfTheYear.Named;
import uk.encounters.marketplace.statement.VolunteersOfTheYear.YearVolunteer;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The hub's volunteers of the year: the year's volunteers with their sessions and pupils reached, a form to name
 * one with a citation (their employer's statement quotes it), and removing a naming after a confirmation.
 */
public final class VolunteerOfTheYearRoutes {

    public record VolunteersPage(
            Hub hub,
            String yearLabel,
            int startYear,
            List<YearVolunteer> volunteers,
            List<Option> choices,
            List<YearLink> years) {}

    public record Option(String value, String label, boolean selected) {}

    public record YearLink(String label, String href, boolean current) {}

    public record RemovePage(Hub hub, Named named) {}

    private final VolunteersOfTheYear volunteers;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Hub> hub;

    public VolunteerOfTheYearRoutes(
            VolunteersOfTheYear volunteers, Blocking blocking, Templates templates, Clock clock, PathEntity<Hub> hub) {
        this.volunteers = volunteers;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub().loading(this.hub);
        hub.get("/volunteers-of-the-year", this::showVolunteers);
        hub.post("/volunteers-of-the-year", this::processNameVolunteer);
        hub.get("/volunteers-of-the-year/:namedId/remove", this::showRemoveNaming);
        hub.post("/volunteers-of-the-year/:namedId/remove", this::processRemoveNaming);
    }

    public void showVolunteers(RoutingContext ctx) {
        Optional<AcademicYear> year = year(ctx.request().getParam("year"));
        if (year.isEmpty()) {
            ctx.fail(404);
            return;
        }
        show(ctx, 200, year.get(), Form.blank());
    }

    public void processNameVolunteer(RoutingContext ctx) {
        Hub in = hub.of(ctx);
        Form form = Form.of(ctx);
        Optional<AcademicYear> year = year(ctx.request().getFormAttribute("year"));
        if (year.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Optional<Long> volunteerId = PathId.parse(ctx.request().getFormAttribute("volunteerId"));
        form.keep("volunteerId", ctx.request().getFormAttribute("volunteerId"));
        if (volunteerId.isEmpty()) {
            form.error("volunteerId", "Choose the volunteer to name");
        }
        String citation = form.requiredLines("citation", "Why they are named", VolunteersOfTheYear.CITATION_LENGTH);
        if (form.hasErrors()) {
            show(ctx, 422, year.get(), form);
            return;
        }
        var outcome = blocking.call(() -> volunteers.name(
                CurrentUser.actor(ctx), in.id(), volunteerId.get(), year.get(), citation, LocalDate.now(clock)));
        if (outcome == VolunteersOfTheYear.Outcome.NOT_THE_HUBS) {
            form.error("volunteerId", "Choose one of the volunteers who gave " + in.name() + " a session this year");
            show(ctx, 422, year.get(), form);
            return;
        }
        Flash.set(
                ctx,
                "Named volunteer of the year for " + year.get().label()
                        + ". Their organisation's statement for the year says so.");
        ctx.redirect(here(in, year.get()));
    }

    public void showRemoveNaming(RoutingContext ctx) {
        Hub in = hub.of(ctx);
        Optional<Named> named = named(ctx, in);
        if (named.isEmpty()) {
            ctx.fail(404);
            return;
        }
        removePage(ctx, 200, in, named.get(), Form.blank());
    }

    public void processRemoveNaming(RoutingContext ctx) {
        Hub in = hub.of(ctx);
        Optional<Named> named = named(ctx, in);
        if (named.isEmpty()) {
            ctx.fail(404);
            return;
        }
        // the button says what it does; a post without it is not a decision
        if (!"remove".equals(ctx.request().getFormAttribute("confirm"))) {
            Form form = Form.blank();
            form.error("confirm", "Use the button to take the naming back");
            removePage(ctx, 422, in, named.get(), form);
            return;
        }
        blocking.call(() ->
                volunteers.remove(CurrentUser.actor(ctx), in.id(), named.get().id()));
        Flash.set(
                ctx,
                named.get().name() + " is no longer named volunteer of the year for "
                        + named.get().year().label() + ".");
        ctx.redirect(here(in, named.get().year()));
    }

    private void show(RoutingContext ctx, int status, AcademicYear year, Form form) {
        Hub in = hub.of(ctx);
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        List<YearVolunteer> list = blocking.call(() -> volunteers.forHub(in.id(), year, LocalDate.now(clock)));
        String chosen = form.value("volunteerId");
        List<Option> choices = list.stream()
                .map(v -> new Option(
                        String.valueOf(v.volunteerId()),
                        v.name() + " (" + v.employerName() + ")",
                        String.valueOf(v.volunteerId()).equals(chosen)))
                .toList();
        List<YearLink> years = List.of(current, current.minus(1)).stream()
                .map(y -> new YearLink(y.label(), here(in, y), y.equals(year)))
                .toList();
        templates.render(
                ctx,
                status,
                "hub/volunteers-of-the-year",
                "Volunteers of the year, " + year.label(),
                new VolunteersPage(in, year.label(), year.startYear(), list, choices, years),
                form);
    }

    private void removePage(RoutingContext ctx, int status, Hub in, Named named, Form form) {
        templates.render(
                ctx,
                status,
                "hub/volunteer-of-the-year-remove",
                "Take back " + named.name() + "'s naming",
                new RemovePage(in, named),
                form);
    }

    private Optional<Named> named(RoutingContext ctx, Hub in) {
        return PathId.parse(ctx.pathParam("namedId")).flatMap(id -> blocking.call(() -> volunteers.find(in.id(), id)));
    }

    /** The year asked for (by the calendar year it starts in), this year when none; none in the future. */
    private Optional<AcademicYear> year(String value) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        return value == null || value.isEmpty() ? Optional.of(current) : AcademicYear.named(value, current);
    }

    private static String here(Hub in, AcademicYear year) {
        return "/hubs/" + in.id() + "/volunteers-of-the-year?year=" + year.startYear();
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerChanges;
import uk.encounters.marketplace.employer.VolunteerDetails;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** An employer's volunteers, each with the state of their safeguarding check. */
public final class VolunteerRoutes {

    public record VolunteerFormPage(long employerId) {}

    /** A volunteer as the employer's page lists them. */
    public record VolunteerRow(
            long id,
            String name,
            String email,
            boolean active,
            LocalDate until,
            String safeguarding,
            boolean warning) {}

    private final VolunteerChanges changes;
    private final Blocking blocking;
    private final Templates templates;
    private final PathEntity<Volunteer> volunteer;
    private final Clock clock;

    public VolunteerRoutes(
            VolunteerRepository volunteers,
            VolunteerChanges changes,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.clock = clock;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        // another employer's volunteer is not found
        this.volunteer = new PathEntity<>(
                "volunteer",
                blocking,
                ctx -> volunteers
                        .findById(PathId.required(ctx, "volunteerId"))
                        .filter(v -> v.employerId() == PathId.required(ctx, "employerId")));
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.get("/volunteers/new", this::initVolunteerForm);
        employer.post("/volunteers", this::processVolunteerForm);
        employer.under("/volunteers/:volunteerId").loading(volunteer).post("/active", this::processVolunteerActive);
    }

    public void initVolunteerForm(RoutingContext ctx) {
        showForm(ctx, 200, Form.blank());
    }

    /** Adds a volunteer, or updates the one with that email address. */
    public void processVolunteerForm(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Form form = Form.of(ctx);
        Optional<VolunteerDetails> volunteer = read(form);
        if (volunteer.isEmpty()) {
            showForm(ctx, 422, form);
            return;
        }
        VolunteerRepository.Saved saved =
                blocking.call(() -> changes.save(CurrentUser.actor(ctx), employerId, volunteer.get()));
        VolunteerDetails details = volunteer.get();
        Flash.set(
                ctx,
                (saved == VolunteerRepository.Saved.ADDED ? "Added " : "Updated ") + details.name() + "."
                        + Volunteer.expiredCheckWarning(
                                        details.name(), details.safeguardingCheckedUntil(), LocalDate.now(clock))
                                .map(warning -> " " + warning)
                                .orElse(""));
        ctx.redirect("/employers/" + employerId + "#volunteers");
    }

    /** A volunteer who has left is kept on past bookings but offered no more; one who returns is offered again. */
    public void processVolunteerActive(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        long volunteerId = volunteer.of(ctx).id();
        boolean active = "true".equals(ctx.request().getFormAttribute("active"));
        boolean changed =
                blocking.call(() -> changes.setActive(CurrentUser.actor(ctx), employerId, volunteerId, active));
        if (!changed) {
            ctx.fail(404);
            return;
        }
        Flash.set(
                ctx,
                active
                        ? "They will be offered again."
                        : "They will not be offered any more; past bookings keep their name.");
        ctx.redirect("/employers/" + employerId + "#volunteers");
    }

    /** The same checks for the form and for each row of a CSV import. */
    static Optional<VolunteerDetails> read(Form form) {
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        LocalDate checkedUntil = form.optionalDate("safeguardingUntil", "When their safeguarding check needs renewing");
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new VolunteerDetails(name, email, checkedUntil));
    }

    /** A volunteer as the employer's page lists them. */
    static VolunteerRow row(Volunteer volunteer, LocalDate today) {
        Volunteer.Safeguarding state = volunteer.safeguarding(today);
        return new VolunteerRow(
                volunteer.id(),
                volunteer.name(),
                volunteer.email(),
                volunteer.active(),
                volunteer.safeguardingCheckedUntil(),
                switch (state) {
                    case NONE -> "No check";
                    case VALID -> "Checked";
                    case RENEW_SOON -> "Renew soon";
                    case EXPIRED -> "Expired";
                },
                state == Volunteer.Safeguarding.RENEW_SOON || state == Volunteer.Safeguarding.EXPIRED);
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        templates.render(
                ctx,
                status,
                "employer/volunteer-form",
                "Add a volunteer",
                new VolunteerFormPage(PathId.required(ctx, "employerId")),
                form);
    }
}

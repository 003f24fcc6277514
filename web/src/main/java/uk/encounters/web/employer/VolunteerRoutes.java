package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** An employer's volunteers, each with the state of their safeguarding check. */
public final class VolunteerRoutes {

    /** One volunteer, as read from the form or a CSV row. */
    record VolunteerFields(String name, String email, LocalDate safeguardingCheckedUntil) {}

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;

    public VolunteerRoutes(Database database, Blocking blocking, Templates templates) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.get("/volunteers/new", this::initVolunteerForm);
        employer.post("/volunteers", this::processVolunteerForm);
        employer.post("/volunteers/:volunteerId/active", this::processVolunteerActive);
    }

    public void initVolunteerForm(RoutingContext ctx) {
        showForm(ctx, 200, Form.blank());
    }

    /** Adds a volunteer, or updates the one with that email address. */
    public void processVolunteerForm(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Form form = Form.of(ctx);
        Optional<VolunteerFields> volunteer = read(form);
        if (volunteer.isEmpty()) {
            showForm(ctx, 422, form);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        VolunteerRepository.Saved saved = blocking.call(() -> database.dsl().transactionResult(c -> {
            VolunteerFields v = volunteer.get();
            var result = new VolunteerRepository(c.dsl())
                    .save(employerId, v.name(), v.email(), v.safeguardingCheckedUntil());
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "volunteer_saved",
                            "employer",
                            employerId,
                            Map.of("email", v.email(), "result", result.name()),
                            ip);
            return result;
        }));
        Flash.set(
                ctx,
                (saved == VolunteerRepository.Saved.ADDED ? "Added " : "Updated ")
                        + volunteer.get().name() + ".");
        ctx.redirect("/employers/" + employerId + "#volunteers");
    }

    /** A volunteer who has left is kept on past bookings but offered no more; one who returns is offered again. */
    public void processVolunteerActive(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<Long> volunteerId = PathId.of(ctx, "volunteerId");
        if (volunteerId.isEmpty()) {
            ctx.fail(404);
            return;
        }
        boolean active = "true".equals(ctx.request().getFormAttribute("active"));
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        boolean changed = blocking.call(() -> database.dsl().transactionResult(c -> {
            boolean done = new VolunteerRepository(c.dsl()).setActive(employerId, volunteerId.get(), active);
            if (done) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                active ? "volunteer_reactivated" : "volunteer_deactivated",
                                "volunteer",
                                volunteerId.get(),
                                Map.of(),
                                ip);
            }
            return done;
        }));
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
    static Optional<VolunteerFields> read(Form form) {
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        String until = form.text("safeguardingUntil", "When their safeguarding check needs renewing", 10);
        LocalDate checkedUntil =
                until.isEmpty() ? null : form.date("safeguardingUntil", "When their safeguarding check needs renewing");
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new VolunteerFields(name, email, checkedUntil));
    }

    /** A volunteer as the employer's page lists them. */
    static Map<String, Object> row(Volunteer volunteer, LocalDate today) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", volunteer.id());
        row.put("name", volunteer.name());
        row.put("email", volunteer.email());
        row.put("active", volunteer.active());
        row.put("until", volunteer.safeguardingCheckedUntil());
        Volunteer.Safeguarding state = volunteer.safeguarding(today);
        row.put(
                "safeguarding",
                switch (state) {
                    case NONE -> "No check";
                    case VALID -> "Checked";
                    case RENEW_SOON -> "Renew soon";
                    case EXPIRED -> "Expired";
                });
        row.put("warning", state == Volunteer.Safeguarding.RENEW_SOON || state == Volunteer.Safeguarding.EXPIRED);
        return row;
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("employerId", PathId.required(ctx, "employerId"));
        templates.render(ctx, status, "employer/volunteer-form", "Add a volunteer", model);
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.employer.ExistingEmployer;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.placement.SelfFoundPlacements;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A placement a pupil or family arranged, recorded by the careers leader: the pupil, the host, the
 * person there and the dates. When the host looks like one of the hub's organisations the form asks
 * whether it is, before anything is saved; the host is then asked for its paperwork.
 */
public final class SelfFoundPlacementRoutes {

    /**
     * @param existing an organisation of the hub the host looks like, to confirm or not; null when none
     */
    public record SelfFoundPage(
            long schoolId,
            List<SelectOptions.Option> sectors,
            List<SelectOptions.Option> sizes,
            ExistingEmployer existing,
            String action) {}

    /** The longest placement recorded here: a month of school days. */
    static final int LONGEST_DAYS = 31;

    private static final String NEW = "new";

    private final SelfFoundPlacements placements;
    private final PupilRepository pupils;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public SelfFoundPlacementRoutes(
            SelfFoundPlacements placements,
            PupilRepository pupils,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.placements = placements;
        this.pupils = pupils;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId); registered before a placement's, whose id "new" is not. */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/placements/new", ctx -> show(ctx, 200, Form.blank(), null));
        school.post("/placements/new", this::processPlacement);
    }

    public void processPlacement(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        LocalDate today = LocalDate.now(clock);
        String reference = form.required("pupil", "The pupil's reference", 40);
        Optional<Long> pupil = reference.isEmpty() || form.hasErrors()
                ? Optional.empty()
                : blocking.call(() -> pupils.findOnRoll(schoolId, reference, today));
        if (!reference.isEmpty() && pupil.isEmpty()) {
            form.error("pupil", "No pupil on your school's roll has the reference " + reference);
        }
        String name = form.name("hostName", "The organisation's name", 200);
        String postcode = form.required("hostPostcode", "The organisation's postcode", 10);
        Optional<String> fullPostcode = PostcodeDistrict.normalisePostcode(postcode);
        if (!postcode.isEmpty() && fullPostcode.isEmpty()) {
            form.error("hostPostcode", "Enter a full postcode, like DE1 1AB");
        }
        String sector = form.choice("sector", "Its sector", Sectors.ALL);
        String size = form.choice("size", "How many people work there", List.copyOf(SelectOptions.SIZE_BANDS.keySet()));
        String contactName = form.name("contactName", "Whom the pupil will work with or for", 200);
        String email = form.email("contactEmail", "Their email address");
        String phone = form.phone("contactPhone", "Their phone number");
        LocalDate starts = form.date("startsOn", "First day");
        LocalDate ends = form.date("endsOn", "Last day");
        if (starts != null && starts.isBefore(today)) {
            form.error("startsOn", "The first day must be today or later");
        }
        if (starts != null && ends != null) {
            if (ends.isBefore(starts)) {
                form.error("endsOn", "The last day must be on or after the first day");
            } else if (ChronoUnit.DAYS.between(starts, ends) >= LONGEST_DAYS) {
                form.error("endsOn", "A placement recorded here is at most a month long");
            } else if (weekend(starts)) {
                form.error(
                        "startsOn",
                        "The first day is a " + starts.getDayOfWeek().toString().toLowerCase()
                                + ": choose a school day");
            }
        }
        if (form.hasErrors()) {
            show(ctx, 422, form, null);
            return;
        }
        // the host may already work with the hub: ask before making a second record of it
        Optional<ExistingEmployer> existing =
                blocking.call(() -> placements.existingHost(schoolId, name, email, fullPostcode.get()));
        String answer = form.text("existing", "Which organisation it is", 20);
        Long existingId = null;
        if (existing.isPresent()) {
            if (answer.isEmpty()) {
                show(ctx, 200, form, existing.get());
                return;
            }
            if (answer.equals(String.valueOf(existing.get().employerId()))) {
                existingId = existing.get().employerId();
            } else if (!answer.equals(NEW)) {
                form.error("existing", "Say whether it is " + existing.get().name());
                show(ctx, 422, form, existing.get());
                return;
            }
        }
        Long chosen = existingId;
        SelfFoundPlacements.Recorded recorded = blocking.call(() -> placements.record(
                CurrentUser.actor(ctx),
                schoolId,
                pupil.get(),
                new SelfFoundPlacements.Host(chosen, name, fullPostcode.get(), sector, size),
                new SelfFoundPlacements.Contact(contactName, email, phone),
                starts,
                ends));
        Flash.set(
                ctx,
                "Recorded. "
                        + (recorded.linkSent()
                                ? contactName + " is emailed a link to give the organisation's placement paperwork."
                                : "The organisation's own people are asked for its placement paperwork."));
        ctx.redirect("/schools/" + schoolId + "/placements/" + recorded.placementId());
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private void show(RoutingContext ctx, int status, Form form, ExistingEmployer existing) {
        long schoolId = PathId.required(ctx, "schoolId");
        templates.render(
                ctx,
                status,
                "school/placement-new",
                "Record a placement a pupil found",
                new SelfFoundPage(
                        schoolId,
                        SelectOptions.sectors(form.value("sector")),
                        SelectOptions.of(SelectOptions.SIZE_BANDS, form.value("size")),
                        existing,
                        "/schools/" + schoolId + "/placements/new"),
                form);
    }
}

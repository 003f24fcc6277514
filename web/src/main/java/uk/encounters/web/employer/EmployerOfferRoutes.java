package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Flash;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * Offers made from the employer's own page: recurring weekly capacity, placements, paid
 * workshops, with a named volunteer. Live at once (the person is signed in); editable, pausable
 * and withdrawable.
 */
public final class EmployerOfferRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public EmployerOfferRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.get("/offers/new", this::initNewOffer);
        employer.post("/offers", this::processNewOffer);
        employer.get("/offers/:offerId/edit", this::initEditOffer);
        employer.post("/offers/:offerId", this::processEditOffer);
        employer.post("/offers/:offerId/status", this::processOfferStatus);
    }

    public void initNewOffer(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<Employer> employer = blocking.call(() -> new EmployerRepository(database.dsl()).findById(employerId));
        if (employer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Map<String, String> values = OfferFields.defaults(LocalDate.now(clock));
        values.put("sector", employer.get().sector());
        showForm(ctx, 200, Form.withValues(values), null);
    }

    public void initEditOffer(RoutingContext ctx) {
        Optional<OfferRepository.StoredOffer> offer = ownOffer(ctx);
        if (offer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Map<String, String> values = OfferFields.values(offer.get().details());
        values.put(
                "volunteer",
                offer.get().volunteerId() == null
                        ? ""
                        : String.valueOf(offer.get().volunteerId()));
        showForm(ctx, 200, Form.withValues(values), offer.get().id());
    }

    public void processNewOffer(RoutingContext ctx) {
        save(ctx, null);
    }

    public void processEditOffer(RoutingContext ctx) {
        Optional<OfferRepository.StoredOffer> offer = ownOffer(ctx);
        if (offer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        save(ctx, offer.get().id());
    }

    /** Pause (no new asks until resumed), resume, or withdraw for good. */
    public void processOfferStatus(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<OfferRepository.StoredOffer> offer = ownOffer(ctx);
        if (offer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Form form = Form.of(ctx);
        String wanted = form.choice("status", "What to do with the offer", List.of("active", "paused", "withdrawn"));
        Optional<OfferRepository.Status> to =
                form.hasErrors() ? Optional.empty() : Optional.of(OfferRepository.Status.fromCode(wanted));
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        boolean changed = to.isPresent()
                && blocking.call(() -> database.dsl().transactionResult(c -> {
                    boolean done = new OfferRepository(c.dsl())
                            .changeStatus(offer.get().id(), to.get());
                    if (done) {
                        new AuditLog(c.dsl())
                                .record(
                                        actor,
                                        "offer_" + to.get().code(),
                                        "offer",
                                        offer.get().id(),
                                        Map.of(),
                                        ip);
                    }
                    return done;
                }));
        Flash.set(
                ctx,
                !changed
                        ? "That offer could not be changed that way."
                        : switch (to.get()) {
                            case PAUSED -> "Paused: you will not be asked for it until you resume it.";
                            case WITHDRAWN -> "Withdrawn. Bookings already made from it stand unless you decline them.";
                            default -> "Resumed: it is in the next matching round.";
                        });
        ctx.redirect("/employers/" + employerId + "#offers");
    }

    private void save(RoutingContext ctx, Long offerId) {
        long employerId = PathId.required(ctx, "employerId");
        Optional<Employer> employer = blocking.call(() -> new EmployerRepository(database.dsl()).findById(employerId));
        if (employer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        List<Volunteer> volunteers =
                blocking.call(() -> new VolunteerRepository(database.dsl()).findByEmployer(employerId));
        Form form = Form.of(ctx);
        String sector = OfferFields.sector(form);
        Optional<OfferDetails> details = OfferFields.read(
                form, LocalDate.now(clock), offerId == null, employer.get().name(), sector);
        Long volunteerId = volunteer(form, volunteers, details);
        if (form.hasErrors()) {
            showForm(ctx, 422, form, offerId);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            OfferRepository offers = new OfferRepository(c.dsl());
            if (offerId == null) {
                long created = offers.create(employerId, volunteerId, details.get(), OfferRepository.Status.ACTIVE);
                new AuditLog(c.dsl()).record(actor, "offer_created", "offer", created, Map.of(), ip);
            } else {
                offers.update(offerId, volunteerId, details.get());
                new AuditLog(c.dsl()).record(actor, "offer_edited", "offer", offerId, Map.of(), ip);
            }
            return null;
        }));
        Flash.set(ctx, offerId == null ? "Your offer is live for the next matching round." : "Saved your changes.");
        ctx.redirect("/employers/" + employerId + "#offers");
    }

    /**
     * The named volunteer, one of the employer's active ones. Types that put a volunteer with
     * pupils unsupervised need one whose safeguarding check lasts to the offer's last date.
     */
    private static Long volunteer(Form form, List<Volunteer> volunteers, Optional<OfferDetails> details) {
        String value = form.text("volunteer", "Who gives it", 20);
        if (value.isEmpty()) {
            return null;
        }
        Optional<Volunteer> chosen = volunteers.stream()
                .filter(v -> v.active() && String.valueOf(v.id()).equals(value))
                .findFirst();
        if (chosen.isEmpty()) {
            form.error("volunteer", "Choose one of your volunteers");
            return null;
        }
        if (details.isPresent()
                && details.get().type().needsSafeguardingCheck()
                && (chosen.get().safeguardingCheckedUntil() == null
                        || chosen.get()
                                .safeguardingCheckedUntil()
                                .isBefore(details.get().availableUntil()))) {
            form.error(
                    "volunteer",
                    chosen.get().name() + "'s safeguarding check does not cover these dates: "
                            + details.get().type().label().toLowerCase() + " needs one");
        }
        return chosen.get().id();
    }

    private Optional<OfferRepository.StoredOffer> ownOffer(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        return PathId.of(ctx, "offerId")
                .flatMap(id -> blocking.call(() -> new OfferRepository(database.dsl()).findStored(id)))
                .filter(offer -> offer.employerId() == employerId);
    }

    private void showForm(RoutingContext ctx, int status, Form form, Long offerId) {
        long employerId = PathId.required(ctx, "employerId");
        List<Volunteer> volunteers =
                blocking.call(() -> new VolunteerRepository(database.dsl()).findByEmployer(employerId));
        Map<String, Object> model = new HashMap<>(form.model());
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) model.get("values");
        model.put("choices", OfferFields.choices(form));
        model.put("account", true);
        model.put("employerId", employerId);
        model.put("offerId", offerId);
        model.put(
                "action",
                offerId == null
                        ? "/employers/" + employerId + "/offers"
                        : "/employers/" + employerId + "/offers/" + offerId);
        model.put(
                "volunteers",
                volunteers.stream()
                        .filter(Volunteer::active)
                        .map(v -> Map.<String, Object>of(
                                "value",
                                String.valueOf(v.id()),
                                "label",
                                v.name(),
                                "selected",
                                String.valueOf(v.id()).equals(values.get("volunteer"))))
                        .toList());
        templates.render(ctx, status, "employer/offer-edit", offerId == null ? "New offer" : "Edit offer", model);
    }
}

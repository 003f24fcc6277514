package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.EmployerOfferChanges;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Offers made from the employer's own page: recurring weekly capacity, placements, paid
 * workshops, with a named volunteer. Live at once (the person is signed in); editable, pausable
 * and withdrawable.
 */
public final class EmployerOfferRoutes {

    /** A new offer ({@code offerId} null) or one being edited; the offer's own fields read {@code choices}. */
    public record OfferEditPage(
            long employerId,
            Long offerId,
            String action,
            OfferFields.Choices choices,
            List<VolunteerChoice> volunteers,
            List<SelectOptions.Option> hubs) {}

    /** The check before withdrawing an offer, which cannot be undone. */
    public record WithdrawPage(long employerId, OfferRepository.StoredOffer offer) {}

    /** One of the employer's active volunteers, as the "who gives it" select offers them. */
    public record VolunteerChoice(String value, String label, boolean selected) {}

    private final VolunteerRepository volunteers;
    private final EmployerOfferChanges changes;
    private final PathEntity<Employer> employer;
    private final PathEntity<OfferRepository.StoredOffer> offer;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    /** @param employer the organisation {@code :employerId} names */
    public EmployerOfferRoutes(
            OfferRepository offers,
            VolunteerRepository volunteers,
            EmployerOfferChanges changes,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.volunteers = volunteers;
        this.changes = changes;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        // another employer's offer is not found
        this.offer = new PathEntity<>(
                "offer",
                blocking,
                ctx -> offers.findStored(PathId.required(ctx, "offerId"))
                        .filter(o -> o.employerId() == PathId.required(ctx, "employerId")));
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer().loading(this.employer);
        employer.get("/offers/new", this::initNewOffer);
        employer.post("/offers", this::processNewOffer);
        Routes one = employer.under("/offers/:offerId").loading(offer);
        one.get("/edit", this::initEditOffer);
        one.post("", this::processEditOffer);
        one.get("/withdraw", this::initWithdrawOffer);
        one.post("/status", this::processOfferStatus);
    }

    /** With the defaults and the organisation's sector, or filled in from a supply gap's "Offer this" link. */
    public void initNewOffer(RoutingContext ctx) {
        Map<String, String> values = OfferFields.defaults(LocalDate.now(clock));
        values.put("sector", employer.of(ctx).sector());
        Form form = Form.withValues(values);
        OfferForGap.fill(ctx.queryParams(), form);
        showForm(ctx, 200, form, null);
    }

    public void initEditOffer(RoutingContext ctx) {
        OfferRepository.StoredOffer edited = offer.of(ctx);
        Map<String, String> values = OfferFields.values(edited.details());
        values.put("volunteer", edited.volunteerId() == null ? "" : String.valueOf(edited.volunteerId()));
        showForm(ctx, 200, Form.withValues(values), edited.id());
    }

    public void processNewOffer(RoutingContext ctx) {
        save(ctx, null);
    }

    public void processEditOffer(RoutingContext ctx) {
        save(ctx, offer.of(ctx).id());
    }

    /** Withdrawing cannot be undone, so it is asked once more, with what it means. */
    public void initWithdrawOffer(RoutingContext ctx) {
        OfferRepository.StoredOffer withdrawn = offer.of(ctx);
        if (withdrawn.status() == OfferStatus.WITHDRAWN) {
            Flash.set(ctx, "That offer is withdrawn already.");
            ctx.redirect("/employers/" + withdrawn.employerId() + "#offers");
            return;
        }
        templates.render(
                ctx,
                "employer/offer-withdraw",
                "Withdraw " + withdrawn.details().title() + "?",
                new WithdrawPage(withdrawn.employerId(), withdrawn));
    }

    /**
     * Pause (no new asks until resumed), resume, or withdraw for good; a withdrawal without the
     * check page's confirmation changes nothing and shows that page.
     */
    public void processOfferStatus(RoutingContext ctx) {
        long offerId = offer.of(ctx).id();
        Form form = Form.of(ctx);
        String wanted = form.choice(
                "status",
                "What to do with the offer",
                Stream.of(OfferStatus.ACTIVE, OfferStatus.PAUSED, OfferStatus.WITHDRAWN)
                        .map(OfferStatus::getLiteral)
                        .toList());
        Optional<OfferStatus> to = form.hasErrors() ? Optional.empty() : OfferStatus.fromLiteral(wanted);
        if (to.equals(Optional.of(OfferStatus.WITHDRAWN))
                && !"yes".equals(ctx.request().getFormAttribute("confirm"))) {
            initWithdrawOffer(ctx);
            return;
        }
        boolean changed =
                to.isPresent() && blocking.call(() -> changes.changeStatus(CurrentUser.actor(ctx), offerId, to.get()));
        Flash.set(
                ctx,
                !changed
                        ? "That offer could not be changed that way."
                        : switch (to.get()) {
                            case PAUSED -> "Paused: you will not be asked for it until you resume it.";
                            case WITHDRAWN -> "Withdrawn. Bookings already made from it stand unless you decline them.";
                            default -> "Resumed: it is in the next matching round.";
                        });
        ctx.redirect("/employers/" + employer.of(ctx).id() + "#offers");
    }

    private void save(RoutingContext ctx, Long offerId) {
        Employer saving = employer.of(ctx);
        List<Volunteer> theirs = blocking.call(() -> volunteers.findByEmployer(saving.id()));
        Form form = Form.of(ctx);
        String sector = OfferFields.sector(form);
        Optional<OfferDetails> details =
                OfferFields.read(form, LocalDate.now(clock), offerId == null, saving.name(), sector);
        Long volunteerId = volunteer(form, theirs, details);
        // an offer keeps the hub it was made to: only a new one is asked
        Optional<Long> hubId = offerId == null ? OfferHub.read(form, saving) : Optional.empty();
        if (form.hasErrors()) {
            showForm(ctx, 422, form, offerId);
            return;
        }
        EmployerOfferChanges.NewOffer saved = new EmployerOfferChanges.NewOffer(details.get(), volunteerId);
        blocking.call(() -> {
            if (offerId == null) {
                changes.create(CurrentUser.actor(ctx), saving.id(), hubId.orElseThrow(), saved);
            } else {
                changes.edit(CurrentUser.actor(ctx), offerId, saved);
            }
            return null;
        });
        Flash.set(ctx, offerId == null ? "Your offer is live for the next matching round." : "Saved your changes.");
        ctx.redirect("/employers/" + saving.id() + "#offers");
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

    private void showForm(RoutingContext ctx, int status, Form form, Long offerId) {
        Employer shown = employer.of(ctx);
        long employerId = shown.id();
        String chosen = OfferFields.values(form).get("volunteer");
        List<VolunteerChoice> choices = blocking.call(() -> volunteers.findByEmployer(employerId)).stream()
                .filter(Volunteer::active)
                .map(v -> new VolunteerChoice(
                        String.valueOf(v.id()), v.name(), String.valueOf(v.id()).equals(chosen)))
                .toList();
        OfferEditPage page = new OfferEditPage(
                employerId,
                offerId,
                offerId == null
                        ? "/employers/" + employerId + "/offers"
                        : "/employers/" + employerId + "/offers/" + offerId,
                OfferFields.choices(form),
                choices,
                offerId == null ? OfferHub.options(shown, form.value(OfferHub.FIELD)) : List.of());
        templates.render(ctx, status, "employer/offer-edit", offerId == null ? "New offer" : "Edit offer", page, form);
    }
}

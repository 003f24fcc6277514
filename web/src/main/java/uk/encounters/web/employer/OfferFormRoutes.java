package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.hub.GapsNearby;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.OfferSubmission;
import uk.encounters.marketplace.offer.PublicOffers;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * "Offer a talk": the one short public form through which an SME offers an encounter, with no
 * account, and the emailed link that confirms it. Defaults make a one-off careers talk a
 * one-minute job. Above it, a postcode typed shows what the hub's schools near it need, each
 * with a link that opens the form filled in to offer exactly that.
 */
public final class OfferFormRoutes {

    /**
     * The form; the offer's own fields read {@code choices}. {@code areas} are the hubs of the
     * "what schools near you need" search, {@code needs} its answer (null until a postcode is typed).
     */
    public record OfferFormPage(
            OfferFields.Choices choices,
            List<SelectOptions.Option> sizes,
            List<SelectOptions.Option> hubs,
            List<SelectOptions.Option> areas,
            OfferForGap.Needs needs) {}

    /**
     * What the person sent, said back to them (their own words only: nothing of what is registered),
     * and what happens next.
     */
    public record OfferSentPage(String email, String organisation, OfferDetails offer) {

        public String what() {
            return offer.type().label();
        }

        public String yearGroups() {
            return offer.yearGroupFrom() == offer.yearGroupTo()
                    ? "Year " + offer.yearGroupFrom()
                    : "Years " + offer.yearGroupFrom() + " to " + offer.yearGroupTo();
        }

        public String dates() {
            return DateStyle.range(offer.availableFrom(), offer.availableUntil());
        }
    }

    public record ConfirmOfferPage(String action) {}

    /** Any emailed link that has run out or been used: the page names nothing. */
    private final PublicOffers publicOffers;

    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final Links links;
    private final HubChoices hubChoices;
    private final HubGaps hubGaps;
    private final Clock clock;

    public OfferFormRoutes(
            PublicOffers publicOffers,
            Blocking blocking,
            Templates templates,
            RateLimit rateLimit,
            Links links,
            HubChoices hubChoices,
            HubGaps hubGaps,
            Clock clock) {
        this.publicOffers = publicOffers;
        this.hubChoices = hubChoices;
        this.hubGaps = hubGaps;
        this.blocking = blocking;
        this.templates = templates;
        this.rateLimit = rateLimit;
        this.links = links;
        this.clock = clock;
    }

    /** Its routes (public). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/offer-a-talk", this::initOfferForm);
        anyone.post("/offer-a-talk", this::processOfferForm);
        anyone.get("/offers/:offerId/confirm/:token", this::initOfferConfirmation);
        anyone.post("/offers/:offerId/confirm/:token", this::processOfferConfirmation);
    }

    /**
     * The form with its defaults, or filled from an "Offer this" link; with {@code near} (a
     * postcode or district) and {@code area} (the hub, when there are several) in the address,
     * also what the schools near there need, and the postcode and hub filled in.
     */
    public void initOfferForm(RoutingContext ctx) {
        Form form = Form.ofQuery(ctx);
        OfferFields.defaults(LocalDate.now(clock)).forEach(form::keep);
        OfferForGap.fill(ctx.queryParams(), form);
        OfferForGap.Needs needs = ctx.queryParams().contains("near") ? needs(form) : null;
        showForm(ctx, form.hasErrors() ? 422 : 200, form, needs);
    }

    /** The search's answer, or null with a message beside each field to correct. */
    private OfferForGap.Needs needs(Form form) {
        List<HubRepository.Hub> hubs = hubChoices.all();
        String typed = form.required("near", "Your postcode", 10);
        Optional<String> district = PostcodeDistrict.typedDistrict(typed);
        if (!typed.isEmpty() && !form.hasErrors() && district.isEmpty()) {
            form.error("near", "Enter a postcode, like DE23 6AA, or its first half, like DE23");
        }
        if (hubs.isEmpty()) {
            form.error("near", "No Careers Hub has been set up yet, so no school has asked");
            return null;
        }
        List<String> hubIds = hubs.stream().map(h -> String.valueOf(h.id())).toList();
        String hub = hubs.size() == 1 ? hubIds.getFirst() : form.choice("area", "Your area", hubIds);
        if (form.hasErrors()) {
            return null;
        }
        // the offer's own postcode: the whole one typed, else the district for the employer to finish
        form.keep("postcode", PostcodeDistrict.normalisePostcode(typed).orElse(district.get()));
        form.keep("hub", hub);
        String search = "near=" + URLEncoder.encode(typed, StandardCharsets.UTF_8) + "&area=" + hub;
        List<GapsNearby.NearbyGap> near = hubGaps.of(Long.parseLong(hub)).near(district.get());
        return OfferForGap.needs(district.get(), near, gap -> "/offer-a-talk?" + search + "&" + gap + "#your-offer");
    }

    public void processOfferForm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Your email address");
        if (!rateLimit.allow(ctx, "public-form", email)) {
            return;
        }
        List<HubRepository.Hub> hubs = hubChoices.all();
        Optional<OfferSubmission> offer = read(form, email, hubs);
        if (offer.isEmpty()) {
            showForm(ctx, 422, form, null);
            return;
        }
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        blocking.call(() -> publicOffers.submit(
                actor, offer.get(), link -> links.offerConfirmation(offer.get().email(), link)));
        // The same answer whatever is registered already, so the form tells nobody which organisations are.
        templates.render(
                ctx,
                "employer/offer-sent",
                "Check your email",
                new OfferSentPage(
                        offer.get().email(),
                        offer.get().organisation(),
                        offer.get().offer()));
    }

    public void initOfferConfirmation(RoutingContext ctx) {
        long offerId = PathId.required(ctx, "offerId");
        String token = ctx.pathParam("token");
        if (!blocking.call(() -> publicOffers.confirmable(offerId, token))) {
            templates.linkExpired(ctx);
            return;
        }
        // the token was found, so it is one of ours and safe in a path as it is
        templates.render(
                ctx,
                "employer/confirm-offer",
                "Confirm your offer",
                new ConfirmOfferPage("/offers/" + offerId + "/confirm/" + token));
    }

    /**
     * Uses the link once, for its own offer only: the person is signed in, and the offer goes live,
     * or, when they asked to join an organisation already registered, waits for its decision.
     */
    public void processOfferConfirmation(RoutingContext ctx) {
        long offerId = PathId.required(ctx, "offerId");
        String token = ctx.pathParam("token");
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        Optional<PublicOffers.Confirmed> confirmed = blocking.call(() -> publicOffers.confirm(actor, offerId, token));
        if (confirmed.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        CurrentUser.signIn(ctx, confirmed.get().account());
        if (confirmed.get().awaitingApproval()) {
            Flash.set(
                    ctx,
                    "Thank you: your offer is saved. An organisation with that name or email address is already"
                            + " registered, so one of its contacts or your enterprise coordinator will confirm that you belong"
                            + " to it. We will email you when they have, and your offer goes live then.");
            ctx.redirect("/account");
        } else {
            Flash.set(ctx, "Thank you: your offer is live for the next matching round.");
            ctx.redirect("/employers/" + confirmed.get().employerId());
        }
    }

    private Optional<OfferSubmission> read(Form form, String email, List<HubRepository.Hub> hubs) {
        String organisation = form.required("organisation", "The name of your organisation", 200);
        String contact = form.required("contactName", "Your name", 200);
        String postcode = form.required("postcode", "Your postcode", 10);
        Optional<String> normalisedPostcode = PostcodeDistrict.normalisePostcode(postcode);
        if (!postcode.isEmpty() && normalisedPostcode.isEmpty()) {
            form.error("postcode", "Enter a UK postcode, like DE1 2AB");
        }
        String sector = OfferFields.sector(form);
        String size =
                form.choice("size", "How many people work for you", List.copyOf(SelectOptions.SIZE_BANDS.keySet()));
        LocalDate today = LocalDate.now(clock);
        Optional<OfferDetails> offer = OfferFields.read(form, today, true, organisation, sector);
        LocalDate checkedUntil = safeguardingCheckedUntil(form, today);
        long hubId = hubId(form, hubs);
        if (form.hasErrors() || offer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OfferSubmission(
                hubId, organisation, contact, email, normalisedPostcode.get(), size, offer.get(), checkedUntil));
    }

    /** When the offerer's safeguarding check runs out; null when they have none or the date is not one. */
    private static LocalDate safeguardingCheckedUntil(Form form, LocalDate today) {
        if (!form.checked("safeguarding")) {
            return null;
        }
        LocalDate typed = form.optionalDate("safeguardingUntil", "When your check runs out");
        // DBS certificates have no expiry; organisations commonly renew them every three years.
        LocalDate checkedUntil = form.value("safeguardingUntil").isEmpty() ? today.plusYears(3) : typed;
        if (checkedUntil != null && checkedUntil.isBefore(today)) {
            form.error("safeguardingUntil", "That date has passed: leave the box unticked until your check is renewed");
        }
        return checkedUntil;
    }

    /** The hub the offer goes to: the only one, or the one chosen; 0 with an error when none is. */
    private static long hubId(Form form, List<HubRepository.Hub> hubs) {
        List<String> hubIds = hubs.stream().map(h -> String.valueOf(h.id())).toList();
        String hubChoice = hubs.size() == 1 ? hubIds.getFirst() : form.choice("hub", "Your area", hubIds);
        // a choice that is not a hub's id is an error beside the field already; it is never parsed
        long hubId = hubIds.contains(hubChoice) ? Long.parseLong(hubChoice) : 0;
        if (hubs.isEmpty()) {
            form.error("organisation", "We are not taking offers yet: no Careers Hub has been set up");
        }
        return hubId;
    }

    /** The hubs to choose among; none when there is only one, which is then taken as chosen. */
    private static List<SelectOptions.Option> hubOptions(List<HubRepository.Hub> hubs, String chosen) {
        return hubs.size() > 1
                ? SelectOptions.of(hubs, h -> String.valueOf(h.id()), HubRepository.Hub::name, chosen)
                : List.of();
    }

    private void showForm(RoutingContext ctx, int status, Form form, OfferForGap.Needs needs) {
        Map<String, String> values = OfferFields.values(form);
        List<HubRepository.Hub> hubs = hubChoices.all();
        OfferFormPage page = new OfferFormPage(
                OfferFields.choices(form),
                SelectOptions.of(SelectOptions.SIZE_BANDS, values.get("size")),
                hubOptions(hubs, values.get("hub")),
                hubOptions(hubs, values.get("area")),
                needs);
        templates.render(ctx, status, "employer/offer-form", "Offer a talk to local pupils", page, form);
    }
}

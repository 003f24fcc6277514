package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.booking.BookingCalendar;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.OrganisationJoins;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.marketplace.offer.SubmitOffer;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** The employer's own page, its calendar feed, and confirming an offer by its emailed link. */
public final class EmployerRoutes {

    static final List<Integer> ASK_LIMITS = List.of(1, 2, 4, 8);

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Links links;
    private final Clock clock;

    public EmployerRoutes(Database database, Blocking blocking, Templates templates, Links links, Clock clock) {
        this.database = database;
        this.links = links;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public, under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        Routes employer = routes.employer();
        anyone.get("/offers/:offerId/confirm/:token", this::initOfferConfirmation);
        anyone.post("/offers/:offerId/confirm/:token", this::processOfferConfirmation);
        employer.get("", this::showEmployer);
        employer.post("/contact-preference", this::processContactPreference);
        employer.post("/calendar", this::processCalendarFeed);
        anyone.get("/calendar/:token", this::showCalendarFeed);
    }

    public void initOfferConfirmation(RoutingContext ctx) {
        long offerId = PathId.required(ctx, "offerId");
        String token = ctx.pathParam("token");
        Optional<Long> user = blocking.call(() ->
                new LoginTokens(database.dsl(), clock).peek(token, LoginTokens.Purpose.OFFER_CONFIRMATION, offerId));
        if (user.isEmpty()) {
            templates.render(ctx, 410, "account/link-expired", "This link has expired or been used", Map.of());
            return;
        }
        // the token was found, so it is one of ours and safe in a path as it is
        templates.render(
                ctx,
                "employer/confirm-offer",
                "Confirm your offer",
                Map.of("action", "/offers/" + offerId + "/confirm/" + token));
    }

    /**
     * Uses the link once, for its own offer only: the person is signed in, and the offer goes live,
     * or, when they asked to join an organisation already registered, waits for its decision.
     */
    public void processOfferConfirmation(RoutingContext ctx) {
        long id = PathId.required(ctx, "offerId");
        String token = ctx.pathParam("token");
        String ip = RateLimit.clientAddress(ctx);
        record Confirmed(Account account, long employerId, boolean awaitingApproval) {}
        Optional<Confirmed> confirmed = blocking.call(() -> database.dsl().transactionResult(c -> {
            Optional<Long> user =
                    new LoginTokens(c.dsl(), clock).redeem(token, LoginTokens.Purpose.OFFER_CONFIRMATION, id);
            var offer = new OfferRepository(c.dsl()).findById(id);
            if (user.isEmpty() || offer.isEmpty()) {
                return Optional.<Confirmed>empty();
            }
            boolean awaiting = new SubmitOffer(clock)
                    .confirm(c.dsl(), user.get(), id, offer.get().employerId());
            new AuditLog(c.dsl())
                    .record(
                            user.get(),
                            awaiting ? "offer_email_confirmed" : "offer_confirmed",
                            "offer",
                            id,
                            Map.of(),
                            ip);
            return new AccountRepository(c.dsl())
                    .findById(user.get())
                    .map(account -> new Confirmed(account, offer.get().employerId(), awaiting));
        }));
        if (confirmed.isEmpty()) {
            templates.render(ctx, 410, "account/link-expired", "This link has expired or been used", Map.of());
            return;
        }
        Account account = confirmed.get().account();
        CurrentUser.signIn(ctx, account);
        long employerId = confirmed.get().employerId();
        if (confirmed.get().awaitingApproval()) {
            Flash.set(
                    ctx,
                    "Thank you: your offer is saved. An organisation with that name or email address is already"
                            + " registered, so one of its contacts or your enterprise coordinator will confirm that you belong"
                            + " to it. We will email you when they have, and your offer goes live then.");
            ctx.redirect("/account");
        } else {
            Flash.set(ctx, "Thank you: your offer is live for the next matching round.");
            ctx.redirect("/employers/" + employerId);
        }
    }

    public void showEmployer(RoutingContext ctx) {
        showEmployer(ctx, 200, Form.blank());
    }

    /** How often the organisation is willing to be asked; matching honours it. */
    public void processContactPreference(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        Form form = Form.of(ctx);
        String limit = form.choice(
                "maxAsks",
                "How often we may ask",
                ASK_LIMITS.stream().map(String::valueOf).toList());
        if (form.hasErrors()) {
            showEmployer(ctx, 422, form);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            new EmployerRepository(c.dsl()).setContactPreference(employerId, Integer.parseInt(limit));
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "contact_preference_changed",
                            "employer",
                            employerId,
                            Map.of("max_asks_per_month", Integer.parseInt(limit)),
                            ip);
            return null;
        }));
        Flash.set(ctx, "Saved: we will ask at most " + describe(Integer.parseInt(limit)) + ".");
        ctx.redirect("/employers/" + employerId);
    }

    /** A new secret calendar address; any earlier one stops working. */
    public void processCalendarFeed(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        String token = blocking.call(() -> database.dsl().transactionResult(c -> {
            String issued = new EmployerRepository(c.dsl()).issueCalendarToken(employerId);
            new AuditLog(c.dsl()).record(actor, "calendar_feed_issued", "employer", employerId, Map.of(), ip);
            return issued;
        }));
        templates.render(
                ctx,
                "employer/calendar",
                "Your calendar address",
                Map.of("employerId", employerId, "url", links.calendarFeedUrl(token)));
    }

    /**
     * The confirmed bookings as iCalendar. Calendar apps carry no session, so the secret in the
     * address is what admits them.
     */
    public void showCalendarFeed(RoutingContext ctx) {
        String token = ctx.pathParam("token").replaceFirst("\\.ics$", "");
        LocalDate today = LocalDate.now(clock);
        Optional<String> ics = blocking.call(() -> new EmployerRepository(database.dsl())
                .findByCalendarToken(token)
                .flatMap(id -> new EmployerRepository(database.dsl()).findById(id))
                .map(employer -> new BookingCalendar(employer.name() + " school bookings", links.host())
                        .render(
                                new EmployerBookings(database.dsl()).confirmed(employer.id(), today),
                                clock.instant())));
        if (ics.isEmpty()) {
            templates.render(ctx, 410, "account/link-expired", "This calendar address is no longer in use", Map.of());
            return;
        }
        ctx.response()
                .putHeader("Content-Type", "text/calendar; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=300")
                .end(ics.get());
    }

    private void showEmployer(RoutingContext ctx, int status, Form form) {
        long employerId = PathId.required(ctx, "employerId");
        LocalDate today = LocalDate.now(clock);
        var employer = blocking.call(() -> new EmployerRepository(database.dsl()).findById(employerId));
        if (employer.isEmpty()) {
            ctx.fail(404);
            return;
        }
        if (employer.get().merged()) {
            // an old link, or a bookmark from before a coordinator merged the record: show the one kept
            var current = blocking.call(() -> new EmployerRepository(database.dsl()).findCurrent(employerId));
            if (current.isPresent() && !current.get().merged()) {
                ctx.redirect("/employers/" + current.get().id());
                return;
            }
        }
        Map<String, Object> model = new HashMap<>(form.model());
        blocking.call(() -> {
            var bookings = new EmployerBookings(database.dsl());
            model.put("offers", new OfferRepository(database.dsl()).findByEmployer(employerId));
            model.put(
                    "volunteers",
                    new VolunteerRepository(database.dsl())
                            .findByEmployer(employerId).stream()
                                    .map(v -> VolunteerRoutes.row(v, today))
                                    .toList());
            model.put("upcoming", bookings.upcoming(employerId, today));
            model.put("delivered", bookings.delivered(employerId, today, 10));
            model.put("summary", bookings.summary(employerId, today));
            model.put("calendarFeed", new EmployerRepository(database.dsl()).hasCalendarFeed(employerId));
            model.put("joins", new OrganisationJoins(database.dsl(), clock).pendingFor(employerId));
            model.put("joinAction", "/employers/" + employerId + "/joins");
            return null;
        });
        int current = employer.get().maxAsksPerMonth();
        model.put("employer", employer.get());
        model.put("askLimit", describe(current));
        model.put(
                "askOptions",
                ASK_LIMITS.stream()
                        .map(n -> Map.of("value", n, "label", describe(n), "selected", n == current))
                        .toList());
        templates.render(ctx, status, "employer/employer", employer.get().name(), model);
    }

    static String describe(int asksPerMonth) {
        return switch (asksPerMonth) {
            case 0 -> "never for now";
            case 1 -> "once a month";
            case 2 -> "twice a month";
            default -> asksPerMonth + " times a month";
        };
    }
}

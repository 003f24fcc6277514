package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.SignIn;
import uk.encounters.marketplace.employer.OrganisationJoins;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** Signing in with a password, signing out, and asking for a sign-in link or a password reset. */
public final class SignInRoutes {

    /** Segments of letters, digits, _ - and . (never first, so no . or .. segment), then an optional plain query. */
    private static final Pattern NEXT = Pattern.compile(
            "/([A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*/?)?(\\?[A-Za-z0-9=&_%.+-]*)?");

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final Links links;
    private final Passwords passwords;
    private final java.time.Clock clock;

    public SignInRoutes(
            Database database,
            Blocking blocking,
            Templates templates,
            RateLimit rateLimit,
            Links links,
            Passwords passwords,
            java.time.Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.rateLimit = rateLimit;
        this.links = links;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Its routes (public, for anyone signed in). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        Routes signedIn = routes.signedIn();
        anyone.get("/sign-in", this::initSignInForm);
        anyone.post("/sign-in", this::processSignInForm);
        signedIn.post("/sign-out", this::processSignOut);
        signedIn.post("/sign-out-everywhere", this::processSignOutEverywhere);
        signedIn.get("/account", this::showAccount);
        anyone.get("/sign-in/link", this::initLinkForm);
        anyone.post("/sign-in/link", this::processLinkForm);
        anyone.get("/password-reset", this::initPasswordResetForm);
        anyone.post("/password-reset", this::processPasswordResetForm);
    }

    public void initSignInForm(RoutingContext ctx) {
        if (CurrentUser.of(ctx) != null) {
            ctx.redirect("/account");
            return;
        }
        showSignInForm(ctx, 200, Form.blank(), null);
    }

    public void processSignInForm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Email address");
        String password = form.secret("password", "Password", 1024);
        if (!rateLimit.allow(ctx, "sign-in", email)) {
            return;
        }
        if (form.hasErrors()) {
            showSignInForm(ctx, 422, form, null);
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        Optional<Account> account =
                blocking.call(() -> new SignIn(database.dsl(), passwords).withPassword(email, password, ip));
        if (account.isEmpty()) {
            showSignInForm(ctx, 401, form, "The email address or password is not right");
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        ctx.redirect(safeNext(ctx.request().getParam("next")));
    }

    public void processSignOut(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (account != null) {
            String ip = RateLimit.clientAddress(ctx);
            blocking.call(() -> {
                new AuditLog(database.dsl()).record(account.id(), "sign_out", "app_user", account.id(), Map.of(), ip);
                return null;
            });
        }
        CurrentUser.signOut(ctx);
        ctx.redirect("/");
    }

    /** Ends every session of the person, on every device, this one too. */
    public void processSignOutEverywhere(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            new AccountRepository(c.dsl()).endSessions(account.id(), CurrentUser.endEverySession());
            new AuditLog(c.dsl()).record(account.id(), "sign_out_everywhere", "app_user", account.id(), Map.of(), ip);
            return null;
        }));
        CurrentUser.signOut(ctx);
        ctx.redirect("/");
    }

    /** The signed-in person's page: each of their scopes, linked to where they work. */
    public void showAccount(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        HubRepository places = new HubRepository(database.dsl());
        List<Map<String, String>> scopes = blocking.call(() -> {
            Map<Long, String> hubs = places.hubNames(account.hubIds());
            Map<Long, String> schools = places.schoolNames(account.schoolIds());
            Map<Long, String> employers = places.employerNames(account.employerIds());
            return account.scopes().stream()
                    .flatMap(scope -> switch (scope.role()) {
                        case ADMIN ->
                            Stream.of(Map.of(
                                    "label",
                                    "Administer hubs, people, the audit log and the outbox",
                                    "href",
                                    "/admin"));
                        case COORDINATOR ->
                            Stream.of(
                                    Map.of(
                                            "label",
                                            "Enterprise coordinator for " + hubs.get(scope.hubId()),
                                            "href",
                                            "/hubs/" + scope.hubId() + "/people"),
                                    Map.of(
                                            "label",
                                            "Dashboard for " + hubs.get(scope.hubId())
                                                    + ": schools behind, employer load, what to recruit",
                                            "href",
                                            "/hubs/" + scope.hubId() + "/dashboard"));
                        case CAREERS_LEADER ->
                            Stream.of(
                                    Map.of(
                                            "label",
                                            "Progress at " + schools.get(scope.schoolId())
                                                    + ": Benchmarks 5 and 6, and what to request next",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/progress"),
                                    Map.of(
                                            "label",
                                            "Careers leader at " + schools.get(scope.schoolId()) + ": find providers",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/offers"),
                                    Map.of(
                                            "label",
                                            "Bookings: who goes, and who attended",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/bookings"),
                                    Map.of(
                                            "label",
                                            "Requests for encounters and work placements",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/requests"),
                                    Map.of(
                                            "label",
                                            "Pupils at " + schools.get(scope.schoolId()) + ": import or update",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/pupils"),
                                    Map.of(
                                            "label",
                                            "Budget for paid encounters",
                                            "href",
                                            "/schools/" + scope.schoolId() + "/budget"));
                        case EMPLOYER ->
                            Stream.of(Map.of(
                                    "label",
                                    "Contact for " + employers.get(scope.employerId())
                                            + ": bookings, offers and volunteers",
                                    "href",
                                    "/employers/" + scope.employerId()));
                    })
                    .toList();
        });
        List<String> waiting =
                blocking.call(() -> new OrganisationJoins(database.dsl(), clock).waitingOffersOf(account.id()));
        templates.render(
                ctx,
                "account/account",
                "Your account",
                Map.of("person", account, "scopes", scopes, "waiting", waiting));
    }

    /** For people without a password (most SMEs): a link by email instead. */
    public void initLinkForm(RoutingContext ctx) {
        templates.render(
                ctx,
                "account/link-request",
                "Email me a sign-in link",
                Form.blank().model());
    }

    public void processLinkForm(RoutingContext ctx) {
        emailLink(ctx, LoginTokens.Purpose.MAGIC_LINK, "account/link-request", "Email me a sign-in link");
    }

    public void initPasswordResetForm(RoutingContext ctx) {
        templates.render(
                ctx,
                "account/reset-request",
                "Reset your password",
                Form.blank().model());
    }

    public void processPasswordResetForm(RoutingContext ctx) {
        emailLink(ctx, LoginTokens.Purpose.PASSWORD_RESET, "account/reset-request", "Reset your password");
    }

    /**
     * Emails a link when the address has an account, and says the same either way, so the form
     * does not reveal who has an account. The token and its email commit together.
     */
    private void emailLink(RoutingContext ctx, LoginTokens.Purpose purpose, String view, String title) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Email address");
        if (!rateLimit.allow(ctx, purpose.code(), email)) {
            return;
        }
        if (form.hasErrors()) {
            Map<String, Object> model = new HashMap<>(form.model());
            templates.render(ctx, 422, view, title, model);
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            Optional<Account> account = new AccountRepository(c.dsl()).findByEmail(email);
            account.ifPresent(a -> {
                long link = new LoginTokens(c.dsl(), clock).issueForEmail(a.id(), purpose);
                new Outbox(c.dsl())
                        .enqueue(
                                purpose == LoginTokens.Purpose.MAGIC_LINK
                                        ? links.magicLink(a.email(), link)
                                        : links.passwordReset(a.email(), link));
                new AuditLog(c.dsl()).record(a.id(), purpose.code() + "_requested", "app_user", a.id(), Map.of(), ip);
            });
            return null;
        }));
        Flash.set(ctx, "If " + email + " has an account, we have sent it a link. It works once, for 24 hours.");
        ctx.redirect("/sign-in");
    }

    private void showSignInForm(RoutingContext ctx, int status, Form form, String failure) {
        Map<String, Object> model = new HashMap<>(form.model());
        if (failure != null) {
            model.put("failure", failure);
        }
        String next = ctx.request().getParam("next");
        if (next != null) {
            // carried in the form's address as one query value, so its own ? and & stay inside it
            model.put("next", URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8));
        }
        templates.render(ctx, status, "account/sign-in", "Sign in", model);
    }

    /**
     * Only a path on this site in the shape our own pages have, else the account page: no open
     * redirects. Browsers drop tabs and line breaks and read a backslash as a slash, so a looser
     * check let {@code /\t/evil.example/} through as {@code //evil.example/}.
     */
    static String safeNext(String next) {
        return next != null && NEXT.matcher(next).matches() ? next : "/account";
    }
}

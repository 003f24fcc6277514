package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.LinkRequest;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.SignIn;
import uk.encounters.marketplace.account.SignOut;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.RoleNavigation;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** Signing in with a password, signing out, and asking for a sign-in link or a password reset. */
public final class SignInRoutes {

    /**
     * @param failure why signing in failed, said the same whatever the reason
     * @param next the page to go to once signed in, encoded as one query value
     * @param providers the identity providers one may sign in with instead (Microsoft, Google)
     */
    public record SignInPage(String failure, String next, List<ProviderLink> providers) {}

    /** "Sign in with Microsoft", and where it starts. */
    public record ProviderLink(String label, String href) {}

    /** @param waiting offers waiting for an organisation to confirm the person belongs to it */
    public record AccountPage(Account person, List<ScopeLink> scopes, List<String> waiting) {}

    /** Something the person can do, and where. */
    public record ScopeLink(String label, String href) {}

    /** The form asking for an emailed link (sign-in or password reset): nothing but the form. */
    public record EmailLinkPage() {}

    /** Segments of letters, digits, _ - and . (never first, so no . or .. segment), then an optional plain query. */
    private static final Pattern NEXT = Pattern.compile(
            "/([A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*/?)?(\\?[A-Za-z0-9=&_%.+-]*)?");

    private final SignIn signIn;
    private final SignOut signOut;
    private final LinkRequest linkRequest;
    private final AccountRepository accounts;
    private final OrganisationJoinRepository joins;
    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final List<ProviderLink> providers;

    public SignInRoutes(
            SignIn signIn,
            SignOut signOut,
            LinkRequest linkRequest,
            AccountRepository accounts,
            OrganisationJoinRepository joins,
            Blocking blocking,
            Templates templates,
            RateLimit rateLimit,
            List<ProviderLink> providers) {
        this.providers = List.copyOf(providers);
        this.signIn = signIn;
        this.signOut = signOut;
        this.linkRequest = linkRequest;
        this.accounts = accounts;
        this.joins = joins;
        this.blocking = blocking;
        this.templates = templates;
        this.rateLimit = rateLimit;
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
        Optional<Account> account = blocking.call(() -> signIn.withPassword(email, password, ip));
        if (account.isEmpty()) {
            showSignInForm(ctx, 401, form, "The email address or password is not right");
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        String next = ctx.request().getParam("next");
        ctx.redirect(next == null || next.isBlank() ? RoleNavigation.home(account.get()) : safeNext(next));
    }

    public void processSignOut(RoutingContext ctx) {
        if (CurrentUser.of(ctx) != null) {
            blocking.call(() -> {
                signOut.here(CurrentUser.actor(ctx));
                return null;
            });
        }
        CurrentUser.signOut(ctx);
        ctx.redirect("/");
    }

    /** Ends every session of the person, on every device, this one too. */
    public void processSignOutEverywhere(RoutingContext ctx) {
        blocking.call(() -> {
            signOut.everywhere(CurrentUser.actor(ctx), CurrentUser.endEverySession());
            return null;
        });
        CurrentUser.signOut(ctx);
        ctx.redirect("/");
    }

    /** The signed-in person's page: each of their scopes, linked to where they work. */
    public void showAccount(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        AccountRepository.PlaceNames places = blocking.call(() -> accounts.findPlaceNames(account));
        List<String> waiting = blocking.call(() -> joins.waitingOffersOf(account.id()));
        templates.render(
                ctx, "account/account", "Your account", new AccountPage(account, scopeLinks(account, places), waiting));
    }

    /** For people without a password (most SMEs): a link by email instead. */
    public void initLinkForm(RoutingContext ctx) {
        templates.render(ctx, "account/link-request", "Email me a sign-in link", new EmailLinkPage());
    }

    public void processLinkForm(RoutingContext ctx) {
        emailLink(ctx, LoginTokenRepository.Purpose.MAGIC_LINK, "account/link-request", "Email me a sign-in link");
    }

    public void initPasswordResetForm(RoutingContext ctx) {
        templates.render(ctx, "account/reset-request", "Reset your password", new EmailLinkPage());
    }

    public void processPasswordResetForm(RoutingContext ctx) {
        emailLink(ctx, LoginTokenRepository.Purpose.PASSWORD_RESET, "account/reset-request", "Reset your password");
    }

    /**
     * Emails a link when the address has an account, and says the same either way, so the form
     * does not reveal who has an account.
     */
    private void emailLink(RoutingContext ctx, LoginTokenRepository.Purpose purpose, String view, String title) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Email address");
        if (!rateLimit.allow(ctx, purpose.code(), email)) {
            return;
        }
        if (form.hasErrors()) {
            templates.render(ctx, 422, view, title, new EmailLinkPage(), form);
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> {
            linkRequest.emailLink(purpose, email, ip);
            return null;
        });
        Flash.set(ctx, "If " + email + " has an account, we have sent it a link. It works once, for 24 hours.");
        ctx.redirect("/sign-in");
    }

    private void showSignInForm(RoutingContext ctx, int status, Form form, String failure) {
        String next = ctx.request().getParam("next");
        // carried in the form's address as one query value, so its own ? and & stay inside it
        String carried = next == null ? null : URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
        templates.render(ctx, status, "account/sign-in", "Sign in", new SignInPage(failure, carried, providers), form);
    }

    /** What each of the person's scopes lets them do, each linked to its page. */
    private static List<ScopeLink> scopeLinks(Account account, AccountRepository.PlaceNames places) {
        return account.scopes().stream()
                .flatMap(scope -> switch (scope.role()) {
                    case ADMIN ->
                        Stream.of(new ScopeLink("Administer hubs, people, the audit log and the outbox", "/admin"));
                    case COORDINATOR -> {
                        String hub = places.hubs().get(scope.hubId());
                        String at = "/hubs/" + scope.hubId();
                        yield Stream.of(
                                new ScopeLink("Enterprise coordinator for " + hub, at + "/people"),
                                new ScopeLink(
                                        "Dashboard for " + hub + ": schools behind, employer load, what to recruit",
                                        at + "/dashboard"));
                    }
                    case CAREERS_LEADER -> {
                        String school = places.schools().get(scope.schoolId());
                        String at = "/schools/" + scope.schoolId();
                        yield Stream.of(
                                new ScopeLink(
                                        "Progress at " + school + ": Benchmarks 5 and 6, and what to request next",
                                        at + "/progress"),
                                new ScopeLink("Careers leader at " + school + ": find providers", at + "/offers"),
                                new ScopeLink("Bookings: who goes, and who attended", at + "/bookings"),
                                new ScopeLink("Requests for encounters and work placements", at + "/requests"),
                                new ScopeLink("Pupils at " + school + ": import or update", at + "/pupils"),
                                new ScopeLink("Budget for paid encounters", at + "/budget"));
                    }
                    case ENTERPRISE_ADVISER -> {
                        String school = places.schools().get(scope.schoolId());
                        String at = "/schools/" + scope.schoolId();
                        yield Stream.of(
                                new ScopeLink("Enterprise adviser to " + school + ": its progress", at + "/progress"),
                                new ScopeLink("Its requests for encounters", at + "/requests"),
                                new ScopeLink("Its bookings", at + "/bookings"));
                    }
                    case EMPLOYER ->
                        Stream.of(new ScopeLink(
                                "Contact for " + places.employers().get(scope.employerId())
                                        + ": bookings, offers and volunteers",
                                "/employers/" + scope.employerId()));
                })
                .toList();
    }

    /**
     * Only a path on this site in the shape our own pages have, else the account page: no open
     * redirects. Browsers drop tabs and line breaks and read a backslash as a slash, so a looser
     * check let {@code /\t/evil.example/} through as {@code //evil.example/}.
     */
    static String safeNext(String next) {
        return isSafeNext(next) ? next : "/account";
    }

    /** Whether {@code path} is a path of this site in the shape our own pages have. */
    static boolean isSafeNext(String path) {
        return path != null && NEXT.matcher(path).matches();
    }
}

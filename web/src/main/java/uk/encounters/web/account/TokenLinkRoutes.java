package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.account.PasswordPolicy;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The pages emailed links open. A GET only shows a form (mail scanners follow links); the POST
 * uses the token, once. Invitations and password resets choose a password; sign-in links sign in.
 */
public final class TokenLinkRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Clock clock;

    public TokenLinkRoutes(
            Database database,
            Blocking blocking,
            Templates templates,
            Passwords passwords,
            PasswordPolicy policy,
            Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    /** Its routes (public). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/sign-in/link/:token", this::initLinkSignIn);
        anyone.post("/sign-in/link/:token", this::processLinkSignIn);
        anyone.get("/password-reset/:token", this::initPasswordResetForm);
        anyone.post("/password-reset/:token", this::processPasswordResetForm);
        anyone.get("/invitation/:token", this::initInvitationForm);
        anyone.post("/invitation/:token", this::processInvitationForm);
    }

    public void initInvitationForm(RoutingContext ctx) {
        initPasswordForm(ctx, LoginTokens.Purpose.INVITATION);
    }

    public void processInvitationForm(RoutingContext ctx) {
        processPasswordForm(ctx, LoginTokens.Purpose.INVITATION);
    }

    public void initPasswordResetForm(RoutingContext ctx) {
        initPasswordForm(ctx, LoginTokens.Purpose.PASSWORD_RESET);
    }

    public void processPasswordResetForm(RoutingContext ctx) {
        processPasswordForm(ctx, LoginTokens.Purpose.PASSWORD_RESET);
    }

    public void initLinkSignIn(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        Optional<Long> user = blocking.call(() -> tokens().peek(token, LoginTokens.Purpose.MAGIC_LINK));
        if (user.isEmpty()) {
            showExpired(ctx);
            return;
        }
        templates.render(ctx, "account/link-sign-in", "Sign in", Map.of("token", token));
    }

    public void processLinkSignIn(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        String ip = RateLimit.clientAddress(ctx);
        Optional<Account> account = blocking.call(() -> database.dsl().transactionResult(c -> {
            Optional<Long> user = new LoginTokens(c.dsl(), clock).redeem(token, LoginTokens.Purpose.MAGIC_LINK);
            user.ifPresent(id -> new AuditLog(c.dsl()).record(id, "sign_in", "app_user", id, Map.of("by", "link"), ip));
            return user.flatMap(id -> new AccountRepository(c.dsl()).findById(id));
        }));
        if (account.isEmpty()) {
            showExpired(ctx);
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        ctx.redirect("/account");
    }

    private void initPasswordForm(RoutingContext ctx, LoginTokens.Purpose purpose) {
        String token = ctx.pathParam("token");
        Optional<Long> user = blocking.call(() -> tokens().peek(token, purpose));
        if (user.isEmpty()) {
            showExpired(ctx);
            return;
        }
        showPasswordForm(ctx, 200, purpose, Form.blank());
    }

    private void processPasswordForm(RoutingContext ctx, LoginTokens.Purpose purpose) {
        String token = ctx.pathParam("token");
        Optional<Account> holder = blocking.call(
                () -> tokens().peek(token, purpose).flatMap(id -> new AccountRepository(database.dsl()).findById(id)));
        if (holder.isEmpty()) {
            showExpired(ctx);
            return;
        }
        Form form = Form.of(ctx);
        String password = form.secret("password", "A password", 256);
        String again = form.secret("confirm", "The password again", 256);
        if (!form.hasErrors()) {
            policy.problemWith(password, holder.get().email()).ifPresent(problem -> form.error("password", problem));
        }
        if (!form.hasErrors() && !password.equals(again)) {
            form.error("confirm", "The two passwords are not the same");
        }
        if (form.hasErrors()) {
            showPasswordForm(ctx, 422, purpose, form);
            return;
        }
        String hash = passwords.hash(password);
        String ip = RateLimit.clientAddress(ctx);
        Optional<Account> account = blocking.call(() -> database.dsl().transactionResult(c -> {
            Optional<Long> user = new LoginTokens(c.dsl(), clock).redeem(token, purpose);
            user.ifPresent(id -> {
                new AccountRepository(c.dsl()).setPassword(id, hash);
                // Any other reset or invitation link still in someone's inbox stops working now, and
                // any session elsewhere (perhaps whoever knew the old password) ends.
                new LoginTokens(c.dsl(), clock).revokeUnused(id);
                new AccountRepository(c.dsl()).endSessions(id, CurrentUser.endEverySession());
                new AuditLog(c.dsl())
                        .record(
                                id,
                                purpose == LoginTokens.Purpose.INVITATION ? "invitation_accepted" : "password_reset",
                                "app_user",
                                id,
                                Map.of(),
                                ip);
            });
            return user.flatMap(id -> new AccountRepository(c.dsl()).findById(id));
        }));
        if (account.isEmpty()) {
            showExpired(ctx);
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        Flash.set(ctx, "Your password is set. You are signed in.");
        ctx.redirect("/account");
    }

    private void showPasswordForm(RoutingContext ctx, int status, LoginTokens.Purpose purpose, Form form) {
        Map<String, Object> model = new HashMap<>(form.model());
        // the token was found (peek), so it is one of ours and safe in a path as it is
        model.put(
                "action",
                (purpose == LoginTokens.Purpose.INVITATION ? "/invitation/" : "/password-reset/")
                        + ctx.pathParam("token"));
        boolean invitation = purpose == LoginTokens.Purpose.INVITATION;
        model.put("invitation", invitation);
        templates.render(
                ctx,
                status,
                "account/choose-password",
                invitation ? "Accept your invitation" : "Choose a new password",
                model);
    }

    private void showExpired(RoutingContext ctx) {
        templates.render(ctx, 410, "account/link-expired", "This link has expired or been used", Map.of());
    }

    private LoginTokens tokens() {
        return new LoginTokens(database.dsl(), clock);
    }
}

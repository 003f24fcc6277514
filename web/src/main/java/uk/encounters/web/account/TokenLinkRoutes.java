package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.ChoosePassword;
import uk.encounters.marketplace.account.LinkSignIn;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.PasswordPolicy;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.RoleNavigation;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The pages emailed links open. A GET only shows a form (mail scanners follow links); the POST
 * uses the token, once. Invitations and password resets choose a password; sign-in links sign in.
 */
public final class TokenLinkRoutes {

    /** The button that signs in with the link. */
    public record LinkSignInPage(String token) {}

    /**
     * @param action where the form posts: the link's own address
     * @param invitation accepting an invitation rather than resetting a password
     */
    public record ChoosePasswordPage(String action, boolean invitation) {}

    private final LinkSignIn linkSignIn;
    private final ChoosePassword choosePassword;
    private final Blocking blocking;
    private final Templates templates;
    private final Passwords passwords;
    private final PasswordPolicy policy;

    public TokenLinkRoutes(
            LinkSignIn linkSignIn,
            ChoosePassword choosePassword,
            Blocking blocking,
            Templates templates,
            Passwords passwords,
            PasswordPolicy policy) {
        this.linkSignIn = linkSignIn;
        this.choosePassword = choosePassword;
        this.blocking = blocking;
        this.templates = templates;
        this.passwords = passwords;
        this.policy = policy;
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
        initPasswordForm(ctx, LoginTokenRepository.Purpose.INVITATION);
    }

    public void processInvitationForm(RoutingContext ctx) {
        processPasswordForm(ctx, LoginTokenRepository.Purpose.INVITATION);
    }

    public void initPasswordResetForm(RoutingContext ctx) {
        initPasswordForm(ctx, LoginTokenRepository.Purpose.PASSWORD_RESET);
    }

    public void processPasswordResetForm(RoutingContext ctx) {
        processPasswordForm(ctx, LoginTokenRepository.Purpose.PASSWORD_RESET);
    }

    public void initLinkSignIn(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        if (!blocking.call(() -> linkSignIn.usable(token))) {
            templates.linkExpired(ctx);
            return;
        }
        templates.render(ctx, "account/link-sign-in", "Sign in", new LinkSignInPage(token));
    }

    public void processLinkSignIn(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        String ip = RateLimit.clientAddress(ctx);
        Optional<Account> account = blocking.call(() -> linkSignIn.signIn(token, ip));
        if (account.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        ctx.redirect(RoleNavigation.home(account.get()));
    }

    private void initPasswordForm(RoutingContext ctx, LoginTokenRepository.Purpose purpose) {
        String token = ctx.pathParam("token");
        if (blocking.call(() -> choosePassword.holder(token, purpose)).isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        showPasswordForm(ctx, 200, purpose, Form.blank());
    }

    private void processPasswordForm(RoutingContext ctx, LoginTokenRepository.Purpose purpose) {
        String token = ctx.pathParam("token");
        Optional<Account> holder = blocking.call(() -> choosePassword.holder(token, purpose));
        if (holder.isEmpty()) {
            templates.linkExpired(ctx);
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
        Optional<Account> account =
                blocking.call(() -> choosePassword.choose(token, purpose, hash, CurrentUser.endEverySession(), ip));
        if (account.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        CurrentUser.signIn(ctx, account.get());
        Flash.set(ctx, "Your password is set. You are signed in.");
        ctx.redirect("/account");
    }

    private void showPasswordForm(RoutingContext ctx, int status, LoginTokenRepository.Purpose purpose, Form form) {
        boolean invitation = purpose == LoginTokenRepository.Purpose.INVITATION;
        // the token was found (peek), so it is one of ours and safe in a path as it is
        String action = (invitation ? "/invitation/" : "/password-reset/") + ctx.pathParam("token");
        templates.render(
                ctx,
                status,
                "account/choose-password",
                invitation ? "Accept your invitation" : "Choose a new password",
                new ChoosePasswordPage(action, invitation),
                form);
    }
}

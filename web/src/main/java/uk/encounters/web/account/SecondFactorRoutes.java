package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.SecondFactor;
import uk.encounters.marketplace.account.TwoStepSignIn;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;

/**
 * Two-step sign-in: setting up an authenticator app (with recovery codes, shown once), and
 * confirming each sign-in with its code. Codes follow the wall clock, as the apps do.
 */
public final class SecondFactorRoutes {

    public record ConfirmPage() {}

    /** Two-step sign-in is on: how many recovery codes are left. */
    public record SwitchedOnPage(int left) {}

    /**
     * @param secret the key to type into the app, in groups of four
     * @param uri the same key as an address the app opens
     * @param required whether their role needs it, or they chose it
     */
    public record SetupPage(String secret, String uri, boolean required) {}

    /** Recovery codes, shown this once. */
    public record RecoveryCodesPage(List<String> codes) {}

    private static final String PENDING_SECRET = "pendingTotpSecret";
    private static final String ISSUER = "Employer Encounters";

    private final TwoStepSignIn twoStep;
    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final SecondFactorGate gate;

    public SecondFactorRoutes(
            TwoStepSignIn twoStep, Blocking blocking, Templates templates, RateLimit rateLimit, SecondFactorGate gate) {
        this.twoStep = twoStep;
        this.blocking = blocking;
        this.templates = templates;
        this.rateLimit = rateLimit;
        this.gate = gate;
    }

    /** Its routes (for anyone signed in). */
    public void mount(Routes routes) {
        Routes signedIn = routes.signedIn();
        signedIn.get("/two-factor", this::initConfirmForm);
        signedIn.post("/two-factor", this::processConfirmForm);
        signedIn.get("/two-factor/setup", this::initSetupForm);
        signedIn.post("/two-factor/setup", this::processSetupForm);
        signedIn.post("/two-factor/recovery-codes", this::processNewRecoveryCodes);
    }

    /** Asks for the code, or sends someone without an app yet to set one up. */
    public void initConfirmForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (!account.secondFactor()) {
            ctx.redirect("/two-factor/setup");
            return;
        }
        if (!gate.due(account, ctx.session())) {
            ctx.redirect("/account");
            return;
        }
        templates.render(ctx, "account/two-factor", "Confirm it is you", new ConfirmPage());
    }

    public void processConfirmForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        Form form = Form.of(ctx);
        String code = form.required("code", "The code", 40);
        if (!rateLimit.allow(ctx, "second-factor", account.email())) {
            return;
        }
        boolean right = !form.hasErrors() && blocking.call(() -> twoStep.confirm(CurrentUser.actor(ctx), code));
        if (!right) {
            if (!form.hasErrors()) {
                form.error(
                        "code",
                        "That code is not right, or has been used: enter the code your app shows now,"
                                + " or one of your recovery codes");
            }
            templates.render(ctx, 422, "account/two-factor", "Confirm it is you", new ConfirmPage(), form);
            return;
        }
        SecondFactorGate.confirmed(ctx);
        int left = blocking.call(() -> twoStep.recoveryCodesLeft(account.id()));
        if (left <= 3) {
            Flash.set(ctx, "You have " + left + " recovery codes left: make new ones on your account page.");
        }
        ctx.redirect("/account");
    }

    /** A new secret for the app to add, kept in the session until a code shows the app has it. */
    public void initSetupForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (account.secondFactor() && !gate.due(account, ctx.session())) {
            int left = blocking.call(() -> twoStep.recoveryCodesLeft(account.id()));
            templates.render(ctx, "account/two-factor-on", "Two-step sign-in", new SwitchedOnPage(left));
            return;
        }
        if (account.secondFactor()) {
            ctx.redirect("/two-factor");
            return;
        }
        String secret = SecondFactor.newSecret();
        ctx.session().put(PENDING_SECRET, secret);
        showSetup(ctx, 200, Form.blank(), account, secret);
    }

    public void processSetupForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        String secret = ctx.session().get(PENDING_SECRET);
        if (account.secondFactor() || secret == null) {
            ctx.redirect("/two-factor/setup");
            return;
        }
        Form form = Form.of(ctx);
        String code = form.required("code", "The code from your app", 40);
        if (!rateLimit.allow(ctx, "second-factor", account.email())) {
            return;
        }
        Optional<List<String>> recoveryCodes = form.hasErrors()
                ? Optional.empty()
                : blocking.call(() -> twoStep.setUp(CurrentUser.actor(ctx), secret, code));
        if (recoveryCodes.isEmpty()) {
            if (!form.hasErrors()) {
                form.error(
                        "code",
                        "That code is not right: check the app shows Employer Encounters, and enter the"
                                + " 6 digits it shows now");
            }
            showSetup(ctx, 422, form, account, secret);
            return;
        }
        ctx.session().remove(PENDING_SECRET);
        SecondFactorGate.confirmed(ctx);
        templates.render(
                ctx, "account/recovery-codes", "Your recovery codes", new RecoveryCodesPage(recoveryCodes.get()));
    }

    /** New recovery codes, the old ones stop working. */
    public void processNewRecoveryCodes(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (!account.secondFactor()) {
            ctx.redirect("/two-factor/setup");
            return;
        }
        List<String> codes = blocking.call(() -> twoStep.newRecoveryCodes(CurrentUser.actor(ctx)));
        templates.render(ctx, "account/recovery-codes", "Your recovery codes", new RecoveryCodesPage(codes));
    }

    private void showSetup(RoutingContext ctx, int status, Form form, Account account, String secret) {
        SetupPage page = new SetupPage(
                secret.replaceAll("(.{4})(?!$)", "$1 "),
                SecondFactor.provisioningUri(secret, account.email(), ISSUER),
                gate.needs(account));
        templates.render(ctx, status, "account/two-factor-setup", "Set up two-step sign-in", page, form);
    }
}

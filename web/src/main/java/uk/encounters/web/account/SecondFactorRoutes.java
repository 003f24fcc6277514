package uk.encounters.web.account;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.SecondFactor;
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

    private static final String PENDING_SECRET = "pendingTotpSecret";
    private static final String ISSUER = "Employer Encounters";

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final SecondFactorGate gate;

    public SecondFactorRoutes(
            Database database, Blocking blocking, Templates templates, RateLimit rateLimit, SecondFactorGate gate) {
        this.database = database;
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
        templates.render(
                ctx, "account/two-factor", "Confirm it is you", Form.blank().model());
    }

    public void processConfirmForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        Form form = Form.of(ctx);
        String code = form.required("code", "The code", 40);
        if (!rateLimit.allow(ctx, "second-factor", account.email())) {
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        boolean right = !form.hasErrors()
                && blocking.call(() -> database.dsl().transactionResult(c -> {
                    boolean ok = new SecondFactor(c.dsl(), Clock.systemUTC()).verify(account.id(), code);
                    new AuditLog(c.dsl())
                            .record(
                                    account.id(),
                                    ok ? "second_factor_confirmed" : "second_factor_refused",
                                    "app_user",
                                    account.id(),
                                    Map.of(),
                                    ip);
                    return ok;
                }));
        if (!right) {
            if (!form.hasErrors()) {
                form.error(
                        "code",
                        "That code is not right, or has been used: enter the code your app shows now,"
                                + " or one of your recovery codes");
            }
            templates.render(ctx, 422, "account/two-factor", "Confirm it is you", form.model());
            return;
        }
        SecondFactorGate.confirmed(ctx);
        int left = blocking.call(
                () -> new SecondFactor(database.dsl(), Clock.systemUTC()).recoveryCodesLeft(account.id()));
        if (left <= 3) {
            Flash.set(ctx, "You have " + left + " recovery codes left: make new ones on your account page.");
        }
        ctx.redirect("/account");
    }

    /** A new secret for the app to add, kept in the session until a code shows the app has it. */
    public void initSetupForm(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (account.secondFactor() && !gate.due(account, ctx.session())) {
            int left = blocking.call(
                    () -> new SecondFactor(database.dsl(), Clock.systemUTC()).recoveryCodesLeft(account.id()));
            templates.render(ctx, "account/two-factor-on", "Two-step sign-in", Map.of("left", left));
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
        String ip = RateLimit.clientAddress(ctx);
        Optional<List<String>> recoveryCodes = form.hasErrors()
                ? Optional.empty()
                : blocking.call(() -> database.dsl().transactionResult(c -> {
                    Optional<List<String>> codes =
                            new SecondFactor(c.dsl(), Clock.systemUTC()).enrol(account.id(), secret, code);
                    codes.ifPresent(x -> new AuditLog(c.dsl())
                            .record(account.id(), "second_factor_set_up", "app_user", account.id(), Map.of(), ip));
                    return codes;
                }));
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
        templates.render(ctx, "account/recovery-codes", "Your recovery codes", Map.of("codes", recoveryCodes.get()));
    }

    /** New recovery codes, the old ones stop working. */
    public void processNewRecoveryCodes(RoutingContext ctx) {
        Account account = CurrentUser.of(ctx);
        if (!account.secondFactor()) {
            ctx.redirect("/two-factor/setup");
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        List<String> codes = blocking.call(() -> database.dsl().transactionResult(c -> {
            List<String> made = new SecondFactor(c.dsl(), Clock.systemUTC()).newRecoveryCodes(account.id());
            new AuditLog(c.dsl()).record(account.id(), "recovery_codes_made", "app_user", account.id(), Map.of(), ip);
            return made;
        }));
        templates.render(ctx, "account/recovery-codes", "Your recovery codes", Map.of("codes", codes));
    }

    private void showSetup(RoutingContext ctx, int status, Form form, Account account, String secret) {
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.put("uri", SecondFactor.provisioningUri(secret, account.email(), ISSUER));
        model.put("required", gate.needs(account));
        templates.render(ctx, status, "account/two-factor-setup", "Set up two-step sign-in", model);
    }
}

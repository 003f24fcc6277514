package uk.encounters.web.account;

import java.time.Clock;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.ChoosePassword;
import uk.encounters.marketplace.account.LinkRequest;
import uk.encounters.marketplace.account.LinkSignIn;
import uk.encounters.marketplace.account.PasswordPolicy;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.SignIn;
import uk.encounters.marketplace.account.SignOut;
import uk.encounters.marketplace.account.TwoStepSignIn;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.web.Foundation;
import uk.encounters.web.account.sso.SsoRoutes;
import uk.encounters.web.security.CsrfCheck;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;

/** Signing in and out, links that sign in or reset a password, two-step sign-in. */
public final class AccountFeature {

    private AccountFeature() {}

    /**
     * @return the answer to a form the CSRF check refused, for the server's failure handlers: it
     *     signs out as these routes do
     */
    public static ExpiredForms mount(Foundation app, SecondFactorGate secondFactorGate, CsrfCheck csrf, Routes routes) {
        DSLContext dsl = app.database().dsl();
        Passwords passwords = new Passwords();
        SignInRoutes signIn = new SignInRoutes(
                new SignIn(dsl, passwords),
                new SignOut(dsl),
                new LinkRequest(dsl, app.clock(), app.links()),
                new AccountRepository(dsl),
                new OrganisationJoinRepository(dsl, app.clock()),
                app.blocking(),
                app.templates(),
                app.rateLimit(),
                SsoRoutes.links(app.config().sso()));
        signIn.mount(routes);
        // Codes follow the wall clock, as the authenticator apps do, whatever clock the app runs on.
        new SecondFactorRoutes(
                        new TwoStepSignIn(dsl, Clock.systemUTC()),
                        app.blocking(),
                        app.templates(),
                        app.rateLimit(),
                        secondFactorGate)
                .mount(routes);
        new TokenLinkRoutes(
                        new LinkSignIn(dsl, app.clock()),
                        new ChoosePassword(dsl, app.clock()),
                        app.blocking(),
                        app.templates(),
                        passwords,
                        new PasswordPolicy())
                .mount(routes);
        return new ExpiredForms(
                csrf,
                new CurrentUser(
                        new AccountRepository(dsl), app.blocking(), app.config().sessionLifetime()),
                signIn::processSignOut,
                app.templates());
    }
}

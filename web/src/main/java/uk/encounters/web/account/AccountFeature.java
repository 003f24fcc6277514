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
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;

/** Signing in and out, links that sign in or reset a password, two-step sign-in. */
public final class AccountFeature {

    private AccountFeature() {}

    public static void mount(Foundation app, SecondFactorGate secondFactorGate, Routes routes) {
        DSLContext dsl = app.database().dsl();
        Passwords passwords = new Passwords();
        new SignInRoutes(
                        new SignIn(dsl, passwords),
                        new SignOut(dsl),
                        new LinkRequest(dsl, app.clock(), app.links()),
                        new AccountRepository(dsl),
                        new OrganisationJoinRepository(dsl, app.clock()),
                        app.blocking(),
                        app.templates(),
                        app.rateLimit())
                .mount(routes);
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
    }
}

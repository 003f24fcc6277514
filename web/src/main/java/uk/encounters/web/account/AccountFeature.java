package uk.encounters.web.account;

import uk.encounters.marketplace.account.PasswordPolicy;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;

/** Signing in and out, links that sign in or reset a password, two-step sign-in. */
public final class AccountFeature {

    private AccountFeature() {}

    public static void mount(Foundation app, SecondFactorGate secondFactorGate, Routes routes) {
        Passwords passwords = new Passwords();
        new SignInRoutes(
                        app.database(),
                        app.blocking(),
                        app.templates(),
                        app.rateLimit(),
                        app.links(),
                        passwords,
                        app.clock())
                .mount(routes);
        new SecondFactorRoutes(app.database(), app.blocking(), app.templates(), app.rateLimit(), secondFactorGate)
                .mount(routes);
        new TokenLinkRoutes(
                        app.database(), app.blocking(), app.templates(), passwords, new PasswordPolicy(), app.clock())
                .mount(routes);
    }
}

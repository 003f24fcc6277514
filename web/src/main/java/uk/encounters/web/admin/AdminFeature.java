package uk.encounters.web.admin;

import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.calendar.BankHolidayRepository;
import uk.encounters.marketplace.hub.HubCreation;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.privacy.Erasure;
import uk.encounters.marketplace.privacy.SubjectAccess;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/**
 * The administrators' pages: hubs and their coordinators, the register of schools, the audit log,
 * the outbox, privacy requests.
 */
public final class AdminFeature {

    private AdminFeature() {}

    public static void mount(Foundation app, Routes routes) {
        DSLContext dsl = app.database().dsl();
        new AdminRoutes(
                        new HubRepository(dsl),
                        new HubCreation(dsl),
                        new AccountRepository(dsl),
                        new Invitations(dsl, app.clock(), app.links()),
                        new AuditLog(dsl),
                        new Outbox(dsl),
                        app.blocking(),
                        app.templates(),
                        app.hubChoices())
                .mount(routes);
        new RegisterRoutes(new EstablishmentRegister(dsl), app.blocking(), app.templates()).mount(routes);
        new BankHolidayRoutes(new BankHolidayRepository(dsl), app.blocking(), app.templates()).mount(routes);
        new PrivacyRoutes(
                        new SubjectAccess(dsl, app.clock()),
                        new Erasure(dsl, app.clock()),
                        app.blocking(),
                        app.templates())
                .mount(routes);
    }
}

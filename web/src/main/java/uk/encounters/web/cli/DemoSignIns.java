package uk.encounters.web.cli;

import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.web.account.Links;

/**
 * One person per role in the demo hub, each given a fresh sign-in link at every demo start:
 * the demo needs no passwords, so none is kept anywhere. Addresses are on example.org.
 */
public final class DemoSignIns {

    public record SignInLink(String role, String email, String url) {}

    private final Database database;
    private final Links links;
    private final Clock clock;

    public DemoSignIns(Database database, Links links, Clock clock) {
        this.database = database;
        this.links = links;
        this.clock = clock;
    }

    public List<SignInLink> issue() {
        return database.dsl().transactionResult(c -> {
            DSLContext tx = c.dsl();
            Long hub = tx.select(DSL.min(HUB.ID)).from(HUB).fetchOne(0, Long.class);
            List<SignInLink> result = new ArrayList<>();
            result.add(link(tx, "Administrator", "admin@demo.example.org", "Demo Administrator", Scope.admin()));
            if (hub == null) {
                return result;
            }
            result.add(link(
                    tx,
                    "Enterprise coordinator",
                    "coordinator@demo.example.org",
                    "Demo Coordinator",
                    Scope.coordinator(hub)));
            Long school = demoSchool(tx, hub);
            if (school != null) {
                result.add(link(
                        tx,
                        "Careers leader",
                        "careers.leader@demo.example.org",
                        "Demo Careers Leader",
                        Scope.careersLeader(school)));
            }
            Long employer = demoEmployer(tx, hub);
            if (employer != null) {
                result.add(
                        link(tx, "Employer", "employer@demo.example.org", "Demo Employer", Scope.employer(employer)));
            }
            return result;
        });
    }

    /** The demo's careers leader's school: the hub's school with the most pupils; null when none has any. */
    static Long demoSchool(DSLContext tx, long hub) {
        return tx.select(SCHOOL.ID)
                .from(SCHOOL)
                .join(PUPIL)
                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                .where(SCHOOL.HUB_ID.eq(hub))
                .groupBy(SCHOOL.ID)
                .orderBy(DSL.count().desc(), SCHOOL.ID)
                .limit(1)
                .fetchOne(SCHOOL.ID);
    }

    /** The demo employer's organisation: the hub's first cornerstone, else its first organisation. */
    static Long demoEmployer(DSLContext tx, long hub) {
        return tx.select(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID)
                .from(EMPLOYER_HUB_PRESENCE)
                .where(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hub))
                .orderBy(EMPLOYER_HUB_PRESENCE.CORNERSTONE.desc(), EMPLOYER_HUB_PRESENCE.EMPLOYER_ID)
                .limit(1)
                .fetchOne(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID);
    }

    private SignInLink link(DSLContext tx, String role, String email, String name, Scope scope) {
        AccountRepository accounts = new AccountRepository(tx);
        long userId = accounts.findByEmail(email)
                .map(a -> {
                    if (!a.scopes().contains(scope)) {
                        accounts.addScope(a.id(), scope);
                    }
                    return a.id();
                })
                .orElseGet(() -> accounts.create(email, name, null, scope));
        var token = new LoginTokenRepository(tx, clock).issue(userId, LoginTokenRepository.Purpose.MAGIC_LINK);
        return new SignInLink(role, email, links.url(LoginTokenRepository.Purpose.MAGIC_LINK, token.token()));
    }
}

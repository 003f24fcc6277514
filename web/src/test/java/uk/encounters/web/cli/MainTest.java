package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;

/** The command line against a real database, as an operator would run it. */
class MainTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Operator operator = new Operator(db);

    @Test
    void seedLoadsAnAreaSaysHowLongItTookAndRefusesToLoadItTwice() {
        assertThat(run("seed", "--area", "derby", "--seed", "3")).isZero();
        assertThat(printed())
                .containsPattern("Loaded derby: 1 hub\\(s\\), \\d+ schools, [\\d,]+ pupils, .* in \\d+\\.\\d s");
        assertThat(db.dsl().fetchCount(HUB)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(PUPIL)).isGreaterThan(10_000);

        assertThat(run("seed", "--area", "derby")).isEqualTo(1);
        assertThat(db.dsl().fetchCount(HUB)).isEqualTo(1);
    }

    @Test
    void seedWithoutAnAreaOrWithAnUnknownOneSaysWhatIsAllowed() {
        assertThat(run("seed")).isEqualTo(1);
        assertThat(run("seed", "--area", "atlantis")).isEqualTo(1);
        assertThat(run("launch")).isEqualTo(2);
    }

    @Test
    void migrateIsSafeToRunAgain() {
        assertThat(run("migrate")).isZero();
        assertThat(run("migrate")).isZero();
    }

    @Test
    void inviteAdminCreatesAnAdministratorWithAnEmailedInvitationAndPrintsTheLink() {
        assertThat(run("invite-admin", "--email", "ops@example.org", "--name", "Olu Ops"))
                .isZero();
        assertThat(printed()).containsPattern("Invited ops@example.org as an administrator\\..*/invitation/\\S+");
        var admin = new uk.encounters.marketplace.account.AccountRepository(db.dsl()).findByEmail("ops@example.org");
        assertThat(admin).hasValueSatisfying(a -> assertThat(a.isAdmin()).isTrue());
        assertThat(new uk.encounters.marketplace.outbox.Outbox(db.dsl()).findRecent(10))
                .anySatisfy(m -> assertThat(m.recipient()).isEqualTo("ops@example.org"));

        assertThat(run("invite-admin", "--email", "not-an-address", "--name", "X"))
                .isEqualTo(1);
    }

    @Test
    void resetSecondFactorTurnsItOffForSomeoneWhoLostTheirPhoneAndCodes() {
        long user =
                Accounts.create(db.dsl(), "lost@example.org", "Lou", uk.encounters.marketplace.account.Scope.admin());
        var factor = new uk.encounters.marketplace.account.SecondFactor(db.dsl(), java.time.Clock.systemUTC());
        String secret = uk.encounters.marketplace.account.SecondFactor.newSecret();
        assertThat(factor.enrol(
                        user,
                        secret,
                        uk.encounters.marketplace.account.SecondFactor.codeAt(secret, factor.currentStep())))
                .isPresent();

        assertThat(run("reset-second-factor", "--email", "LOST@example.org")).isZero();

        assertThat(printed()).contains("Two-step sign-in is off for LOST@example.org");
        assertThat(new uk.encounters.marketplace.account.AccountRepository(db.dsl()).findById(user))
                .hasValueSatisfying(a -> assertThat(a.secondFactor()).isFalse());
        assertThat(factor.recoveryCodesLeft(user)).isZero();
        assertThat(run("reset-second-factor", "--email", "nobody@example.org")).isEqualTo(1);
    }

    @Test
    void helpListsTheCommandsAndAreas() {
        assertThat(run("--help")).isZero();
        assertThat(printed())
                .contains(
                        "demo [--area NAME]",
                        "serve",
                        "migrate",
                        "seed --area NAME",
                        "derby, blackpool, doncaster, norwich, west-somerset, england");
    }

    private int run(String... args) {
        return operator.run(args);
    }

    private String printed() {
        return operator.printed();
    }
}

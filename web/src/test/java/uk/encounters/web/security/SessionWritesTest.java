package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A session's row is written when the session changes or its expiry must slide, not on every page. */
class SessionWritesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("Derby Careers Hub"), "Da Vinci Academy");
        Accounts.create(db.dsl(), "lee@example.org", "Lee", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void pagesThatOnlyReadTheSessionLeaveItsRowAlone() {
        Visitor visitor = new Visitor(app).signIn("lee@example.org", Accounts.PASSWORD);
        String hash = PostgresSessionStore.hash(visitor.cookie("encounters_session"));
        Record2<Long, OffsetDateTime> signedIn = row(hash);

        for (int i = 0; i < 3; i++) {
            assertThat(visitor.get("/account").statusCode()).isEqualTo(200);
        }

        assertThat(row(hash)).isEqualTo(signedIn);
    }

    @Test
    void aChangedSessionIsWrittenBeforeItsResponseGoesOut() {
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in");
        String anonymous = PostgresSessionStore.hash(visitor.cookie("encounters_session"));
        Record2<Long, OffsetDateTime> before = row(anonymous);
        visitor.get("/sign-in");
        assertThat(row(anonymous)).as("the same CSRF token, nothing to write").isEqualTo(before);

        visitor.post("/sign-in", java.util.Map.of("email", "lee@example.org", "password", Accounts.PASSWORD));
        String signedIn = PostgresSessionStore.hash(visitor.cookie("encounters_session"));

        assertThat(row(anonymous)).as("the anonymous session is gone").isNull();
        assertThat(row(signedIn)).isNotNull();
        assertThat(visitor.get("/account").body()).contains("Lee");
    }

    @Test
    void anExpiryThatHasFallenBehindIsSlidForward() {
        Visitor visitor = new Visitor(app).signIn("lee@example.org", Accounts.PASSWORD);
        String hash = PostgresSessionStore.hash(visitor.cookie("encounters_session"));
        db.dsl()
                .execute(
                        "update web_session set expires_at = expires_at - interval '6 minutes' where id_hash = ?",
                        hash);
        OffsetDateTime lagging = row(hash).value2();

        visitor.get("/account");

        assertThat(row(hash).value2()).isAfter(lagging.plusMinutes(5));
    }

    /** The row's transaction id (changed by any write) and its expiry. */
    private static Record2<Long, OffsetDateTime> row(String hash) {
        return db.dsl()
                .select(DSL.field("xmin::text::bigint", Long.class), DSL.field("expires_at", OffsetDateTime.class))
                .from("web_session")
                .where(DSL.field("id_hash").eq(hash))
                .fetchOne();
    }
}

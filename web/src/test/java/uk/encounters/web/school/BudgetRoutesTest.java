package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
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

/** The virtual wallet: who funds paid encounters, and what is committed and spent. */
class BudgetRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long school;

    @BeforeAll
    static void aSchool() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFundersMoneyIsRecordedChangedAndNeverSetBelowWhatBookingsHaveUsed() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/budget";
        visitor.get(path);

        HttpResponse<String> bad = visitor.post(path, Map.of("funder", "", "amount", "a lot"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter who funds it").contains("Amount must be an amount in pounds");

        visitor.post(path, Map.of("funder", "Derby Careers Hub", "amount", "£1,500"));
        db.dsl()
                .update(SCHOOL_BUDGET)
                .set(SCHOOL_BUDGET.COMMITTED_PENCE, 40_000L)
                .set(SCHOOL_BUDGET.SPENT_PENCE, 30_000L)
                .where(SCHOOL_BUDGET.SCHOOL_ID.eq(school))
                .execute();
        String page = visitor.get(path).body();
        assertThat(page)
                .contains("Budget for paid encounters, 2026/27")
                .containsPattern(
                        "Derby Careers Hub</td><td class=\"numeric\">£1,500</td><td class=\"numeric\">£400</td>"
                                + "<td class=\"numeric\">£300</td><td class=\"numeric\">£800</td>");

        HttpResponse<String> tooLow = visitor.post(path, Map.of("funder", "derby careers hub", "amount", "600"));
        assertThat(tooLow.statusCode()).isEqualTo(422);
        assertThat(tooLow.body()).contains("Bookings have already committed or spent more than that");
        assertThat(amount()).isEqualTo(150_000L);

        visitor.get(path);
        visitor.post(path, Map.of("funder", "Derby Careers Hub", "amount", "2000"));
        assertThat(amount()).isEqualTo(200_000L);
        assertThat(db.dsl().fetchCount(SCHOOL_BUDGET, SCHOOL_BUDGET.SCHOOL_ID.eq(school)))
                .isEqualTo(1);
    }

    private static long amount() {
        return db.dsl()
                .select(SCHOOL_BUDGET.AMOUNT_PENCE)
                .from(SCHOOL_BUDGET)
                .where(SCHOOL_BUDGET.SCHOOL_ID.eq(school))
                .fetchOne(0, Long.class);
    }
}

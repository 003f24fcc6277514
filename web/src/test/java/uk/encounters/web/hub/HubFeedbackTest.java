package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * The coordinator's feedback page against a hand count: two employers, three delivered bookings
 * this year, one last year, one not yet happened, one in another hub.
 */
class HubFeedbackTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    static RunningApp app;
    static TestData data;
    static long hub;
    static long bemrose;
    static long littleover;
    static long wellRated;
    static long poorlyRated;
    static long pupilsUnsure;
    static Visitor coordinator;

    @BeforeAll
    static void aHubsYearOfFeedback() {
        data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        long otherHub = data.hub("Other Hub");
        bemrose = data.school(hub, "Bemrose School");
        littleover = data.school(hub, "Littleover School");
        long elsewhere = data.school(otherHub, "Elsewhere School");
        long rolls = data.offer(data.employer(hub, "Rolls-Royce"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        long toyota = data.offer(data.employer(hub, "Toyota"), OfferStatus.ACTIVE, TODAY.plusMonths(3));

        // Rolls-Royce at Bemrose: school 5, employer 4; 4 attended, 3 answered (yes, yes, no to the first)
        wellRated = booking(bemrose, rolls, TODAY.minusDays(20), BookingStatus.DELIVERED);
        rate(wellRated, "school", 5, "Brilliant");
        rate(wellRated, "employer", 4, null);
        attended(wellRated, bemrose, 4);
        pupils(wellRated, "yes", "yes", "no");
        // Toyota at Bemrose: school 2 (flagged), no employer answer, nothing from pupils
        poorlyRated = booking(bemrose, toyota, TODAY.minusDays(10), BookingStatus.CONFIRMED);
        rate(poorlyRated, "school", 2, "The volunteer did not turn up on time");
        // Toyota at Littleover: employer 3; 6 pupils answered, 2 yes to the first (flagged)
        pupilsUnsure = booking(littleover, toyota, TODAY.minusDays(5), BookingStatus.DELIVERED);
        rate(pupilsUnsure, "employer", 3, null);
        attended(pupilsUnsure, littleover, 6);
        pupils(pupilsUnsure, "yes", "yes", "no", "no", "partly", "no");
        long approved = db.dsl()
                .update(PUPIL_FEEDBACK)
                .set(PUPIL_FEEDBACK.COMMENT, "Too much talking")
                .set(PUPIL_FEEDBACK.COMMENT_APPROVED_AT, OffsetDateTime.now())
                .where(PUPIL_FEEDBACK.ID.eq(db.dsl()
                        .select(org.jooq.impl.DSL.min(PUPIL_FEEDBACK.ID))
                        .from(PUPIL_FEEDBACK)
                        .where(PUPIL_FEEDBACK.BOOKING_ID.eq(pupilsUnsure))))
                .execute();
        assertThat(approved).isEqualTo(1);
        db.dsl()
                .update(PUPIL_FEEDBACK)
                .set(PUPIL_FEEDBACK.COMMENT, "Not approved yet, nobody else reads it")
                .where(PUPIL_FEEDBACK.ID.eq(db.dsl()
                        .select(org.jooq.impl.DSL.max(PUPIL_FEEDBACK.ID))
                        .from(PUPIL_FEEDBACK)
                        .where(PUPIL_FEEDBACK.BOOKING_ID.eq(pupilsUnsure))))
                .execute();
        // not counted: last academic year, not happened yet, another hub
        rate(
                booking(bemrose, rolls, LocalDate.of(2026, 6, 1), BookingStatus.DELIVERED),
                "school",
                1,
                "Last year, nobody came");
        booking(bemrose, rolls, TODAY.plusDays(3), BookingStatus.CONFIRMED);
        rate(
                booking(elsewhere, rolls, TODAY.minusDays(3), BookingStatus.DELIVERED),
                "school",
                1,
                "Elsewhere, nobody came");

        Accounts.create(db.dsl(), "cora@hub.example", "Cora", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "otto@other.example", "Otto", Scope.coordinator(otherHub));
        app = RunningApp.start(db.database(), TODAY);
        coordinator = new Visitor(app).signIn("cora@hub.example", Accounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long booking(long school, long offer, LocalDate on, BookingStatus status) {
        return data.booking(data.request(school, 9, RequestStatus.MATCHED, on.minusDays(7)), offer, null, on, status);
    }

    static void rate(long booking, String side, int rating, String comment) {
        db.dsl()
                .insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING, FEEDBACK.COMMENT)
                .values(booking, side, (short) rating, comment)
                .execute();
    }

    static void attended(long booking, long school, int pupils) {
        LocalDate on = db.dsl().fetchValue(BOOKING.STARTS_ON, BOOKING.ID.eq(booking));
        for (int i = 0; i < pupils; i++) {
            data.attendance(booking, data.pupil(school, 9), on, true);
        }
    }

    /** One pupil's answers per value given to the first question; yes to the other two. */
    static void pupils(long booking, String... workIsLike) {
        int n = 0;
        for (String answer : workIsLike) {
            db.dsl()
                    .insertInto(PUPIL_FEEDBACK)
                    .set(PUPIL_FEEDBACK.BOOKING_ID, booking)
                    .set(PUPIL_FEEDBACK.RESPONDENT_HASH, booking + "-" + n++)
                    .set(
                            PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE,
                            PupilAnswer.ofLiteral(answer).orElseThrow())
                    .set(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, PupilAnswer.YES)
                    .set(PUPIL_FEEDBACK.WOULD_CONSIDER, n % 2 == 0 ? PupilAnswer.YES : PupilAnswer.NO)
                    .execute();
        }
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PUPIL_ANSWERS, workIsLike.length)
                .where(BOOKING.ID.eq(booking))
                .execute();
    }

    static String row(String page, String name) {
        int at = page.indexOf(">" + name + "</th>");
        assertThat(at).as(name).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void theFiguresPerEmployerTypeAndSchoolMatchAHandCount() {
        String page = coordinator.get("/hubs/" + hub + "/feedback").body();
        String byEmployer = page.substring(page.indexOf("id=\"by-employer\""), page.indexOf("id=\"by-type\""));
        String bySchool = page.substring(page.indexOf("id=\"by-school\""));

        // Rolls-Royce: one booking, school 5, employer 4, 3 of 4 answered, 2 of 3 yes (67%), all yes to the second
        assertThat(row(byEmployer, "Rolls-Royce"))
                .contains("<td data-label=\"Bookings\">1</td>")
                .contains("5.0 out of 5 (1 answered)")
                .contains("4.0 out of 5 (1 answered)")
                .contains("3 of 4")
                .contains(">67%</td>")
                .contains(">100%</td>");
        // Toyota: two bookings, school 2 from one, employer 3 from the other, 6 of 6 answered, 2 of 6 yes (33%)
        assertThat(row(byEmployer, "Toyota"))
                .contains("<td data-label=\"Bookings\">2</td>")
                .contains("2.0 out of 5 (1 answered)")
                .contains("3.0 out of 5 (1 answered)")
                .contains("6 of 6")
                .contains(">33%</td>");
        // Bemrose: two bookings this year (not last year's nor the one to come), school average (5 + 2) / 2
        assertThat(row(bySchool, "Bemrose School"))
                .contains("<td data-label=\"Bookings\">2</td>")
                .contains("3.5 out of 5 (2 answered)")
                .contains("3 of 4");
        assertThat(row(page.substring(page.indexOf("id=\"by-type\"")), "Careers talk"))
                .contains("<td data-label=\"Bookings\">3</td>")
                .contains("9 of 10")
                // 2 + 2 of 9
                .contains(">44%</td>");
        assertThat(page).doesNotContain("Elsewhere School").doesNotContain("Last year, nobody came");
    }

    @Test
    void lowRatedBookingsAreFlaggedWithWhatWasSaidAndPupilsWordsOnlyOnceApproved() {
        String page = coordinator.get("/hubs/" + hub + "/feedback").body();
        String flagged = page.substring(page.indexOf("id=\"flagged\""), page.indexOf("id=\"by-employer\""));

        assertThat(flagged)
                .contains("/schools/" + bemrose + "/bookings/" + poorlyRated + "\"")
                .contains("The school said it went not very well")
                .contains("The volunteer did not turn up on time")
                .contains("/schools/" + littleover + "/bookings/" + pupilsUnsure + "\"")
                .contains("2 of 6 pupils said they learnt what the work is like")
                .contains("Too much talking")
                .doesNotContain("Not approved yet")
                .doesNotContain("/bookings/" + wellRated + "\"");
    }

    @Test
    void lastYearsFeedbackIsShownWhenAskedForAndAnotherHubsCoordinatorIsRefused() {
        String lastYear =
                coordinator.get("/hubs/" + hub + "/feedback?year=2025").body();
        assertThat(lastYear)
                .contains("Feedback, 2025/26")
                .contains("Last year, nobody came")
                .doesNotContain("Brilliant");

        assertThat(coordinator.get("/hubs/" + hub + "/feedback?year=1990").statusCode())
                .isEqualTo(422);
        Visitor other = new Visitor(app).signIn("otto@other.example", Accounts.PASSWORD);
        assertThat(other.get("/hubs/" + hub + "/feedback").statusCode()).isEqualTo(403);
    }
}

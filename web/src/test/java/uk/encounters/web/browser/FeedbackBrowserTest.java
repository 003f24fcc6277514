package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/**
 * Feedback as people meet it: the careers leader shows the pupils' link at the end of a talk, a pupil
 * answers on a phone, and the coordinator reads it on the hub's feedback page.
 */
@Tag("browser")
class FeedbackBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    static RunningApp app;
    static long hub;
    static long school;
    static long booking;

    @BeforeAll
    static void aTalkTodayThreePupilsAttended() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long offer = data.offer(data.employer(hub, "Rolls-Royce"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, TODAY.minusDays(7)),
                offer,
                null,
                TODAY,
                BookingStatus.DELIVERED);
        for (int i = 0; i < 3; i++) {
            data.attendance(booking, data.pupil(school, 9), TODAY, true);
        }
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla Leader", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "cora@derby.example", "Cora Coordinator", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPupilAnswersOnAPhoneAndTheCoordinatorReadsIt() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "carla@bemrose.example", "/schools/" + school + "/bookings/" + booking);
        browser.clickThrough(By.xpath("//button[normalize-space()=\"Show the pupils' feedback link\"]"));
        String link = driver.findElement(By.cssSelector(".link-address code")).getText();
        assertThat(driver.findElements(By.cssSelector("svg.qr-code"))).hasSize(1);
        browser.screenshot("feedback-pupil-link");

        // the pupil's own phone: no sign-in, no cookies of the careers leader's
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            // the written address, on this test's server
            driver.get(app.url(link.substring(link.indexOf("/feedback/"))));
            browser.click(By.cssSelector("label[for=workIsLike]"));
            // the Send button first: the question left out is named beside it
            browser.clickThrough(By.cssSelector("form.pupil-feedback button[type=submit]"));
            assertThat(driver.findElement(By.id("itTakes-error")).getText())
                    .contains("Select whether you learnt what it takes to do well in it");
            browser.onAPhone("feedback-pupil-refused-phone", By.cssSelector("label[for=itTakes-partly]"));
            browser.click(By.cssSelector("label[for=itTakes-partly]"));
            browser.click(By.cssSelector("label[for=wouldConsider]"));
            driver.findElement(By.id("comment")).sendKeys("I want to be an engineer now");
            browser.onAPhone("feedback-pupil-phone", By.cssSelector("form.pupil-feedback button[type=submit]"));
            browser.clickThrough(By.cssSelector("form.pupil-feedback button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("You have already answered");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        var answer = db.dsl()
                .selectFrom(PUPIL_FEEDBACK)
                .where(PUPIL_FEEDBACK.BOOKING_ID.eq(booking))
                .fetchSingle();
        assertThat(answer.getLearntWhatWorkIsLike()).isEqualTo(PupilAnswer.YES);
        assertThat(answer.getLearntWhatItTakes()).isEqualTo(PupilAnswer.PARTLY);
        assertThat(answer.getWouldConsider()).isEqualTo(PupilAnswer.YES);

        browser.signIn(app, "cora@derby.example", "/hubs/" + hub + "/dashboard");
        browser.clickThrough(By.linkText("Feedback"));
        String employers = driver.findElement(By.xpath("//table[caption[contains(., 'Feedback by employer')]]"))
                .getText();
        assertThat(employers).contains("Rolls-Royce").contains("1 of 3").contains("100%");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .as("a pupil's words wait for their school")
                .doesNotContain("I want to be an engineer now");
        browser.onAPhone("feedback-hub-phone");
    }
}

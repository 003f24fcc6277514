package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/** An employer opens its year with schools from its page, on a desk and on a phone. */
@Tag("browser")
class EmployerStatementBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long acme;
    static long derby;

    @BeforeAll
    static void anEmployerThatGaveASession() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        long school = data.school(derby, "Bemrose School");
        acme = data.employer(derby, "Acme Engineering");
        long offer = data.offer(acme, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        long volunteer = data.volunteer(acme);
        LocalDate on = LocalDate.of(2026, 10, 12);
        long booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, on.minusDays(10)),
                offer,
                volunteer,
                on,
                BookingStatus.DELIVERED);
        data.attendance(booking, data.pupil(school, 9), true);
        data.volunteerOfTheYear(derby, volunteer, 2026, "Came back every term, and brought the robot arm");
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(acme));
        Accounts.create(db.dsl(), "lee@derby.example", "Lee", Scope.coordinator(derby));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theStatementReadsOnADeskAndOnAPhone() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "ash@acme.example", "/employers/" + acme);
        browser.clickThrough(By.linkText("Your year with schools"));

        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("In 2026/27 Acme Engineering gave 1 session to 1 pupil at 1 school")
                .contains("Thank you, from Derby Careers Hub.");
        driver.manage().window().setSize(new Dimension(1280, 900));
        browser.screenshot("employer-statement-desk");
        browser.onAPhone(
                "employer-statement-phone",
                By.cssSelector("main table"),
                By.partialLinkText("Download this statement as a PDF"));
    }

    @Test
    void theHubsVolunteersOfTheYearReadOnAPhone() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "lee@derby.example", "/hubs/" + derby + "/employers");
        browser.clickThrough(By.linkText("Volunteers of the year"));

        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Named: Came back every term, and brought the robot arm");
        browser.onAPhone("hub-volunteers-of-the-year-phone", By.id("volunteerId"), By.id("citation"));
    }
}

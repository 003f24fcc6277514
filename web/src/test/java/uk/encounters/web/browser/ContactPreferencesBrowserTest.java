package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

/** An employer follows the link at the foot of a request and pauses requests, on a phone. */
@Tag("browser")
class ContactPreferencesBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long employer;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        employer = data.employer(data.hub("Derby Careers Hub"), "Bowmer & Kirkland");
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anEmployerPausesRequestsFromTheLinkInOne() {
        LoginTokenRepository tokens = new LoginTokenRepository(db.dsl(), Clock.systemUTC());
        long link = tokens.issueContactPreferences(List.of(employer)).get(employer);
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));

        browser.followEmailedLink(app.url("/organisations/" + employer + "/contact-preferences/"
                + tokens.mint(link).orElseThrow().token()));
        browser.screenshot("contact-preferences-1280");
        browser.onAPhone("contact-preferences-phone", By.id("asking-paused"), By.id("pause-six_months"));
        browser.click(By.id("asking-paused"));
        browser.click(By.id("pause-six_months"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Save']"));

        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Requests to Bowmer & Kirkland are paused until Sun 23 May 2027");
        assertThat(db.dsl().fetchValue(EMPLOYER.ASKS_PAUSED_UNTIL, EMPLOYER.ID.eq(employer)))
                .isEqualTo(TODAY.plusMonths(6));
        browser.onAPhone("contact-preferences-saved-phone", By.xpath("//button[normalize-space()='Save']"));
    }
}

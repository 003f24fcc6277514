package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/**
 * Derby's coordinator brings in a cornerstone Nottingham already works with, and its contact then
 * chooses which hub an offer is for: in a real browser, on a desk and on a phone.
 */
@Tag("browser")
class SharedCornerstoneBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long derby;
    static long trent;

    @BeforeAll
    static void aNottinghamCornerstone() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        long nottingham = data.hub("Nottingham Careers Hub");
        trent = data.employer(nottingham, "Trent Aero Works");
        data.presence(trent, nottingham, true, 4);
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "ash@trentaero.example", "Ash", Scope.employer(trent));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void derbyBringsInTheCornerstoneAndItsContactOffersToDerby() {
        WebDriver driver = browser.driver();
        signIn("cora@derby.example", "/hubs/" + derby + "/employers");
        driver.findElement(By.id("elsewhere")).sendKeys("trent aero");
        browser.clickThrough(By.xpath("//button[normalize-space()='Find']"));
        assertThat(driver.findElement(By.id("other-hubs")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Trent Aero Works", "Nottingham Careers Hub");
        browser.screenshot("employers-other-hubs");
        browser.onAPhone("employers-other-hubs-phone");
        browser.clickThrough(By.xpath("//button[contains(normalize-space(), 'to this hub')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Trent Aero Works now works with this hub too");
        browser.clickThrough(By.xpath("//button[contains(normalize-space(), 'as a cornerstone')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Trent Aero Works is now a cornerstone employer.");

        driver.manage().deleteAllCookies();
        signIn("ash@trentaero.example", "/employers/" + trent);
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains(
                        "Works with Derby Careers Hub (cornerstone employer), Nottingham Careers Hub (cornerstone employer).");
        driver.get(app.url("/employers/" + trent + "/offers/new"));
        Select hub = new Select(driver.findElement(By.id("hub")));
        assertThat(hub.getOptions())
                .extracting(o -> o.getText())
                .containsExactly("Choose a hub", "Derby Careers Hub", "Nottingham Careers Hub");
        hub.selectByVisibleText("Derby Careers Hub");
        browser.screenshot("offer-form-hub-choice");
        browser.onAPhone("offer-form-hub-choice-phone");
    }

    private void signIn(String email, String next) {
        WebDriver driver = browser.driver();
        driver.get(app.url(next));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.clickThrough(By.cssSelector("form button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith(next);
    }
}

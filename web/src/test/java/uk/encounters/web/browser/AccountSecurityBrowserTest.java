package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecondFactor;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/** A coordinator sets up two-step sign-in on a phone, then decides who joins an organisation, on a desk. */
@Tag("browser")
class AccountSecurityBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long hub;

    @BeforeAll
    static void start() {
        hub = new TestData(db.dsl()).hub("Derby Careers Hub");
        Accounts.create(db.dsl(), "cora@derby-hub.example", "Cora Ordinator", Scope.coordinator(hub));
        app = RunningApp.start(
                db.database(), LocalDate.of(2026, 11, 23), Map.of("SECOND_FACTOR_ROLES", "admin,coordinator"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCoordinatorSetsUpTwoStepSignInOnAPhone() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys("cora@derby-hub.example");
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        driver.get(app.url("/hubs/" + hub + "/employers"));

        assertThat(driver.getCurrentUrl()).endsWith("/two-factor/setup");
        browser.screenshot("two-factor-setup-390");
        String secret =
                driver.findElement(By.cssSelector(".secret-key")).getText().replace(" ", "");
        driver.findElement(By.id("code")).sendKeys("000000".equals(code(secret)) ? "111111" : "000000");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                .contains("That code is not right");
        browser.screenshot("two-factor-setup-error-390");
        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code(secret));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));

        assertThat(driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        browser.screenshot("recovery-codes-390");
        assertThat(noWiderThanTheScreen(driver)).isTrue();
        browser.clickThrough(By.linkText("Continue to your account"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Two-step sign-in", "On: each sign-in asks", "Sign out everywhere");
        browser.screenshot("account-390");

        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.screenshot("account-1280");
        driver.get(app.url("/hubs/" + hub + "/employers"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Organisations");

        // someone on a shared surname-and-postcode asks to join; the coordinator makes them their own organisation
        TestData data = new TestData(db.dsl());
        long castle = data.employer(hub, "Castle Bakery");
        long offer = data.offer(castle, OfferStatus.PENDING, LocalDate.of(2027, 3, 1));
        long jo = new AccountRepository(db.dsl()).createWithoutScope("jo@castle-bakeries.example", "Jo Baker");
        db.dsl()
                .insertInto(ORGANISATION_JOIN)
                .set(ORGANISATION_JOIN.EMPLOYER_ID, castle)
                .set(ORGANISATION_JOIN.USER_ID, jo)
                .set(ORGANISATION_JOIN.OFFER_ID, offer)
                .set(ORGANISATION_JOIN.ORGANISATION_NAME, "Castle Bakeries (Derby)")
                .set(ORGANISATION_JOIN.POSTCODE, "DE22 1AB")
                .set(ORGANISATION_JOIN.SIZE_BAND, "micro")
                .set(ORGANISATION_JOIN.SECTOR, "Hospitality")
                .set(ORGANISATION_JOIN.CONTACT_NAME, "Jo Baker")
                .set(ORGANISATION_JOIN.MATCHED_BY, "similar_name_nearby")
                .set(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT, java.time.OffsetDateTime.now())
                .execute();
        driver.get(app.url("/hubs/" + hub + "/employers"));
        assertThat(driver.findElement(By.id("joins")).getText()).isEqualTo("Asking to join");
        browser.screenshot("join-request-1280");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.findElement(By.cssSelector("label[for$='-separate']")).click();
        browser.screenshot("join-request-390");
        // the organisations table below scrolls sideways on a phone (issue 24); the request fits
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return [...document.querySelectorAll('form.join-request')]"
                                + ".every(f => f.getBoundingClientRect().right <= window.innerWidth)"))
                .isEqualTo(true);
        browser.clickThrough(By.xpath("//button[normalize-space()='Save decision']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("Done: Castle Bakeries (Derby) is now an organisation of its own, with their offer.");
    }

    private static boolean noWiderThanTheScreen(WebDriver driver) {
        Object wide = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        return Boolean.TRUE.equals(wide);
    }

    private static String code(String secret) {
        return SecondFactor.codeAt(secret, new SecondFactor(db.dsl(), Clock.systemUTC()).currentStep());
    }
}

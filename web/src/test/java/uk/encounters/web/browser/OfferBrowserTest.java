package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;

/** A small business offers a talk the way a new visitor would: from the home page, with no account. */
@Tag("browser")
class OfferBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "harvest beacon quill meadow";
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/offers/\\d+/confirm/\\S+)");
    static RunningApp app;
    static TestData data;
    static long school;

    @BeforeAll
    static void aHubWithASchool() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE24 8AJ")
                .set(SCHOOL.LATITUDE, 52.897)
                .set(SCHOOL.LONGITUDE, -1.449)
                .where(SCHOOL.ID.eq(school))
                .execute();
        new AccountRepository(db.dsl())
                .create(
                        "carla@bemrose.example",
                        "Carla Leader",
                        new Passwords().hash(PASSWORD),
                        Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anSmeOffersATalkFollowsTheEmailedLinkAndLandsOnItsOwnPage() {
        WebDriver driver = browser.driver();
        driver.get(app.url("/"));
        browser.clickThrough(By.linkText("Offer a talk"));
        assertThat(driver.getCurrentUrl()).endsWith("/offer-a-talk");

        driver.findElement(By.id("organisation")).sendKeys("Peak Precision Ltd");
        driver.findElement(By.id("contactName")).sendKeys("Priya Shah");
        driver.findElement(By.id("email")).sendKeys("priya@peakprecision.example");
        driver.findElement(By.id("postcode")).sendKeys("DE24 8ZZZ");
        new Select(driver.findElement(By.id("sector"))).selectByVisibleText("Manufacturing");
        new Select(driver.findElement(By.id("size"))).selectByValue("small");
        driver.findElement(By.id("topics")).sendKeys("What a machinist does all day");
        assertThat(driver.findElement(By.id("radius")).isDisplayed())
                .as("what has a default is folded under More options")
                .isFalse();
        browser.screenshot("offer-form");
        // on a phone: the essentials, then the fold, then Send, with nothing off the side
        browser.onAPhone(
                "offer-form-phone",
                By.cssSelector("#more-options summary"),
                By.cssSelector("#your-offer button[type=submit]"));
        browser.clickThrough(By.cssSelector("#your-offer button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Enter a UK postcode");
        assertThat(driver.findElement(By.id("postcode")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.id("organisation")).getAttribute("value"))
                .isEqualTo("Peak Precision Ltd");
        browser.screenshot("offer-form-error");
        driver.findElement(By.id("postcode")).clear();
        driver.findElement(By.id("postcode")).sendKeys("de24 8by");
        browser.clickThrough(By.cssSelector("#your-offer button[type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("priya@peakprecision.example");
        assertThat(db.dsl().select(OFFER.STATUS).from(OFFER).fetchOne(0)).isEqualTo(OfferStatus.PENDING);

        // the confirmation email, as the outbox worker sends it
        String email = Mailbox.latestTo(app, "priya@peakprecision.example");
        Matcher link = LINK.matcher(email);
        assertThat(link.find()).isTrue();
        // the test server listens on a port of its own choosing, so only the path is kept
        driver.get(app.url(link.group(1)));
        browser.screenshot("offer-confirm");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));

        long employer = db.dsl().select(EMPLOYER.ID).from(EMPLOYER).fetchOne(0, Long.class);
        assertThat(driver.getCurrentUrl()).endsWith("/employers/" + employer);
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("your offer is live");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Peak Precision Ltd");
        assertThat(driver.findElement(By.id("offers")).isDisplayed()).isTrue();
        assertThat(db.dsl().select(OFFER.STATUS).from(OFFER).fetchOne(0)).isEqualTo(OfferStatus.ACTIVE);

        // a booking proposed to them is answered from the same page
        long offer = db.dsl().select(OFFER.ID).from(OFFER).fetchOne(0, Long.class);
        long request = data.request(school, 9, RequestStatus.MATCHED, LocalDate.of(2026, 12, 1));
        data.booking(request, offer, null, LocalDate.of(2026, 12, 8), BookingStatus.PUBLISHED);
        driver.navigate().refresh();
        browser.screenshot("employer-page");
        // on a phone the bookings stack, each a card with its answers: nothing to scroll sideways to
        browser.onAPhone(
                "employer-page-phone",
                By.cssSelector("#bookings + table button[type=submit]"),
                By.partialLinkText("Decline"));
        browser.clickThrough(By.cssSelector("#bookings + table button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Confirmed");
        assertThat(driver.findElement(By.cssSelector("#bookings + table")).getText())
                .contains("Confirmed");

        // the school's careers leader finds the offer in the directory, without the volunteer's details
        driver.manage().deleteAllCookies();
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys("carla@bemrose.example");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        driver.get(app.url("/schools/" + school + "/bookings"));
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Peak Precision Ltd", "0 of 30 chosen");
        browser.onAPhone("school-bookings-phone");
        driver.get(app.url("/schools/" + school + "/offers"));
        new Select(driver.findElement(By.id("type"))).selectByVisibleText("Careers talk");
        driver.findElement(By.id("year")).sendKeys("Year 9");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        String results = driver.findElement(By.tagName("main")).getText();
        browser.screenshot("directory");
        assertThat(results)
                .contains("Peak Precision Ltd")
                .doesNotContain("priya@peakprecision.example")
                .doesNotContain("Priya");
    }
}

package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;

/**
 * The four journeys of issue 24, in the demo hub, each from what its person has (the home page,
 * or a link in an email) to its end, counting the clicks it takes: a journey that grows longer
 * fails here. Clicks are those on a link, a button, a checkbox, a radio or a summary, and
 * following an emailed link (see {@link Browser#resetClicks}); typing and choosing from a list are
 * not. Along the way it saves, at 390 px, the four pages the closing note compares:
 * evidence-round, evidence-who-goes, evidence-progress and evidence-employer (docs/evidence/issue-24).
 *
 * <p>The coordinator's journey publishes the round the careers leader's and the employer's
 * journeys answer, so it runs first.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourJourneysBrowserTest {

    @RegisterExtension
    @Order(1)
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    @Order(2)
    static final RunningDemo demo = new RunningDemo(db, TODAY);

    @RegisterExtension
    static final Browser browser = new Browser();

    static final Pattern CONFIRM_BOOKING =
            Pattern.compile("https?://[^/\\s]+(/bookings/\\d+/reply/\\S+\\?answer=confirm)");
    static final Pattern CONFIRM_OFFER = Pattern.compile("https?://[^/\\s]+(/offers/\\d+/confirm/\\S+)");

    // the most clicks each journey may take: what each took when measured (docs/evidence/issue-24)
    static final int SME_CLICKS = 4;
    static final int CAREERS_LEADER_CLICKS = 6;
    static final int COORDINATOR_CLICKS = 6;
    static final int EMPLOYER_CLICKS = 2;

    static Long publishedRound;

    @Test
    @Order(1)
    void theCoordinatorGoesFromTheSignInLinkToAPublishedRound() {
        WebDriver driver = startAfresh();
        signIn("Enterprise coordinator");
        browser.clickThrough(By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Matching round']"));
        driver.findElement(By.id("seconds")).clear();
        driver.findElement(By.id("seconds")).sendKeys("5");
        browser.clickThrough(By.xpath("//button[normalize-space()='Run matching']"));
        // the page reloads itself when matching ends (Chrome may answer for the old page's nodes for a moment)
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.id("proposal-title")).isEmpty()
                        && d.findElement(By.tagName("main")).getText() != null);
        browser.onAPhone("evidence-round");

        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish')]"));
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish and send')]"));

        assertThat(flash()).startsWith("Published");
        publishedRound = db.dsl()
                .select(MATCHING_ROUND.ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED))
                .fetchOne(MATCHING_ROUND.ID);
        assertThat(publishedRound).as("the round published").isNotNull();
        assertThat(clicks("c. coordinator")).isLessThanOrEqualTo(COORDINATOR_CLICKS);
    }

    @Test
    @Order(2)
    void theCareersLeaderGoesFromTheSignInLinkToAConfirmedBookingWithPupilsChosen() {
        WebDriver driver = startAfresh();
        long school = careersLeadersSchool();
        long booking = aBookingOfThePublishedRound(school);
        signIn("Careers leader");
        browser.onAPhone("evidence-progress");
        browser.clickThrough(By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Bookings']"));
        browser.clickThrough(By.cssSelector("a[href='/schools/" + school + "/bookings/" + booking + "']"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Confirm']"));
        assertThat(flash()).isEqualTo("Confirmed.");
        // the suggested pupils are ticked: the careers leader saves them as they are
        browser.clickThrough(By.cssSelector("form[data-who-goes] .choice-bar button[type=submit]"));

        assertThat(flash()).startsWith("Saved: ");
        int places = db.dsl().fetchValue(BOOKING.PUPILS, BOOKING.ID.eq(booking));
        assertThat(db.dsl().fetchCount(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID.eq(booking)))
                .as("every place has a pupil")
                .isEqualTo(places);
        assertThat(db.dsl().fetchValue(BOOKING.SCHOOL_CONFIRMED_AT, BOOKING.ID.eq(booking)))
                .as("confirmed by the school")
                .isNotNull();
        assertThat(clicks("b. careers leader")).isLessThanOrEqualTo(CAREERS_LEADER_CLICKS);
        browser.onAPhone("evidence-who-goes");
    }

    @Test
    @Order(3)
    void theEmployerConfirmsFromTheRoundDigest() {
        WebDriver driver = startAfresh();
        assertThat(publishedRound)
                .as("the coordinator's journey publishes the round")
                .isNotNull();
        String employer = db.dsl()
                .select(OUTBOX.RECIPIENT)
                .from(OUTBOX)
                .where(OUTBOX.KIND.eq("round_digest_employer"))
                .orderBy(OUTBOX.ID)
                .limit(1)
                .fetchOne(OUTBOX.RECIPIENT);
        assertThat(employer).as("an employer's digest in the outbox").isNotNull();
        Matcher confirm = CONFIRM_BOOKING.matcher(Mailbox.latestTo(demo.app(), employer));
        assertThat(confirm.find()).isTrue();
        long booking = Long.parseLong(confirm.group(1).split("/")[2]);

        browser.followEmailedLink(demo.app().url(confirm.group(1)));
        browser.clickThrough(By.xpath("//button[normalize-space()='Yes, confirm it']"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
        assertThat(db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking))).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(clicks("d. employer")).isLessThanOrEqualTo(EMPLOYER_CLICKS);

        // the employer's own page, as the demo's employer signed in sees it
        startAfresh();
        signIn("Employer");
        assertThat(driver.getCurrentUrl()).contains("/employers/");
        browser.onAPhone("evidence-employer");
    }

    @Test
    @Order(4)
    void anSmeGoesFromTheHomePageToItsOfferLive() {
        WebDriver driver = startAfresh();
        driver.get(demo.app().url("/"));
        browser.clickThrough(By.linkText("Offer a talk"));
        driver.findElement(By.id("organisation")).sendKeys("Peak Precision Ltd");
        driver.findElement(By.id("contactName")).sendKeys("Priya Shah");
        driver.findElement(By.id("email")).sendKeys("priya@peakprecision.example");
        driver.findElement(By.id("postcode")).sendKeys("DE24 8BY");
        new Select(driver.findElement(By.id("sector"))).selectByVisibleText("Manufacturing");
        new Select(driver.findElement(By.id("size"))).selectByValue("small");
        driver.findElement(By.id("topics")).sendKeys("What a machinist does all day");
        browser.clickThrough(By.cssSelector("#your-offer button[type=submit]"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");

        Matcher confirm = CONFIRM_OFFER.matcher(Mailbox.latestTo(demo.app(), "priya@peakprecision.example"));
        assertThat(confirm.find()).isTrue();
        browser.followEmailedLink(demo.app().url(confirm.group(1)));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));

        assertThat(flash()).contains("your offer is live");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Peak Precision Ltd");
        long offer = Long.parseLong(confirm.group(1).split("/")[2]);
        assertThat(db.dsl().fetchValue(OFFER.STATUS, OFFER.ID.eq(offer))).isEqualTo(OfferStatus.ACTIVE);
        assertThat(clicks("a. SME")).isLessThanOrEqualTo(SME_CLICKS);
    }

    /** A new person at the browser: nobody signed in, no clicks counted. */
    private static WebDriver startAfresh() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        browser.resetClicks();
        return driver;
    }

    /** The message the page leads with, or a failure saying which page came instead. */
    private static String flash() {
        WebDriver driver = browser.driver();
        List<WebElement> flash = driver.findElements(By.cssSelector(".flash"));
        if (flash.isEmpty()) {
            String main = driver.findElement(By.tagName("main")).getText();
            throw new AssertionError("no message at " + driver.getCurrentUrl() + ", which reads: "
                    + main.substring(0, Math.min(main.length(), 600)));
        }
        return flash.getFirst().getText();
    }

    /** Prints the journey's clicks, one a line, and says how many. */
    private static int clicks(String journey) {
        List<String> clicks = browser.clicks();
        System.out.printf("journey %s: %d clicks%n", journey, clicks.size());
        for (int i = 0; i < clicks.size(); i++) {
            System.out.printf("  %d. %s%n", i + 1, clicks.get(i));
        }
        return clicks.size();
    }

    /** Follows the demo's sign-in link for the role (emailed, in a real hub) and signs in. */
    private static void signIn(String role) {
        browser.followEmailedLink(demo.signInLink(role));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
    }

    /** The demo careers leader's school: the hub's school with most pupils, as DemoSignIns picks it. */
    private static long careersLeadersSchool() {
        return db.dsl()
                .select(SCHOOL.ID)
                .from(SCHOOL)
                .join(PUPIL)
                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                .groupBy(SCHOOL.ID)
                .orderBy(DSL.count().desc(), SCHOOL.ID)
                .limit(1)
                .fetchSingle(SCHOOL.ID);
    }

    /** The school's first booking in the round the coordinator published, still to come. */
    private static long aBookingOfThePublishedRound(long school) {
        assertThat(publishedRound)
                .as("the coordinator's journey publishes the round")
                .isNotNull();
        Long booking = db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(REQUEST.SCHOOL_ID.eq(school))
                .and(BOOKING.ROUND_ID.eq(publishedRound))
                .and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))
                .and(BOOKING.STARTS_ON.gt(TODAY))
                .orderBy(BOOKING.STARTS_ON, BOOKING.ID)
                .limit(1)
                .fetchOne(BOOKING.ID);
        assertThat(booking)
                .as("a booking for the careers leader's school in the round")
                .isNotNull();
        return booking;
    }
}

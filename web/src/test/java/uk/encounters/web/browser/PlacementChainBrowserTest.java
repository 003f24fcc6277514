package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;

/**
 * A work-experience placement from the careers leader's request to reflection in a browser: the
 * coordinator's round matches it to a host's placement week and the host confirms it from the
 * digest; the host declares its paperwork (an expired insurance refused first), the careers leader chooses who goes, checks the
 * paperwork for both pupils at once and makes each family's and pupil's link; a parent agrees on a
 * phone, the pupil ticks the first-day checklist, and the placement is ready for everyone; on the
 * last day the pupil writes about it and the careers leader takes the register.
 */
@Tag("browser")
class PlacementChainBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final LocalDate TODAY = LocalDate.of(2027, 5, 10);
    static final LocalDate STARTS = LocalDate.of(2027, 6, 14);
    static final LocalDate ENDS = LocalDate.of(2027, 6, 18);

    static final Pattern CONFIRM_BOOKING =
            Pattern.compile("https?://[^/\\s]+(/bookings/\\d+/reply/\\S+\\?answer=confirm)");

    static RunningApp app;
    static long derby;
    static long littleover;
    static long acme;

    @BeforeAll
    static void aHostOfferingAPlacementWeekAndASchoolWithTwoYear10Pupils() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        // a few miles apart in Derby, within the host's reach
        littleover = data.school(derby, "Littleover Community School", "DE23 4BX", 52.9014, -1.5167);
        acme = data.employer(derby, "Acme Logistics");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.LATITUDE, 52.9225)
                .set(EMPLOYER.LONGITUDE, -1.4746)
                .where(EMPLOYER.ID.eq(acme))
                .execute();
        data.placementWeeks(acme, 2, STARTS);
        data.pupil(littleover, 10);
        data.pupil(littleover, 10);
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(acme));
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee Leader", Scope.careersLeader(littleover));
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static void signIn(RunningApp on, String email, String path) {
        browser.signIn(on, email, path);
    }

    /** An address without its scheme and host. */
    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    @Test
    void aPlacementGoesFromTheRequestThroughMatchingToReadyAndOnToReflectionAndTheRegister() throws Exception {
        WebDriver driver = browser.driver();

        // the careers leader asks for two Year 10 places in the placement week
        signIn(app, "lee@littleover.example", "/schools/" + littleover + "/requests/new");
        driver.findElement(By.id("type-work_experience")).click();
        new Select(driver.findElement(By.id("yearGroup"))).selectByValue("10");
        driver.findElement(By.id("places")).sendKeys("2");
        browser.setDate("placementFrom", STARTS.toString());
        browser.setDate("placementUntil", ENDS.toString());
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Posted");

        // the coordinator's weekly round matches it to the host's placement week and is published
        signIn(app, "cora@derby.example", "/hubs/" + derby + "/round");
        driver.findElement(By.id("seconds")).clear();
        driver.findElement(By.id("seconds")).sendKeys("2");
        browser.clickThrough(By.xpath("//button[normalize-space()='Run matching']"));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.id("proposal-title")).isEmpty());
        assertThat(driver.findElement(By.id("summary")).getText())
                .as(main())
                .containsPattern("Sessions matched\\s+2 of 2");
        browser.screenshot("placement-round-proposal");
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish')]"));
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish and send')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).startsWith("Published");

        // the host confirms the placement week from the round's digest
        Matcher confirm = CONFIRM_BOOKING.matcher(Mailbox.latestTo(app, "ash@acme.example"));
        assertThat(confirm.find())
                .as("the host's digest asks it to confirm the booking")
                .isTrue();
        long booking = Long.parseLong(confirm.group(1).split("/")[2]);
        driver.manage().deleteAllCookies();
        browser.followEmailedLink(app.url(confirm.group(1)));
        browser.clickThrough(By.xpath("//button[normalize-space()='Yes, confirm it']"));
        assertThat(db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking))).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(db.dsl().fetchValue(BOOKING.STARTS_ON, BOOKING.ID.eq(booking)))
                .isEqualTo(STARTS);
        assertThat(db.dsl().fetchValue(BOOKING.ENDS_ON, BOOKING.ID.eq(booking))).isEqualTo(ENDS);

        // the host: an insurance that has run out is refused, then the paperwork is declared
        Path certificate = Files.createTempFile("EL-certificate", ".pdf");
        Files.write(certificate, SamplePaperwork.pdf());
        signIn(app, "ash@acme.example", "/employers/" + acme + "/placement-paperwork");
        PlacementPaperworkBrowserTest.fillPaperwork(browser, certificate, "2027-04-30", "2027-02-01");
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));
        assertThat(driver.findElement(By.id("insuranceExpiresOn-error")).getText())
                .contains("This insurance expired on Fri 30 Apr 2027");
        browser.setDate("insuranceExpiresOn", "2028-03-31");
        driver.findElement(By.id("insuranceCertificate"))
                .sendKeys(certificate.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Declared.");

        // the careers leader chooses who goes: a placement each
        signIn(app, "lee@littleover.example", "/schools/" + littleover + "/bookings/" + booking);
        browser.clickThrough(By.cssSelector("form[data-who-goes] button[type=submit]"));
        assertThat(main()).contains("This booking's placements").contains("Not ready");
        browser.clickThrough(By.cssSelector("table a[href*='/placements/']"));
        assertThat(main())
                .contains("Work experience at Acme Logistics")
                .contains("Zurich Insurance, policy EL-123456")
                .contains("Lifting and carrying: Nothing over 5 kg");
        browser.screenshot("placement-to-check");
        browser.onAPhone("placement-to-check-phone", By.cssSelector(".check-form button[type=submit]"));

        browser.click(By.id("decision"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Record the check']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Approved for 2 pupils.");
        String placementPage = path(driver.getCurrentUrl());

        browser.clickThrough(By.xpath("//button[normalize-space()='Make a link for the parent or carer']"));
        // the address as printed names the app's configured host: here, the test's own server
        String parentLink =
                path(driver.findElement(By.cssSelector(".link-address code")).getText());
        assertThat(driver.findElement(By.cssSelector(".qr-code")).isDisplayed()).isTrue();
        browser.screenshot("placement-parent-link");
        driver.get(app.url(placementPage));
        browser.clickThrough(By.xpath("//button[normalize-space()='Make a link for the pupil']"));
        String pupilLink =
                path(driver.findElement(By.cssSelector(".link-address code")).getText());

        // the parent, on a phone, from the printed code
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.followEmailedLink(app.url(parentLink));
        assertThat(main())
                .contains("Your child's school has arranged a work-experience placement")
                .contains("Dan Price, 01332 123456")
                .contains("Lifting and carrying");
        browser.click(By.id("answer"));
        driver.findElement(By.id("givenBy")).sendKeys("Jo Smith");
        driver.findElement(By.id("relationship")).sendKeys("mother");
        browser.onAPhone("placement-parent-phone", By.xpath("//button[normalize-space()='Send my answer']"));
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.clickThrough(By.xpath("//button[normalize-space()='Send my answer']"));
        assertThat(main()).contains("Agreed by Jo Smith (mother) on Mon 10 May 2027");

        // the pupil, on a phone
        browser.followEmailedLink(app.url(pupilLink));
        for (WebElement point : driver.findElements(By.cssSelector("input[name=point]"))) {
            point.click();
        }
        browser.onAPhone("placement-pupil-phone", By.xpath("//button[normalize-space()='I have read it all']"));
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.clickThrough(By.xpath("//button[normalize-space()='I have read it all']"));
        assertThat(main()).contains("You have read the arrangements and ticked each point");

        // ready, for the school, the host and the hub
        signIn(app, "lee@littleover.example", placementPage);
        assertThat(driver.findElement(By.cssSelector("#stands-heading")).getText())
                .contains("Ready");
        browser.screenshot("placement-ready");
        browser.onAPhone("placement-ready-phone");
        signIn(app, "cora@derby.example", "/hubs/" + derby + "/placements");
        // (the class's other test may have made a placement of its own, ready or not)
        assertThat(main()).containsPattern("Not ready \\(\\d\\)").containsPattern("\nReady \\(\\d\\)");
        browser.screenshot("hub-placements");
        signIn(app, "ash@acme.example", "/employers/" + acme);
        assertThat(main()).contains("Work-experience placements you host").contains("1 of 2 ready");

        // the last day of the placement: the pupil writes, the careers leader takes the register
        try (RunningApp lastDay = RunningApp.start(db.database(), ENDS)) {
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(new Dimension(390, 844));
            browser.followEmailedLink(lastDay.url(pupilLink));
            driver.findElement(By.id("whatTheyDid")).sendKeys("Picked and packed orders; shadowed the shift lead.");
            driver.findElement(By.id("whatTheyLearnt")).sendKeys("Accuracy matters more than speed.");
            browser.click(By.id("wouldConsider-maybe"));
            browser.clickThrough(By.xpath("//button[normalize-space()='Send']"));
            assertThat(main()).contains("Thank you for writing about your placement");

            signIn(lastDay, "lee@littleover.example", "/schools/" + littleover + "/bookings/" + booking);
            browser.clickThrough(By.xpath("//button[normalize-space()='Record attendance']"));
            assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Recorded: 2 attended");
            driver.get(lastDay.url(placementPage));
            assertThat(main())
                    .contains("Accuracy matters more than speed.")
                    .contains("would consider this work: maybe");
            // the placement's hours reach the pupils' progress: a week's placement is 25 hours
            driver.get(lastDay.url("/schools/" + littleover + "/progress/hours?year=10"));
            assertThat(main()).contains("25 hours");
        }
    }

    @Test
    void aPlacementAPupilFoundGoesThroughTheSameChainItsHostWithoutAnAccount() throws Exception {
        WebDriver driver = browser.driver();
        signIn(app, "lee@littleover.example", "/schools/" + littleover + "/placements");
        browser.clickThrough(By.linkText("Record a placement a pupil found"));
        String reference = db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.PUPIL.REFERENCE)
                .from(uk.encounters.marketplace.jooq.Tables.PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.PUPIL.SCHOOL_ID.eq(littleover))
                .orderBy(uk.encounters.marketplace.jooq.Tables.PUPIL.ID.desc())
                .limit(1)
                .fetchSingle()
                .value1();
        driver.findElement(By.id("pupil")).sendKeys(reference);
        driver.findElement(By.id("hostName")).sendKeys("Corner Shop");
        driver.findElement(By.id("hostPostcode")).sendKeys("DE23 6AB");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sector"))).selectByVisibleText("Retail");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("size"))).selectByValue("micro");
        driver.findElement(By.id("contactName")).sendKeys("Pat Owner");
        driver.findElement(By.id("contactEmail")).sendKeys("pat@cornershop.example");
        browser.setDate("startsOn", "2027-07-05");
        browser.setDate("endsOn", "2027-07-09");
        browser.onAPhone("placement-self-found-phone", By.xpath("//button[normalize-space()='Record the placement']"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Record the placement']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("Recorded. Pat Owner is emailed a link to give the organisation's placement paperwork.");
        String placementPage = path(driver.getCurrentUrl());

        // the host, on a phone, from the email: the paperwork the first time, counted
        Long[] links = db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.OUTBOX.LINK_TOKEN_IDS)
                .from(uk.encounters.marketplace.jooq.Tables.OUTBOX)
                .where(uk.encounters.marketplace.jooq.Tables.OUTBOX.RECIPIENT.eq("pat@cornershop.example"))
                .fetchSingle()
                .value1();
        String token = new uk.encounters.marketplace.account.LoginTokenRepository(db.dsl(), app.clock())
                .mint(links[0])
                .orElseThrow()
                .token();
        long placementId = Long.parseLong(placementPage.replaceAll(".*/", ""));
        Path certificate = Files.createTempFile("EL-certificate", ".pdf");
        Files.write(certificate, SamplePaperwork.pdf());
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.resetClicks();
        browser.followEmailedLink(app.url("/placements/" + placementId + "/host/" + token));
        assertThat(main()).contains("Littleover Community School has recorded that one of its pupils");
        PlacementPaperworkBrowserTest.fillPaperwork(browser, certificate, "2028-03-31", "2027-04-01");
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));
        assertThat(main()).contains("Your placement paperwork holds for it").contains("Tell us what you could offer");
        browser.onAPhone("placement-host-declared-phone");
        // the fields typed or set: insurer, policy, cover date, certificate, a hazard's control, the
        // assessment's date, the statement, supervisor, phone, hours, dress
        System.out.printf(
                "Host's paperwork the first time: 11 fields, %d clicks (%s)%n",
                browser.clicks().size(), String.join(", ", browser.clicks()));

        // the school checks it, records the parent's paper form, and the pupil's checklist follows
        signIn(app, "lee@littleover.example", placementPage);
        browser.click(By.id("decision"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Record the check']"));
        browser.click(By.xpath("//summary[contains(., 'paper form')]"));
        browser.click(By.id("answer"));
        driver.findElement(By.id("givenBy")).sendKeys("Alex Jones");
        driver.findElement(By.id("relationship")).sendKeys("father");
        browser.clickThrough(By.xpath("//button[normalize-space()='Record the answer']"));
        assertThat(main())
                .contains("Agreed by Alex Jones (father) on Mon 10 May 2027, on a paper form recorded by Lee Leader");
        browser.clickThrough(By.xpath("//button[normalize-space()='Make a link for the pupil']"));
        String pupilLink =
                path(driver.findElement(By.cssSelector(".link-address code")).getText());
        driver.manage().deleteAllCookies();
        browser.followEmailedLink(app.url(pupilLink));
        for (WebElement point : driver.findElements(By.cssSelector("input[name=point]"))) {
            point.click();
        }
        browser.clickThrough(By.xpath("//button[normalize-space()='I have read it all']"));
        signIn(app, "lee@littleover.example", placementPage);
        assertThat(driver.findElement(By.cssSelector("#stands-heading")).getText())
                .contains("Ready");
    }
}

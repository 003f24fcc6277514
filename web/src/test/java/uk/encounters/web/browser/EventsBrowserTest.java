package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;

/**
 * Events in a browser, as issue 26 asks: a careers leader posts a Year 9 careers fair of eight stalls;
 * the coordinator posts a sector day for three schools, which sign up; one round fills both and an
 * online talk two cold-spot schools share; employers confirm stalls from their digests; registers are
 * taken at two schools; each pupil who came has one encounter for each event, and an exhibitor's page
 * counts the pupils it met.
 */
@Tag("browser")
class EventsBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A Monday: the round plans from the next Monday, for six school weeks. */
    static final LocalDate TODAY = LocalDate.of(2027, 1, 11);

    static final LocalDate FAIR_DAY = LocalDate.of(2027, 1, 26);
    static final LocalDate SECTOR_DAY = LocalDate.of(2027, 1, 28);
    static final LocalDate AFTER = LocalDate.of(2027, 1, 29);

    static final Pattern CONFIRM_BOOKING =
            Pattern.compile("https?://[^/\\s]+(/bookings/\\d+/reply/\\S+\\?answer=confirm)");

    static RunningApp app;
    static TestData data;
    static long derby;
    static long bemrose;
    static long sinfin;
    static long chaddesden;
    static long littleover;
    static long firstStall;
    static long sectorStall;
    static long webinars;

    @BeforeAll
    static void aHubWithFourSchoolsEmployersFreeOnTheEventsDaysAndAnOnlineTalkToShare() {
        data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        bemrose = school("Bemrose School", 52.9170, -1.4950, 4);
        sinfin = school("Sinfin Academy", 52.8920, -1.4860, 1);
        chaddesden = school("Chaddesden Park School", 52.9290, -1.4320, 2);
        littleover = school("Littleover Community School", 52.9014, -1.5167, 8);
        for (int i = 0; i < 10; i++) {
            data.pupil(bemrose, 9);
        }
        for (long school : List.of(sinfin, chaddesden, littleover)) {
            for (int i = 0; i < 5; i++) {
                data.pupil(school, 10);
            }
            for (int i = 0; i < 30; i++) {
                data.pupil(school, 8);
            }
        }
        for (int i = 1; i <= 8; i++) {
            long employer = employer("Fair Exhibitor " + i);
            data.stallOffer(employer, FAIR_DAY, "morning");
            if (i == 1) {
                firstStall = employer;
            }
        }
        for (int i = 1; i <= 4; i++) {
            long employer = employer("Sector Day Exhibitor " + i);
            data.stallOffer(employer, SECTOR_DAY, "morning");
            if (i == 1) {
                sectorStall = employer;
            }
        }
        webinars = employer("Webinar Engineers");
        long talk = data.offer(webinars, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));
        db.dsl()
                .update(OFFER)
                .set(OFFER.IN_SCHOOL, false)
                .set(OFFER.ONLINE, true)
                .set(OFFER.SHARED_ONLINE, true)
                .set(OFFER.PUPILS_MAX, 200)
                .set(OFFER.VOLUNTEER_ID, data.volunteer(webinars))
                .where(OFFER.ID.eq(talk))
                .execute();
        db.dsl()
                .insertInto(OFFER_AVAILABILITY)
                .set(OFFER_AVAILABILITY.OFFER_ID, talk)
                .set(OFFER_AVAILABILITY.AVAILABLE_ON, LocalDate.of(2027, 1, 27))
                .set(OFFER_AVAILABILITY.PERIOD, "morning")
                .execute();
        // the two cold-spot schools each ask for an online talk for Year 8
        data.openRequest(sinfin, 8, "careers_talk", 1, null, true, LocalDate.of(2027, 1, 18));
        data.openRequest(chaddesden, 8, "careers_talk", 1, null, true, LocalDate.of(2027, 1, 18));
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(bemrose));
        Accounts.create(db.dsl(), "sian@sinfin.example", "Sian", Scope.careersLeader(sinfin));
        Accounts.create(db.dsl(), "chad@chaddesden.example", "Chad", Scope.careersLeader(chaddesden));
        Accounts.create(db.dsl(), "lily@littleover.example", "Lily", Scope.careersLeader(littleover));
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "fay@fair.example", "Fay", Scope.employer(firstStall));
        Accounts.create(db.dsl(), "sam@sector.example", "Sam", Scope.employer(sectorStall));
        Accounts.create(db.dsl(), "wendy@webinars.example", "Wendy", Scope.employer(webinars));
        app = RunningApp.start(db.database(), TODAY);
    }

    private static long school(String name, double latitude, double longitude, int decile) {
        long id = data.school(derby, name, "DE23 8AA", latitude, longitude);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) decile)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }

    private static long employer(String name) {
        long id = data.employer(derby, name);
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.LATITUDE, 52.9225)
                .set(EMPLOYER.LONGITUDE, -1.4746)
                .where(EMPLOYER.ID.eq(id))
                .execute();
        data.presence(id, derby, false, 4);
        return id;
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

    static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    static String flash() {
        return browser.driver().findElement(By.cssSelector(".flash")).getText();
    }

    @Test
    void aSchoolsFairAndAHubsSectorDayAreFilledConfirmedRegisteredAndCountedOncePerPupil() {
        WebDriver driver = browser.driver();

        // the careers leader posts a Year 9 careers fair of eight stalls
        signIn(app, "carla@bemrose.example", "/schools/" + bemrose + "/events");
        browser.clickThrough(By.linkText("Post an event at your school"));
        driver.findElement(By.id("title")).sendKeys("Year 9 careers fair");
        browser.setDate("heldOn", FAIR_DAY.toString());
        driver.findElement(By.id("pupils9")).sendKeys("10");
        assertThat(driver.findElement(By.id("stallsAny")).getAttribute("value")).isEqualTo("8");
        browser.screenshot("event-school-form");
        browser.onAPhone("event-school-form-phone", By.xpath("//button[normalize-space()='Post the event']"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Post the event']"));
        assertThat(flash()).contains("Posted");
        long fair = db.dsl()
                .fetchSingle(EVENT, EVENT.TITLE.eq("Year 9 careers fair"))
                .getId();

        // the coordinator posts a sector day at a venue for the hub's schools
        signIn(app, "cora@derby.example", "/hubs/" + derby + "/events/new");
        driver.findElement(By.id("title")).sendKeys("Engineering sector day");
        browser.setDate("heldOn", SECTOR_DAY.toString());
        driver.findElement(By.id("venueName")).sendKeys("Derby Arena");
        driver.findElement(By.id("venuePostcode")).sendKeys("DE21 7RW");
        driver.findElement(By.id("capacity")).sendKeys("100");
        driver.findElement(By.id("stallsAny")).clear();
        driver.findElement(By.id("stallsAny")).sendKeys("4");
        browser.clickThrough(By.xpath("//button[normalize-space()='Post the event']"));
        assertThat(flash()).contains("Posted");
        long sectorDay = db.dsl()
                .fetchSingle(EVENT, EVENT.TITLE.eq("Engineering sector day"))
                .getId();

        // three schools sign their Year 10 up, one of them on a phone
        for (String[] leader : List.of(
                new String[] {"sian@sinfin.example", String.valueOf(sinfin)},
                new String[] {"chad@chaddesden.example", String.valueOf(chaddesden)},
                new String[] {"lily@littleover.example", String.valueOf(littleover)})) {
            signIn(app, leader[0], "/schools/" + leader[1] + "/events");
            browser.clickThrough(By.linkText("Engineering sector day"));
            new Select(driver.findElement(By.id("yearGroup"))).selectByValue("10");
            driver.findElement(By.id("pupils")).sendKeys("5");
            if (leader[0].startsWith("sian")) {
                browser.click(By.id("transportNeeded"));
                browser.onAPhone("event-sign-up-phone", By.xpath("//button[normalize-space()='Sign up']"));
            }
            browser.clickThrough(By.xpath("//button[normalize-space()='Sign up']"));
            assertThat(flash()).isEqualTo("Signed up: Year 10, 5 pupils.");
            if (leader[0].startsWith("sian")) {
                browser.onAPhone(
                        "event-signed-up-phone", By.xpath("//button[starts-with(normalize-space(), 'Withdraw')]"));
            }
        }
        signIn(app, "cora@derby.example", "/hubs/" + derby + "/events/" + sectorDay);
        assertThat(main())
                .contains("15 pupils with places of the 100 it takes")
                .contains("Sinfin Academy")
                .contains("Chaddesden Park School")
                .contains("Littleover Community School");
        browser.screenshot("event-hub-sign-ups");

        // one round: both events' stalls and the online talk the two cold-spot schools share
        driver.get(app.url("/hubs/" + derby + "/round"));
        driver.findElement(By.id("seconds")).clear();
        driver.findElement(By.id("seconds")).sendKeys("3");
        browser.clickThrough(By.xpath("//button[normalize-space()='Run matching']"));
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.id("proposal-title")).isEmpty());
        assertThat(driver.findElement(By.id("summary")).getText())
                .as(main())
                .containsPattern("Sessions matched\\s+14 of 14");
        assertThat(main())
                .contains("Events' stalls")
                .contains("Year 9 careers fair: Tue 26 Jan 2027, Bemrose School")
                .contains("Engineering sector day: Thu 28 Jan 2027, Derby Arena");
        browser.screenshot("event-round-proposal");
        // the coordinator pins a stall as a session: re-solving would keep it
        browser.clickThrough(
                By.xpath("//h3[@id='events']/following::button[starts-with(normalize-space(), 'Pin')][1]"));
        assertThat(flash()).startsWith("Pinned");
        assertThat(driver.findElement(By.xpath("//h3[@id='events']/following::ul[1]"))
                        .getText())
                .contains(", pinned");
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish')]"));
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish and send')]"));
        assertThat(flash()).startsWith("Published");
        List<Long> online = db.dsl()
                .select(BOOKING.ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(OFFER.EMPLOYER_ID.eq(webinars))
                .fetch(BOOKING.ID);
        assertThat(online).as("one online session, a booking for each school").hasSize(2);
        assertThat(db.dsl()
                        .selectDistinct(BOOKING.STARTS_ON, BOOKING.PERIOD)
                        .from(BOOKING)
                        .where(BOOKING.ID.in(online))
                        .fetch())
                .hasSize(1);

        // exhibitors confirm their stalls from their digests
        confirmFromDigest("fay@fair.example", "at Year 9 careers fair, Bemrose School");
        confirmFromDigest("sam@sector.example", "at Engineering sector day, Derby Arena");

        // the day after the sector day: the registers at Bemrose and at Sinfin
        try (RunningApp later = RunningApp.start(db.database(), AFTER)) {
            signIn(later, "carla@bemrose.example", "/schools/" + bemrose + "/events/" + fair);
            List<Long> year9 = pupils(bemrose, 9);
            browser.click(By.id("present-" + year9.getFirst()));
            browser.onAPhone("event-register-phone", By.xpath("//button[normalize-space()='Record who came']"));
            browser.clickThrough(By.xpath("//button[normalize-space()='Record who came']"));
            assertThat(flash()).startsWith("Recorded: 9 pupils came, 1 absent.");

            signIn(later, "sian@sinfin.example", "/schools/" + sinfin + "/events/" + sectorDay);
            browser.clickThrough(By.xpath("//button[normalize-space()='Record who came']"));
            assertThat(flash()).startsWith("Recorded: 5 pupils came, 0 absent.");

            // one encounter per pupil per event, in progress and in the careers log
            for (long pupil : year9.subList(1, year9.size())) {
                assertThat(db.dsl()
                                .fetchCount(
                                        ENCOUNTER,
                                        ENCOUNTER
                                                .PUPIL_ID
                                                .eq(pupil)
                                                .and(ENCOUNTER.ATTENDED)
                                                .and(ENCOUNTER.EVENT_ID.eq(fair))))
                        .isEqualTo(1);
                assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.PUPIL_ID.eq(pupil)))
                        .as("eight stalls, one encounter")
                        .isEqualTo(1);
            }
            String reference = db.dsl()
                    .select(PUPIL.REFERENCE)
                    .from(PUPIL)
                    .where(PUPIL.ID.eq(year9.get(1)))
                    .fetchSingle(PUPIL.REFERENCE);
            signIn(later, "carla@bemrose.example", "/schools/" + bemrose + "/pupils/log?reference=" + reference);
            assertThat(main()).containsOnlyOnce("Year 9 careers fair");
            driver.get(later.url("/schools/" + bemrose + "/progress"));
            assertThat(main()).as("Benchmark 5 for Year 9: nine of ten").contains("90%");

            // the exhibitor's page counts the pupils it met there
            signIn(later, "fay@fair.example", "/employers/" + firstStall);
            assertThat(driver.findElement(By.xpath("//dt[normalize-space()='Pupils reached']/following-sibling::dd"))
                            .getText())
                    .isEqualTo("9");
            browser.screenshot("event-exhibitor-page");
        }
    }

    @Test
    void theCoordinatorCancelsAHubEventAfterTheCheckAndTheSchoolSeesItCancelled() {
        WebDriver driver = browser.driver();
        signIn(app, "cora@derby.example", "/hubs/" + derby + "/events/new");
        driver.findElement(By.id("title")).sendKeys("Careers panel to call off");
        browser.setDate("heldOn", SECTOR_DAY.toString());
        browser.click(By.id("online"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Post the event']"));
        long panel = db.dsl()
                .fetchSingle(EVENT, EVENT.TITLE.eq("Careers panel to call off"))
                .getId();

        browser.onAPhone("hub-event-page-phone", By.linkText("Change this event"), By.linkText("Cancel this event"));
        browser.clickThrough(By.linkText("Change this event"));
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Careers panel to call off");
        browser.onAPhone("event-change-phone", By.xpath("//button[normalize-space()='Save the changes']"));
        browser.clickThrough(By.linkText("Back to the event"));
        browser.clickThrough(By.linkText("Cancel this event"));
        assertThat(main()).contains("It cannot be undone");
        browser.screenshot("event-cancel");
        driver.findElement(By.id("reason")).sendKeys("The panel's speakers cannot come");
        browser.onAPhone("event-cancel-phone", By.xpath("//button[normalize-space()='Cancel the event']"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Cancel the event']"));

        assertThat(flash()).startsWith("Cancelled. 0 stalls stopped");
        assertThat(db.dsl().fetchSingle(EVENT, EVENT.ID.eq(panel)).getStatus()).isEqualTo(EventStatus.CANCELLED);
        assertThat(main()).doesNotContain("Cancel this event");
        signIn(app, "sian@sinfin.example", "/schools/" + sinfin + "/events/" + panel);
        assertThat(main()).contains("Cancelled").doesNotContain("Sign a year group up");
    }

    /** Follows the confirm link of the employer's stall in its latest digest, which names the event. */
    private static void confirmFromDigest(String email, String where) {
        String digest = Mailbox.latestTo(app, email);
        assertThat(digest).contains(where);
        Matcher confirm = CONFIRM_BOOKING.matcher(digest);
        assertThat(confirm.find()).isTrue();
        long booking = Long.parseLong(confirm.group(1).split("/")[2]);
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
        browser.followEmailedLink(app.url(confirm.group(1)));
        browser.clickThrough(By.xpath("//button[normalize-space()='Yes, confirm it']"));
        assertThat(db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking))).isEqualTo(BookingStatus.CONFIRMED);
    }

    private static List<Long> pupils(long school, int yearGroup) {
        return new ArrayList<>(db.dsl()
                .select(PUPIL.ID)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .and(PUPIL.YEAR_GROUP.eq((short) yearGroup))
                .orderBy(PUPIL.REFERENCE)
                .fetch(PUPIL.ID));
    }
}

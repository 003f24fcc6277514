package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.register.RegisterExcerpt;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;

/**
 * A new hub from an empty database to its first published round, in a real browser, step by step
 * as docs/guide/setting-up-a-hub.md tells its people: the administrator loads the register and
 * creates the hub; the coordinator adds schools and a college, sets the calendar and a target of
 * four, imports an agency's list (an organisation written twice, a bad line), marks a cornerstone,
 * and invites a careers leader and an enterprise adviser; the careers leader imports pupils
 * and asks for a talk with a SEND adjustment; an employer offers one through the public form; the
 * round publishes with everyone told, and the employer's digest and calendar entry say where to go,
 * when, whom to ask for and what the group needs.
 */
@Tag("browser")
class SettingUpAHubBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A Monday: the round plans six school weeks from Monday 30 November. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static final String PASSWORD = "harvest beacon quill meadow";
    static final Pattern INVITATION = Pattern.compile("https?://[^/\\s]+(/invitation/\\S+)");
    static final Pattern OFFER_LINK = Pattern.compile("https?://[^/\\s]+(/offers/\\d+/confirm/\\S+)");
    static final String SEND = "Two pupils use wheelchairs: the hall is step-free";
    static final String EMPLOYER_EMAIL = "priya@peakprecision.example";

    static RunningApp app;

    @BeforeAll
    /** Migrated and holding nothing, as `encounters serve` leaves a new installation. */
    static void anEmptyInstallationWithItsFirstAdministrator() {
        app = RunningApp.start(db.database(), TODAY);
        // what `encounters invite-admin` makes, with the password chosen
        new AccountRepository(db.dsl())
                .create("ada@example.org", "Ada Admin", new Passwords().hash(PASSWORD), Scope.admin());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewHubsPeopleSetItUpAndItsFirstRoundTellsTheVolunteerWhereToGo() throws Exception {
        WebDriver driver = browser.driver();

        // 1. The administrator: the register and the hub
        signIn("ada@example.org");
        driver.get(app.url("/admin"));
        browser.clickThrough(By.linkText("Register of schools and colleges"));
        Path register = Files.createTempFile("edubasealldata", ".csv");
        Files.writeString(register, RegisterExcerpt.derby(), StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(register.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Load the register']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Loaded 117 establishments");
        Path deprivation = Files.createTempFile("File_1_IoD", ".csv");
        Files.writeString(deprivation, RegisterExcerpt.derbyDeprivation(), StandardCharsets.UTF_8);
        driver.findElement(By.id("deprivationFile"))
                .sendKeys(deprivation.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Load the deciles']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("151 neighbourhoods");
        browser.screenshot("setup-register");
        browser.onAPhone("setup-register-phone");

        driver.get(app.url("/admin"));
        driver.findElement(By.id("name")).sendKeys("Derby Careers Hub");
        driver.findElement(By.id("area")).sendKeys("derby");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        driver.findElement(By.id("name")).sendKeys("Cora Ordinator");
        driver.findElement(By.id("email")).sendKeys("cora@derbyhub.example");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        long hub = db.dsl().select(HUB.ID).from(HUB).fetchSingle(HUB.ID);
        signOut();

        // 2. The coordinator: schools, calendar, people
        acceptInvitation("cora@derbyhub.example");
        driver.get(app.url("/hubs/" + hub + "/people"));
        browser.clickThrough(By.linkText("Schools and colleges in Derby Careers Hub"));
        for (String urn : new String[] {"112956", "136634", "143853", "133585"}) {
            addSchool(urn);
        }
        addSchoolRefused("Lord Street", "nursery school");
        String schools = driver.findElement(By.tagName("main")).getText();
        assertThat(schools)
                .contains("4 schools and colleges")
                .contains("Littleover Community School", "West Park School", "Noel-Baker Academy", "Derby College")
                .contains("further education college");
        browser.screenshot("setup-schools");
        browser.onAPhone("setup-schools-phone");
        long school = schoolId("Littleover Community School");

        driver.get(app.url("/hubs/" + hub + "/calendar"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("England pattern");
        browser.onAPhone("setup-calendar-phone");
        driver.findElement(By.id("target-4")).click();
        browser.clickThrough(By.xpath("//button[normalize-space()='Save the dates and targets']"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Checked by the hub");
        assertThat(db.dsl().fetchValue(HUB.TARGET_ENCOUNTERS, HUB.ID.eq(hub))).isEqualTo((short) 4);

        // the agency's list: one organisation written twice, one bad line; skipped, the rest saved and invited
        driver.get(app.url("/hubs/" + hub + "/employers"));
        browser.clickThrough(By.partialLinkText("Import employers from an agency"));
        Path agencyList = Files.createTempFile("agency-list", ".csv");
        try (var in = SettingUpAHubBrowserTest.class.getResourceAsStream("/imports/agency-list.csv")) {
            Files.write(agencyList, in.readAllBytes());
        }
        driver.findElement(By.id("bank-file"))
                .sendKeys(agencyList.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Check the list']"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("1 of the rows have errors")
                .contains("Derwent Precision Engineering Limited: the same new organisation as line 3")
                .contains("Enter an email address in the right format");
        browser.screenshot("setup-employer-bank-preview");
        browser.onAPhone("setup-employer-bank-preview-phone");
        assertThat(driver.findElement(By.id("skipBadRows")).getText())
                .as("the button says it skips the bad line")
                .startsWith("Skip the 1 rows with errors and save");
        browser.clickThrough(By.id("skipBadRows"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Imported the list")
                .contains("1 line with errors was skipped");
        assertThat(Mailbox.latestTo(app, "raj.patel@derwentprecision.example")).contains("/invitation/");
        browser.clickThrough(By.xpath(
                "//tr[contains(., 'Derwent Precision Engineering')]//button[starts-with(normalize-space(), 'Mark')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Derwent Precision Engineering Ltd is now a cornerstone employer");
        browser.screenshot("setup-organisations");

        driver.get(app.url("/hubs/" + hub + "/people"));
        new Select(driver.findElement(By.id("school"))).selectByVisibleText("Littleover Community School");
        driver.findElement(By.id("name")).sendKeys("Lee Leader");
        driver.findElement(By.id("email")).sendKeys("lee@littleover.example");
        browser.clickThrough(By.xpath("//button[normalize-space()='Invite']"));
        new Select(driver.findElement(By.id("adviserSchool"))).selectByVisibleText("Littleover Community School");
        driver.findElement(By.id("adviserName")).sendKeys("Ann Adviser");
        driver.findElement(By.id("adviserEmail")).sendKeys("ann@rolls.example");
        browser.clickThrough(By.xpath("//button[normalize-space()='Invite the adviser']"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Ann Adviser is now enterprise adviser to Littleover Community School")
                .contains("Lee Leader");
        browser.screenshot("setup-people");
        browser.onAPhone("setup-people-phone");
        signOut();

        // 3. The careers leader: visitors, pupils, a request
        acceptInvitation("lee@littleover.example");
        driver.get(app.url("/schools/" + school + "/visitors"));
        driver.findElement(By.id("address")).sendKeys("Littleover Community School\nPastures Hill\nDerby DE23 4BZ");
        driver.findElement(By.id("meetingPoint")).sendKeys("Main reception, Pastures Hill entrance");
        driver.findElement(By.id("contactName")).sendKeys("Mrs Shah");
        driver.findElement(By.id("contactPhone")).sendKeys("01332 513219");
        browser.onAPhone("setup-visitors-phone");
        browser.clickThrough(By.xpath("//button[normalize-space()='Save']"));

        Path pupils = Files.createTempFile("pupils", ".csv");
        Files.writeString(
                pupils,
                "Reference,Year Group\r\n"
                        + IntStream.rangeClosed(1, 60)
                                .mapToObj(i -> "L9" + String.format("%03d", i) + ",9")
                                .collect(Collectors.joining("\r\n")));
        driver.get(app.url("/schools/" + school + "/pupils"));
        driver.findElement(By.id("pupil-file")).sendKeys(pupils.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Check the pupils']"));
        browser.clickThrough(By.xpath("//button[normalize-space()='Save 60 pupils']"));

        driver.get(app.url("/schools/" + school + "/requests/new"));
        // "What you need" is a radio per type; the first, a careers talk, has the field's own id
        driver.findElement(By.cssSelector("input[name=type][value=careers_talk]"))
                .click();
        new Select(driver.findElement(By.id("yearGroup"))).selectByValue("9");
        driver.findElement(By.id("pupils")).clear();
        driver.findElement(By.id("pupils")).sendKeys("30");
        setDate("from", "2026-12-01");
        setDate("until", "2027-01-29");
        driver.findElement(By.id("sendAdjustments")).sendKeys(SEND);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Posted");
        signOut();

        // 4. An employer sees what schools near them need, and offers a talk through the public form
        driver.get(app.url("/offer-a-talk?near=DE23"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("1 more careers talk")
                .doesNotContain("Littleover");
        browser.screenshot("setup-offer-gaps");
        browser.onAPhone("setup-offer-gaps-phone");
        driver.findElement(By.id("organisation")).sendKeys("Peak Precision Ltd");
        driver.findElement(By.id("contactName")).sendKeys("Priya Shah");
        driver.findElement(By.id("email")).sendKeys(EMPLOYER_EMAIL);
        driver.findElement(By.id("postcode")).clear();
        driver.findElement(By.id("postcode")).sendKeys("DE23 8NL");
        new Select(driver.findElement(By.id("sector"))).selectByVisibleText("Manufacturing");
        new Select(driver.findElement(By.id("size"))).selectByValue("small");
        // with one hub in the installation the form asks no area
        assertThat(driver.findElements(By.id("hub"))).isEmpty();
        driver.findElement(By.id("topics")).sendKeys("What a machinist does all day");
        // adapting for SEND is one of the more options, folded under the essentials
        driver.findElement(By.cssSelector("#more-options summary")).click();
        driver.findElement(By.id("sendAdaptable")).click();
        browser.clickThrough(By.cssSelector("#your-offer button[type=submit]"));
        Matcher confirm = OFFER_LINK.matcher(Mailbox.latestTo(app, EMPLOYER_EMAIL));
        assertThat(confirm.find()).isTrue();
        driver.get(app.url(confirm.group(1)));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("your offer is live");
        driver.manage().deleteAllCookies();

        // 5. The coordinator's first round: everyone in it has someone to tell
        signIn("cora@derbyhub.example");
        driver.get(app.url("/hubs/" + hub + "/round"));
        driver.findElement(By.id("seconds")).clear();
        driver.findElement(By.id("seconds")).sendKeys("5");
        browser.clickThrough(By.xpath("//button[normalize-space()='Run matching']"));
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.id("proposal-title")).isEmpty());
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Littleover Community School", "Peak Precision Ltd");
        assertThat(driver.findElements(By.id("nobody-to-tell")))
                .as("nobody to send to")
                .isEmpty();
        browser.screenshot("setup-round");
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish')]"));
        // the check before publishing: everyone has someone to tell
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Every school and employer in the proposal has someone to send their digest to");
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish and send')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .startsWith("Published")
                .doesNotContain("Nobody was emailed");

        // the volunteer's digest and calendar entry: where, when, whom to ask for, what the group needs
        String digest = Mailbox.latestTo(app, EMPLOYER_EMAIL);
        assertThat(digest).contains("Pastures Hill", "DE23 4BZ", "Arrive by", "Mrs Shah", "01332 513219", SEND);
        String calendar = calendarOf(EMPLOYER_EMAIL);
        assertThat(calendar).contains("LOCATION:", "Pastures Hill", "Mrs Shah", "wheelchairs");
    }

    private void addSchool(String urn) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys(urn);
        browser.clickThrough(By.xpath("//button[normalize-space()='Search the register']"));
        browser.clickThrough(By.cssSelector("tr[data-urn='" + urn + "'] button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("is now one of");
    }

    private void addSchoolRefused(String words, String reason) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys(words);
        browser.clickThrough(By.xpath("//button[normalize-space()='Search the register']"));
        assertThat(driver.findElement(By.id("urn")).getText()).contains("No: ").contains(reason);
    }

    private long schoolId(String name) {
        String id = browser.driver()
                .findElement(By.xpath("//th[a[normalize-space()='" + name + "']]/parent::tr"))
                .getAttribute("data-school");
        return Long.parseLong(id);
    }

    /** Follows the invitation email's link, as the person would, and chooses a password. */
    private void acceptInvitation(String email) {
        Matcher link = INVITATION.matcher(Mailbox.latestTo(app, email));
        assertThat(link.find()).as("an invitation to " + email).isTrue();
        WebDriver driver = browser.driver();
        driver.get(app.url(link.group(1)));
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("confirm")).sendKeys(PASSWORD);
        browser.clickThrough(By.xpath("//button[normalize-space()='Accept and sign in']"));
        assertThat(driver.getCurrentUrl()).doesNotContain("/invitation/");
    }

    private void signIn(String email) {
        WebDriver driver = browser.driver();
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
    }

    private void signOut() {
        browser.clickThrough(By.xpath("//button[normalize-space()='Sign out']"));
        browser.driver().manage().deleteAllCookies();
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }

    /** The calendar file sent with the latest digest to {@code recipient}, its folded lines unfolded. */
    private static String calendarOf(String recipient) {
        var attachments = db.dsl()
                .select(OUTBOX.ATTACHMENTS)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq(recipient).and(OUTBOX.KIND.eq("round_digest_employer")))
                .orderBy(OUTBOX.ID.desc())
                .limit(1)
                .fetchSingle(OUTBOX.ATTACHMENTS);
        Attachment ics = Outbox.attachments(attachments).getFirst();
        return new String(ics.content(), StandardCharsets.UTF_8).replace("\r\n ", "");
    }
}

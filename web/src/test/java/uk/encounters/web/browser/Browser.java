package uk.encounters.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver; nothing is downloaded. Without them
 * the tests using it are skipped with the reason, except in CI (CI=true), where that fails.
 * Register as {@code @RegisterExtension static final Browser browser = new Browser();}
 *
 * <p>Every page a test reaches (through {@code driver().get}, a refresh, {@link #clickThrough} or a
 * {@link #screenshot}) is checked with axe-core, and a test fails after it ends if any page broke
 * a WCAG A or AA rule: see {@link AxeAudit}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver driver;
    private AxeAudit axe;
    private Path profile;
    /** What the person clicked since {@link #resetClicks}, in order: a journey's length in clicks. */
    private final List<String> clicks = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String reason = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); install them with: apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
        }
        profile = Files.createTempDirectory("encounters-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The background-networking flags stop Chromium calling out to a network this machine does not have.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        warmUp(chrome);
        axe = new AxeAudit(chrome);
        driver = new EventFiringDecorator<WebDriver>(new CheckEachPageLoaded()).decorate(chrome);
    }

    /**
     * A fresh Chromium's first page can stall its renderer on a loaded machine ("Timed out receiving
     * message from renderer", seen once in CI on the first test's first page): a blank page first,
     * tried twice, so the tests' own pages start from a renderer that answers.
     */
    private static void warmUp(ChromeDriver chrome) {
        try {
            chrome.get("about:blank");
        } catch (org.openqa.selenium.TimeoutException stalled) {
            chrome.get("about:blank");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertEveryPageAccessible();
    }

    /** Fails with what axe-core found in the pages visited since the last check; afterEach calls it. */
    void assertEveryPageAccessible() {
        if (axe != null) {
            axe.failIfAnyFound();
        }
    }

    /**
     * Pages the tests open by address or reload; clicks are checked by {@link #clickThrough}, once the
     * next page has loaded. (A listener's exceptions are swallowed by the decorator: AxeAudit keeps
     * what it finds for afterEach. The decorator calls it by reflection, so it must be public.)
     */
    public final class CheckEachPageLoaded implements WebDriverListener {
        @Override
        public void afterGet(WebDriver original, String url) {
            axe.check();
        }

        @Override
        public void afterTo(WebDriver.Navigation navigation, String url) {
            axe.check();
        }

        @Override
        public void afterRefresh(WebDriver.Navigation navigation) {
            axe.check();
        }

        @Override
        public void afterBack(WebDriver.Navigation navigation) {
            axe.check();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks a link or a button that sends a form and waits until the next page has loaded. A bare click
     * can return while the old page is unloading or a redirect is under way, and the next lookup
     * then finds nothing, or the old page.
     */
    public void clickThrough(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement element = driver.findElement(target);
        countClick(element);
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isGone(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // Chrome can still answer "Node with given id does not belong to the document" for a moment
        // after a form's redirect has loaded (readyState complete): wait until the new page's nodes read.
        wait.ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText() != null);
        axe.check();
    }

    /**
     * Clicks something that loads no page (a checkbox, a radio, a summary that opens its details):
     * one click all the same, for {@link #clicks}.
     */
    public void click(By target) {
        WebElement element = driver.findElement(target);
        countClick(element);
        element.click();
    }

    /**
     * Opens a link the person was emailed (a sign-in link, a confirm link): in their mail program
     * that is a click, so it counts as one. The page is checked like any other (afterGet).
     */
    public void followEmailedLink(String url) {
        clicks.add("the emailed link " + url.replaceFirst("^https?://[^/]+", "").replaceAll("/[^/?]{20,}", "/…"));
        driver.get(url);
    }

    /**
     * Forgets the clicks counted so far: a journey starts here. Clicks are those on a link, a button,
     * a checkbox, a radio or a summary, and following an emailed link; typing, choosing from a list
     * and the pages a test opens by address are not.
     */
    public void resetClicks() {
        clicks.clear();
    }

    /** What was clicked since {@link #resetClicks}, in order, each as its words on the page. */
    public List<String> clicks() {
        return List.copyOf(clicks);
    }

    /** Counts a click, named by what the person reads: the link's or button's words, a box's label. */
    private void countClick(WebElement element) {
        String tag = element.getTagName();
        String words = element.getText();
        if ("input".equals(tag)) {
            String id = element.getAttribute("id");
            List<WebElement> label =
                    id == null ? List.of() : driver.findElements(By.cssSelector("label[for='" + id + "']"));
            words = label.isEmpty()
                    ? element.getAttribute("value")
                    : label.getFirst().getAttribute("textContent");
            tag = element.getAttribute("type");
        }
        clicks.add(("a".equals(tag) ? "link" : tag) + " '"
                + (words == null ? "" : words.strip().replaceAll("\\s+", " ")) + "'");
    }

    /**
     * Whether an element's document has been replaced. Chrome says so with a stale-element error or,
     * in recent versions, with an inspector error that Selenium's own staleness check does not expect.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** How wide the page is, and the outermost elements that stick out past the screen's edge. */
    private static final String TOO_WIDE = """
            const shown = document.documentElement.clientWidth;
            const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            const out = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > shown + 1 && !clipped(e));
            const outermost = out.filter(e => !out.includes(e.parentElement)).slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                    + ' to ' + Math.round(e.getBoundingClientRect().right) + ' px');
            return document.documentElement.scrollWidth + ' px wide, ' + shown + ' px shown; sticking out: ' + outermost.join(', ');
            """;

    /**
     * Saves the page as a phone shows it, 390 pixels wide, as NAME, checks that nothing but a table's
     * own region scrolls sideways and that every element matching REACHABLE lies within the screen's
     * width, saves the page's whole length as NAME-whole, then goes back to the desktop width.
     */
    public void onAPhone(String name, By... reachable) {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            screenshot(name);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            if (!Boolean.TRUE.equals(js.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))) {
                throw new AssertionError(name + " does not fit a phone's width: the page scrolls sideways ("
                        + js.executeScript(TOO_WIDE) + ")");
            }
            for (By target : reachable) {
                List<WebElement> found = driver.findElements(target);
                if (found.isEmpty()) {
                    throw new AssertionError(name + ": nothing matches " + target);
                }
                for (WebElement element : found) {
                    boolean inView = Boolean.TRUE.equals(js.executeScript(
                            "const r = arguments[0].getBoundingClientRect();"
                                    + " return r.left >= 0 && r.right <= document.documentElement.clientWidth;",
                            element));
                    if (!inView) {
                        throw new AssertionError(name + ": " + target + " (" + element.getText()
                                + ") is off the side of a phone's screen");
                    }
                }
            }
            // and the whole length of it, for a person to read through (before-and-after evidence)
            long length = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            // the page's length, a figure for the closing notes' before-and-after (the screenshot stops at 12,000)
            System.out.printf("%s: %,d px long at 390 px wide%n", name, length);
            driver.manage().window().setSize(new Dimension(390, (int) Math.min(length, 12_000)));
            screenshot(name + "-whole");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** Signs in afresh (as another person on the same computer, at a desktop's width) and lands on {@code path}. */
    public void signIn(uk.encounters.web.RunningApp on, String email, String path) {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(on.url(path));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(uk.encounters.web.Accounts.PASSWORD);
        clickThrough(By.cssSelector("main form button[type=submit]"));
    }

    /** Date inputs take keystrokes in the browser's locale; setting the value is what a person's picker does. */
    public void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }

    /** Saves what the page looks like now to target/screenshots/NAME.png, for a person to look at. */
    public Path screenshot(String name) {
        // a page that changed itself (the round page reloads when matching ends) is checked here too
        axe.check();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

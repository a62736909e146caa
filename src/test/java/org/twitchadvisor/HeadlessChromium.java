package org.twitchadvisor;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real headless Chromium for tests, driven by Selenium through the Debian packages' {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}: nothing is downloaded (Selenium Manager is never asked, both paths are given).
 * A test that needs it fails, never skips, when they are missing, saying how to get them.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
 *     browser.open(page);                       // a file or an http://127.0.0.1 address
 *     Object n = browser.script("return document.querySelectorAll('svg').length");
 *     browser.screenshot("report-desktop");     // target/screenshots/report-desktop.png, the whole page
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Where the Debian packages {@code chromium} and {@code chromium-driver} put them; overridable for other systems. */
    private static final Path BROWSER = Path.of(System.getProperty("twitch.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("twitch.chromedriver", "/usr/bin/chromedriver"));
    /** Screenshots go here, one file per name, so a person can look at them after the build. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A full-page screenshot stops at this height, so one runaway page cannot make a gigantic image. */
    private static final int MAX_PAGE_HEIGHT = 12_000;

    private final ChromeDriver driver;
    private int width;
    private int height;

    private HeadlessChromium(ChromeDriver driver, int width, int height) {
        this.driver = driver;
        this.width = width;
        this.height = height;
    }

    /**
     * Starts a headless Chromium with a window of this size (the page's viewport, in CSS pixels).
     *
     * @param width the window width, e.g. 1280 for a laptop, 390 for a phone
     * @param height the window height
     * @return the browser; close it
     */
    public static HeadlessChromium start(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            fail("headless Chromium is needed for this test but " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
                    + " is missing: run .ci/run (it installs them when run as root) or install the Debian packages"
                    + " chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withTimeout(Duration.ofSeconds(60)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                // Tests reach only loopback or files: no update checks, no sync, no field trials phoning home.
                "--no-first-run", "--disable-background-networking", "--disable-sync", "--disable-extensions",
                "--disable-component-update", "--disable-default-apps");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(driver, width, height);
    }

    /** @return the Selenium driver, for what this helper does not cover */
    public WebDriver driver() {
        return driver;
    }

    /** @param page a local file to open */
    public void open(Path page) {
        open(page.toAbsolutePath().toUri().toString());
    }

    /**
     * Opens a page and waits until it is parsed and loaded: once in a full build, a report's script saw only the
     * first 13 of its 15 charts, so {@code get} alone is not trusted to have waited.
     *
     * @param url an address to open, e.g. {@code http://127.0.0.1:PORT/}
     */
    public void open(String url) {
        driver.get(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"complete".equals(script("return document.readyState"))) {
            if (System.nanoTime() > deadline) {
                fail(url + " was not loaded within 10 s (document.readyState "
                        + script("return document.readyState") + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + url + " to load");
            }
        }
    }

    /**
     * @param js a script's body, e.g. {@code return document.title}
     * @param args its {@code arguments}
     * @return what it returned (numbers come back as {@link Long} or {@link Double})
     */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Changes the window size, as a person turning a tablet or a test trying a phone width would.
     *
     * @param newWidth the width
     * @param newHeight the height
     */
    public void resize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        driver.manage().window().setSize(new Dimension(newWidth, newHeight));
    }

    /**
     * Takes a screenshot of the whole page (the window grown to the page's height, up to a bound, then put back)
     * to {@code target/screenshots/NAME.png}.
     *
     * @param name the file name without {@code .png}
     * @return the file
     */
    public Path screenshot(String name) {
        int page = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).intValue();
        int restore = height;
        try {
            resize(width, Math.min(Math.max(page, restore), MAX_PAGE_HEIGHT));
            return viewportScreenshot(name);
        } finally {
            resize(width, restore);
        }
    }

    /**
     * @param name the file name without {@code .png}
     * @return the file holding what the window shows now
     */
    public Path viewportScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** @return this browser as {@link TakesScreenshot}, for a screenshot of one element */
    public TakesScreenshot camera() {
        return driver;
    }
}

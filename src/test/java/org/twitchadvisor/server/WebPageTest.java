package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twitchadvisor.server.LiveServer.JSON;

/** The web page in a real headless Chromium: a whole consultation clicked through, as a person would. */
class WebPageTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void open() {
        // Fails rather than skips: CI installs the browser (.ci/run), so a missing one is a broken machine.
        Assertions.assertTrue(Browser.available(), "needs the Debian packages chromium and chromium-driver: run .ci/run as root or apt-get install them");
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aSelfCarePersonClicksThroughSeesWhyAndTriesAWhatIf() throws Exception {
        JsonNode person = JSON.readTree(Files.readAllBytes(Path.of("facts/examples/vegan-runner.json")));
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(LiveServer.get().url());
        Browser.screenshot(driver, "desktop-start");
        click(By.id("begin"));
        waitForQuestion();

        click(By.id("why-button"));
        WebElement why = driver.findElement(By.id("why-text"));
        assertTrue(why.isDisplayed());
        assertFalse(why.getText().isBlank());
        assertEquals("true", driver.findElement(By.id("why-button")).getAttribute("aria-expanded"));
        Browser.screenshot(driver, "desktop-question-why");

        String first = currentQuestion();
        answerOrSkip(person);
        waitForQuestionOtherThan(first);
        click(By.id("back"));
        wait.until(d -> first.equals(currentQuestion()));
        assertTrue(driver.findElements(By.cssSelector("#answer-area input:checked")).size()
                + driver.findElements(By.cssSelector("#answer-area input[type=number]")).size() > 0,
                "Back shows the answer given before");

        clickThrough(person);
        assertEquals("triage self_care", driver.findElement(By.id("triage")).getAttribute("class"));
        Assessment expected = ADVISOR.assess(ADVISOR.readJson(downloaded("download-answers")));
        assertEquals(JSON.readTree(ADVISOR.toJson(expected)), JSON.readTree(downloaded("download-assessment")));
        List<WebElement> shown = driver.findElements(By.cssSelector("#findings .finding h3"));
        List<String> summaries = expected.findings().stream().filter(f -> !f.type().equals("red_flag"))
                .map(Finding::summary).toList();
        assertEquals(summaries, shown.stream().map(WebElement::getText).toList());

        WebElement tree = driver.findElement(By.cssSelector("#findings .finding details"));
        tree.findElement(By.tagName("summary")).click();
        assertTrue(tree.findElement(By.cssSelector(".tree li")).isDisplayed());
        assertTrue(driver.findElement(By.id("sources")).getText().contains("Nutrient deficiencies behind leg twitching"));

        WebElement moreSun = driver.findElement(By.cssSelector("[data-whatif='sun_exposure']"));
        assertEquals("More sun", moreSun.getText());
        moreSun.click();
        WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("whatif-changes")));
        assertTrue(changes.getText().toLowerCase().contains("vitamin d"), changes.getText());
        assertEquals("true", moreSun.getAttribute("aria-pressed"));
        Browser.screenshot(driver, "desktop-result");

        driver.manage().window().setSize(new Dimension(390, 844));
        Browser.screenshot(driver, "phone-result");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void anUrgentPersonSeesTheUrgentBanner() throws Exception {
        JsonNode person = JSON.readTree(Files.readAllBytes(Path.of("facts/examples/tetany-urgent.json")));
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(LiveServer.get().url());
        click(By.id("begin"));
        waitForQuestion();
        Browser.screenshot(driver, "phone-question");
        clickThrough(person);
        WebElement banner = driver.findElement(By.id("triage"));
        assertEquals("triage urgent", banner.getAttribute("class"));
        assertEquals("alert", banner.getAttribute("role"));
        assertEquals("Seek medical care promptly", banner.findElement(By.tagName("h2")).getText());
        assertTrue(banner.getLocation().getY() < 400, "the banner is at the top of the result");
        Browser.screenshot(driver, "phone-urgent");
        driver.manage().window().setSize(new Dimension(1280, 900));
        Browser.screenshot(driver, "desktop-urgent");
    }

    /** Answers every question the page asks with the person's answer, skipping the others, until the result. */
    private static void clickThrough(JsonNode person) {
        for (int step = 0; step < 80; step++) {
            wait.until(d -> d.findElement(By.id("result")).isDisplayed()
                    || (d.findElement(By.id("ask")).isDisplayed() && !currentQuestion().isEmpty()));
            if (driver.findElement(By.id("result")).isDisplayed()) {
                return;
            }
            String before = currentQuestion();
            int asked = driver.findElement(By.id("progress")).getText().hashCode();
            answerOrSkip(person);
            wait.until(d -> d.findElement(By.id("result")).isDisplayed() || !before.equals(currentQuestion())
                    || asked != d.findElement(By.id("progress")).getText().hashCode());
        }
        throw new AssertionError("no result after 80 questions");
    }

    private static void answerOrSkip(JsonNode person) {
        String id = currentQuestion();
        JsonNode answer = person.get(id);
        if (answer == null || answer.isNull()) {
            click(By.id("skip"));
            return;
        }
        if (answer.isBoolean()) {
            choose(answer.asBoolean() ? "yes" : "no");
        } else if (answer.isArray()) {
            if (answer.isEmpty()) {
                choose("__none");
            }
            answer.forEach(v -> choose(v.asText()));
        } else if (answer.isNumber()) {
            WebElement field = driver.findElement(By.cssSelector("#answer-area input[type=number]"));
            field.clear();
            field.sendKeys(answer.asText());
        } else {
            choose(answer.asText());
        }
        click(By.id("next"));
    }

    private static void choose(String value) {
        WebElement input = driver.findElement(By.cssSelector("#answer-area input[value='" + value + "']"));
        if (!input.isSelected()) {
            input.click();
        }
    }

    private static String currentQuestion() {
        String q = driver.findElement(By.id("question-form")).getAttribute("data-question");
        return q == null ? "" : q;
    }

    private static void waitForQuestion() {
        wait.until(d -> d.findElement(By.id("ask")).isDisplayed() && !currentQuestion().isEmpty());
    }

    private static void waitForQuestionOtherThan(String id) {
        wait.until(d -> d.findElement(By.id("result")).isDisplayed() || !id.equals(currentQuestion()));
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    /** The JSON behind one of the page's download links, read in the page itself. */
    private static String downloaded(String link) {
        String href = driver.findElement(By.id(link)).getAttribute("href");
        assertTrue(href.startsWith("data:application/json;charset=utf-8,"), href);
        return java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
    }
}

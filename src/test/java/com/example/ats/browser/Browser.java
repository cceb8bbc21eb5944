package com.example.ats.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by ChromeDriver (both installed by bin/stack), with or without JavaScript; and
 * axe-core (from the npm registry, cached by bin/stack) injected into a page to check it against WCAG 2.1 AA.
 */
final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    final boolean javaScript;
    private final Path profile;

    Browser(boolean javaScript) {
        this.javaScript = javaScript;
        try {
            profile = Files.createTempDirectory("ats-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("ATS_CHROMIUM", "/usr/bin/chromium"));
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
                "--window-size=1000,1400",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("ATS_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits for an element of the next page (a submit may be a plain POST or, with JavaScript, an upload). */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d ->
                        d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Waits until the element shows the text (the page before it may still be there for a moment). */
    void awaitText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                // the page being replaced under the lookup: its nodes go stale or leave the document
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream()
                        .anyMatch(element -> element.getText().contains(text)));
    }

    String text() {
        return find("body").getText();
    }

    /** The WCAG 2.1 A and AA violations axe-core finds on the current page (descriptions, for the message). */
    List<String> accessibilityViolations() {
        String axe;
        try {
            axe = Files.readString(Path.of(env("ATS_AXE_JS", "axe.min.js")));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not found: run bin/stack up (it fetches it)", e);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
        String violations = String.valueOf(result);
        if (violations.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed: " + violations);
        }
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(violations)) {
                List<String> targets = new ArrayList<>();
                violation
                        .path("nodes")
                        .forEach(node -> targets.add(node.path("target").toString()));
                found.add(violation.path("id").asText() + " ("
                        + violation.path("impact").asText() + "): "
                        + violation.path("help").asText() + " at " + targets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Saves a screenshot of the page to the folder named by ATS_SCREENSHOTS (e.g. docs), when set. */
    void screenshot(String name) {
        String folder = env("ATS_SCREENSHOTS", System.getProperty("ats.screenshots", ""));
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Files.write(Path.of(folder, name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    WebDriver raw() {
        return driver;
    }
}

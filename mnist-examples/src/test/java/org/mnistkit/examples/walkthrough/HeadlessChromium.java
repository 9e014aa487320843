package org.mnistkit.examples.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.mnistkit.core.testing.RealData;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The system's headless Chromium driven through Selenium, for tests of the HTML report in a real
 * browser. Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; {@code .ci/run} installs them) are given to Selenium explicitly,
 * so Selenium Manager is never asked for a browser or a driver and nothing is downloaded. When
 * either is missing the test is skipped with the reason, except under {@code CI=true}, where it
 * fails (the rule of {@link RealData}).
 */
final class HeadlessChromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Skips the test (fails it under CI=true) unless both the browser and its driver are installed. */
  static void assumeInstalled() {
    try {
      assumeInstalled(BROWSER, DRIVER, RealData.isCi(System.getenv()));
    } catch (TestAbortedException e) {
      System.err.println("[SKIPPED] " + e.getMessage()); // Maven's summary counts skips without the reason
      throw e;
    }
  }

  /** The rule with the paths and CI given; see {@link #assumeInstalled()}. */
  static void assumeInstalled(Path browser, Path driver, boolean ci) {
    String missing = !Files.isExecutable(browser) ? browser.toString()
        : !Files.isExecutable(driver) ? driver.toString() : null;
    if (missing == null) {
      return;
    }
    String reason = missing + " is not installed: the report's browser test needs Debian's chromium and "
        + "chromium-driver (apt-get install chromium chromium-driver)";
    if (ci) {
      throw new AssertionFailedError("CI=true and " + reason + " (.ci/run installs them)");
    }
    Assumptions.abort(reason + ". Under CI=true this test fails instead.");
  }

  /**
   * @param width the window's width in CSS pixels
   * @param height the window's height
   * @return a headless browser recording the console at every level ({@code logs().get("browser")})
   *     and its DevTools network events ({@link #requests})
   */
  static ChromeDriver start(int width, int height) {
    // Selenium logs a warning per session when no CDP module matches this Chromium; not used here.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toString())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
            "--force-device-scale-factor=1", "--window-size=" + width + "," + height);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
    return new ChromeDriver(service, options);
  }

  /**
   * Every URL the browser requested since the last call, from the DevTools events
   * ({@code Network.requestWillBeSent}) in the performance log; unlike the page's Resource Timing,
   * this includes {@code file:} URLs and requests that failed.
   *
   * @param driver a browser from {@link #start}
   * @return the URLs in request order
   */
  static List<String> requests(ChromeDriver driver) throws IOException {
    List<String> urls = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = json.readTree(e.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.path("params").path("request").path("url").asText());
      }
    }
    return urls;
  }

  /**
   * Polls until the condition holds.
   *
   * @param what named in the failure
   * @param limit how long to wait at most
   * @param condition checked every 100 ms
   * @throws AssertionFailedError when it still does not hold after the limit
   */
  static void waitFor(String what, Duration limit, Supplier<Boolean> condition) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!Boolean.TRUE.equals(condition.get())) {
      if (System.nanoTime() > end) {
        throw new AssertionFailedError("waited " + limit.toSeconds() + " s for " + what);
      }
      Thread.sleep(100);
    }
  }
}

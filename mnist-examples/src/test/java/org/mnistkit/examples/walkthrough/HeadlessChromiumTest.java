package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The browser test's rule: skipped without Chromium or its driver, failed instead under CI=true. */
class HeadlessChromiumTest {

  @Test
  void aMissingDriverSkipsOutsideCiAndFailsUnderCi(@TempDir Path dir) {
    Path browser = Path.of("/bin/sh"); // any executable stands in for the browser
    Path driver = dir.resolve("chromedriver");
    String reason = driver + " is not installed: the report's browser test needs Debian's chromium and "
        + "chromium-driver (apt-get install chromium chromium-driver)";
    assertEquals(reason + ". Under CI=true this test fails instead.", assertThrows(
        TestAbortedException.class, () -> HeadlessChromium.assumeInstalled(browser, driver, false)).getMessage());
    assertEquals("CI=true and " + reason + " (.ci/run installs them)", assertThrows(AssertionFailedError.class,
        () -> HeadlessChromium.assumeInstalled(browser, driver, true)).getMessage());
    HeadlessChromium.assumeInstalled(browser, browser, true); // both present: nothing happens
  }
}

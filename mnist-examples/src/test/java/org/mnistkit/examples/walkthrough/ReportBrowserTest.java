package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.data.DatasetSpec;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.testing.RealData;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The {@code --quick} walkthrough's report opened from disk in headless Chromium, as a reader opens
 * it: it loads without console errors and without a request outside its folder, both interactive
 * scatters hold and draw all their points, the pointer on a point shows that training image
 * with its label, a click on a digit in the legend hides and shows its points, and a click on a
 * confusion cell shows that cell's digits. A screenshot with the tooltip open is left in {@code target/report-screenshot.png}.
 * The tests run in order on one page: the fifth checks what the page requested, the hover's
 * sprite sheet included; the last one serves the same folder over HTTP (the JDK's server on the
 * loopback address) and checks that the views draw there too.
 */
@Tag("mnist")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTest {

  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

  @TempDir static Path out;
  static WalkthroughResult result;
  static ChromeDriver driver;

  @BeforeAll
  static void openTheQuickReport() throws IOException, InterruptedException {
    HeadlessChromium.assumeInstalled();
    RealData.assumeAvailable(DatasetSpec.MNIST);
    WalkthroughOptions options = new WalkthroughOptions(out, DatasetSpec.MNIST, null,
        EnumSet.noneOf(WalkthroughOptions.Step.class), 123, 2, true, true);
    result = Walkthrough.run(options, new PrintWriter(Writer.nullWriter()));
    driver = HeadlessChromium.start(1280, 1000);
    driver.get(out.resolve("index.html").toUri().toString());
    HeadlessChromium.waitFor("both embedding views to be drawn", Duration.ofSeconds(60),
        () -> (Boolean) js("return document.querySelectorAll('div.embedding[data-rendered=\"true\"]').length === 2"));
  }

  @AfterAll
  static void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  @Order(1)
  void eachInteractiveScatterHoldsEveryPointAndDrawsThem() throws IOException {
    assertView("svd", result.svd().n());
    assertView("umap", result.umap().n());
  }

  private static void assertView(String name, int n) throws IOException {
    String chart = "echarts.getInstanceByDom(document.getElementById('embedding-" + name + "'))";
    assertEquals(n, ((Number) js("return " + chart + ".getOption().series.reduce(function (a, s) { "
        + "return a + s.data.length; }, 0)")).intValue(), name + " points in the chart");
    assertEquals(100, ((Number) js("return " + chart + ".getOption().series.length")).intValue(),
        name + ": 10 classes in 10 interleaved slices");
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        js("return " + chart + ".getOption().legend[0].data"), name + " legend");
    // the canvas is not blank: count the pixels in a class colour (not white, grey or black) inside
    // the plot area (embedding-view.js's grid: 70, 40, 80 and 60 pixels from left, right, top and
    // bottom), which leaves out the legend's coloured keys
    WebElement el = driver.findElement(By.id("embedding-" + name));
    js("arguments[0].scrollIntoView({block: 'center'})", el);
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(el.getScreenshotAs(OutputType.BYTES)));
    int coloured = 0;
    for (int y = 80; y < shot.getHeight() - 60; y++) {
      for (int x = 70; x < shot.getWidth() - 40; x++) {
        int rgb = shot.getRGB(x, y);
        int r = rgb >> 16 & 255;
        int g = rgb >> 8 & 255;
        int b = rgb & 255;
        coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40 ? 1 : 0;
      }
    }
    // 4-pixel points cover about 12 pixels each where they do not overlap; measured in the whole
    // element (legend included): 33880 for the SVD's 5000 points, 12684 for UMAP's 2000
    assertTrue(coloured > 3 * n, name + ": " + coloured + " coloured pixels in the plot area for " + n + " points");
  }

  @Test
  @Order(2)
  void thePointerOnAnIsolatedPointShowsItsTrainingImageAndLabel() throws IOException, InterruptedException {
    WebElement el = driver.findElement(By.id("embedding-umap"));
    js("arguments[0].scrollIntoView({block: 'center'})", el);
    // the point farthest from its nearest neighbour on screen, inside the plot area
    @SuppressWarnings("unchecked")
    List<Object> p = (List<Object>) js("var el = arguments[0], c = echarts.getInstanceByDom(el), pts = [];"
        + "c.getOption().series.forEach(function (s, k) { s.data.forEach(function (d) {"
        + "  var px = c.convertToPixel({seriesIndex: k}, [d[0], d[1]]); pts.push([px[0], px[1], d[2], s.name]); }); });"
        + "var best = -1, far = -1, w = el.clientWidth, h = el.clientHeight;"
        + "for (var a = 0; a < pts.length; a++) { var q = pts[a];"
        + "  if (q[0] < 100 || q[0] > w - 60 || q[1] < 100 || q[1] > h - 80) continue;"
        + "  var near = Infinity;"
        + "  for (var b = 0; b < pts.length; b++) { if (b !== a) { var dx = pts[b][0] - q[0], dy = pts[b][1] - q[1];"
        + "    near = Math.min(near, dx * dx + dy * dy); } }"
        + "  if (near > far) { far = near; best = a; } }"
        + "return [pts[best][0], pts[best][1], pts[best][2], pts[best][3], Math.sqrt(far), w, h];", el);
    double x = ((Number) p.get(0)).doubleValue();
    double y = ((Number) p.get(1)).doubleValue();
    int index = ((Number) p.get(2)).intValue();
    String label = (String) p.get(3);
    assertTrue(((Number) p.get(4)).doubleValue() > 6, "the point is at least 6 px from any other: " + p);
    new Actions(driver).moveToElement(el, (int) Math.round(x - el.getRect().getWidth() / 2.0),
        (int) Math.round(y - el.getRect().getHeight() / 2.0)).perform();
    HeadlessChromium.waitFor("the tooltip's digit to load", Duration.ofSeconds(20), () -> (Boolean) js(
        "var img = arguments[0].querySelector('.embedding-tip .digit img');"
        + "return img !== null && img.complete && img.naturalWidth > 0 && img.offsetParent !== null", el));
    WebElement tip = el.findElement(By.cssSelector(".embedding-tip"));
    assertTrue(tip.getText().contains("label " + label), tip.getText());
    assertTrue(tip.getText().contains("training image " + index), "training image " + index + ": " + tip.getText());
    LabeledImages train = RealData.mnist().train();
    assertEquals(String.valueOf(train.label(index)), label, "the hovered point's class");
    WebElement digit = tip.findElement(By.cssSelector(".digit"));
    assertEquals("embedding/digits-0.png", digit.findElement(By.tagName("img")).getDomAttribute("src"));
    assertEquals(2800, ((Number) js("return arguments[0].naturalWidth", digit.findElement(By.tagName("img"))))
        .intValue(), "the sheet is 100 digits of 28 pixels wide");
    // what the reader sees is training image `index`: each of its 28 x 28 pixels is a 3 x 3 block at
    // the sheets' 16 grey levels
    BufferedImage seen = ImageIO.read(new ByteArrayInputStream(digit.getScreenshotAs(OutputType.BYTES)));
    assertEquals(84, seen.getWidth());
    float[] pixels = train.image(index).toFloatArray();
    int off = 0;
    for (int py = 0; py < 28; py++) {
      for (int px = 0; px < 28; px++) {
        int expected = (int) Math.round(255.0 * DigitSprites.level(pixels[py * 28 + px], 255) / 15);
        int got = seen.getRGB(px * 3 + 1, py * 3 + 1) & 255;
        off += Math.abs(got - expected) > 2 ? 1 : 0;
      }
    }
    assertEquals(0, off, "pixels of training image " + index + " shown differently");
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
    assertEquals(1280, ImageIO.read(SCREENSHOT.toFile()).getWidth());
  }

  @Test
  @Order(3)
  void clickingADigitInTheLegendHidesItsPointsAndClickingAgainShowsThem() throws IOException, InterruptedException {
    WebElement el = driver.findElement(By.id("embedding-umap"));
    js("arguments[0].scrollIntoView({block: 'center'})", el);
    new Actions(driver).moveToElement(el, 0, -el.getRect().getHeight() / 2 + 2).perform(); // off the points
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(el.getScreenshotAs(OutputType.BYTES)));
    int ones = orangePixels(before);
    // the legend's row of keys is 30 pixels below the top (embedding-view.js); its first orange
    // pixel is the key of digit 1, Petroff's second colour
    int legendY = 37;
    int keyX = -1;
    for (int x = 0; x < before.getWidth() && keyX < 0; x++) {
      keyX = isOrange(before.getRGB(x, legendY)) ? x : -1;
    }
    assertTrue(ones > 500 && keyX > 0, ones + " orange pixels in the plot, legend key at x = " + keyX);
    // the key is drawn in the palette's full colour (#ffa90e), not faded as the see-through points are
    java.awt.Color key = new java.awt.Color(before.getRGB(keyX + 6, legendY));
    assertTrue(Math.abs(key.getRed() - 0xff) <= 4 && Math.abs(key.getGreen() - 0xa9) <= 4
        && Math.abs(key.getBlue() - 0x0e) <= 4, "digit 1's legend key is " + key);
    int dx = keyX + 6 - el.getRect().getWidth() / 2;
    int dy = legendY - el.getRect().getHeight() / 2;
    new Actions(driver).moveToElement(el, dx, dy).click().perform();
    assertEquals(Boolean.FALSE, js("return echarts.getInstanceByDom(arguments[0]).getOption().legend[0].selected['1']",
        el));
    int[] hidden = new int[1];
    HeadlessChromium.waitFor("digit 1's points to disappear", Duration.ofSeconds(10), () -> {
      hidden[0] = orangePixels(elementShot(el));
      return hidden[0] * 50 < ones;
    });
    new Actions(driver).moveToElement(el, dx, dy).click().perform();
    new Actions(driver).moveToElement(el, 0, -el.getRect().getHeight() / 2 + 2).perform();
    HeadlessChromium.waitFor("digit 1's points to come back", Duration.ofSeconds(10),
        () -> Math.abs(orangePixels(elementShot(el)) - ones) * 100 < ones);
  }

  private static BufferedImage elementShot(WebElement el) {
    try {
      return ImageIO.read(new ByteArrayInputStream(el.getScreenshotAs(OutputType.BYTES)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Pixels of digit 1's colour in the plot area (the grid of embedding-view.js). */
  private static int orangePixels(BufferedImage shot) {
    int n = 0;
    for (int y = 80; y < shot.getHeight() - 60; y++) {
      for (int x = 70; x < shot.getWidth() - 40; x++) {
        n += isOrange(shot.getRGB(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * Whether a pixel has the hue of Petroff's #ffa90e (39 degrees) at any opacity over white: hue in
   * 33..44 degrees, saturation above 0.4; digit 6's #e76300 (24) and 7's #b9ac70 (49, saturation
   * 0.4) stay out.
   */
  private static boolean isOrange(int rgb) {
    float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255, null);
    return hsb[0] * 360 >= 33 && hsb[0] * 360 <= 44 && hsb[1] > 0.4;
  }

  @Test
  @Order(4)
  void clickingAConfusionCellShowsThatCellsDigits() throws InterruptedException {
    // the forest's busiest off-diagonal cell: the one with the most mistakes of one kind
    WebElement cell = (WebElement) js("var best = null; document.querySelectorAll("
        + "'td.cm-cell[data-model=\"random-forest\"]').forEach(function (c) {"
        + " if (c.dataset.pred !== c.dataset.truth && (!best || +c.dataset.count > +best.dataset.count)) best = c; });"
        + " return best;");
    int count = Integer.parseInt(cell.getAttribute("data-count"));
    int listed = cell.getAttribute("data-digits").split(" ").length;
    assertTrue(count > 1, "the forest's busiest mistake cell holds " + count + " digits");
    assertEquals(Math.min(count, ModelDiagnostics.CELL_CAP), listed);
    WebElement panel = driver.findElement(By.id("cell-digits"));
    assertEquals(Boolean.TRUE, js("return arguments[0].hidden", panel), "the panel is hidden before a click");
    js("arguments[0].scrollIntoView({block: 'center'})", cell);
    new Actions(driver).moveToElement(cell).click().perform();
    HeadlessChromium.waitFor("the cell's digits to load", Duration.ofSeconds(20), () -> (Boolean) js(
        "var imgs = arguments[0].querySelectorAll('figure.digit img'); return !arguments[0].hidden && imgs.length > 0"
        + " && Array.prototype.every.call(imgs, function (i) { return i.complete && i.naturalWidth === 84; });",
        panel));
    assertEquals((long) listed, js("return arguments[0].querySelectorAll('figure.digit img').length", panel));
    assertEquals(List.of(cell.getAttribute("data-pred"), cell.getAttribute("data-truth")),
        List.of(panel.getAttribute("data-pred"), panel.getAttribute("data-truth")));
    assertTrue(panel.findElement(By.cssSelector("p.cell-title")).getText().contains(Integer.toString(count)),
        panel.getText());
    assertTrue(cell.getAttribute("class").contains("cm-selected"));
  }

  @Test
  @Order(5)
  void nothingWasLoggedAsAnErrorAndNoRequestLeftTheReportFolder() throws IOException {
    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");
    String folder = out.toUri().toString();
    assertTrue(driver.getCurrentUrl().startsWith(folder), driver.getCurrentUrl());
    List<String> requests = HeadlessChromium.requests(driver);
    assertEquals(List.of(), requests.stream().filter(u -> !u.startsWith(folder) && !u.startsWith("data:")).toList(),
        "requests outside " + folder);
    List<String> inside = requests.stream().filter(u -> u.startsWith(folder)).map(u -> u.substring(folder.length()))
        .toList();
    for (String expected : List.of("index.html", EmbeddingView.ECHARTS, EmbeddingView.VIEW_SCRIPT, "embedding/svd.js",
        "embedding/umap.js", "embedding/digits-0.png", "svd.png", "umap.png")) {
      assertTrue(inside.contains(expected), expected + " among the requests: " + inside);
    }
  }

  @Test
  @Order(6)
  void servedOverHttpTheViewsDrawTheSameAndRequestNothingElsewhere() throws IOException, InterruptedException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      Path file = out.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      boolean ok = file.startsWith(out) && Files.isRegularFile(file);
      byte[] body = ok ? Files.readAllBytes(file) : new byte[0];
      exchange.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      driver.get(base + "index.html");
      HeadlessChromium.waitFor("both embedding views to be drawn over HTTP", Duration.ofSeconds(60), () -> (Boolean) js(
          "return document.querySelectorAll('div.embedding[data-rendered=\"true\"]').length === 2"));
      assertEquals(result.umap().n(), ((Number) js("return echarts.getInstanceByDom(document.getElementById("
          + "'embedding-umap')).getOption().series.reduce(function (a, s) { return a + s.data.length; }, 0)"))
          .intValue());
      List<String> requests = HeadlessChromium.requests(driver);
      assertEquals(List.of(), requests.stream().filter(u -> !u.startsWith(base) && !u.startsWith("data:")).toList(),
          "requests outside " + base);
      assertTrue(requests.contains(base + "embedding/umap.js"), requests.toString());
      // over HTTP Chromium asks for /favicon.ico on its own (the report has none; the server says 404)
      assertEquals(List.of(), driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
          .filter(m -> !m.startsWith(base + "favicon.ico ")).toList());
    } finally {
      server.stop(0);
    }
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}

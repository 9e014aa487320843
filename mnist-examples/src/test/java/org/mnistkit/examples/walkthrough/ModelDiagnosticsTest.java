package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * The diagnostics of two constructed classifiers of classes 3, 5 and 9 on 7 test images, worked
 * out by hand:
 * <pre>
 * row truth  A says (p)   B says (p)
 *  0    3    3 (0.90)     3 (0.50, a tie: the first class)
 *  1    3    5 (0.70) x   3 (0.95)
 *  2    5    9 (0.80) x   5 (0.85)
 *  3    5    5 (0.60)     9 (0.60) x
 *  4    9    9 (0.70)     9 (0.90)
 *  5    9    3 (0.60) x   9 (0.70)
 *  6    3    5 (0.75) x   3 (0.80)
 * </pre>
 */
class ModelDiagnosticsTest {

  static final int[] TRUTH = {3, 3, 5, 5, 9, 9, 3};
  static final List<String> NAMES = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();
  static final FixedClassifier A = new FixedClassifier(new float[][] {{0.9f, 0.05f, 0.05f}, {0.2f, 0.7f, 0.1f},
      {0.1f, 0.1f, 0.8f}, {0.3f, 0.6f, 0.1f}, {0.1f, 0.2f, 0.7f}, {0.6f, 0.3f, 0.1f}, {0.2f, 0.75f, 0.05f}});
  static final FixedClassifier B = new FixedClassifier(new float[][] {{0.5f, 0.5f, 0}, {0.95f, 0.05f, 0},
      {0.1f, 0.85f, 0.05f}, {0.1f, 0.3f, 0.6f}, {0.05f, 0.05f, 0.9f}, {0.1f, 0.2f, 0.7f}, {0.8f, 0.1f, 0.1f}});

  @TempDir Path out;

  static TestPredictions predict(String name, FixedClassifier model, FloatMatrix x) {
    return TestPredictions.of(name, model, x, TRUTH, model.predictClasses(x, 1), NAMES, 1);
  }

  static FloatMatrix images() {
    float[][] rows = new float[TRUTH.length][784];
    for (int i = 0; i < rows.length; i++) {
      for (int p = 0; p < 784; p += 7 + i) {
        rows[i][p] = 1f;
      }
    }
    return FloatMatrix.of(rows);
  }

  @Test
  void predictionsComeThroughTheClassifierContractWithTheProbabilityOfThePredictedClass() {
    TestPredictions a = predict("model a", A, images());
    assertArrayEquals(new int[] {3, 5, 9, 5, 9, 3, 5}, a.predicted());
    assertArrayEquals(new float[] {0.9f, 0.7f, 0.8f, 0.6f, 0.7f, 0.6f, 0.75f}, a.probability());
    TestPredictions b = predict("Model B (v2)", B, images());
    assertArrayEquals(new int[] {3, 3, 5, 9, 9, 9, 3}, b.predicted());
    assertEquals(0.5f, b.probability()[0]);
    assertEquals("model-b-v2", b.slug());
  }

  @Test
  void countsAndCellListsMatchAndTheCapHolds() {
    TestPredictions a = predict("model a", A, images());
    ModelDiagnostics full = ModelDiagnostics.of(a, 30, 16);
    // positions 0, 1, 2 are labels 3, 5, 9; [predicted][truth]
    assertArrayEquals(new long[][] {{1, 0, 1}, {2, 1, 0}, {0, 1, 1}}, full.counts());
    assertArrayEquals(new int[] {6, 1}, full.cellRows()[1][0], "predicted 5, truth 3: surest first");
    assertArrayEquals(new int[] {5}, full.cellRows()[0][2]);
    assertArrayEquals(new int[0], full.cellRows()[0][1]);
    ModelDiagnostics capped = ModelDiagnostics.of(a, 1, 16);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(Math.min(1, full.counts()[r][c]), capped.cellRows()[r][c].length, r + "," + c);
        for (int row : full.cellRows()[r][c]) {
          assertEquals(full.label(r), a.predicted()[row]);
          assertEquals(full.label(c), a.truth()[row]);
        }
      }
    }
    assertArrayEquals(new int[] {6}, capped.cellRows()[1][0]);
  }

  @Test
  void theMostConfidentMistakesComeFirst() {
    ModelDiagnostics a = ModelDiagnostics.of(predict("model a", A, images()), 30, 3);
    assertEquals(4, a.mistakes());
    assertArrayEquals(new int[] {2, 6, 1}, a.confidentMistakes());
    ModelDiagnostics b = ModelDiagnostics.of(predict("model b", B, images()), 30, 3);
    assertEquals(1, b.mistakes());
    assertArrayEquals(new int[] {3}, b.confidentMistakes());
  }

  @Test
  void disagreementsListWhatOneGetsRightAndTheOtherWrong() {
    List<ModelDiagnostics.Disagreement> d = ModelDiagnostics.disagreements(
        List.of(predict("model a", A, images()), predict("model b", B, images())), 3);
    assertEquals(2, d.size());
    assertEquals("model a", d.get(0).right().model());
    assertEquals(1, d.get(0).count());
    assertArrayEquals(new int[] {3}, d.get(0).rows());
    assertEquals("model b", d.get(1).right().model());
    assertEquals(4, d.get(1).count());
    assertArrayEquals(new int[] {2, 6, 1}, d.get(1).rows(), "those model a was surest of first");
    // what only a gets right less what only b gets right is a's right answers less b's: 1 - 4 = 3 - 6
    assertEquals(3 - 6, d.get(0).count() - d.get(1).count());
    assertEquals(List.of(), ModelDiagnostics.disagreements(List.of(predict("model a", A, images())), 3));
  }

  @Test
  void modelsTestedOnOtherImagesCannotBeCompared() {
    TestPredictions a = predict("model a", A, images());
    int[] other = TRUTH.clone();
    other[0] = 5;
    TestPredictions b = new TestPredictions("model b", a.classes(), NAMES, other, a.predicted(), a.probability());
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ModelDiagnostics.disagreements(List.of(a, b), 3), "model a and model b were tested on different");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> ModelDiagnostics.of(a, 0, 3),
        "cellCap must be >= 1, got 0");
  }

  @Test
  void everyDigitShownIsWrittenOnceAsA84By84Png() throws IOException {
    FloatMatrix x = images();
    ReportFiles files = ReportFiles.open(out);
    Diagnostics d = Diagnostics.write(List.of(predict("model a", A, x), predict("model b", B, x)), x, 28, 28, files);
    assertEquals(7, d.digitsWritten(), "every test image lies in some confusion cell");
    assertEquals(7, files.names().size(), "every picture is in the manifest, so the next run removes it");
    assertEquals(files.names(), Files.readAllLines(out.resolve(ReportFiles.MANIFEST)));
    try (Stream<Path> listed = Files.list(out.resolve(DigitGallery.FOLDER))) {
      assertEquals(7, listed.count());
    }
    for (int row = 0; row < 7; row++) {
      BufferedImage img = ImageIO.read(out.resolve(DigitGallery.src(row)).toFile());
      assertNotNull(img, DigitGallery.src(row));
      assertEquals(84, img.getWidth());
      assertEquals(84, img.getHeight());
      assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff, "pixel 0 is set in every fixture image: white");
      assertEquals(0, img.getRGB(3, 0) & 0xffffff, "pixel 1 is not: black");
    }
  }

  @Test
  void theHeatMapCellsCarryTheirDigitsAndTheirCounts() throws IOException {
    FloatMatrix x = images();
    Diagnostics d = Diagnostics.write(List.of(predict("model a", A, x), predict("model b", B, x)), x, 28, 28, ReportFiles.open(out));
    StringBuilder html = new StringBuilder();
    DiagnosticsSection.model(html, d.of("model a"));
    DiagnosticsSection.disagreements(html, d.disagreements());
    DiagnosticsSection.panelAndScript(html);
    String s = html.toString();
    Matcher cell = Pattern.compile("<td class=\"cm-cell\" data-model=\"model-a\" data-pred=\"(\\d)\" "
        + "data-truth=\"(\\d)\" data-count=\"(\\d+)\" data-digits=\"([^\"]*)\"").matcher(s);
    long[][] counts = d.of("model a").counts();
    int cells = 0;
    while (cell.find()) {
      int pred = Integer.parseInt(cell.group(1));
      int truth = Integer.parseInt(cell.group(2));
      long count = Long.parseLong(cell.group(3));
      assertEquals(counts[List.of(3, 5, 9).indexOf(pred)][List.of(3, 5, 9).indexOf(truth)], count);
      String[] digits = cell.group(4).isEmpty() ? new String[0] : cell.group(4).split(" ");
      assertEquals(count, digits.length, "under the cap every digit of the cell is listed");
      for (String digit : digits) {
        int row = Integer.parseInt(digit.substring("digits/test-".length(), "digits/test-".length() + 5));
        assertEquals(pred, A.predictClasses(x, 1)[row]);
        assertEquals(truth, TRUTH[row]);
        assertTrue(Files.exists(out.resolve(digit.split("\\|")[0])), digit);
      }
      cells++;
    }
    assertEquals(9, cells);
    assertTrue(s.contains("data-pred=\"5\" data-truth=\"3\" data-count=\"2\" data-digits=\""
        + "digits/test-00006.png|0.750 digits/test-00001.png|0.700\""), s);
    assertEquals(9, count(s, "<td class=\"cm-share\" data-model=\"model-a\""));
    assertEquals(4 + 1 + 4, count(s, "<figure class=\"digit\" data-row="),
        "model a's 4 mistakes, then 1 digit only a gets right and 4 only b gets right");
    assertTrue(s.contains("<figcaption>truth c5<br>predicted c9 (p 0.800)</figcaption>"), s);
    assertTrue(s.contains("<div class=\"gallery disagreements\" data-of=\"model-b-not-model-a\">"), s);
    assertTrue(s.contains("<div id=\"cell-digits\" hidden"), s);
    assertTrue(s.contains("getElementById('cell-digits')"), "the script is inlined");
    assertTrue(s.contains("data-of=\"model-a-not-model-b\">\n<figure class=\"digit\" data-row=\"3\">"), s);
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}

package org.mnistkit.eda.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.core.idx.IdxArray;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

class PlotsTest {

  @TempDir
  Path dir;

  /** Reads the PNG, checks its size and that it holds at least minColours distinct colours. */
  static BufferedImage assertPng(Path file, int width, int height, int minColours)
      throws IOException {
    assertTrue(Files.isRegularFile(file), file + " exists");
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(width, img.getWidth(), "width");
    assertEquals(height, img.getHeight(), "height");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertTrue(colours.size() >= minColours, "only " + colours.size() + " colours in " + file);
    return img;
  }

  private void assertNoTempFilesLeft() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void scatterOf60000PointsColouredByLabel() throws IOException {
    int n = 60000;
    FloatMatrix pts = Fixtures.gaussian(n, 2, 3);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
      pts.set(i, 0, pts.get(i, 0) + 3 * (i % 10));
    }
    Path out = dir.resolve("pc.png");
    ScatterPlot.write(pts, 0, 1, labels, ChartOptions.builder().size(900, 700)
        .title("PC1 vs PC2").axisLabels("PC1", "PC2").build(), out);
    BufferedImage img = assertPng(out, 900, 700, 10);
    // every palette colour appears somewhere (points and legend)
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colours.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    for (int l = 0; l < 10; l++) {
      assertTrue(colours.contains(ScatterPlot.colour(l).getRGB() & 0xFFFFFF), "colour " + l);
    }
    assertNoTempFilesLeft();
  }

  @Test
  void scatterRejectsBadInput() {
    FloatMatrix pts = Fixtures.gaussian(5, 2, 1);
    Path out = dir.resolve("bad.png");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ScatterPlot.write(pts, 0, 2, new int[5], ChartOptions.defaults(), out),
        "columns must be in 0..1, got x = 0, y = 2");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ScatterPlot.write(pts, 0, 1, new int[4], ChartOptions.defaults(), out),
        "labels has 4 values but the data has 5 rows");
    pts.set(2, 1, Float.NaN);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ScatterPlot.write(pts, 0, 1, new int[5], ChartOptions.defaults(), out),
        "row 2 has a non-finite value to plot");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> ChartOptions.builder().size(5, 600).build(),
        "size must be within 16..10000 pixels each way, got 5 x 600");
  }

  @Test
  void digitLikeAsRaster() throws IOException {
    byte[] px = new byte[28 * 28];
    for (int r = 5; r < 23; r++) {
      px[r * 28 + 14] = (byte) 255; // a vertical stroke: a "1"
    }
    Path out = dir.resolve("digit.png");
    DigitImages.write(IdxArray.ofUnsignedBytes(px, 28, 28), 4, out);
    BufferedImage img = assertPng(out, 112, 112, 2);
    assertEquals(0xFFFFFF, img.getRGB(14 * 4 + 1, 10 * 4) & 0xFFFFFF, "stroke is white");
    assertEquals(0x000000, img.getRGB(2, 2) & 0xFFFFFF, "background is black");
  }

  @Test
  void gridOfDigits() throws IOException {
    FloatMatrix imgs = FloatMatrix.zeros(6, 28 * 28);
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 28 * 28; j += 3 + i) {
        imgs.set(i, j, 200f);
      }
    }
    Path out = dir.resolve("grid.png");
    DigitImages.writeGrid(imgs, 28, 28, 255, 3, new int[] {5, 0, 4, 1, 9, 2}, 2, out);
    // 3 columns of (56 + 2) + 2, 2 rows of (56 + 2 + 12) + 2
    assertPng(out, 3 * 58 + 2, 2 * 70 + 2, 3);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> DigitImages.writeGrid(imgs, 28, 27, 255, 3, null, 2, out), "a 28 x 27 image needs 756 values, got 784");
  }

  @Test
  void heatmapOf784Values() throws IOException {
    double[] v = new double[784];
    for (int i = 0; i < 784; i++) {
      int r = i / 28;
      int c = i % 28;
      v[i] = Math.exp(-((r - 14) * (r - 14) + (c - 14) * (c - 14)) / 40.0);
    }
    Path out = dir.resolve("importance.png");
    Heatmap.write(v, 28, 28, ChartOptions.builder().size(640, 560).title("importance")
        .axisLabels("column", "row").build(), out);
    assertPng(out, 640, 560, 20);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> Heatmap.write(new double[783], 28, 28, ChartOptions.defaults(), out),
        "a 28 x 28 map needs 784 values, got 783");
  }

  @Test
  void historyPanels() throws IOException {
    Map<String, double[]> h = new LinkedHashMap<>();
    h.put("loss", new double[] {0.26, 0.11, 0.07, 0.05, 0.04});
    h.put("accuracy", new double[] {0.92, 0.97, 0.98, 0.985, 0.99});
    h.put("val_loss", new double[] {0.13, 0.09, 0.08, 0.07, 0.075});
    h.put("val_accuracy", new double[] {0.96, 0.972, 0.976, 0.979, 0.978});
    Path out = dir.resolve("history.png");
    HistoryPlot.write(h, ChartOptions.builder().size(700, 600).title("training").build(), out);
    assertPng(out, 700, 600, 4);
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> HistoryPlot.write(Map.of(), ChartOptions.defaults(), out), "series must hold at least one metric");
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> HistoryPlot.write(Map.of("loss", new double[0]), ChartOptions.defaults(), out), "series loss is empty");
  }

  @Test
  void overwritesAnExistingFile() throws IOException {
    Path out = dir.resolve("again.png");
    Files.writeString(out, "old");
    DigitImages.write(new float[] {0, 1, 1, 0}, 2, 2, 1.0, 8, out);
    assertPng(out, 16, 16, 2);
    byte[] png = Files.readAllBytes(out);
    assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1),
        "the old content is replaced by a PNG");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertEquals(java.util.List.of(out), files.toList(), "no temporary file is left next to it");
    }
  }
}

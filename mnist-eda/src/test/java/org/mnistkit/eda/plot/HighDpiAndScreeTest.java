package org.mnistkit.eda.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

/** Scale 2 output and the scree plot's values. */
class HighDpiAndScreeTest {

  @TempDir Path dir;

  private static BufferedImage read(Path p) throws IOException {
    return ImageIO.read(p.toFile());
  }

  @Test
  void scaleTwoDoublesEveryPlotsPixelsWithTheSameLayout() throws IOException {
    ChartOptions twice = ChartOptions.builder().size(400, 300).scale(2).title("t").build();
    int[] labels = new int[500];
    FloatMatrix pts = Fixtures.gaussian(500, 2, 3);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
    }
    Path scatter = dir.resolve("s.png");
    ScatterPlot.write(pts, 0, 1, labels, twice, scatter);
    BufferedImage s = read(scatter);
    assertEquals(800, s.getWidth());
    assertEquals(600, s.getHeight());

    Path heat = dir.resolve("h.png");
    double[] v = new double[28 * 28];
    v[5] = 3;
    v[6] = -1;
    Heatmap.write(v, 28, 28, twice, heat);
    BufferedImage h = read(heat);
    assertEquals(800, h.getWidth());
    assertEquals(600, h.getHeight());
    // the same layout, each layout pixel now 2 x 2: a cell's centre lies at twice its scale-1 place
    Heatmap.Layout at = Heatmap.Layout.of(twice, 28, 28);
    BufferedImage one = Heatmap.image(v, 28, 28, ChartOptions.builder().size(400, 300).title("t").build());
    int x = at.left() + 5 * at.cell() + at.cell() / 2;
    int y = at.top() + at.cell() / 2;
    assertEquals(one.getRGB(x, y), h.getRGB(2 * x, 2 * y), "the largest value's cell");
    assertEquals(Color.WHITE.getRGB(), h.getRGB(2 * (x + 2 * at.cell()), 2 * y), "zero stays white");

    Map<String, double[]> history = new LinkedHashMap<>();
    history.put("loss", new double[] {0.3, 0.1});
    history.put("accuracy", new double[] {0.9, 0.95});
    Path hist = dir.resolve("history.png");
    HistoryPlot.write(history, twice, hist);
    assertEquals(800, read(hist).getWidth());
    assertEquals(600, read(hist).getHeight());

    Path scree = dir.resolve("scree.png");
    ScreePlot.write(new double[] {3, 2, 1}, 20, twice, scree);
    assertEquals(800, read(scree).getWidth());
    assertEquals(600, read(scree).getHeight());

    assertThrowsWithMessage(IllegalArgumentException.class, () -> ChartOptions.builder().scale(5).build(),
        "scale must be in 1..4, got 5");
  }

  @Test
  void screeSharesAreSquaredSingularValuesOverTheTotalSumOfSquares() {
    // X = diag(3, 2, 1) padded with a column of 2s in a 4 x 4 matrix: ||X||_F^2 = 9 + 4 + 1 + 16 = 30
    double[] share = ScreePlot.explainedShare(new double[] {3, 2, 1}, 30);
    assertArrayEquals(new double[] {0.3, 4 / 30.0, 1 / 30.0}, share, 1e-15);
    List<XYChart> panels = ScreePlot.panels(new double[] {3, 2, 1}, share, ChartOptions.defaults());
    assertArrayEquals(new double[] {3, 2, 1},
        panels.get(0).getSeriesMap().get("singular value").getYData(), 0);
    assertArrayEquals(new double[] {30, 400 / 30.0, 100 / 30.0},
        panels.get(1).getSeriesMap().get("each component").getYData(), 1e-12);
    assertArrayEquals(new double[] {30, 30 + 400 / 30.0, 30 + 500 / 30.0},
        panels.get(1).getSeriesMap().get("cumulative").getYData(), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3}, panels.get(1).getSeriesMap().get("cumulative").getXData(), 0);
    assertThrowsWithMessage(IllegalArgumentException.class, () -> ScreePlot.explainedShare(new double[] {3, 2}, 12),
        "totalSumOfSquares must be finite, > 0 and >= sum(d^2) = 13.0, got 12.0");
    assertThrowsWithMessage(IllegalArgumentException.class, () -> ScreePlot.explainedShare(new double[] {3, -1}, 12),
        "singularValues[1] must be finite and >= 0, got -1.0");
  }
}

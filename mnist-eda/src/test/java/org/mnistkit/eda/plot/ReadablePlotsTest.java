package org.mnistkit.eda.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.testing.Fixtures;

/** What made the plots hard to read, checked on pixels and chart objects. */
class ReadablePlotsTest {

  @TempDir Path dir;

  private static final int N = 60000;

  private static FloatMatrix clusters(int[] labels) {
    FloatMatrix pts = Fixtures.gaussian(labels.length, 2, 3);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
      pts.set(i, 0, pts.get(i, 0) + 3 * labels[i]);
    }
    return pts;
  }

  @Test
  void legendKeysAreReadableDiscsWhateverTheMarkerSize() throws IOException {
    int[] labels = new int[N];
    FloatMatrix pts = clusters(labels);
    Path out = dir.resolve("scatter.png");
    ChartOptions options = ChartOptions.builder().size(900, 700).axisLabels("UMAP1", "UMAP2").markerSize(2).build();
    ScatterPlot.write(pts, 0, 1, labels, options, out);
    BufferedImage img = ImageIO.read(out.toFile());
    List<String> names = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    int legendLeft = 900 - ClassLegend.width(names);
    for (int l = 0; l < 10; l++) {
      int rgb = Palette.colour(l).getRGB() & 0xFFFFFF;
      int minX = Integer.MAX_VALUE;
      int maxX = -1;
      int minY = Integer.MAX_VALUE;
      int maxY = -1;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = legendLeft; x < img.getWidth(); x++) {
          if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      // a solid disc of the key's diameter (anti-aliased edge aside), not a 2-pixel dot
      assertTrue(maxX - minX + 1 >= ClassLegend.KEY_DIAMETER - 2, "legend key " + l + " is "
          + (maxX - minX + 1) + " pixels wide");
      assertTrue(maxY - minY + 1 >= ClassLegend.KEY_DIAMETER - 2, "legend key " + l + " height");
      assertTrue(maxY - minY < 3 * ClassLegend.KEY_DIAMETER, "one key per class");
    }
    assertTrue(ClassLegend.KEY_DIAMETER >= 5 * options.markerSize());
  }

  @Test
  void pointsAreDrawnInASeededRandomOrderNotClassByClass() {
    int[] labels = new int[N];
    FloatMatrix pts = clusters(labels);
    XYChart chart = ScatterPlot.chart(pts, 0, 1, labels, ChartOptions.defaults(), 700);
    List<Integer> drawn = new ArrayList<>();
    for (XYSeries s : chart.getSeriesMap().values()) {
      int label = Integer.parseInt(s.getName().substring(0, s.getName().indexOf(':')));
      for (int i = 0; i < s.getXData().length; i++) {
        drawn.add(label);
      }
    }
    assertEquals(N, drawn.size(), "every point drawn once");
    // in class order the first tenth would be all 0s and the last tenth all 9s
    Set<Integer> firstTenth = new HashSet<>(drawn.subList(0, N / 10));
    Set<Integer> lastTenth = new HashSet<>(drawn.subList(N - N / 10, N));
    assertEquals(10, firstTenth.size(), "every class is among the first points drawn");
    assertEquals(10, lastTenth.size(), "every class is among the last points drawn");
    assertFalse(drawn.equals(drawn.stream().sorted().toList()));
    // seeded: the same seed gives the same order, another seed another one
    int[] a = ScatterPlot.drawOrder(1000, 123);
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(ScatterPlot.drawOrder(1000, 123)));
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(ScatterPlot.drawOrder(1000, 124)));
    assertEquals(IntStream.range(0, 1000).sum(), IntStream.of(a).sum(), "a permutation");
  }

  @Test
  void largeScattersAreTransparentSmallOnesOpaque() {
    assertEquals(255, ScatterPlot.alpha(500));
    assertTrue(ScatterPlot.alpha(N) < 128 && ScatterPlot.alpha(N) >= 77, "alpha " + ScatterPlot.alpha(N));
    int[] labels = new int[N];
    XYChart chart = ScatterPlot.chart(clusters(labels), 0, 1, labels, ChartOptions.defaults(), 700);
    for (XYSeries s : chart.getSeriesMap().values()) {
      assertEquals(ScatterPlot.alpha(N), s.getMarkerColor().getAlpha(), s.getName());
      assertFalse(s.isShowInLegend(), "the legend is drawn beside the chart");
    }
  }

  @Test
  void thePaletteIsPetroffsTenColourSequence() {
    String[] hex = {"3f90da", "ffa90e", "bd1f01", "94a4a2", "832db6", "a96b59", "e76300", "b9ac70", "717581",
        "92dadd"};
    for (int l = 0; l < 10; l++) {
      assertEquals(hex[l], String.format("%06x", Palette.colour(l).getRGB() & 0xFFFFFF));
    }
  }

  @Test
  void heatmapZeroIsWhiteWithBluesBelowAndRedsAboveInSquareCells() {
    double[] v = new double[28 * 28];
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        v[r * 28 + c] = c < 14 ? -1.7369647328434292 * (14 - c) / 14 : 14.527484084723683 * (c - 14) / 13;
      }
    }
    ChartOptions options = ChartOptions.builder().size(640, 560).title("importance")
        .axisLabels("pixel column", "pixel row").build();
    BufferedImage img = Heatmap.image(v, 28, 28, options);
    Heatmap.Layout at = Heatmap.Layout.of(options, 28, 28);
    assertTrue(at.cell() >= 10, "cells of " + at.cell() + " pixels");
    Color zero = pixel(img, at, 5, 14);
    assertEquals(Color.WHITE, zero, "zero is white");
    Color highest = pixel(img, at, 5, 27);
    assertTrue(highest.getRed() > 150 && highest.getBlue() < 80, "the largest value is red: " + highest);
    Color lowest = pixel(img, at, 5, 0);
    // the minimum, -1.74, is a light blue on a scale running to -14.5: not white, as before
    assertNotEquals(Color.WHITE, lowest);
    assertTrue(lowest.getBlue() > lowest.getRed(), "below zero is blue: " + lowest);
    // square cells: one cell to the right is as far as one cell down
    assertEquals(pixel(img, at, 5, 20), pixel(img, at, 20, 20), "rows repeat");
  }

  private static Color pixel(BufferedImage img, Heatmap.Layout at, int r, int c) {
    return new Color(img.getRGB(at.left() + c * at.cell() + at.cell() / 2, at.top() + r * at.cell() + at.cell() / 2));
  }

  @Test
  void colourBarLabelsAreRoundedTicksNotRawExtremes() {
    DivergingScale scale = new DivergingScale(new double[] {14.527484084723683, -1.7369647328434292, 0.3});
    assertEquals(List.of("-10", "-5", "0", "5", "10"), scale.tickLabels());
    assertEquals(14.527484084723683, scale.limit(), 0);
    assertEquals(List.of("-0.010", "-0.005", "0.000", "0.005", "0.010"),
        new DivergingScale(new double[] {0.0123, 0.001}).tickLabels());
    assertEquals(List.of("-2", "-1", "0", "1", "2"), new DivergingScale(new double[] {-2.2}).tickLabels());
    assertEquals(Color.WHITE, scale.colour(0.0));
    assertEquals(4, Heatmap.tickStep(28), "pixel ticks 0, 4, ..., 24");
  }

  @Test
  void historyPanelsHaveNoLegendForOneLineAndReadableTicks() {
    Map<String, double[]> h = new LinkedHashMap<>();
    h.put("loss", new double[] {0.26, 0.11, 0.07, 0.05, 0.04});
    h.put("accuracy", new double[] {0.92, 0.97, 0.98, 0.985, 0.99});
    h.put("val_accuracy", new double[] {0.96, 0.972, 0.976, 0.979, 0.978});
    Map<String, List<String>> panels = new LinkedHashMap<>();
    panels.put("loss", List.of("loss"));
    panels.put("accuracy", List.of("accuracy", "val_accuracy"));
    List<XYChart> charts = HistoryPlot.panels(h, panels, ChartOptions.defaults());
    assertFalse(charts.get(0).getStyler().isLegendVisible(), "one line: its y axis names it");
    assertTrue(charts.get(1).getStyler().isLegendVisible());
    assertEquals(List.of("training", "validation"), new ArrayList<>(charts.get(1).getSeriesMap().keySet()));
    DecimalFormat f = new DecimalFormat(charts.get(0).getStyler().getYAxisDecimalPattern(),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    assertEquals("0.050", f.format(0.05));
    assertEquals("0.985", f.format(0.985));
    assertEquals("1.000", f.format(1.0));
    // aligned panels: the same tick pattern and the same epoch range in each
    assertEquals(charts.get(0).getStyler().getYAxisDecimalPattern(), charts.get(1).getStyler().getYAxisDecimalPattern());
    for (XYChart c : charts) {
      assertEquals(1.0, c.getStyler().getXAxisMin());
      assertEquals(5.0, c.getStyler().getXAxisMax());
    }
    assertEquals("2", HistoryPlot.epochLabel(2.0));
    assertEquals("", HistoryPlot.epochLabel(2.5));
  }
}

package org.mnistkit.eda.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A scatter plot of two columns of a matrix coloured by class label, with a legend: PC1 against PC2
 * or a UMAP embedding coloured by digit, like
 * {@code ggplot(df, aes(PC1, PC2, colour = factor(label))) + geom_point(alpha = ...)}.
 *
 * <ul>
 *   <li>Colours: {@link Palette}'s colour-blind-safe sequence.</li>
 *   <li>Draw order: a seeded random permutation of the points ({@link ChartOptions#seed()}), drawn in
 *   chunks of {@link #CHUNK} points (one XChart series per class within a chunk), so that no class is
 *   drawn last over all the others, as it would be in class order.</li>
 *   <li>Transparency: points are opaque up to {@link #OPAQUE_POINTS} and more transparent above
 *   ({@link #alpha(int)}), so that dense regions show their density and their mix of classes.</li>
 *   <li>Legend: drawn by {@link ClassLegend} beside the chart with keys of
 *   {@link ClassLegend#KEY_DIAMETER} pixels, whatever the marker size.</li>
 * </ul>
 *
 * <p>Anti-aliasing is switched off above 20000 points, which keeps 60000 points to about a second.
 */
public final class ScatterPlot {

  /** Points drawn per chunk of the random order. */
  static final int CHUNK = 1000;
  /** Up to this many points, markers are opaque. */
  static final int OPAQUE_POINTS = 2000;

  private ScatterPlot() {}

  /**
   * Writes the scatter plot as a PNG of {@code options.width() x options.height()} pixels.
   *
   * @param data n x c matrix, finite in the two plotted columns
   * @param xCol column on the x axis, 0..c-1
   * @param yCol column on the y axis, 0..c-1
   * @param labels n class labels, each at least 0 (one colour and legend entry per label)
   * @param options size, title, axis labels, marker size, class names, draw-order seed
   * @param out the PNG file; written to a temporary file first, then moved into place
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when a column is out of range, the lengths differ, a label is
   *     negative or a plotted value is not finite
   */
  public static void write(FloatMatrix data, int xCol, int yCol, int[] labels,
      ChartOptions options, Path out) throws IOException {
    Png.headless();
    Objects.requireNonNull(options, "options");
    int numLabels = check(data, xCol, yCol, labels);
    int[] counts = new int[numLabels];
    for (int y : labels) {
      counts[y]++;
    }
    List<Integer> shown = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int l = 0; l < numLabels; l++) {
      if (counts[l] > 0) {
        shown.add(l);
        names.add(options.className(l));
      }
    }
    int chartWidth = Math.max(16, options.width() - ClassLegend.width(names));
    XYChart chart = chart(data, xCol, yCol, labels, options, chartWidth);
    Png.write(ClassLegend.compose(Png.render(chart, options.scale()), shown, options), out);
  }

  /** @return the number of labels (the largest plus one) after checking the arguments */
  private static int check(FloatMatrix data, int xCol, int yCol, int[] labels) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(labels, "labels");
    int n = data.rows();
    int c = data.cols();
    if (xCol < 0 || xCol >= c || yCol < 0 || yCol >= c) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "columns must be in 0..%d, got x = %d, y = %d", c - 1, xCol, yCol));
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "labels has %d values but the data has %d rows", labels.length, n));
    }
    int numLabels = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "labels must be >= 0, got %d at %d", labels[i], i));
      }
      float vx = data.get(i, xCol);
      float vy = data.get(i, yCol);
      if (!Float.isFinite(vx) || !Float.isFinite(vy)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d has a non-finite value to plot (%s, %s)", i, vx, vy));
      }
      numLabels = Math.max(numLabels, labels[i] + 1);
    }
    return numLabels;
  }

  /**
   * The chart without its legend: one series per class and chunk of the seeded draw order, each
   * named {@code label:chunk}, in drawing order.
   */
  static XYChart chart(FloatMatrix data, int xCol, int yCol, int[] labels, ChartOptions options,
      int width) {
    int n = data.rows();
    int numLabels = Arrays.stream(labels).max().orElse(-1) + 1;
    XYChart chart = new XYChartBuilder().width(width).height(options.height())
        .title(options.title()).xAxisTitle(options.xLabel()).yAxisTitle(options.yLabel()).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(options.markerSize());
    chart.getStyler().setChartTitleVisible(!options.title().isEmpty());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setAntiAlias(n <= 20000);
    int alpha = alpha(n);
    int[] order = drawOrder(n, options.seed());
    float[] a = data.data();
    int c = data.cols();
    for (int start = 0; start < n; start += CHUNK) {
      int end = Math.min(n, start + CHUNK);
      int[] counts = new int[numLabels];
      for (int k = start; k < end; k++) {
        counts[labels[order[k]]]++;
      }
      double[][] xs = new double[numLabels][];
      double[][] ys = new double[numLabels][];
      for (int l = 0; l < numLabels; l++) {
        xs[l] = new double[counts[l]];
        ys[l] = new double[counts[l]];
      }
      int[] fill = new int[numLabels];
      for (int k = start; k < end; k++) {
        int i = order[k];
        int l = labels[i];
        xs[l][fill[l]] = a[i * c + xCol];
        ys[l][fill[l]] = a[i * c + yCol];
        fill[l]++;
      }
      for (int l = 0; l < numLabels; l++) {
        if (counts[l] == 0) {
          continue;
        }
        XYSeries s = chart.addSeries(l + ":" + (start / CHUNK), xs[l], ys[l]);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Palette.colour(l, alpha));
        s.setShowInLegend(false);
      }
    }
    return chart;
  }

  /**
   * @param n the number of points
   * @param seed the seed
   * @return a uniformly random permutation of 0..n-1 (Fisher-Yates), the same for the same seed
   */
  static int[] drawOrder(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * @param n the number of points
   * @return the markers' opacity in 0..255: opaque up to {@link #OPAQUE_POINTS}, then falling as
   *     1 / sqrt(n) (overlapping points add up), never below 0.3 (77)
   */
  static int alpha(int n) {
    if (n <= OPAQUE_POINTS) {
      return 255;
    }
    return (int) Math.round(255 * Math.max(0.3, Math.sqrt((double) OPAQUE_POINTS / n)));
  }

  /** @return the colour of label l, {@link Palette#colour(int)} */
  static Color colour(int l) {
    return Palette.colour(l);
  }
}

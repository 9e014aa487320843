package org.mnistkit.eda.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mnistkit.core.tensor.FloatMatrix;

/**
 * A scatter plot of two columns of a matrix coloured by class label, with a legend: PC1 against PC2
 * or a UMAP embedding coloured by digit, like
 * {@code ggplot(df, aes(PC1, PC2, colour = factor(label))) + geom_point()}. One XChart series per
 * label, drawn in label order with a fixed palette (Tableau 10, then hues); anti-aliasing is
 * switched off above 20000 points, which keeps 60000 points to about a second.
 */
public final class ScatterPlot {

  /** The first ten series colours (Tableau 10). */
  static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1),
      new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x7F7F7F)};

  private ScatterPlot() {}

  /**
   * Writes the scatter plot as a PNG of {@code options.width() x options.height()} pixels.
   *
   * @param data n x c matrix, finite in the two plotted columns
   * @param xCol column on the x axis, 0..c-1
   * @param yCol column on the y axis, 0..c-1
   * @param labels n class labels, each at least 0 (one colour and legend entry per label)
   * @param options size, title, axis labels, marker size, class names
   * @param out the PNG file; written to a temporary file first, then moved into place
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when a column is out of range, the lengths differ, a label is
   *     negative or a plotted value is not finite
   */
  public static void write(FloatMatrix data, int xCol, int yCol, int[] labels,
      ChartOptions options, Path out) throws IOException {
    Png.headless();
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(options, "options");
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
    int[] counts = new int[numLabels];
    for (int y : labels) {
      counts[y]++;
    }
    double[][] xs = new double[numLabels][];
    double[][] ys = new double[numLabels][];
    for (int l = 0; l < numLabels; l++) {
      xs[l] = new double[counts[l]];
      ys[l] = new double[counts[l]];
    }
    int[] fill = new int[numLabels];
    float[] a = data.data();
    for (int i = 0; i < n; i++) {
      int l = labels[i];
      xs[l][fill[l]] = a[i * c + xCol];
      ys[l][fill[l]] = a[i * c + yCol];
      fill[l]++;
    }
    XYChart chart = new XYChartBuilder().width(options.width()).height(options.height())
        .title(options.title()).xAxisTitle(options.xLabel()).yAxisTitle(options.yLabel()).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(options.markerSize());
    chart.getStyler().setChartTitleVisible(!options.title().isEmpty());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setAntiAlias(n <= 20000);
    for (int l = 0; l < numLabels; l++) {
      if (counts[l] == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(options.className(l), xs[l], ys[l]);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(colour(l));
    }
    Png.write(chart, out);
  }

  /** @return the colour of label l: Tableau 10 for 0..9, then evenly spaced hues */
  static Color colour(int l) {
    if (l < PALETTE.length) {
      return PALETTE[l];
    }
    return Color.getHSBColor((l * 0.618034f) % 1f, 0.65f, 0.85f);
  }
}

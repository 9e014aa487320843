package org.mnistkit.eda.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scree plot of a truncated SVD: the singular values by component (top panel) and the share of
 * the matrix's total sum of squares each component explains, with the running total (bottom
 * panel). Component i explains {@code d_i^2 / ||X||_F^2}, where {@code ||X||_F^2}, the sum of the
 * squared entries of X, is cheap to compute without the full decomposition; for an uncentred
 * SVD the first component mostly explains the mean image.
 */
public final class ScreePlot {

  private ScreePlot() {}

  /**
   * The share of the total sum of squares each component explains.
   *
   * @param singularValues d, descending, non-negative and finite
   * @param totalSumOfSquares {@code ||X||_F^2}, the sum of the squared entries of the decomposed
   *     matrix (centred first for PCA); positive and at least {@code sum(d^2)} up to rounding
   * @return {@code d_i^2 / totalSumOfSquares} for each i, in [0, 1]
   * @throws IllegalArgumentException when d is empty, a value is negative or not finite, or the
   *     total is not positive or below {@code sum(d^2)} by more than 1e-6 relative
   */
  public static double[] explainedShare(double[] singularValues, double totalSumOfSquares) {
    Objects.requireNonNull(singularValues, "singularValues");
    if (singularValues.length == 0) {
      throw new IllegalArgumentException("singularValues must hold at least one value");
    }
    double captured = 0;
    for (int i = 0; i < singularValues.length; i++) {
      double d = singularValues[i];
      if (!Double.isFinite(d) || d < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "singularValues[%d] must be finite and >= 0, got %s", i, d));
      }
      captured += d * d;
    }
    if (!(totalSumOfSquares > 0) || Double.isInfinite(totalSumOfSquares)
        || captured > totalSumOfSquares * (1 + 1e-6)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "totalSumOfSquares must be finite, > 0 and >= sum(d^2) = %s, got %s", captured, totalSumOfSquares));
    }
    double[] share = new double[singularValues.length];
    for (int i = 0; i < share.length; i++) {
      share[i] = singularValues[i] * singularValues[i] / totalSumOfSquares;
    }
    return share;
  }

  /**
   * Writes the scree plot as one PNG of {@code options.width() x options.height()} layout pixels
   * (times {@code options.scale()} each way).
   *
   * @param singularValues d, descending
   * @param totalSumOfSquares {@code ||X||_F^2} (see {@link #explainedShare})
   * @param options size, scale and title (on the top panel); the axis labels are set here
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException as {@link #explainedShare}
   */
  public static void write(double[] singularValues, double totalSumOfSquares, ChartOptions options, Path out)
      throws IOException {
    Png.headless();
    Objects.requireNonNull(options, "options");
    Png.writeColumn(panels(singularValues, explainedShare(singularValues, totalSumOfSquares), options),
        options.scale(), out);
  }

  static List<XYChart> panels(double[] d, double[] share, ChartOptions options) {
    int k = d.length;
    double[] component = new double[k];
    double[] percent = new double[k];
    double[] cumulative = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      component[i] = i + 1;
      percent[i] = 100 * share[i];
      sum += percent[i];
      cumulative[i] = sum;
    }
    XYChart values = panel(options, k, options.title(), "singular value");
    line(values, "singular value", component, d, 0);
    values.getStyler().setLegendVisible(false);
    XYChart shares = panel(options, k, "", "% of sum of squares");
    line(shares, "each component", component, percent, 0);
    line(shares, "cumulative", component, cumulative, 1);
    shares.getStyler().setLegendVisible(true);
    // 0 to 100 %: the legend sits top left, above the running total, which starts at the first share
    shares.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    shares.getStyler().setYAxisMin(0.0);
    shares.getStyler().setYAxisMax(100.0);
    return List.of(values, shares);
  }

  private static XYChart panel(ChartOptions options, int k, String title, String yLabel) {
    XYChart chart = new XYChartBuilder().width(options.width()).height(Math.max(16, options.height() / 2))
        .title(title).xAxisTitle("component").yAxisTitle(yLabel).build();
    chart.getStyler().setChartTitleVisible(!title.isEmpty());
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    // the same tick width in both panels, so that their plot areas line up
    chart.getStyler().setYAxisDecimalPattern("0.0");
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax((double) Math.max(2, k));
    chart.setCustomXAxisTickLabelsFormatter(HistoryPlot::epochLabel);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, int colour) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(Palette.colour(colour));
    s.setMarkerColor(Palette.colour(colour));
  }
}

package org.mnistkit.eda.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A vector shown as an image-shaped heat map with a colour scale, for example a random forest's
 * 784 pixel importances as 28 x 28: row 0 at the top, as the digit is drawn. Built on XChart's
 * {@link HeatMapChart}; colours run from white (the smallest value) through yellow and orange to
 * dark red (the largest).
 */
public final class Heatmap {

  private static final Color[] RANGE = {Color.WHITE, new Color(0xFFE08A), new Color(0xF28E2B),
      new Color(0xB30000)};

  private Heatmap() {}

  /**
   * Writes the heat map as a PNG.
   *
   * @param values height * width finite values, row-major (e.g. 784 importances)
   * @param height rows of the map (28 for MNIST)
   * @param width columns of the map (28 for MNIST)
   * @param options size and title; the axis labels name the columns and rows
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the length is not height * width or a value is not
   *     finite
   */
  public static void write(double[] values, int height, int width, ChartOptions options, Path out)
      throws IOException {
    Png.headless();
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(options, "options");
    if (height < 1 || width < 1 || (long) height * width != values.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a %d x %d map needs %d values, got %d", height, width, (long) height * width,
          values.length));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "values[%d] is not finite: %s", i, values[i]));
      }
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    if (hi == lo) {
      hi = lo + 1.0;
    }
    List<Integer> xs = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      xs.add(c);
    }
    List<Integer> ys = new ArrayList<>(height);
    for (int r = 0; r < height; r++) {
      ys.add(r);
    }
    List<Number[]> cells = new ArrayList<>(values.length);
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        // y index 0 is drawn at the bottom; put image row 0 at the top
        cells.add(new Number[] {c, height - 1 - r, values[r * width + c]});
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(options.width())
        .height(options.height()).title(options.title()).xAxisTitle(options.xLabel())
        .yAxisTitle(options.yLabel()).build();
    chart.getStyler().setChartTitleVisible(!options.title().isEmpty());
    chart.getStyler().setRangeColors(RANGE);
    chart.getStyler().setMin(lo);
    chart.getStyler().setMax(hi);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setHeatMapDecimalValueFormatter(
        v -> String.format(Locale.ROOT, "%.3g", v));
    chart.addSeries("value", xs, ys, cells);
    Png.write(chart, out);
  }
}

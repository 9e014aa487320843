package org.mnistkit.eda.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-epoch training curves, like R keras's {@code plot(history)}: one panel per metric, stacked
 * vertically, with the validation series ({@code val_<metric>}) in the same panel as its metric.
 * Takes plain series by name (for example {@code loss}, {@code accuracy}, {@code val_loss},
 * {@code val_accuracy}) so that any trainer can feed it. A panel shows a legend only when it holds
 * two lines (training and validation); ticks read {@code 0.050}, not {@code .05}, and epochs are
 * labelled only at whole numbers. The panels' axes line up: every panel spans the same epochs and
 * its y ticks have the same number of decimals, so the plot areas start at the same x.
 */
public final class HistoryPlot {

  /**
   * The y tick pattern: a leading zero and 3 decimals (0.050, not .05); the same width in every
   * panel, so that the panels' plot areas line up.
   */
  static final String Y_PATTERN = "0.000";

  private HistoryPlot() {}

  /**
   * Writes the curves as one PNG of {@code options.width() x options.height()} layout pixels (times
   * {@code options.scale()} each way).
   *
   * @param series metric name to one value per epoch (epoch 1 first); iteration order decides the
   *     panel order (use a {@link LinkedHashMap}); every series non-empty, values finite or NaN
   *     (NaN is drawn as a gap)
   * @param options size and title (the title goes on the first panel)
   * @param out the PNG file
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the map or a series is empty or a value is infinite
   */
  public static void write(Map<String, double[]> series, ChartOptions options, Path out)
      throws IOException {
    Png.headless();
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(options, "options");
    if (series.isEmpty()) {
      throw new IllegalArgumentException("series must hold at least one metric");
    }
    Map<String, List<String>> panels = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "series name");
      double[] v = Objects.requireNonNull(e.getValue(), name);
      if (v.length == 0) {
        throw new IllegalArgumentException("series " + name + " is empty");
      }
      for (int i = 0; i < v.length; i++) {
        if (Double.isInfinite(v[i])) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "series %s has an infinite value at epoch %d", name, i + 1));
        }
      }
      String metric = name.startsWith("val_") ? name.substring(4) : name;
      panels.computeIfAbsent(metric, m -> new ArrayList<>()).add(name);
    }
    Png.writeColumn(panels(series, panels, options), options.scale(), out);
  }

  /**
   * One chart per metric. A panel with one series has no legend (its y axis names it); one with a
   * validation series names its two lines "training" and "validation". Epoch ticks are labelled
   * only at whole epochs.
   */
  static List<XYChart> panels(Map<String, double[]> series, Map<String, List<String>> panels,
      ChartOptions options) {
    int panelHeight = Math.max(16, options.height() / panels.size());
    int lastEpoch = series.values().stream().mapToInt(v -> v.length).max().orElse(1);
    List<XYChart> charts = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, List<String>> panel : panels.entrySet()) {
      XYChart chart = new XYChartBuilder().width(options.width()).height(panelHeight)
          .title(first ? options.title() : "").xAxisTitle("epoch").yAxisTitle(panel.getKey())
          .build();
      chart.getStyler().setChartTitleVisible(first && !options.title().isEmpty());
      chart.getStyler().setLegendVisible(panel.getValue().size() > 1);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      chart.getStyler().setPlotBackgroundColor(Color.WHITE);
      chart.getStyler().setYAxisDecimalPattern(Y_PATTERN);
      chart.setCustomXAxisTickLabelsFormatter(HistoryPlot::epochLabel);
      chart.getStyler().setXAxisMin(1.0);
      chart.getStyler().setXAxisMax((double) Math.max(2, lastEpoch));
      int colour = 0;
      for (String name : panel.getValue()) {
        double[] v = series.get(name);
        double[] epochs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          epochs[i] = i + 1;
        }
        String shown = panel.getValue().size() == 1 ? name : name.startsWith("val_") ? "validation" : "training";
        XYSeries s = chart.addSeries(shown, epochs, v);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(Palette.colour(colour));
        s.setMarkerColor(Palette.colour(colour));
        colour++;
      }
      charts.add(chart);
      first = false;
    }
    return charts;
  }

  /** @return the epoch as a whole number, or nothing for a tick between two epochs */
  static String epochLabel(double x) {
    return Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : "";
  }
}

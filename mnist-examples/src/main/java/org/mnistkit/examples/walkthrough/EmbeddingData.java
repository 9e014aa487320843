package org.mnistkit.examples.walkthrough;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.Palette;

/**
 * The data file of one embedding view: a script (not JSON fetched at run time, which browsers
 * refuse for pages opened from disk) that registers the view's data under its name in
 * {@code window.mnistkitEmbeddings}. The data: title, axis names, the number of points, class names
 * and their colours (the PNGs' {@link Palette}), the sprite sheets ({@link DigitSprites}), and per
 * class the flat list {@code x0, y0, i0, x1, y1, i1, ...} of its points' coordinates and training
 * row indices, in row order. Coordinates are rounded to {@link #decimals} places, about a
 * thousandth of the larger axis range: far below a screen pixel of the chart.
 */
final class EmbeddingData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EmbeddingData() {}

  /**
   * What one view shows.
   *
   * @param name the view's name, such as {@code umap}: letters, digits and '-' only
   * @param title the chart's title
   * @param xName the x axis name
   * @param yName the y axis name
   * @param xy n x 2 coordinates, finite
   * @param labels n labels in 0..classNames-1, row i being training image i
   * @param classNames one name per label
   */
  record View(String name, String title, String xName, String yName, FloatMatrix xy, int[] labels,
      List<String> classNames) {

    /** @throws IllegalArgumentException when the name, the shape, a label or a coordinate is out of range */
    View {
      if (!name.matches("[A-Za-z0-9-]+")) {
        throw new IllegalArgumentException("view name must be letters, digits and '-', got '" + name + "'");
      }
      if (xy.cols() != 2 || xy.rows() != labels.length || labels.length == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "view '%s' needs n x 2 coordinates and n "
            + "labels with n >= 1, got %d x %d and %d labels", name, xy.rows(), xy.cols(), labels.length));
      }
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= classNames.size()) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "view '%s': label %d of row %d is outside "
              + "0..%d (%d class names)", name, labels[i], i, classNames.size() - 1, classNames.size()));
        }
      }
      int bad = xy.indexOfNonFinite();
      if (bad >= 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "view '%s': coordinate %d (row %d) is %s",
            name, bad, bad / 2, xy.data()[bad]));
      }
    }
  }

  /**
   * @param view the data
   * @param spriteFiles the sheets' paths relative to the report's index.html, sheet k at index k
   * @param layout where each training image lies on the sheets; holds at least n digits
   * @return the script's text
   * @throws IllegalArgumentException when the sheets hold fewer digits than the view has points
   */
  static String script(View view, List<String> spriteFiles, DigitSprites.Layout layout) {
    int n = view.labels().length;
    if (layout.count() < n || spriteFiles.size() != layout.sheets()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "view '%s' has %d points but the %d sprite "
          + "sheets hold %d digits", view.name(), n, spriteFiles.size(), layout.count()));
    }
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("title", view.title());
    head.put("x", view.xName());
    head.put("y", view.yName());
    head.put("n", n);
    head.put("classes", view.classNames());
    List<String> colours = new ArrayList<>();
    for (int c = 0; c < view.classNames().size(); c++) {
      Color colour = Palette.colour(c);
      colours.add(String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue()));
    }
    head.put("colours", colours);
    head.put("sprites", Map.of("files", spriteFiles, "columns", layout.columns(), "width", layout.width(),
        "height", layout.height(), "perSheet", layout.perSheet()));
    String json;
    try {
      json = JSON.writeValueAsString(head);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the view's settings as JSON", e);
    }
    StringBuilder s = new StringBuilder(n * 20 + json.length() + 200);
    s.append("/* mnistkit embedding view '").append(view.name()).append("': ").append(n)
        .append(" points; written by the walkthrough, read by embedding-view.js */\n")
        .append("(window.mnistkitEmbeddings = window.mnistkitEmbeddings || {})[\"").append(view.name())
        .append("\"] = ").append(json, 0, json.length() - 1).append(",\n\"points\": [");
    int decimals = decimals(view.xy());
    for (int c = 0; c < view.classNames().size(); c++) {
      s.append(c == 0 ? "\n[" : ",\n[");
      boolean first = true;
      for (int i = 0; i < n; i++) {
        if (view.labels()[i] == c) {
          s.append(first ? "" : ",").append(fixed(view.xy().get(i, 0), decimals)).append(',')
              .append(fixed(view.xy().get(i, 1), decimals)).append(',').append(i);
          first = false;
        }
      }
      s.append(']');
    }
    return s.append("]};\n").toString();
  }

  /**
   * @param xy n x 2 finite coordinates
   * @return decimal places that keep about 1/1000 of the larger axis range: {@code 3 - floor(log10(range))},
   *     between 0 and 8 (8 when all points coincide)
   */
  static int decimals(FloatMatrix xy) {
    double range = 0;
    for (int j = 0; j < 2; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < xy.rows(); i++) {
        min = Math.min(min, xy.get(i, j));
        max = Math.max(max, xy.get(i, j));
      }
      range = Math.max(range, max - min);
    }
    return range > 0 ? (int) Math.max(0, Math.min(8, 3 - Math.floor(Math.log10(range)))) : 8;
  }

  /** @return v with the given decimals and no trailing zeros, such as {@code -1.25} or {@code 3} */
  static String fixed(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.indexOf('.') >= 0) {
      s = s.replaceAll("0+$", "");
      s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
    return s.equals("-0") ? "0" : s;
  }
}

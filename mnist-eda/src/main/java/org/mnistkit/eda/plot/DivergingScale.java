package org.mnistkit.eda.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A colour scale symmetric about zero, for values whose sign matters (a permutation importance
 * below zero means a pixel the forest does better without): zero is white, negative values run
 * through ColorBrewer's RdBu blues and positive ones through its reds (Brewer, colorbrewer2.org,
 * RdBu 9-class, with its centre grey replaced by white), both out to the largest absolute value.
 * Colour-bar ticks are round multiples of 1, 2 or 5 times a power of ten, labelled with only the
 * decimals the step needs ({@code 5}, {@code 0.02}), never the raw extremes.
 */
final class DivergingScale {

  private static final Color[] NEGATIVE = {Color.WHITE, new Color(0xD1E5F0), new Color(0x92C5DE),
      new Color(0x4393C3), new Color(0x2166AC)};
  private static final Color[] POSITIVE = {Color.WHITE, new Color(0xFDDBC7), new Color(0xF4A582),
      new Color(0xD6604D), new Color(0xB2182B)};

  private final double limit;
  private final double step;

  /**
   * @param values finite values
   */
  DivergingScale(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    this.limit = m > 0 ? m : 1.0;
    this.step = niceStep(limit / 2);
  }

  /** @return the largest absolute value, the ends of the scale (1 when every value is 0) */
  double limit() {
    return limit;
  }

  /**
   * @param v a value
   * @return white for 0, reds above, blues below, darkest at +-limit
   */
  Color colour(double v) {
    double t = Math.min(1.0, Math.abs(v) / limit);
    Color[] ramp = v >= 0 ? POSITIVE : NEGATIVE;
    double pos = t * (ramp.length - 1);
    int i = Math.min(ramp.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    Color a = ramp[i];
    Color b = ramp[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /** @return the colour-bar ticks: multiples of the step within [-limit, limit], ascending */
  double[] ticks() {
    int k = (int) Math.floor(limit / step + 1e-9);
    double[] t = new double[2 * k + 1];
    for (int i = -k; i <= k; i++) {
      t[i + k] = i * step;
    }
    return t;
  }

  /** @return the tick labels, rounded to the decimals the step needs */
  List<String> tickLabels() {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    List<String> labels = new ArrayList<>();
    for (double t : ticks()) {
      String s = String.format(Locale.ROOT, "%." + decimals + "f", t);
      labels.add(s.matches("-0\\.?0*") ? s.substring(1) : s);
    }
    return labels;
  }

  /** @return 1, 2 or 5 times a power of ten, the nearest to raw */
  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
    return nice * mag;
  }
}

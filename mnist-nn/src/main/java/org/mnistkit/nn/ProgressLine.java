package org.mnistkit.nn;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a progress bar as Keras's Progbar does (verbose = 1): while an epoch runs
 * <pre>128/469 [=======&gt;......................] - ETA: 6s - loss: 0.3817 - accuracy: 0.8912</pre>
 * and when it ends
 * <pre>469/469 [==============================] - 9s 19ms/step - loss: 0.2573 - accuracy: 0.9254</pre>
 * Steps are batches; the metrics are running means over the
 * epoch so far. Formatting follows Keras 2's Progbar: 30-character bar, ETA as "Ns", "m:ss" or
 * "h:mm:ss", time per step in s, ms or us, values with 4 decimals (or 4-digit exponent notation
 * below 1e-3).
 */
final class ProgressLine {

  static final int BAR_WIDTH = 30;

  /**
   * @param current steps done
   * @param max steps in the epoch
   * @param elapsed time since the epoch started
   * @param finished true for the epoch's final line
   * @param metrics the formatted metrics, such as " - loss: 0.2573 - accuracy: 0.9254", or empty
   */
  static String format(long current, long max, Duration elapsed, boolean finished, String metrics) {
    int digits = Long.toString(max).length();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, max));
    int filled = max > 0 ? (int) (BAR_WIDTH * current / max) : BAR_WIDTH;
    if (filled > 0) {
      sb.append("=".repeat(filled - 1)).append(current < max ? '>' : '=');
    }
    sb.append(".".repeat(BAR_WIDTH - filled)).append(']');
    double seconds = elapsed.toNanos() / 1e9;
    if (finished || current >= max) {
      sb.append(String.format(Locale.ROOT, " - %.0fs", seconds));
      if (current > 0) {
        sb.append(' ').append(perStep(seconds / current));
      }
    } else if (current > 0) {
      sb.append(" - ETA: ").append(eta(seconds / current * (max - current)));
    }
    return sb.append(metrics == null ? "" : metrics).toString();
  }

  /**
   * The one-line summary of an epoch for verbose = 2, as Keras prints it:
   * <pre>469/469 - 9s - loss: 0.2573 - accuracy: 0.9254</pre>
   */
  static String summaryLine(long steps, Duration elapsed, String metrics) {
    return String.format(Locale.ROOT, "%d/%d - %.0fs", steps, steps, elapsed.toNanos() / 1e9) + metrics;
  }

  /** @return " - name: value" for each entry, values formatted as Keras does */
  static String metrics(Map<String, Double> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach((name, v) -> sb.append(" - ").append(name).append(": ").append(value(v)));
    return sb.toString();
  }

  static String value(double v) {
    return Math.abs(v) > 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
  }

  static String eta(double seconds) {
    long s = Math.round(seconds);
    if (s > 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
    if (s > 60) {
      return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
    return s + "s";
  }

  static String perStep(double seconds) {
    if (seconds >= 1) {
      return String.format(Locale.ROOT, "%.0fs/step", seconds);
    }
    if (seconds >= 1e-3) {
      return String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3);
    }
    return String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
  }
}

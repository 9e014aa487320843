package org.mnistkit.eda.umap;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Progress messages on stderr, one line per phase with a time stamp, in the style of uwot's
 * verbose output ({@code 12:01:33 Commencing smooth kNN distance calibration using 2 threads}).
 * Silent when off.
 */
final class Log {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final boolean on;
  private final PrintStream out;
  private final long start = System.nanoTime();

  Log(boolean on) {
    this.on = on;
    this.out = System.err;
  }

  boolean on() {
    return on;
  }

  void say(String format, Object... args) {
    if (on) {
      out.println(LocalTime.now().format(TIME) + " " + String.format(Locale.ROOT, format, args));
      out.flush();
    }
  }

  /** @return seconds since this log was created */
  double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** An epoch reporter that prints at every tenth of the run. */
  LayoutOptimizer.Progress epochs() {
    if (!on) {
      return null;
    }
    return (epoch, total) -> {
      if (epoch == total || epoch % Math.max(1, total / 10) == 0) {
        say("epoch %d / %d (%.1f s)", epoch, total, elapsed());
      }
    };
  }
}

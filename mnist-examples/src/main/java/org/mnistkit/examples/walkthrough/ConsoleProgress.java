package org.mnistkit.examples.walkthrough;

import java.io.PrintStream;
import java.util.Locale;
import org.mnistkit.core.concurrent.Progress;
import org.mnistkit.core.concurrent.RedrawClock;

/**
 * A step's progress line on stderr, such as
 * <pre>forest [=========&gt;..........]  230/500 trees  12.4 s</pre>
 * redrawn in place at most every {@link #REFRESH_MILLIS} ms by the thread the library calls it
 * on (the caller's; see {@link Progress}), so no thread is started and nothing outlives the step.
 * Closing it ends the line. A disabled one (with {@code --quiet}, or when the console is not a
 * terminal) draws nothing.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

  static final int REFRESH_MILLIS = 250;
  static final int BAR_WIDTH = 20;

  private final String label;
  private final String unit;
  private final PrintStream out;
  private final RedrawClock clock = new RedrawClock(REFRESH_MILLIS);
  private long done;
  private long total = -1;
  private boolean drawn;

  /**
   * @param label the step, such as {@code forest}
   * @param unit what is counted, such as {@code trees}
   * @param out where the line goes, or null for a disabled line
   */
  ConsoleProgress(String label, String unit, PrintStream out) {
    this.label = label;
    this.unit = unit;
    this.out = out;
  }

  @Override
  public void update(long done, long total) {
    this.done = done;
    this.total = total;
    if (out != null && clock.due()) {
      drawn = true;
      out.print('\r');
      out.print(line(label, done, total, unit, clock.elapsedSeconds()));
      out.flush();
    }
  }

  /** Draws the last state and ends the line, if anything was drawn. Idempotent. */
  @Override
  public void close() {
    if (out != null && drawn) {
      drawn = false;
      out.print('\r');
      out.println(line(label, done, total, unit, clock.elapsedSeconds()));
      out.flush();
    }
  }

  /**
   * @param total the units in all, or -1 when unknown (then no bar is drawn)
   * @return for example {@code forest [=========>..........]  230/500 trees  12.4 s}
   */
  static String line(String label, long done, long total, String unit, double seconds) {
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %d %s  %.1f s", label, done, unit, seconds);
    }
    int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
    String bar = "=".repeat(Math.max(0, filled - (done < total ? 1 : 0))) + (done < total && filled > 0 ? ">" : "")
        + ".".repeat(BAR_WIDTH - filled);
    int digits = Long.toString(total).length();
    return String.format(Locale.ROOT, "%s [%s] %" + digits + "d/%d %s  %.1f s", label, bar, done, total, unit,
        seconds);
  }
}

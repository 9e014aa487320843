package org.mnistkit.core.data;

import java.io.PrintStream;
import java.util.Locale;
import org.mnistkit.core.concurrent.RedrawClock;

/**
 * A download's progress line on stderr, {@code train-images-idx3-ubyte  42% 4.2/9.9 MiB 3.1 MiB/s},
 * drawn by the reading thread itself at most every {@link #REFRESH_MILLIS} ms (redrawn in place on
 * an interactive console; otherwise only the final line is printed). No thread is started, so
 * nothing outlives the download.
 */
final class DownloadProgress implements AutoCloseable {

  static final int REFRESH_MILLIS = 250;
  private static final double MIB = 1 << 20;

  private final String name;
  private final long length;
  private final PrintStream out;
  private final boolean interactive;
  private final RedrawClock clock = new RedrawClock(REFRESH_MILLIS);
  private long done;
  private boolean closed;

  /**
   * @param name the file's name
   * @param length its expected length in bytes, or a value below 1 when unknown
   * @param out where the line goes
   * @param interactive true to redraw the line in place
   */
  DownloadProgress(String name, long length, PrintStream out, boolean interactive) {
    this.name = name;
    this.length = length;
    this.out = out;
    this.interactive = interactive;
  }

  /** @param bytes read since the last call */
  void stepBy(long bytes) {
    done += bytes;
    if (interactive && clock.due()) {
      out.print('\r');
      out.print(line(clock.elapsedNanos()));
      out.flush();
    }
  }

  /** Ends the line. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    out.println((interactive ? "\r" : "") + line(clock.elapsedNanos()));
    out.flush();
  }

  /** @return the line for the bytes read so far, {@code elapsedNanos} after the start */
  String line(long elapsedNanos) {
    double seconds = Math.max(1e-9, elapsedNanos / 1e9);
    String percent = length > 0 ? String.format(Locale.ROOT, "%3d%% ", Math.min(100, done * 100 / length)) : "";
    String total = length > 0 ? String.format(Locale.ROOT, "/%.1f", length / MIB) : "";
    return String.format(Locale.ROOT, "%s %s%.1f%s MiB %.1f MiB/s", name, percent, done / MIB, total,
        done / MIB / seconds);
  }
}

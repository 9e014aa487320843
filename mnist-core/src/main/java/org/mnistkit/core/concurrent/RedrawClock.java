package org.mnistkit.core.concurrent;

/**
 * When a progress line that the working thread draws itself is due for a redraw: on the first
 * call, then at most once every interval. It starts no thread and holds no lock; use one per
 * line, from one thread. The download, epoch and walkthrough progress lines share it.
 */
public final class RedrawClock {

  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  // one interval before the start, so the first call is due (Long.MIN_VALUE would overflow in now - last)
  private long lastNanos;

  /**
   * Starts the clock now.
   *
   * @param intervalMillis the least time between two redraws, in milliseconds, at least 0
   * @throws IllegalArgumentException when intervalMillis is negative
   */
  public RedrawClock(long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("intervalMillis must be >= 0, got " + intervalMillis);
    }
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.lastNanos = startNanos - intervalNanos;
  }

  /**
   * @return true when a redraw is due (the first call, or the interval has passed since the last
   *     call that returned true); a true answer counts as the redraw
   */
  public boolean due() {
    long now = System.nanoTime();
    if (now - lastNanos >= intervalNanos) {
      lastNanos = now;
      return true;
    }
    return false;
  }

  /** @return nanoseconds since the clock was made, at least 0 */
  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** @return seconds since the clock was made, at least 0 */
  public double elapsedSeconds() {
    return elapsedNanos() / 1e9;
  }
}

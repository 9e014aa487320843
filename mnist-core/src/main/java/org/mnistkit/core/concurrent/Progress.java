package org.mnistkit.core.concurrent;

/**
 * Told how far a long computation has come, such as trees grown or restarts done. A computation
 * that takes one calls it only on the thread that called the computation, never on a worker
 * thread, and only while that call runs; so a listener may draw on a console without locking,
 * and no thread outlives the call to keep drawing. Throttling (say, a redraw every 250 ms) is the
 * listener's business.
 */
@FunctionalInterface
public interface Progress {

  /** A listener that ignores every update. */
  Progress NONE = (done, total) -> { };

  /**
   * @param done units finished so far, at least 0, never decreasing within one computation
   * @param total units in all, at least {@code done}; or -1 when not known in advance (for example
   *     the restarts of an iterative method that stops when it converges)
   */
  void update(long done, long total);
}

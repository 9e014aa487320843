package org.mnistkit.nn;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.mnistkit.core.concurrent.RedrawClock;

/**
 * What the user sees of one epoch, by verbosity: nothing (0); "Epoch i/n" and a
 * {@link ProgressLine} bar redrawn in place on an interactive console (System.out or System.err
 * while {@code System.console()} exists), or only its final line
 * otherwise, as Keras does when stdout is not a terminal (1); "Epoch i/n" and one summary line (2).
 * The bar is drawn on the training thread itself, at most every {@link #REFRESH_MILLIS} ms, as
 * Keras's Progbar does: no thread is started, so nothing outlives {@code fit} (a refresh thread
 * would keep {@code mvn exec:java} waiting for it after the program ends).
 */
final class EpochProgress implements AutoCloseable {

  static final int REFRESH_MILLIS = 100;

  private final int verbose;
  private final PrintStream out;
  private final long steps;
  private final boolean interactive;
  private final RedrawClock clock = new RedrawClock(REFRESH_MILLIS);
  private long current;
  private String metrics = "";
  private boolean closed;

  private EpochProgress(int verbose, PrintStream out, long steps, boolean interactive) {
    this.verbose = verbose;
    this.out = out;
    this.steps = steps;
    this.interactive = interactive;
  }

  /**
   * Announces an epoch.
   *
   * @param epoch from 0
   */
  static EpochProgress start(FitOptions options, int epoch, long steps) {
    int verbose = options.verbose();
    PrintStream out = options.output();
    if (verbose > 0) {
      out.println("Epoch " + (epoch + 1) + "/" + options.epochs());
    }
    return new EpochProgress(verbose, out, steps,
        (out == System.out || out == System.err) && System.console() != null);
  }

  /** @param metrics running means so far */
  void update(long step, Map<String, Double> metrics) {
    if (verbose != 1) {
      return;
    }
    current = step;
    this.metrics = ProgressLine.metrics(metrics);
    if (interactive && clock.due()) {
      out.print('\r');
      out.print(line(false));
      out.flush();
    }
  }

  /** Prints the epoch's final line with its results, validation included. */
  void finish(Map<String, Double> logs) {
    if (verbose == 1) {
      current = steps;
      metrics = ProgressLine.metrics(logs);
      close();
    } else if (verbose == 2) {
      out.println(ProgressLine.summaryLine(steps, elapsed(), ProgressLine.metrics(logs)));
    }
  }

  /** Ends the bar's line (also when an epoch fails). Idempotent. */
  @Override
  public void close() {
    if (verbose != 1 || closed) {
      return;
    }
    closed = true;
    if (interactive) {
      out.print('\r');
    }
    out.println(line(true));
    out.flush();
  }

  private String line(boolean finished) {
    return ProgressLine.format(current, steps, elapsed(), finished, metrics);
  }

  private Duration elapsed() {
    return Duration.ofNanos(clock.elapsedNanos());
  }
}

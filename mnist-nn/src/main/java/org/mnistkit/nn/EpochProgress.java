package org.mnistkit.nn;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * What the user sees of one epoch, by verbosity: nothing (0); "Epoch i/n" and a
 * {@link ProgressLine} bar redrawn in place on an interactive console, or only its final line
 * otherwise, as Keras does when stdout is not a terminal (1); "Epoch i/n" and one summary line (2).
 * The bar is drawn by me.tongfei's ProgressBar on its own thread, at most every
 * {@link #REFRESH_MILLIS} ms, into a {@link Sink} that this class closes itself: ProgressBar
 * 0.10.1 does not close its consumer when the bar is closed before its first scheduled refresh
 * (an epoch shorter than a refresh), which would lose the final line.
 */
final class EpochProgress implements AutoCloseable {

  static final int REFRESH_MILLIS = 100;

  private final int verbose;
  private final PrintStream out;
  private final long steps;
  private final long startNanos = System.nanoTime();
  private final ProgressBar bar;
  private final Sink sink;

  private EpochProgress(int verbose, PrintStream out, long steps, ProgressBar bar, Sink sink) {
    this.verbose = verbose;
    this.out = out;
    this.steps = steps;
    this.bar = bar;
    this.sink = sink;
  }

  /**
   * Announces an epoch and starts its bar.
   *
   * @param epoch from 0
   */
  static EpochProgress start(FitOptions options, int epoch, long steps) {
    int verbose = options.verbose();
    PrintStream out = options.output();
    if (verbose == 0) {
      return new EpochProgress(0, out, steps, null, null);
    }
    out.println("Epoch " + (epoch + 1) + "/" + options.epochs());
    ProgressBar bar = null;
    Sink sink = null;
    if (verbose == 1) {
      sink = new Sink(out, out == System.out && System.console() != null);
      bar = new ProgressBarBuilder()
          .setInitialMax(steps)
          .setRenderer(new ProgressLine())
          .setConsumer(sink)
          .setUpdateIntervalMillis(REFRESH_MILLIS)
          .build();
    }
    return new EpochProgress(verbose, out, steps, bar, sink);
  }

  /** @param metrics running means so far */
  void update(long step, Map<String, Double> metrics) {
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(ProgressLine.metrics(metrics));
    }
  }

  /** Prints the epoch's final line with its results, validation included. */
  void finish(Map<String, Double> logs) {
    if (verbose == 1) {
      bar.stepTo(steps);
      bar.setExtraMessage(ProgressLine.metrics(logs));
      close();
    } else if (verbose == 2) {
      out.println(ProgressLine.summaryLine(steps, Duration.ofNanos(System.nanoTime() - startNanos),
          ProgressLine.metrics(logs)));
    }
  }

  /**
   * Stops the bar's refresh task (also when an epoch fails) and ends its line. Idempotent.
   */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      sink.close();
    }
  }

  /**
   * Receives the renderings: on an interactive console each one redraws the line (carriage
   * return); otherwise only the last one is printed, when the sink closes. Closing is idempotent.
   */
  private static final class Sink implements ProgressBarConsumer {
    private final PrintStream out;
    private final boolean interactive;
    private String last = "";
    private boolean closed;

    Sink(PrintStream out, boolean interactive) {
      this.out = out;
      this.interactive = interactive;
    }

    @Override
    public int getMaxRenderedLength() {
      return interactive ? 160 : 0;
    }

    @Override
    public synchronized void accept(String rendered) {
      last = rendered;
      if (interactive && !closed) {
        out.print('\r');
        out.print(rendered);
        out.flush();
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      out.println(interactive ? "" : last);
      out.flush();
    }
  }
}
